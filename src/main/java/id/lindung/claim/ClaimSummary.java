package id.lindung.claim;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A line of the work queue. */
public record ClaimSummary(
        long id,
        String claimNumber,
        long participantId,
        String participantName,
        String kind,
        LocalDate eventDate,
        ClaimStatus status,
        long total,
        boolean eligible,
        String regionCode,
        @Nullable String assignedTo,
        @Nullable LocalDate dueDate,
        Instant submittedAt,
        int version) {}
