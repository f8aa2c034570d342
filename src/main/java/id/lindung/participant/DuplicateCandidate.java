package id.lindung.participant;

import java.time.Instant;

/**
 * Two participants who may be one person, waiting for an officer's review. {@code reason}: {@code NAME_BIRTH_DATE}
 * (same name and birth date, different NIKs) or {@code NIK_WHITESPACE} (NIKs equal but for white space around one,
 * found by migration V32 when it made NIKs canonical).
 */
public record DuplicateCandidate(
        ParticipantSummary newer, ParticipantSummary older, Instant detectedAt, String reason) {}
