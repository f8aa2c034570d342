package id.lindung.contribution.internal;

import id.lindung.participant.IdentityView;
import id.lindung.participant.NikRules;
import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.crypto.Vault;
import id.lindung.shared.tabular.CopyText;
import id.lindung.shared.tabular.RowSource;
import id.lindung.shared.tabular.StagingFileReader;
import id.lindung.shared.tabular.TabularFile;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Reads a contribution-history file (CSV or XLSX, docs/contribution-history-format.md) as a stream, checks each row on
 * its own (formats, dates, the NIK's rules) and copies rows and their problems into the staging table with one COPY:
 * memory stays flat whatever the file size. A NIK leaves this class only as its blind index (the registry's, so that
 * it matches {@code participant_identity_v.nik_hash}); it is never staged in clear. Whatever needs the database
 * (member, months owed, amounts due, duplicates) is checked set-wise afterwards ({@code HistoryImports}). A problem of
 * the whole file (not UTF-8, a quote never closed, columns missing, no rows) is a {@link FileProblem}.
 */
public final class HistoryFileReader extends StagingFileReader {

    /** The columns (docs/contribution-history-format.md); {@code nik} or {@code membership_id} may be left out. */
    public static final List<String> COLUMNS =
            List.of("nik", "membership_id", "month", "programme", "amount", "paid_on");

    static final Set<String> OPTIONAL = Set.of("nik", "membership_id");
    /** Programmes a row may name: a line of the month's bill, or the whole bill. */
    public static final Set<String> PROGRAMMES = Set.of("JKK", "JKM", "JHT", "JP", "JKP", "JKK_JKM", "ALL");

    static final int MAX_FIELD_LENGTH = 200;
    static final int MAX_FIELDS = 30;
    /** The first month the contribution rules know (SJSN programmes under BPJS Ketenagakerjaan, July 2015). */
    public static final YearMonth EARLIEST = YearMonth.of(2015, 7);

    public static final String STAGING_COLUMNS = "line_no, ok, nik_hash, membership_id, period, programme, amount,"
            + " paid_on, err_field, err_code, err_args";
    private static final int NIK = 0, MEMBERSHIP = 1, MONTH = 2, PROGRAMME = 3, AMOUNT = 4, PAID_ON = 5;

    private final LocalDate today;
    private final Predicate<String> regionExists;
    private final Vault vault;

    public HistoryFileReader(LocalDate today, Predicate<String> regionExists, Vault vault) {
        super(new Layout("history", COLUMNS, OPTIONAL, STAGING_COLUMNS, MAX_FIELD_LENGTH, MAX_FIELDS));
        this.today = today;
        this.regionExists = regionExists;
        this.vault = vault;
    }

    @Override
    protected List<String> missing(TabularFile.Header found) {
        List<String> missing = new ArrayList<>(found.missing());
        if (found.index()[NIK] < 0 && found.index()[MEMBERSHIP] < 0) {
            missing.add(0, "nik | membership_id");
        }
        return missing;
    }

    @Override
    protected boolean check(RowSource.Row row, int[] index, CopyText out) {
        List<FieldIssue> issues = new ArrayList<>();
        String[] v = cells(row, index, issues);
        // the member: a NIK (found by its blind index), a Lindung membership number, or both (they must agree)
        String nik = empty(v[NIK]) ? null : v[NIK];
        String membershipText = empty(v[MEMBERSHIP]) ? null : v[MEMBERSHIP];
        byte[] nikHash = null;
        if (index[NIK] >= 0 && row.numericCells().contains(index[NIK])) {
            issues.add(FieldIssue.error("nik", "history.nik.number-cell"));
        } else if (nik != null) {
            List<FieldIssue> nikIssues = NikRules.check("nik", nik, null, null, regionExists, today).stream()
                    .filter(FieldIssue::isError)
                    .toList();
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
        if (nik == null
                && membershipText == null
                && !row.tooLong().contains(index[NIK])
                && !row.tooLong().contains(index[MEMBERSHIP])) {
            issues.add(FieldIssue.error(index[NIK] >= 0 ? "nik" : "membership_id", "history.member.required"));
        }
        YearMonth month = month(v[MONTH], row, index[MONTH], issues);
        String programme = v[PROGRAMME] == null
                ? null
                : v[PROGRAMME].toUpperCase(Locale.ROOT).replace(' ', '_');
        if (required(programme, "programme", issues) && !PROGRAMMES.contains(programme)) {
            issues.add(FieldIssue.error(
                    "programme",
                    "history.programme.unknown",
                    programme,
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
            problems(out, row.line(), issues);
            return false;
        }
        out.number(row.line())
                .bool(true)
                .bytes(nikHash)
                .value(membershipId)
                .value(Objects.requireNonNull(month).atDay(1))
                .text(programme) // no issue: a month
                .value(amount)
                .value(paidOn)
                .nul(3)
                .end();
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
                month = YearMonth.from(TabularFile.date(text, true));
            } else if (text.length() == 7
                    && text.charAt(4) == '-'
                    && TabularFile.digits(text.substring(0, 4), 4)
                    && TabularFile.digits(text.substring(5), 2)) {
                month = YearMonth.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10));
            } else if (text.length() == 7
                    && text.charAt(2) == '/'
                    && TabularFile.digits(text.substring(0, 2), 2)
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
            date = TabularFile.date(text, row.numericCells().contains(column));
        } catch (DateTimeException | NumberFormatException e) {
            issues.add(FieldIssue.error("paid_on", "history.paid-on.format", text));
            return null;
        }
        if (date.isAfter(today)) {
            issues.add(FieldIssue.error("paid_on", "history.paid-on.future", date.toString()));
            return null;
        }
        if (date.isBefore(Bounds.EARLIEST_PAYMENT)) {
            issues.add(
                    FieldIssue.error("paid_on", "bounds.date", Bounds.EARLIEST_PAYMENT.toString(), today.toString()));
            return null;
        }
        return date;
    }

    private static boolean empty(@Nullable String s) {
        return s == null || s.isEmpty();
    }
}
