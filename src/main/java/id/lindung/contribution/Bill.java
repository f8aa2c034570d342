package id.lindung.contribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** A monthly (or one-off) bill with its lines. {@code status}: OPEN, PAID or CANCELLED (membership lapsed). */
public record Bill(
        long id,
        long membershipId,
        YearMonth period,
        LocalDate dueDate,
        long amount,
        long paid,
        String status,
        List<BillLine> lines) {

    public Bill {
        lines = List.copyOf(lines);
    }

    @JsonProperty
    public long outstanding() {
        return "OPEN".equals(status) ? amount - paid : 0;
    }
}
