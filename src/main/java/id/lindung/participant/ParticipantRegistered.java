package id.lindung.participant;

/** Published when a worker enters the registry. */
public record ParticipantRegistered(ParticipantId participantId, String regionCode) {}
