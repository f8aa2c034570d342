package id.lindung.contribution.internal;

import id.lindung.participant.NikRules;
import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.Sha256;
import id.lindung.shared.crypto.NikMask;
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
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Reads a bank payment file as a stream and copies its checked rows into a staging table with PostgreSQL COPY,
 * so memory stays flat whatever the file size. Columns by header name, in any order, separated by {@code ;} or
 * {@code ,}: {@code reference} (the bank's unique transaction reference), the membership paid for, {@code amount}
 * (whole rupiah, digits only), {@code paid_on} ({@code yyyy-MM-dd} or {@code dd/MM/yyyy}); a field may be quoted
 * (RFC 4180, the reader every CSV upload uses). The membership is named by one column of {@link Key}: what the
 * bank or the officer knows (membership number, virtual account number or NIK) or Lindung's internal id. Every
 * problem names its line in the file (the header is line 1) and its column as the header spells it; the caller
 * discards the staging rows when there are any, and resolves the keys to memberships within the uploader's scope.
 */
public final class PaymentFileReader {

    static final int MAX_LINE_LENGTH = 4_096;
    private static final List<String> COLUMNS = List.of("reference", "amount", "paid_on");
    // compiled once: String.matches compiles its pattern on every call, three times a row
    private static final Pattern REFERENCE = Pattern.compile("[\\p{Alnum}._/:-]+");
    private static final Pattern MEMBERSHIP_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern MEMBERSHIP_NUMBER = Pattern.compile("2\\d{10}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}");

    /** The columns that may name the membership paid for; a file has exactly one of them. */
    public enum Key {
        MEMBERSHIP_NUMBER("membership_number"),
        VIRTUAL_ACCOUNT("virtual_account"),
        NIK("nik"),
        MEMBERSHIP_ID("membership_id");

        final String column;

        Key(String column) {
            this.column = column;
        }

        static List<String> columns() {
            return java.util.Arrays.stream(values()).map(k -> k.column).toList();
        }
    }

    /**
     * The staging columns after {@code line_no, reference}: the key as read ({@code membership_id},
     * {@code membership_number} or {@code nik_hash}, the others null), then {@code key_shown} (the value as an error
     * may repeat it: a NIK masked), {@code amount}, {@code paid_on}.
     */
    public static final String STAGING_COLUMNS =
            "line_no, reference, membership_id, membership_number, nik_hash, key_shown, amount, paid_on";

    private final LocalDate today;
    private final int maxErrors;

    private final Bounds bounds;
    private final Function<String, Optional<String>> virtualAccount;
    private final Function<String, byte[]> nikIndex;
    private @Nullable Key key;
    private String keyColumn = "";

    /**
     * @param virtualAccount the membership number a VA number names (empty: not one of ours)
     * @param nikIndex the blind index of a NIK, as {@code participant_identity_v.nik_hash} holds it
     */
    public PaymentFileReader(
            Bounds bounds,
            int maxErrors,
            Function<String, Optional<String>> virtualAccount,
            Function<String, byte[]> nikIndex) {
        this.virtualAccount = virtualAccount;
        this.nikIndex = nikIndex;
        this.bounds = bounds;
        this.today = bounds.today();
        this.maxErrors = maxErrors;
    }

    /**
     * What was read: data rows, the first errors and their total count, the file's SHA-256, and which column named
     * the memberships, as the header spells it (empty when the header was refused).
     */
    public record Outcome(
            int rows,
            List<FieldIssue> errors,
            int errorCount,
            String sha256,
            @Nullable Key key,
            String keyColumn) {}

    public Outcome copy(InputStream content, CopyManager copy, String copySql) throws IOException, SQLException {
        List<FieldIssue> errors = new ArrayList<>();
        int[] errorCount = {0};
        int rows = 0;
        key = null;
        keyColumn = "";
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
            int[] keys = TabularFile.header(header, Key.columns(), Set.copyOf(Key.columns()))
                    .index();
            List<Key> present = new ArrayList<>();
            for (Key k : Key.values()) {
                if (keys[k.ordinal()] >= 0) {
                    present.add(k);
                }
            }
            if (present.size() != 1) {
                add(
                        errors,
                        errorCount,
                        FieldIssue.error(
                                "rows[1]",
                                present.isEmpty() ? "payment-file.key.missing" : "payment-file.key.several",
                                String.join(", ", Key.columns())));
            }
            if (errorCount[0] > 0) {
                return finish(in, rows, errors, errorCount[0], digest.hexOfAll());
            }
            Key rowKey = present.get(0);
            key = rowKey;
            int keyIndex = keys[rowKey.ordinal()];
            keyColumn = header.cells().get(keyIndex).replace("\uFEFF", "").trim();
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
                String membership = fields.get(keyIndex).trim();
                String amount = fields.get(index[1]).trim();
                String paidOn = fields.get(index[2]).trim();
                int before = errorCount[0];
                String prefix = "rows[" + lineNo + "].";
                if (reference.isEmpty()) {
                    add(errors, errorCount, FieldIssue.error(prefix + "reference", "field.required"));
                } else if (reference.length() > 100
                        || !REFERENCE.matcher(reference).matches()) {
                    add(errors, errorCount, FieldIssue.error(prefix + "reference", "payment-file.reference.format"));
                }
                FieldIssue keyIssue = checkKey(rowKey, membership, prefix + keyColumn);
                if (keyIssue != null) {
                    add(errors, errorCount, keyIssue);
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
                stageKey(out.number(lineNo).text(reference), rowKey, membership)
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

    private Outcome finish(CopyIn in, int rows, List<FieldIssue> errors, int errorCount, String sha256)
            throws SQLException {
        if (in.isActive()) {
            in.endCopy();
        }
        return new Outcome(rows, List.copyOf(errors), errorCount, sha256, key, keyColumn);
    }

    /** What is wrong with a row's membership key, if anything (reported on the key's column). */
    private @Nullable FieldIssue checkKey(Key key, String value, String field) {
        return switch (key) {
            case MEMBERSHIP_ID ->
                MEMBERSHIP_ID.matcher(value).matches() ? null : FieldIssue.error(field, "payment-file.number", value);
            case MEMBERSHIP_NUMBER ->
                MEMBERSHIP_NUMBER.matcher(value).matches() && luhn(value)
                        ? null
                        : FieldIssue.error(field, "payment-file.membership-number", value);
            case VIRTUAL_ACCOUNT ->
                virtualAccount.apply(value).filter(PaymentFileReader::luhn).isPresent()
                        ? null
                        : FieldIssue.error(field, "payment-file.virtual-account", value);
            case NIK -> {
                String nik = NikRules.canonical(value);
                yield nik != null && nik.length() == 16 && TabularFile.digits(nik, 16)
                        ? null
                        : FieldIssue.error(field, "payment-file.nik", String.valueOf(NikMask.mask(value)));
            }
        };
    }

    /** Writes the key's staging columns (see {@link #STAGING_COLUMNS}) of a row whose key was checked. */
    private CopyText stageKey(CopyText out, Key key, String value) {
        return switch (key) {
            case MEMBERSHIP_ID -> out.number(Long.parseLong(value)).nul(2).text(value);
            case MEMBERSHIP_NUMBER -> out.nul().text(value).nul().text(value);
            case VIRTUAL_ACCOUNT -> {
                String number = virtualAccount.apply(value).orElseThrow();
                yield out.nul().text(number).nul().text(value.strip());
            }
            case NIK -> {
                String nik = java.util.Objects.requireNonNull(NikRules.canonical(value));
                yield out.nul(2).bytes(nikIndex.apply(nik)).text(NikMask.mask(nik));
            }
        };
    }

    /** Whether digits pass the Luhn check (the membership number's last digit). */
    public static boolean luhn(String digits) {
        int total = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            total += d;
        }
        return total % 10 == 0;
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
