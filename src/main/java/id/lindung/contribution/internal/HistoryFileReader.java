package id.lindung.contribution.internal;

import id.lindung.participant.IdentityView;
import id.lindung.participant.NikRules;
import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.crypto.Vault;
import id.lindung.shared.tabular.CsvTokenizer;
import id.lindung.shared.tabular.RowSource;
import id.lindung.shared.tabular.TabularFile;
import id.lindung.shared.tabular.XlsxLimits;
import id.lindung.shared.tabular.XlsxRefusedException;
import id.lindung.shared.tabular.XlsxRowSource;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Reads a contribution-history file (CSV or XLSX, docs/contribution-history-format.md) as a stream, checks each row on
 * its own (formats, dates, the NIK's rules) and copies rows and their problems into the staging table with one COPY:
 * memory stays flat whatever the file size. A NIK leaves this class only as its blind index (the registry's, so that
 * it matches {@code participant_identity_v.nik_hash}); it is never staged in clear. Whatever needs the database
 * (member, months owed, amounts due, duplicates) is checked set-wise afterwards ({@code HistoryImports}). A problem of
 * the whole file (not UTF-8, a quote never closed, columns missing, no rows) is a {@link FileProblem}.
 */
public final class HistoryFileReader {

    private static final Logger log = LoggerFactory.getLogger(HistoryFileReader.class);

    /** The columns (docs/contribution-history-format.md); {@code nik} or {@code membership_id} may be left out. */
    public static final List<String> COLUMNS = List.of("nik", "membership_id", "month", "programme", "amount",
            "paid_on");
    static final Set<String> OPTIONAL = Set.of("nik", "membership_id");
    /** Programmes a row may name: a line of the month's bill, or the whole bill. */
    public static final Set<String> PROGRAMMES = Set.of("JKK", "JKM", "JHT", "JP", "JKP", "JKK_JKM", "ALL");
    static final int MAX_FIELD_LENGTH = 200;
    static final int MAX_FIELDS = 30;
    /** The first month the contribution rules know (SJSN programmes under BPJS Ketenagakerjaan, July 2015). */
    public static final YearMonth EARLIEST = YearMonth.of(2015, 7);
    public static final String STAGING_COLUMNS = "line_no, ok, nik_hash, membership_id, period, programme, amount,"
            + " paid_on, err_field, err_code, err_args";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final int NIK = 0, MEMBERSHIP = 1, MONTH = 2, PROGRAMME = 3, AMOUNT = 4, PAID_ON = 5;

    /** A problem of the whole file: nothing of it is imported. */
    public static final class FileProblem extends Exception {
        public final FieldIssue issue;

        FileProblem(FieldIssue issue) {
            super(issue.code());
            this.issue = issue;
        }
    }

    /** What was read: data rows, rows with problems, the file's SHA-256. */
    public record Outcome(int rows, int rowsWithProblems, String sha256) {
    }

    private final LocalDate today;
    private final Predicate<String> regionExists;
    private final Vault vault;
    private XlsxLimits xlsxLimits = XlsxLimits.DEFAULTS;
    private final HexFormat hex = HexFormat.of();

    public HistoryFileReader(LocalDate today, Predicate<String> regionExists, Vault vault) {
        this.today = today;
        this.regionExists = regionExists;
        this.vault = vault;
    }

    /** The limits an XLSX upload is held to before it is parsed (the defaults unless set). */
    public HistoryFileReader xlsxLimits(XlsxLimits limits) {
        this.xlsxLimits = limits;
        return this;
    }

    public Outcome copy(InputStream content, boolean xlsx, CopyManager copy, String stagingTable)
            throws IOException, SQLException, FileProblem {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        DigestInputStream digest = new DigestInputStream(new BufferedInputStream(content, 1 << 16), sha);
        CopyIn in = copy.copyIn("COPY " + stagingTable + " (" + STAGING_COLUMNS + ") FROM STDIN");
        boolean done = false;
        try (RowSource source = TabularFile.open(digest, xlsx, MAX_FIELD_LENGTH, MAX_FIELDS, xlsxLimits)) {
            RowSource.Row header = source.next();
            if (header == null || TabularFile.blank(header.cells())) {
                throw new FileProblem(FieldIssue.error("file", "history.file.empty"));
            }
            TabularFile.Header found = TabularFile.header(header, COLUMNS, OPTIONAL);
            List<String> missing = new ArrayList<>(found.missing());
            if (found.index()[NIK] < 0 && found.index()[MEMBERSHIP] < 0) {
                missing.add(0, "nik | membership_id");
            }
            if (!missing.isEmpty()) {
                throw new FileProblem(FieldIssue.error("file", "history.file.columns-missing",
                        String.join(", ", missing), String.join(";", COLUMNS)));
            }
            int rows = 0;
            int problems = 0;
            StringBuilder out = new StringBuilder(1 << 16);
            RowSource.Row row;
            while ((row = source.next()) != null) {
                if (row.tooLong().isEmpty() && TabularFile.blank(row.cells())) {
                    continue;
                }
                if (row.cells().stream().anyMatch(c -> c.indexOf('\u0000') >= 0)) {
                    throw new FileProblem(FieldIssue.error("file", "history.file.encoding"));
                }
                rows++;
                if (!check(row, found.index(), out)) {
                    problems++;
                }
                if (out.length() > (1 << 16) - 2048) {
                    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    out.setLength(0);
                }
            }
            if (rows == 0) {
                throw new FileProblem(FieldIssue.error("file", "history.file.no-rows"));
            }
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
            done = true;
            byte[] rest = new byte[8192];
            while (digest.read(rest) >= 0) {
                // the whole file counts for its hash
            }
            return new Outcome(rows, problems, hex.formatHex(sha.digest()));
        } catch (XlsxRefusedException e) {
            throw new FileProblem(FieldIssue.error("file", e.code(), e.args()));
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw new FileProblem(FieldIssue.error("file", "history.file.quote", e.line));
        } catch (CharacterCodingException e) {
            throw new FileProblem(FieldIssue.error("file", "history.file.encoding"));
        } catch (IOException | RuntimeException e) {
            if (xlsx) {
                // the reader's own words stay in the log: a user learns only that the workbook cannot be read
                log.info("XLSX upload unreadable: {}", e.toString());
                throw new FileProblem(FieldIssue.error("file", "history.file.xlsx"));
            }
            throw e;
        } finally {
            if (!done && in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /** Checks one row; appends it (ok) or its problems to the COPY text. @return whether the row is good */
    private boolean check(RowSource.Row row, int[] index, StringBuilder out) {
        List<FieldIssue> issues = new ArrayList<>();
        String[] v = new String[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            int i = index[c];
            if (i < 0) {
                continue;
            }
            if (row.tooLong().contains(i)) {
                issues.add(FieldIssue.error(COLUMNS.get(c), "history.field.too-long", MAX_FIELD_LENGTH));
                continue;
            }
            v[c] = i < row.cells().size() ? row.cells().get(i).trim() : "";
        }
        if (row.tooManyCells()) {
            issues.add(FieldIssue.error("row", "history.row.too-many-fields", MAX_FIELDS));
        }
        // the member: a NIK (found by its blind index), a Lindung membership number, or both (they must agree)
        String nik = empty(v[NIK]) ? null : v[NIK];
        String membershipText = empty(v[MEMBERSHIP]) ? null : v[MEMBERSHIP];
        byte[] nikHash = null;
        if (index[NIK] >= 0 && row.numericCells().contains(index[NIK])) {
            issues.add(FieldIssue.error("nik", "history.nik.number-cell"));
        } else if (nik != null) {
            List<FieldIssue> nikIssues = NikRules.check("nik", nik, null, null, regionExists, today).stream()
                    .filter(FieldIssue::isError).toList();
            issues.addAll(nikIssues);
            if (nikIssues.isEmpty()) {
                nikHash = vault.index(IdentityView.NIK_INDEX, nik);
            }
        }
        Long membershipId = null;
        if (membershipText != null) {
            if (!TabularFile.digits(membershipText, 15) || Long.parseLong(membershipText) <= 0) {
                issues.add(FieldIssue.error("membership_id", "history.membership-id.format", membershipText));
            } else {
                membershipId = Long.parseLong(membershipText);
            }
        }
        if (nik == null && membershipText == null && !row.tooLong().contains(index[NIK])
                && !row.tooLong().contains(index[MEMBERSHIP])) {
            issues.add(FieldIssue.error(index[NIK] >= 0 ? "nik" : "membership_id", "history.member.required"));
        }
        YearMonth month = month(v[MONTH], row, index[MONTH], issues);
        String programme = v[PROGRAMME] == null ? null : v[PROGRAMME].toUpperCase(Locale.ROOT).replace(' ', '_');
        if (required(programme, "programme", issues) && !PROGRAMMES.contains(programme)) {
            issues.add(FieldIssue.error("programme", "history.programme.unknown", programme,
                    String.join(", ", PROGRAMMES.stream().sorted().toList())));
        }
        Long amount = null;
        String amountText = v[AMOUNT];
        if (required(amountText, "amount", issues)) {
            if (!TabularFile.digits(amountText, 15)) {
                issues.add(FieldIssue.error("amount", "history.amount.format", amountText));
            } else if (Long.parseLong(amountText) <= 0) {
                issues.add(FieldIssue.error("amount", "history.amount.positive"));
            } else {
                amount = Long.parseLong(amountText);
            }
        }
        LocalDate paidOn = date(v[PAID_ON], row, index[PAID_ON], issues);
        if (!issues.isEmpty()) {
            TabularFile.copyProblems(out, row.line(), 6, issues);
            return false;
        }
        out.append(row.line()).append("\tt\t");
        if (nikHash == null) {
            out.append("\\N");
        } else {
            out.append("\\\\x");
            hex.formatHex(out, nikHash);
        }
        out.append('\t').append(membershipId == null ? "\\N" : membershipId.toString())
                .append('\t').append(month.atDay(1)).append('\t').append(programme)
                .append('\t').append(amount).append('\t').append(paidOn).append("\t\\N\t\\N\t\\N\n");
        return true;
    }

    /** {@code yyyy-MM}, {@code MM/yyyy}, a date in that month ({@code yyyy-MM-dd}), or an Excel date. */
    private @Nullable YearMonth month(@Nullable String text, RowSource.Row row, int column, List<FieldIssue> issues) {
        if (!required(text, "month", issues)) {
            return null;
        }
        YearMonth month;
        try {
            if (row.numericCells().contains(column)) {
                month = YearMonth.from(XlsxRowSource.excelDate(new BigDecimal(text)));
            } else if (text.length() == 7 && text.charAt(4) == '-' && TabularFile.digits(text.substring(0, 4), 4)
                    && TabularFile.digits(text.substring(5), 2)) {
                month = YearMonth.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10));
            } else if (text.length() == 7 && text.charAt(2) == '/' && TabularFile.digits(text.substring(0, 2), 2)
                    && TabularFile.digits(text.substring(3), 4)) {
                month = YearMonth.of(Integer.parseInt(text, 3, 7, 10), Integer.parseInt(text, 0, 2, 10));
            } else if (TabularFile.isoDigits(text)) {
                month = YearMonth.from(LocalDate.parse(text));
            } else {
                throw new DateTimeException(text);
            }
        } catch (DateTimeException | NumberFormatException e) {
            issues.add(FieldIssue.error("month", "history.month.format", text));
            return null;
        }
        if (month.isAfter(YearMonth.from(today))) {
            issues.add(FieldIssue.error("month", "history.month.future", month.toString()));
            return null;
        }
        if (month.isBefore(EARLIEST)) {
            issues.add(FieldIssue.error("month", "history.month.before-rules", month.toString(), EARLIEST.toString()));
            return null;
        }
        return month;
    }

    private @Nullable LocalDate date(@Nullable String text, RowSource.Row row, int column, List<FieldIssue> issues) {
        if (!required(text, "paid_on", issues)) {
            return null;
        }
        LocalDate date;
        try {
            if (row.numericCells().contains(column)) {
                date = XlsxRowSource.excelDate(new BigDecimal(text));
            } else if (text.indexOf('/') > 0) {
                date = LocalDate.parse(text, DMY);
            } else if (TabularFile.isoDigits(text)) {
                date = LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
            } else {
                date = LocalDate.parse(text);
            }
        } catch (DateTimeException | NumberFormatException e) {
            issues.add(FieldIssue.error("paid_on", "history.paid-on.format", text));
            return null;
        }
        if (date.isAfter(today)) {
            issues.add(FieldIssue.error("paid_on", "history.paid-on.future", date.toString()));
            return null;
        }
        if (date.isBefore(Bounds.EARLIEST_PAYMENT)) {
            issues.add(FieldIssue.error("paid_on", "bounds.date", Bounds.EARLIEST_PAYMENT.toString(), today.toString()));
            return null;
        }
        return date;
    }

    private static boolean empty(@Nullable String s) {
        return s == null || s.isEmpty();
    }

    private static boolean required(@Nullable String value, String field, List<FieldIssue> issues) {
        if (value == null) {
            return false; // too long: already reported
        }
        if (value.isEmpty()) {
            issues.add(FieldIssue.error(field, "field.required"));
            return false;
        }
        return true;
    }
}
