package id.lindung.contribution;

import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import java.time.YearMonth;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A hypothetical membership in a month, for "what would they pay": the same rules as the billing run.
 * {@code firstMonth} asks for the one-off part (construction, PMI package) too.
 */
public record QuoteRequest(Segment segment, Set<Programme> programmes, YearMonth month, long base,
        @Nullable Integer riskClass, @Nullable Sector sector, boolean governmentPaid, @Nullable Long contractValue,
        @Nullable Integer contractMonths, boolean firstMonth) {

    public QuoteRequest {
        programmes = Set.copyOf(programmes);
    }
}
