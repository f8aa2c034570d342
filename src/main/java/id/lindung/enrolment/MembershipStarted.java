package id.lindung.enrolment;

import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** Published when a membership begins. */
public record MembershipStarted(long membershipId, @Nullable Long participantId, Segment segment, Channel channel,
        String regionCode, YearMonth startMonth) {
}
