package id.lindung.claim.benefit;

import id.lindung.enrolment.Segment;
import java.util.Objects;

/**
 * The member's facts at the event date, established by the caller (from the memberships and contributions): whether
 * JKK and JKM protected them that day, how many months of contributions were paid, the segment, and the monthly
 * wage in force (for BPU: the declared income), whole rupiah.
 */
public record MemberFacts(Segment segment, boolean jkkProtected, boolean jkmProtected, int contributionMonths,
        long wage) {

    public MemberFacts {
        Objects.requireNonNull(segment, "segment");
    }

    /** Protected under JKK and JKM. */
    public static MemberFacts protectedMember(Segment segment, long wage, int contributionMonths) {
        return new MemberFacts(segment, true, true, contributionMonths, wage);
    }
}
