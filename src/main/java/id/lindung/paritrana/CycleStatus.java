package id.lindung.paritrana;

/** Where a cycle stands: evidence is entered while OPEN, the jury scores while OPEN or SCORING, CLOSED is final. */
public enum CycleStatus {
    OPEN,
    SCORING,
    CLOSED
}
