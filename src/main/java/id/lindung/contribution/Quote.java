package id.lindung.contribution;

import java.time.YearMonth;
import java.util.List;

/** What a membership pays in a month, line by line. */
public record Quote(YearMonth month, List<BillLine> lines) {

    public Quote {
        lines = List.copyOf(lines);
    }

    public long total() {
        return lines.stream().mapToLong(BillLine::amount).sum();
    }

    public long employerTotal() {
        return lines.stream().mapToLong(BillLine::employerAmount).sum();
    }

    public long workerTotal() {
        return lines.stream().mapToLong(BillLine::workerAmount).sum();
    }
}
