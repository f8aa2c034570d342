package id.lindung.kur.internal;

import id.lindung.participant.NikRules;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.crypto.Vault;
import id.lindung.shared.tabular.CopyText;
import id.lindung.shared.tabular.RowSource;
import id.lindung.shared.tabular.StagingFileReader;
import id.lindung.shared.tabular.TabularFile;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads a bank's KUR disbursement file (CSV or XLSX) as a stream, checks each row, and copies rows and problems into
 * the staging table with one PostgreSQL COPY: memory stays flat whatever the file size. Columns by header name, in
 * any order (see {@link #COLUMNS}; {@code sector} and {@code birth_date} may be left out). A problem of the whole
 * file (not UTF-8, a quote never closed, columns missing, no rows) is an {@link FileProblem}: nothing is kept.
 */
public final class KurFileReader extends StagingFileReader {

    /** The column specification (docs/kur-file-format.md). */
    public static final List<String> COLUMNS = List.of(
            "bank",
            "branch",
            "loan_id",
            "nik",
            "name",
            "scheme",
            "plafond",
            "disbursed_on",
            "sector",
            "region_code",
            "birth_date");

    static final Set<String> OPTIONAL = Set.of("sector", "birth_date");
    public static final int MAX_FIELD_LENGTH = 500;
    static final int MAX_FIELDS = 40;
    /** KUR began in November 2007 (Inpres 6/2007). */
    static final LocalDate EARLIEST = LocalDate.of(2007, 11, 1);
    /** Where a loan's NIK is sealed for, and the kind of its blind index (the registry's, so that they match). */
    public static final String NIK_COLUMN = "kur_loan.nik_enc";

    public static final String NIK_INDEX = id.lindung.participant.IdentityView.NIK_INDEX;
    // positions in COLUMNS
    private static final int BANK = 0,
            BRANCH = 1,
            LOAN_ID = 2,
            NIK = 3,
            NAME = 4,
            SCHEME = 5,
            PLAFOND = 6,
            DISBURSED_ON = 7,
            SECTOR = 8,
            REGION_CODE = 9,
            BIRTH_DATE = 10;
    static final String STAGING_COLUMNS = "line_no, ok, bank, branch, loan_id, nik_enc, nik_hash, name, birth_date,"
            + " scheme, plafond,"
            + " disbursed_on, sector, region_code, err_field, err_code, err_args";

    /** A scheme's plafond range from a date on. */
    public record SchemeRule(String scheme, LocalDate validFrom, long min, long max) {}

    private final LocalDate today;
    private final Set<String> banks;
    private final @Nullable String uploaderBank;
    private final List<SchemeRule> schemes;
    private final Predicate<String> regionExists;
    private final Vault vault;

    /** @param vault seals each NIK (and indexes it) before it leaves for the database: no NIK is staged in clear */
    public KurFileReader(
            LocalDate today,
            Set<String> banks,
            @Nullable String uploaderBank,
            List<SchemeRule> schemes,
            Predicate<String> regionExists,
            Vault vault) {
        super(new Layout("kur", COLUMNS, OPTIONAL, STAGING_COLUMNS, MAX_FIELD_LENGTH, MAX_FIELDS));
        this.vault = vault;
        this.today = today;
        this.banks = banks;
        this.uploaderBank = uploaderBank;
        this.schemes = schemes;
        this.regionExists = regionExists;
    }

    @Override
    protected String columnsMissingCode(boolean xlsx) {
        return xlsx ? "kur.file.columns-missing.xlsx" : "kur.file.columns-missing";
    }

    @Override
    protected boolean check(RowSource.Row row, int[] index, CopyText out) {
        List<FieldIssue> issues = new ArrayList<>();
        // the cells by column (COLUMNS order); null: column absent or cell too long
        String[] v = cells(row, index, issues);
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
                    .filter(FieldIssue::isError)
                    .forEach(issues::add);
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
                issues.add(FieldIssue.error("plafond", "kur.plafond.range", plafond, scheme, rule.min(), rule.max()));
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
            problems(out, row.line(), issues);
            return false;
        }
        out.number(row.line())
                .bool(true)
                .text(bank)
                .text(branch)
                .text(loanId)
                .bytes(vault.seal(Objects.requireNonNull(nik).getBytes(StandardCharsets.UTF_8), NIK_COLUMN)) // valid
                .bytes(vault.index(NIK_INDEX, nik))
                .text(name)
                .value(birth)
                .text(scheme)
                .value(plafond)
                .value(disbursed)
                .text(sector == null || sector.isEmpty() ? null : sector)
                .text(region)
                .nul(3)
                .end();
        return true;
    }

    private @Nullable SchemeRule rule(String scheme, LocalDate on) {
        SchemeRule found = null;
        for (SchemeRule r : schemes) {
            if (r.scheme().equals(scheme)
                    && !r.validFrom().isAfter(on)
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

    private @Nullable LocalDate date(
            @Nullable String text,
            String field,
            boolean required,
            RowSource.Row row,
            int[] index,
            List<FieldIssue> issues) {
        if (text == null || text.isEmpty()) {
            if (required && text != null) {
                issues.add(FieldIssue.error(field, "field.required"));
            }
            return null;
        }
        LocalDate date;
        try {
            date = TabularFile.date(text, row.numericCells().contains(index[COLUMNS.indexOf(field)]));
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
            if (!(c >= 'a' && c <= 'z'
                    || c >= 'A' && c <= 'Z'
                    || c >= '0' && c <= '9'
                    || c == '.'
                    || c == '_'
                    || c == '/'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable String upper(@Nullable String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
