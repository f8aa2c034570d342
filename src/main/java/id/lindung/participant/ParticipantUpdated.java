package id.lindung.participant;

import java.util.Set;

/** Published when a participant's data changed; {@code fields} names what changed. */
public record ParticipantUpdated(ParticipantId participantId, String regionCode, Set<String> fields) {}
