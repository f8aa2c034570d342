package id.lindung.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The plausible bounds of every kind of money and date Lindung takes in, in one place. Every write path (API, pages,
 * files) checks its values here; a value outside its kind's bounds is refused as a {@link FieldIssue} naming the
 * field ({@code bounds.money} or {@code bounds.date}, with the bounds as arguments), never stored. The bounds are
 * not business rules (a segment's floor income, a rule's maximum benefit stay with their modules): they keep values
 * that no real case has out of the ledger, where one of them (a single payment of Rp999.999.999.999.999) made every
 * reader of the member overflow. With every amount at most {@link #LARGEST_MAXIMUM} and at most a few thousand of
 * them summed per member, no sum of stored amounts comes near {@code Long.MAX_VALUE} (about 9.2 x 10 to the 18th).
 *
 * <p>Money maxima are configuration ({@code lindung.bounds.KIND}, whole rupiah, {@link BoundsProperties}) because a
 * user may meet a real case above them; the configured value may not exceed {@link #LARGEST_MAXIMUM}. Date bounds follow the law and the
 * business clock and are fixed. A KUR loan's plafond has no kind here: it is bounded more tightly by its scheme's
 * dated range (the KUR module's scheme table, checked by its file reader for every row).
 */
@Component
public class Bounds {

    /** No configured maximum may exceed this (Rp1.000 trillion): the overflow proof above rests on it. */
    public static final long LARGEST_MAXIMUM = 1_000_000_000_000_000L;

    /** BPJS Ketenagakerjaan began operating on 1 January 2014 (UU 24/2011 Pasal 62): no payment to it is older. */
    public static final LocalDate EARLIEST_PAYMENT = LocalDate.of(2014, 1, 1);
    /** The programmes Lindung computes began in July 2015 (PP 44/2015, PP 45/2015, PP 46/2015). */
    public static final YearMonth EARLIEST_MONTH = YearMonth.of(2015, 7);
    /** Query dates before this are refused: nobody born earlier is in the registry; nothing was insured earlier. */
    public static final LocalDate EARLIEST_QUERY = LocalDate.of(1900, 1, 1);
    /** How far ahead a membership's start may be planned (a start later is a typo, not a plan). */
    public static final int START_MONTHS_AHEAD = 12;
    /** How far ahead an end or a change may be planned, in months: the longest PMI contract (120 months). */
    public static final int PLANNED_MONTHS_AHEAD = 120;
    /** How long an API token may live at most, in days: a token is renewed at least once a year. */
    public static final int TOKEN_MAX_DAYS = 366;
    /** How far ahead a date asked about (status on a date) may lie: a year covers every planned question. */
    public static final int QUERY_YEARS_AHEAD = 1;
    /** How far ahead holidays may be entered, in years (the joint decree is published for the next year). */
    public static final int CALENDAR_YEARS_AHEAD = 2;
    /** Any date Lindung reads at all, whatever the field (JSON bodies are refused outside these years). */
    public static final int FIRST_YEAR = 1900;

    public static final int LAST_YEAR = 2199;

    /**
     * Kinds of money, each with why its default maximum (whole rupiah, {@link BoundsProperties}, where the default
     * values are) is what it is.
     */
    public enum Money {
        /**
         * One payment for one membership. Ten years of contributions on the largest plausible wage (Rp1 billion a
         * month at about 8% for JKK, JKM and JHT) are below Rp10 billion.
         */
        PAYMENT,
        /**
         * A PU member's monthly wage (also as given at claim intake). The highest salaries in Indonesia's payroll
         * statistics are far below Rp1 billion a month.
         */
        WAGE,
        /**
         * A BPU member's declared monthly income. BPU members are informal workers; the JKK contribution cap implies
         * an income bracket of Rp20.7 million; Rp100 million leaves ample room.
         */
        DECLARED_INCOME,
        /** A construction project's contract value: the largest national projects are below Rp100 trillion. */
        CONTRACT_VALUE,
        /**
         * One medical invoice of a JKK claim (care at cost, no ceiling in PP 44/2015): the most expensive intensive
         * and burn care stays below Rp10 billion.
         */
        INVOICE,
        /** One transport cost of a JKK claim: the rule's own ceilings are a few million rupiah; Rp100 million is ample. */
        TRANSPORT_COST;

        /** This kind's configured maximum. */
        long of(BoundsProperties configured) {
            return switch (this) {
                case PAYMENT -> configured.payment();
                case WAGE -> configured.wage();
                case DECLARED_INCOME -> configured.declaredIncome();
                case CONTRACT_VALUE -> configured.contractValue();
                case INVOICE -> configured.invoice();
                case TRANSPORT_COST -> configured.transportCost();
            };
        }
    }

    private final Clock clock;
    private final Map<Money, Long> maxima = new EnumMap<>(Money.class);

    Bounds(Clock clock, BoundsProperties configured) {
        this.clock = clock;
        for (Money kind : Money.values()) {
            maxima.put(kind, kind.of(configured));
        }
    }

    public long max(Money kind) {
        return Objects.requireNonNull(maxima.get(kind)); // every kind is put by the constructor
    }

    /** Today on the business clock. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ------------------------------------------------------------------------------------------------------ money

    /** Whether a (given) amount of this kind lies within 1 and the kind's maximum. */
    public boolean plausible(Money kind, long amount) {
        return amount >= 1 && amount <= max(kind);
    }

    /** Adds {@code bounds.money} for {@code field} when a given amount lies outside; a missing one is the caller's. */
    public void check(Money kind, String field, @Nullable Long amount, List<FieldIssue> issues) {
        if (amount != null && !plausible(kind, amount)) {
            issues.add(moneyIssue(kind, field));
        }
    }

    public FieldIssue moneyIssue(Money kind, String field) {
        return FieldIssue.error(field, "bounds.money", 1, max(kind));
    }

    // ------------------------------------------------------------------------------------------------------ dates

    /** A date money was paid on: from {@link #EARLIEST_PAYMENT} to today. */
    public void checkPaidOn(String field, @Nullable LocalDate date, List<FieldIssue> issues) {
        between(field, date, EARLIEST_PAYMENT, today(), issues);
    }

    /** The date of an insured event (accident, death): from the programmes' start to today. */
    public void checkEventDate(String field, @Nullable LocalDate date, List<FieldIssue> issues) {
        between(field, date, EARLIEST_MONTH.atDay(1), today(), issues);
    }

    /** A contribution month billed, imported or paid: from the programmes' start to the current month. */
    public void checkContributionMonth(String field, @Nullable YearMonth month, List<FieldIssue> issues) {
        months(field, month, EARLIEST_MONTH, YearMonth.now(clock), issues);
    }

    /** A membership's start month: from the programmes' start to {@value #START_MONTHS_AHEAD} months ahead. */
    public void checkStartMonth(String field, @Nullable YearMonth month, List<FieldIssue> issues) {
        months(field, month, EARLIEST_MONTH, YearMonth.now(clock).plusMonths(START_MONTHS_AHEAD), issues);
    }

    /**
     * A month planned ahead: a membership's end, a wage change. From the programmes' start to
     * {@value #PLANNED_MONTHS_AHEAD} months ahead, the longest PMI placement contract.
     */
    public boolean checkPlannedMonth(String field, @Nullable YearMonth month, List<FieldIssue> issues) {
        return months(
                field,
                month,
                EARLIEST_MONTH.minusMonths(1),
                YearMonth.now(clock).plusMonths(PLANNED_MONTHS_AHEAD),
                issues);
    }

    /** An API token's last day: today at the earliest, at most {@value #TOKEN_MAX_DAYS} days ahead. */
    public void checkTokenExpiry(String field, @Nullable LocalDate date, List<FieldIssue> issues) {
        between(field, date, today(), today().plusDays(TOKEN_MAX_DAYS), issues);
    }

    /**
     * A day of the holiday calendar (service-level deadlines count working days): from the programmes' start to
     * {@value #CALENDAR_YEARS_AHEAD} years ahead, as far as holidays are decreed in advance.
     */
    public void checkCalendarDay(String field, @Nullable LocalDate day, List<FieldIssue> issues) {
        between(field, day, EARLIEST_MONTH.atDay(1), today().plusYears(CALENDAR_YEARS_AHEAD), issues);
    }

    /** A date asked about in a query ({@code ?date=}): from 1900 to a year ahead. */
    public void checkQueryDate(String field, @Nullable LocalDate date, List<FieldIssue> issues) {
        between(field, date, EARLIEST_QUERY, today().plusYears(QUERY_YEARS_AHEAD), issues);
    }

    /** A month asked about in a query ({@code ?period=}, {@code ?bulan=}): from 1900 to a year ahead. */
    public void checkQueryMonth(String field, @Nullable YearMonth month, List<FieldIssue> issues) {
        months(
                field,
                month,
                YearMonth.from(EARLIEST_QUERY),
                YearMonth.now(clock).plusYears(QUERY_YEARS_AHEAD),
                issues);
    }

    /** Throws {@link InvalidInputException} when {@code issues} holds anything. */
    public static void throwIfAny(List<FieldIssue> issues) {
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
    }

    /** Whether a year can be meant at all in any date field (JSON bodies outside it are refused while read). */
    public static boolean readableYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static void between(
            String field, @Nullable LocalDate date, LocalDate first, LocalDate last, List<FieldIssue> issues) {
        if (date != null && (date.isBefore(first) || date.isAfter(last))) {
            issues.add(FieldIssue.error(field, "bounds.date", first.toString(), last.toString()));
        }
    }

    /** Whether {@code month} is missing or within; adds {@code bounds.month} otherwise. */
    private static boolean months(
            String field, @Nullable YearMonth month, YearMonth first, YearMonth last, List<FieldIssue> issues) {
        if (month != null && (month.isBefore(first) || month.isAfter(last))) {
            issues.add(FieldIssue.error(field, "bounds.month", first.toString(), last.toString()));
            return false;
        }
        return true;
    }
}
