package id.lindung.contribution;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One payment. {@code idempotencyKey} identifies it for good (e.g. the bank's transaction reference): sending the
 * same payment again returns the first result and changes nothing.
 */
public record PaymentRequest(
        @Nullable String idempotencyKey,
        @Nullable Long membershipId,
        @Nullable Long amount,
        @Nullable LocalDate paidOn,
        @Nullable String reference) {}
