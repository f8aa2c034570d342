package id.lindung.enrolment;

import java.time.YearMonth;

/** Published when an approved start correction moved a membership's start back: the months between are owed. */
public record MembershipStartMoved(MembershipId membershipId, YearMonth previousStart, YearMonth newStart) {}
