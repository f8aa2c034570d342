package id.lindung.enrolment;

import java.time.Instant;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** A request to move a membership's start back, and its decision by a second officer. */
public record StartCorrection(
        long id,
        long membershipId,
        YearMonth previousStart,
        YearMonth requestedStart,
        String reason,
        String status,
        String requestedBy,
        Instant requestedAt,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt) {}
