package id.lindung.contribution.internal;

import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.Sha256;
import id.lindung.shared.tabular.CopyText;
import id.lindung.shared.tabular.CsvRowSource;
import id.lindung.shared.tabular.CsvTokenizer;
import id.lindung.shared.tabular.RowSource;
import id.lindung.shared.tabular.TabularFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Reads a bank payment file as a stream and copies its checked rows into a staging table with PostgreSQL COPY,
 * so memory stays flat whatever the file size. Columns by header name, in any order, separated by {@code ;} or
 * {@code ,}: {@code reference} (the bank's unique transaction reference), {@code membership_id}, {@code amount}
 * (whole rupiah, digits only), {@code paid_on} ({@code yyyy-MM-dd} or {@code dd/MM/yyyy}); a field may be quoted
 * (RFC 4180, the reader every CSV upload uses). Every problem names its line in the file (the header is line 1) and
 * column; the caller discards the staging rows when there are any.
 */
public final class PaymentFileReader {

    static final int MAX_LINE_LENGTH = 4_096;
    private static final List<String> COLUMNS = List.of("reference", "membership_id", "amount", "paid_on");
    // compiled once: String.matches compiles its pattern on every call, three times a row
    private static final Pattern REFERENCE = Pattern.compile("[\\p{Alnum}._/:-]+");
    private static final Pattern MEMBERSHIP_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}");

    private final LocalDate today;
    private final int maxErrors;

    private final Bounds bounds;

    public PaymentFileReader(Bounds bounds, int maxErrors) {
        this.bounds = bounds;
        this.today = bounds.today();
        this.maxErrors = maxErrors;
    }

    /** What was read: data rows, the first errors and their total count, the file's SHA-256. */
    public record Outcome(int rows, List<FieldIssue> errors, int errorCount, String sha256) {}

    public Outcome copy(InputStream content, CopyManager copy, String copySql) throws IOException, SQLException {
        List<FieldIssue> errors = new ArrayList<>();
        int[] errorCount = {0};
        int rows = 0;
        Sha256.Reading digest = Sha256.reading(content);
        CopyIn in = copy.copyIn(copySql);
        boolean done = false;
        // a line holds at most MAX_LINE_LENGTH + 1 fields (all empty); longer lines are refused below
        try (CsvRowSource reader = TabularFile.csv(digest, MAX_LINE_LENGTH, MAX_LINE_LENGTH + 1)) {
            CopyText out = new CopyText();
            RowSource.Row header = reader.next();
            if (header == null) {
                return finish(in, rows, errors, errorCount[0], digest.hexOfAll());
            }
            if (tooLong(header)) {
                add(errors, errorCount, FieldIssue.error("rows[1]", "payment-file.line.too-long", MAX_LINE_LENGTH));
                return finish(in, rows, errors, errorCount[0], digest.hexOfAll());
            }
            int columns = header.cells().size();
            TabularFile.Header found = TabularFile.header(header, COLUMNS, Set.of());
            int[] index = found.index();
            for (String missing : found.missing()) {
                add(
                        errors,
                        errorCount,
                        FieldIssue.error(
                                "rows[1]." + missing,
                                "payment-file.column.missing",
                                missing,
                                String.join(", ", COLUMNS)));
            }
            if (errorCount[0] > 0) {
                return finish(in, rows, errors, errorCount[0], digest.hexOfAll());
            }
            RowSource.Row row;
            while ((row = reader.next()) != null) {
                int lineNo = row.line();
                if (tooLong(row)) {
                    add(
                            errors,
                            errorCount,
                            FieldIssue.error("rows[" + lineNo + "]", "payment-file.line.too-long", MAX_LINE_LENGTH));
                    break;
                }
                List<String> fields = row.cells();
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                rows++;
                if (fields.size() != columns) {
                    add(
                            errors,
                            errorCount,
                            FieldIssue.error(
                                    "rows[" + lineNo + "]",
                                    "payment-file.field-count",
                                    fields.size(),
                                    columns,
                                    String.valueOf(reader.separator())));
                    continue;
                }
                String reference = fields.get(index[0]).trim();
                String membership = fields.get(index[1]).trim();
                String amount = fields.get(index[2]).trim();
                String paidOn = fields.get(index[3]).trim();
                int before = errorCount[0];
                String prefix = "rows[" + lineNo + "].";
                if (reference.isEmpty()) {
                    add(errors, errorCount, FieldIssue.error(prefix + "reference", "field.required"));
                } else if (reference.length() > 100
                        || !REFERENCE.matcher(reference).matches()) {
                    add(errors, errorCount, FieldIssue.error(prefix + "reference", "payment-file.reference.format"));
                }
                if (!MEMBERSHIP_ID.matcher(membership).matches()) {
                    add(
                            errors,
                            errorCount,
                            FieldIssue.error(prefix + "membership_id", "payment-file.number", membership));
                }
                if (!AMOUNT.matcher(amount).matches()) {
                    add(errors, errorCount, FieldIssue.error(prefix + "amount", "payment-file.amount", amount));
                } else if (Long.parseLong(amount) == 0) {
                    add(errors, errorCount, FieldIssue.error(prefix + "amount", "amount.positive"));
                } else if (!bounds.plausible(Bounds.Money.PAYMENT, Long.parseLong(amount))) {
                    add(errors, errorCount, bounds.moneyIssue(Bounds.Money.PAYMENT, prefix + "amount"));
                }
                LocalDate date = date(paidOn);
                if (date == null) {
                    add(errors, errorCount, FieldIssue.error(prefix + "paid_on", "payment-file.date", paidOn));
                } else if (date.isAfter(today)) {
                    add(errors, errorCount, FieldIssue.error(prefix + "paid_on", "payment.paid-on.future"));
                } else if (date.isBefore(Bounds.EARLIEST_PAYMENT)) {
                    List<FieldIssue> old = new ArrayList<>(1);
                    bounds.checkPaidOn(prefix + "paid_on", date, old);
                    old.forEach(issue -> add(errors, errorCount, issue));
                }
                if (errorCount[0] > before || errorCount[0] > 0) {
                    continue; // once anything is wrong the file is refused: stop copying, keep checking
                }
                out.number(lineNo)
                        .text(reference)
                        .number(Long.parseLong(membership))
                        .number(Long.parseLong(amount))
                        .value(date)
                        .end();
                out.sendWhenFull(in);
            }
            out.sendTo(in);
            done = true;
            return finish(in, rows, errors, errorCount[0], digest.hexOfAll());
        } catch (CharacterCodingException e) {
            add(errors, errorCount, FieldIssue.error("file", "payment-file.encoding"));
            return finish(in, rows, errors, errorCount[0], "");
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            add(errors, errorCount, FieldIssue.error("rows[" + e.line + "]", "payment-file.quote", e.line));
            return finish(in, rows, errors, errorCount[0], "");
        } finally {
            if (!done && in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static Outcome finish(CopyIn in, int rows, List<FieldIssue> errors, int errorCount, String sha256)
            throws SQLException {
        if (in.isActive()) {
            in.endCopy();
        }
        return new Outcome(rows, List.copyOf(errors), errorCount, sha256);
    }

    private void add(List<FieldIssue> errors, int[] count, FieldIssue issue) {
        count[0]++;
        if (errors.size() < maxErrors) {
            errors.add(issue);
        }
    }

    private static @Nullable LocalDate date(String s) {
        try {
            return TabularFile.date(s, false);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether a line is longer than {@link #MAX_LINE_LENGTH} characters: a field longer than that, or fields (with
     * their separators) that are together.
     */
    private static boolean tooLong(RowSource.Row row) {
        if (!row.tooLong().isEmpty()) {
            return true;
        }
        int length = row.cells().size() - 1;
        for (String cell : row.cells()) {
            length += cell.length();
        }
        return length > MAX_LINE_LENGTH;
    }
}
