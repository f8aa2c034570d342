package id.lindung.claim.benefit;

import id.lindung.enrolment.Segment;
import java.util.Objects;

/**
 * The member's facts at the event date, established by the caller (from the memberships and contributions): whether
 * JKK and JKM protected them that day, how many months of contributions were paid, the segment, and the monthly
 * wage in force (for BPU: the declared income), whole rupiah. {@code employerDefault}: why a PU worker was not
 * protected when the cause is the employer's (not registered yet, or beyond the arrears grace); the benefit is then
 * the employer's to pay where a rule says so ({@link EmployerLiability}).
 */
public record MemberFacts(
        Segment segment,
        boolean jkkProtected,
        boolean jkmProtected,
        int contributionMonths,
        long wage,
        EmployerDefault employerDefault) {

    /** Why the employer, not the worker, stands behind a missing protection. */
    public enum EmployerDefault {
        /** Nothing of the employer's: either protected, or not protected for the worker's own reasons. */
        NONE,
        /** The event came before the employer registered the worker (a back-dated start, that month unpaid). */
        UNREGISTERED,
        /** The employer was more bills behind than the grace allows. */
        ARREARS
    }

    public MemberFacts {
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(employerDefault, "employerDefault");
    }

    public MemberFacts(Segment segment, boolean jkkProtected, boolean jkmProtected, int contributionMonths, long wage) {
        this(segment, jkkProtected, jkmProtected, contributionMonths, wage, EmployerDefault.NONE);
    }

    /** Protected under JKK and JKM. */
    public static MemberFacts protectedMember(Segment segment, long wage, int contributionMonths) {
        return new MemberFacts(segment, true, true, contributionMonths, wage);
    }
}
