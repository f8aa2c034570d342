package id.lindung.kur.internal;

import id.lindung.shared.crypto.Vault;
import id.lindung.shared.tabular.CsvTokenizer;
import id.lindung.shared.tabular.RowSource;
import id.lindung.shared.tabular.TabularFile;
import id.lindung.shared.tabular.XlsxLimits;
import id.lindung.shared.tabular.XlsxRefusedException;
import id.lindung.shared.tabular.XlsxRowSource;

import id.lindung.participant.NikRules;
import id.lindung.shared.FieldIssue;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
 * Reads a bank's KUR disbursement file (CSV or XLSX) as a stream, checks each row, and copies rows and problems into
 * the staging table with one PostgreSQL COPY: memory stays flat whatever the file size. Columns by header name, in
 * any order (see {@link #COLUMNS}; {@code sector} and {@code birth_date} may be left out). A problem of the whole
 * file (not UTF-8, a quote never closed, columns missing, no rows) is an {@link FileProblem}: nothing is kept.
 */
public final class KurFileReader {

    private static final Logger log = LoggerFactory.getLogger(KurFileReader.class);

    /** The column specification (docs/kur-file-format.md). */
    public static final List<String> COLUMNS = List.of("bank", "branch", "loan_id", "nik", "name", "scheme",
            "plafond", "disbursed_on", "sector", "region_code", "birth_date");
    static final Set<String> OPTIONAL = Set.of("sector", "birth_date");
    public static final int MAX_FIELD_LENGTH = 500;
    static final int MAX_FIELDS = 40;
    /** KUR began in November 2007 (Inpres 6/2007). */
    static final LocalDate EARLIEST = LocalDate.of(2007, 11, 1);
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);
    /** Where a loan's NIK is sealed for, and the kind of its blind index (the registry's, so that they match). */
    public static final String NIK_COLUMN = "kur_loan.nik_enc";
    public static final String NIK_INDEX = id.lindung.participant.IdentityView.NIK_INDEX;
    // positions in COLUMNS
    private static final int BANK = 0, BRANCH = 1, LOAN_ID = 2, NIK = 3, NAME = 4, SCHEME = 5, PLAFOND = 6,
            DISBURSED_ON = 7, SECTOR = 8, REGION_CODE = 9, BIRTH_DATE = 10;
    static final String STAGING_COLUMNS = "line_no, ok, bank, branch, loan_id, nik_enc, nik_hash, name, birth_date,"
            + " scheme, plafond,"
            + " disbursed_on, sector, region_code, err_field, err_code, err_args";

    /** A problem of the whole file: nothing of it is imported. */
    public static final class FileProblem extends Exception {
        public final FieldIssue issue;

        FileProblem(FieldIssue issue) {
            super(issue.code());
            this.issue = issue;
        }
    }

    /** A scheme's plafond range from a date on. */
    public record SchemeRule(String scheme, LocalDate validFrom, long min, long max) {
    }

    /** What was read: data rows, rows with problems, the file's SHA-256. */
    public record Outcome(int rows, int rowsWithProblems, String sha256) {
    }

    private final LocalDate today;
    private final Set<String> banks;
    private final @Nullable String uploaderBank;
    private final List<SchemeRule> schemes;
    private final Predicate<String> regionExists;
    private final Vault vault;
    private XlsxLimits xlsxLimits = XlsxLimits.DEFAULTS;
    private final HexFormat hex = HexFormat.of();

    /** @param vault seals each NIK (and indexes it) before it leaves for the database: no NIK is staged in clear */
    public KurFileReader(LocalDate today, Set<String> banks, @Nullable String uploaderBank, List<SchemeRule> schemes,
            Predicate<String> regionExists, Vault vault) {
        this.vault = vault;
        this.today = today;
        this.banks = banks;
        this.uploaderBank = uploaderBank;
        this.schemes = schemes;
        this.regionExists = regionExists;
    }

    /** The limits an XLSX upload is held to before it is parsed (the defaults unless set). */
    public KurFileReader xlsxLimits(XlsxLimits limits) {
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
            if (header == null || header.cells().stream().allMatch(String::isBlank)) {
                throw new FileProblem(FieldIssue.error("file", "kur.file.empty"));
            }
            TabularFile.Header found = TabularFile.header(header, COLUMNS, OPTIONAL);
            int[] index = found.index();
            List<String> missing = found.missing();
            if (!missing.isEmpty()) {
                throw new FileProblem(FieldIssue.error("file", xlsx ? "kur.file.columns-missing.xlsx"
                        : "kur.file.columns-missing", String.join(", ", missing), String.join(";", COLUMNS)));
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
                    // no text file has NUL characters (UTF-16, a binary file): PostgreSQL text cannot hold them
                    throw new FileProblem(FieldIssue.error("file", "kur.file.encoding"));
                }
                rows++;
                if (!check(row, index, out)) {
                    problems++;
                }
                if (out.length() > (1 << 16) - 2048) {
                    byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    out.setLength(0);
                }
            }
            if (rows == 0) {
                throw new FileProblem(FieldIssue.error("file", "kur.file.no-rows"));
            }
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
            done = true;
            byte[] rest = new byte[8192];
            while (digest.read(rest) >= 0) {
                // the whole file counts for its hash
            }
            return new Outcome(rows, problems, HexFormat.of().formatHex(sha.digest()));
        } catch (XlsxRefusedException e) {
            throw new FileProblem(FieldIssue.error("file", e.code(), e.args()));
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw new FileProblem(FieldIssue.error("file", "kur.file.quote", e.line));
        } catch (CharacterCodingException e) {
            throw new FileProblem(FieldIssue.error("file", "kur.file.encoding"));
        } catch (IOException | RuntimeException e) {
            if (xlsx && !(e instanceof CharacterCodingException)) {
                // the reader's own words stay in the log: a user learns only that the workbook cannot be read
                log.info("XLSX upload unreadable: {}", e.toString());
                throw new FileProblem(FieldIssue.error("file", "kur.file.xlsx"));
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
        // the cells by column (COLUMNS order); null: column absent or cell too long
        String[] v = new String[COLUMNS.size()];
        for (int c = 0; c < COLUMNS.size(); c++) {
            int i = index[c];
            if (i < 0) {
                continue;
            }
            if (!row.tooLong().isEmpty() && row.tooLong().contains(i)) {
                issues.add(FieldIssue.error(COLUMNS.get(c), "kur.field.too-long", MAX_FIELD_LENGTH));
                continue;
            }
            v[c] = i < row.cells().size() ? row.cells().get(i).trim() : "";
        }
        if (row.tooManyCells()) {
            issues.add(FieldIssue.error("row", "kur.row.too-many-fields", MAX_FIELDS));
        }
        String bank = upper(v[BANK]);
        if (required(bank, "bank", issues)) {
            if (!banks.contains(bank)) {
                issues.add(FieldIssue.error("bank", "kur.bank.unknown", bank));
            } else if (uploaderBank != null && !uploaderBank.equals(bank)) {
                issues.add(FieldIssue.error("bank", "kur.bank.other", bank, uploaderBank));
            }
        }
        String branch = v[BRANCH];
        if (required(branch, "branch", issues) && branch.length() > 100) {
            issues.add(FieldIssue.error("branch", "field.too-long", 100));
        }
        String loanId = v[LOAN_ID];
        if (required(loanId, "loan_id", issues) && !loanIdFormat(loanId)) {
            issues.add(FieldIssue.error("loan_id", "kur.loan-id.format"));
        }
        String nik = NikRules.canonical(v[NIK]); // a cell's no-break spaces too: the registry's canonical NIK
        int nikIndex = index[COLUMNS.indexOf("nik")];
        if (row.numericCells().contains(nikIndex)) {
            issues.add(FieldIssue.error("nik", "kur.nik.number-cell"));
        } else if (nik != null) {
            NikRules.check("nik", nik.isEmpty() ? null : nik, null, null, regionExists, today).stream()
                    .filter(FieldIssue::isError).forEach(issues::add);
        }
        String name = v[NAME];
        if (required(name, "name", issues) && name.length() > 150) {
            issues.add(FieldIssue.error("name", "field.too-long", 150));
        }
        String scheme = upper(v[SCHEME]);
        if (scheme != null) {
            scheme = scheme.replace(' ', '_').replace('-', '_');
        }
        LocalDate disbursed = date(v[DISBURSED_ON], "disbursed_on", true, row, index, issues);
        Long plafond = null;
        String plafondText = v[PLAFOND];
        if (required(plafondText, "plafond", issues)) {
            if (!TabularFile.digits(plafondText, 15) || Long.parseLong(plafondText) <= 0) {
                issues.add(FieldIssue.error("plafond", "kur.plafond.format", plafondText));
            } else {
                plafond = Long.parseLong(plafondText);
            }
        }
        if (required(scheme, "scheme", issues)) {
            SchemeRule rule = rule(scheme, disbursed == null ? today : disbursed);
            if (rule == null) {
                issues.add(FieldIssue.error("scheme", "kur.scheme.unknown", scheme));
            } else if (plafond != null && (plafond < rule.min() || plafond > rule.max())) {
                issues.add(FieldIssue.error("plafond", "kur.plafond.range", plafond, scheme, rule.min(),
                        rule.max()));
            }
        }
        String sector = v[SECTOR];
        if (sector != null && sector.length() > 100) {
            issues.add(FieldIssue.error("sector", "field.too-long", 100));
        }
        String region = v[REGION_CODE];
        if (required(region, "region_code", issues)) {
            if (region.length() < 5 || region.length() > 13 || !regionExists.test(region)) {
                issues.add(FieldIssue.error("region_code", "kur.region.unknown", region));
            }
        }
        LocalDate birth = date(v[BIRTH_DATE], "birth_date", false, row, index, issues);
        if (!issues.isEmpty()) {
            TabularFile.copyProblems(out, row.line(), 12, issues);
            return false;
        }
        out.append(row.line()).append("\tt\t");
        TabularFile.copyText(out, bank);
        out.append('\t');
        TabularFile.copyText(out, branch);
        out.append('\t');
        TabularFile.copyText(out, loanId);
        out.append('\t');
        out.append("\\\\x");
        hex.formatHex(out, vault.seal(nik.getBytes(java.nio.charset.StandardCharsets.UTF_8), NIK_COLUMN));
        out.append("\t\\\\x");
        hex.formatHex(out, vault.index(NIK_INDEX, nik));
        out.append('\t');
        TabularFile.copyText(out, name);
        out.append('\t').append(birth == null ? "\\N" : birth.toString()).append('\t');
        TabularFile.copyText(out, scheme);
        out.append('\t').append(plafond).append('\t').append(disbursed).append('\t');
        if (sector == null || sector.isEmpty()) {
            out.append("\\N");
        } else {
            TabularFile.copyText(out, sector);
        }
        out.append('\t');
        TabularFile.copyText(out, region);
        out.append("\t\\N\t\\N\t\\N\n");
        return true;
    }

    private @Nullable SchemeRule rule(String scheme, LocalDate on) {
        SchemeRule found = null;
        for (SchemeRule r : schemes) {
            if (r.scheme().equals(scheme) && !r.validFrom().isAfter(on)
                    && (found == null || r.validFrom().isAfter(found.validFrom()))) {
                found = r;
            }
        }
        if (found == null) {
            // a known scheme with a date before its first rule: the earliest rule says the range
            for (SchemeRule r : schemes) {
                if (r.scheme().equals(scheme) && (found == null || r.validFrom().isBefore(found.validFrom()))) {
                    found = r;
                }
            }
        }
        return found;
    }

    private @Nullable LocalDate date(@Nullable String text, String field, boolean required, RowSource.Row row,
            int[] index, List<FieldIssue> issues) {
        if (text == null || text.isEmpty()) {
            if (required && text != null) {
                issues.add(FieldIssue.error(field, "field.required"));
            }
            return null;
        }
        LocalDate date = null;
        int i = index[COLUMNS.indexOf(field)];
        try {
            if (row.numericCells().contains(i)) {
                date = XlsxRowSource.excelDate(new java.math.BigDecimal(text));
            } else if (text.indexOf('/') > 0) {
                date = LocalDate.parse(text, DMY);
            } else if (TabularFile.isoDigits(text)) {
                // yyyy-MM-dd, what LocalDate.parse reads, without the cost of the general parser
                date = LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                        Integer.parseInt(text, 8, 10, 10));
            } else {
                date = LocalDate.parse(text);
            }
        } catch (DateTimeException | NumberFormatException e) {
            issues.add(FieldIssue.error(field, "kur.date.format", text));
            return null;
        }
        if (date.isAfter(today)) {
            issues.add(FieldIssue.error(field, "kur.date.future", date.toString()));
            return null;
        }
        if (required && date.isBefore(EARLIEST)) {
            issues.add(FieldIssue.error(field, "kur.date.before-kur", EARLIEST.toString()));
            return null;
        }
        return date;
    }

    /** What {@code [\p{Alnum}._/-]{1,50}} matches (ASCII letters and digits). */
    private static boolean loanIdFormat(String id) {
        if (id.isEmpty() || id.length() > 50) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '/' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean required(@Nullable String value, String field, List<FieldIssue> issues) {
        if (value == null) {
            return false; // the cell was too long: already reported
        }
        if (value.isEmpty()) {
            issues.add(FieldIssue.error(field, "field.required"));
            return false;
        }
        return true;
    }

    private static @Nullable String upper(@Nullable String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
