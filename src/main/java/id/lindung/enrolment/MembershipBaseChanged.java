package id.lindung.enrolment;

import java.time.YearMonth;

/** Published when declared income or wage changes from a month on. */
public record MembershipBaseChanged(
        MembershipId membershipId, YearMonth effectiveFrom, long previousAmount, long amount) {}
