package id.lindung.contribution;

/**
 * A bank payment file: rows read, payments applied, rejected (recorded for refund) and already known (the same key
 * seen before: skipped). {@code replayed}: the very same file was uploaded before and nothing changed now.
 */
public record PaymentFileResult(
        long fileId,
        String fileName,
        int rows,
        int applied,
        int rejected,
        int alreadyKnown,
        long totalAmount,
        boolean replayed) {}
