package id.lindung.contribution;

import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;

/**
 * A payment that must meet exactly what is owed now (a bank's virtual-account notification) did not: nothing is owed
 * ({@link #owed()} is 0) or the amount differs. Decided under the membership's lock, in the payment's transaction, so
 * no other payment can change what is owed in between; nothing is written.
 */
public final class AmountNotOwed extends InvalidInputException {

    private final long owed;

    AmountNotOwed(String code, long owed) {
        super(FieldIssue.error("amount", code, owed));
        this.owed = owed;
    }

    /** What is owed now, in whole rupiah. */
    public long owed() {
        return owed;
    }
}
