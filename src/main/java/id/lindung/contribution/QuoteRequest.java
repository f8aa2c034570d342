package id.lindung.contribution;

import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import java.time.YearMonth;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A hypothetical membership in a month, for "what would they pay": the same rules as the billing run, refused where
 * enrolment would refuse the same terms. {@code base}: declared income (BPU), wage (PU) or chosen JHT amount (PMI);
 * {@code riskClass}: the employer's JKK risk class (PU, required); {@code contractValue} (construction) and
 * {@code contractMonths} (PMI) required for their segment. {@code firstMonth} asks for the one-off part
 * (construction, PMI package); when not given, construction and PMI quotes include it.
 */
public record QuoteRequest(
        @Nullable Segment segment,
        @Nullable Set<Programme> programmes,
        @Nullable YearMonth month,
        @Nullable Long base,
        @Nullable Integer riskClass,
        @Nullable Sector sector,
        @Nullable Boolean governmentPaid,
        @Nullable Long contractValue,
        @Nullable Integer contractMonths,
        @Nullable Boolean firstMonth) {

    public QuoteRequest {
        programmes = programmes == null ? Set.of() : Set.copyOf(programmes);
        governmentPaid = Boolean.TRUE.equals(governmentPaid);
    }
}
