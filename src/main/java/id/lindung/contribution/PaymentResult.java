package id.lindung.contribution;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What became of a payment: {@code APPLIED} (allocated to bills, the rest kept as credit) or {@code REJECTED}
 * (recorded for refund, e.g. the membership had ended). {@code replayed}: this key was seen before and nothing
 * changed now.
 */
public record PaymentResult(
        long paymentId,
        String idempotencyKey,
        long membershipId,
        long amount,
        LocalDate paidOn,
        String status,
        @Nullable String rejectReason,
        long allocated,
        long credit,
        boolean replayed) {}
