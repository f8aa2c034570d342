package id.lindung.contribution;

import java.time.Instant;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * An imported contribution history (opening balances): how many rows, months made paid, memberships, bills the
 * ledger created on the way, the money, registrations moved back, the months it spans, who imported it and when;
 * {@code replayed}: the same file had been imported before and nothing changed. A refused file has no result: its
 * errors come as the refusal ({@code rows[line].column}).
 */
public record HistoryImportResult(
        long importId,
        String fileName,
        String format,
        String sha256,
        int rows,
        int monthsPaid,
        int memberships,
        int billsCreated,
        long totalAmount,
        int registrationsMoved,
        @Nullable YearMonth firstMonth,
        @Nullable YearMonth lastMonth,
        String uploadedBy,
        Instant uploadedAt,
        boolean replayed) {}
