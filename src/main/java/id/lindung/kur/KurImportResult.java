package id.lindung.kur;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an import did: rows read, loans new, updated (a corrected row), unchanged (the same as before), refused
 * (with the first problems; all of them in the error report). {@code replayed}: the same file was imported before
 * and nothing changed now.
 */
public record KurImportResult(
        long fileId,
        String fileName,
        String format,
        @Nullable String uploadedByBank,
        int rows,
        int inserted,
        int updated,
        int unchanged,
        int rejected,
        String uploadedBy,
        Instant uploadedAt,
        boolean replayed,
        List<RowError> errors) {

    public KurImportResult {
        errors = List.copyOf(errors);
    }

    /** A problem of a row: the line in the file (the header is line 1), the column, the message code and args. */
    public record RowError(int line, String field, String code, List<String> args) {}
}
