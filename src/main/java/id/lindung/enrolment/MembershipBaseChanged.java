package id.lindung.enrolment;

import java.time.YearMonth;

/** Published when declared income or wage changes from a month on. */
public record MembershipBaseChanged(long membershipId, YearMonth effectiveFrom, long previousAmount, long amount) {
}
