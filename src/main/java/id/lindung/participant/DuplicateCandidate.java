package id.lindung.participant;

import java.time.Instant;

/** Two participants with the same name and birth date but different NIKs, waiting for an officer's review. */
public record DuplicateCandidate(ParticipantSummary newer, ParticipantSummary older, Instant detectedAt) {
}
