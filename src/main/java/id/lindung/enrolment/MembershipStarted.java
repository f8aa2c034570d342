package id.lindung.enrolment;

import id.lindung.participant.ParticipantId;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * Published when a membership begins, and when an ended membership runs again because its end was corrected (a death
 * recorded in error): listeners re-read the membership.
 */
public record MembershipStarted(
        MembershipId membershipId,
        @Nullable ParticipantId participantId,
        Segment segment,
        Channel channel,
        String regionCode,
        YearMonth startMonth) {}
