package id.lindung.enrolment;

/** Why a membership ended. */
public enum EndReason {
    /** The participant or employer asked (stopped working, left the employer). */
    REQUESTED,
    /** BPU: more than the allowed months in a row unpaid. */
    LAPSED,
    /** The PMI placement contract or the construction project ended. */
    CONTRACT_ENDED,
    DECEASED
}
