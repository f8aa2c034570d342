package id.lindung.contribution;

/**
 * Published after a set-based job changed the ledger of many memberships at once (a billing run, a bank payment
 * file, a contribution-history import): {@code source} names the job ({@code BILLING_RUN}, {@code PAYMENT_FILE},
 * {@code HISTORY_IMPORT}) and {@code sourceId} its row. Readers refresh set-wise rather than per membership.
 */
public record LedgerBatchChanged(String source, long sourceId) {}
