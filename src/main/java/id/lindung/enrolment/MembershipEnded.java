package id.lindung.enrolment;

import id.lindung.participant.ParticipantId;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** Published when a membership ends; {@code lastProtectedMonth} is its last covered month. */
public record MembershipEnded(
        MembershipId membershipId,
        @Nullable ParticipantId participantId,
        Segment segment,
        String regionCode,
        YearMonth lastProtectedMonth,
        EndReason reason) {}
