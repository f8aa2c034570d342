package id.lindung.contribution;

import java.time.Instant;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/** One billing run: the month billed, how far it got, what it created. */
public record BillingRunResult(
        long runId,
        YearMonth period,
        String status,
        int billsCreated,
        int lapsed,
        long lastMembershipId,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String error) {}
