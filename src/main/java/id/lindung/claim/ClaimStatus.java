package id.lindung.claim;

/** Where a claim stands. Open: the first three; decided: the rest. */
public enum ClaimStatus {
    /** Taken in; documents may still come. */
    SUBMITTED,
    /** Documents complete and checked: the service level runs from that day. */
    VERIFIED,
    /** Approved by one officer; the amount needs a second one (four eyes). */
    AWAITING_SECOND,
    APPROVED,
    REJECTED,
    /** Approved and paid out. */
    PAID;

    public boolean open() {
        return this == SUBMITTED || this == VERIFIED || this == AWAITING_SECOND;
    }
}
