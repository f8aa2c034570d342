package id.lindung.enrolment;

import java.time.YearMonth;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Input for enrolling a participant. {@code programmes} may name only the optional ones (mandatory ones are always
 * added). {@code baseAmount}: declared monthly income for BPU, reported monthly wage for PU, chosen monthly JHT
 * amount for PMI with JHT. {@code contractMonths}: PMI placement contract length.
 */
public record EnrolmentRequest(
        @Nullable Long participantId,
        @Nullable Segment segment,
        @Nullable Channel channel,
        @Nullable Set<Programme> programmes,
        @Nullable Long employerId,
        @Nullable Long baseAmount,
        @Nullable Sector sector,
        @Nullable Boolean governmentPaid,
        @Nullable YearMonth startMonth,
        @Nullable Integer contractMonths) {

    public boolean paidByGovernment() {
        return Boolean.TRUE.equals(governmentPaid);
    }
}
