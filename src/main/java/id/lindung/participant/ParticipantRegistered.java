package id.lindung.participant;

/** Published when a worker enters the registry. */
public record ParticipantRegistered(long participantId, String regionCode) {
}
