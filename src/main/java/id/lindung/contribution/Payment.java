package id.lindung.contribution;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A recorded payment: allocated to bills, the rest ({@code unallocated}) is credit or, if rejected, to refund. */
public record Payment(
        long id,
        String idempotencyKey,
        long amount,
        LocalDate paidOn,
        String channel,
        @Nullable String reference,
        String status,
        @Nullable String rejectReason,
        long allocated,
        long unallocated) {}
