package id.lindung.contribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.YearMonth;
import java.util.List;

/** What a membership pays in a month, line by line. */
public record Quote(YearMonth month, List<BillLine> lines) {

    public Quote {
        lines = List.copyOf(lines);
    }

    @JsonProperty
    public long total() {
        return lines.stream().mapToLong(BillLine::amount).sum();
    }

    @JsonProperty
    public long employerTotal() {
        return lines.stream().mapToLong(BillLine::employerAmount).sum();
    }

    @JsonProperty
    public long workerTotal() {
        return lines.stream().mapToLong(BillLine::workerAmount).sum();
    }
}
