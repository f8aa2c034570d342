package id.lindung.enrolment;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** Published when a membership ends; {@code lastProtectedMonth} is its last covered month. */
public record MembershipEnded(long membershipId, @Nullable Long participantId, Segment segment, String regionCode,
        YearMonth lastProtectedMonth, EndReason reason) {
}
