package id.lindung.participant;

/** Registry status of a person (not membership status, which the enrolment module owns). */
public enum ParticipantStatus {
    ACTIVE,
    INACTIVE,
    DECEASED
}
