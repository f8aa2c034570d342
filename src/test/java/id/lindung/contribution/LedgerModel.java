package id.lindung.contribution;

import id.lindung.enrolment.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An independent model of one BPU or PU membership's contribution ledger, written from the rules of issue 15 in plain
 * Java (no SQL, no {@link Statements}): every owed month is a bill from the start; money is applied to the bills
 * oldest first; a BPU member's overpayment pays the next months ahead (at most {@link #MAX_AHEAD} after the current
 * month); a BPU member is protected on a day when that day's month was paid in full by the payments made by then; a
 * wage earner (PU) in a paid month, or from the day of registration while the employer owes at most
 * {@link #PU_GRACE} overdue bills on that day; more than {@link #LAPSE_AFTER} consecutive unpaid months end a BPU
 * membership at a billing run; bills after an end are cancelled and their money is credit again.
 *
 * <p>The model keeps its own bills (months, amounts, due dates, cancellations) and its own list of applied payments;
 * the paid part of every bill is derived from the money, never stored. Only PU bill amounts are taken over from the
 * ledger after a billing run ({@link #amountFromLedger}), because the run adds late fines to them (fines are not
 * modelled).
 */
final class LedgerModel {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final YearMonth CURRENT = YearMonth.from(TODAY);
    /** lindung.contribution.bpu-max-months-ahead */
    static final int MAX_AHEAD = 12;
    /** PU ARREARS_GRACE (V34) */
    static final int PU_GRACE = 3;
    /** BPU LAPSE_AFTER (V34) */
    static final int LAPSE_AFTER = 3;
    /** BPU JKK+JKM at Rp1.000.000: 16,800; PP 50/2025 halves it from April to December 2026. */
    static final long BPU_FULL = 16_800;

    static final long BPU_DISCOUNTED = 8_400;
    /** PU class 2 at Rp5.000.000: JKK 27,000 + JKM 15,000 + JHT 285,000 + JP 150,000. */
    static final long PU_MONTHLY = 477_000;

    final Segment segment;
    final YearMonth start;
    LocalDate registeredOn;

    @Nullable
    YearMonth end;

    boolean lapsed;
    final TreeMap<YearMonth, MBill> bills = new TreeMap<>();
    /** Applied payments (rejected ones carry no money). */
    final List<MPayment> payments = new ArrayList<>();

    static final class MBill {
        final YearMonth period;
        long amount;
        final LocalDate due;
        boolean cancelled;

        MBill(YearMonth period, long amount, LocalDate due) {
            this.period = period;
            this.amount = amount;
            this.due = due;
        }
    }

    record MPayment(String key, long amount, LocalDate paidOn) {}

    /** What the model expects {@link Statements} to say on a day. */
    record Expected(
            boolean protectedOn,
            String reason,
            @Nullable YearMonth paidUpTo,
            int contributionMonths,
            long arrears,
            int arrearsMonths,
            long credit) {}

    LedgerModel(Segment segment, YearMonth start, LocalDate registeredOn) {
        this.segment = segment;
        this.start = start;
        this.registeredOn = registeredOn;
        // every owed month from the start to the current month is a bill at once (back-dated months are arrears)
        billThrough(CURRENT);
    }

    /** Bills the owed months after the last one billed up to {@code month}; returns how many. */
    int billThrough(YearMonth month) {
        int created = 0;
        for (YearMonth m = nextUnbilled(); !m.isAfter(month) && activeIn(m); m = m.plusMonths(1)) {
            addBill(m);
            created++;
        }
        return created;
    }

    private YearMonth nextUnbilled() {
        return bills.isEmpty() ? start : bills.lastKey().plusMonths(1);
    }

    static long tariff(Segment segment, YearMonth month) {
        if (segment == Segment.PU) {
            return PU_MONTHLY;
        }
        boolean discounted = !month.isBefore(YearMonth.of(2026, 4)) && !month.isAfter(YearMonth.of(2026, 12));
        return discounted ? BPU_DISCOUNTED : BPU_FULL;
    }

    /** BPU: the 15th of the month; PU: the 15th of the next month. */
    static LocalDate due(Segment segment, YearMonth month) {
        return segment == Segment.PU ? month.plusMonths(1).atDay(15) : month.atDay(15);
    }

    long monthly() {
        return tariff(segment, start);
    }

    private void addBill(YearMonth month) {
        bills.put(month, new MBill(month, tariff(segment, month), due(segment, month)));
    }

    void amountFromLedger(YearMonth period, long amount) {
        bills.get(period).amount = amount;
    }

    boolean activeIn(YearMonth month) {
        return !month.isBefore(start) && (end == null || !month.isAfter(end));
    }

    long money(LocalDate asOf) {
        return payments.stream()
                .filter(p -> !p.paidOn().isAfter(asOf))
                .mapToLong(MPayment::amount)
                .sum();
    }

    long moneyNow() {
        return payments.stream().mapToLong(MPayment::amount).sum();
    }

    /** The paid part of each bill when {@code money} is applied oldest bill first; cancelled bills take nothing. */
    Map<YearMonth, Long> paid(long money) {
        Map<YearMonth, Long> paid = new LinkedHashMap<>();
        for (MBill b : bills.values()) {
            long p = b.cancelled ? 0 : Math.min(money, b.amount);
            money -= p;
            paid.put(b.period, p);
        }
        return paid;
    }

    long creditNow() {
        return moneyNow()
                - paid(moneyNow()).values().stream().mapToLong(Long::longValue).sum();
    }

    boolean hasOpenBill() {
        Map<YearMonth, Long> paid = paid(moneyNow());
        return bills.values().stream().anyMatch(b -> !b.cancelled && paid.get(b.period) < b.amount);
    }

    /** A payment on that day is refused (single) or rejected (file): ended before its month, nothing left to pay. */
    boolean closed(LocalDate paidOn) {
        return end != null && end.isBefore(YearMonth.from(paidOn)) && !hasOpenBill();
    }

    void addPayment(String key, long amount, LocalDate paidOn) {
        payments.add(new MPayment(key, amount, paidOn));
    }

    /** BPU: while there is credit and no open bill, the next month is billed (and paid), up to MAX_AHEAD ahead. */
    void payAhead() {
        if (segment != Segment.BPU) {
            return;
        }
        while (creditNow() > 0 && !hasOpenBill()) {
            YearMonth next = nextUnbilled();
            if (next.isAfter(CURRENT.plusMonths(MAX_AHEAD)) || (end != null && next.isAfter(end))) {
                return;
            }
            addBill(next);
        }
    }

    void end(YearMonth lastMonth) {
        end = lastMonth;
        for (MBill b : bills.tailMap(lastMonth, false).values()) {
            b.cancelled = true;
        }
    }

    /**
     * A billing run for {@code period}: a BPU membership still open whose (LAPSE_AFTER + 1) months before the period
     * are all billed, unpaid and not before the month of registration ends after its last paid month (or before its
     * start).
     *
     * @return whether it lapsed
     */
    boolean lapseAt(YearMonth period) {
        if (segment != Segment.BPU || end != null) {
            return false;
        }
        Map<YearMonth, Long> paid = paid(moneyNow());
        YearMonth firstUnpaid = period.minusMonths(LAPSE_AFTER + 1);
        if (firstUnpaid.isBefore(YearMonth.from(registeredOn))) {
            return false; // months before registration are arrears to settle, they do not end the membership
        }
        for (YearMonth m = firstUnpaid; m.isBefore(period); m = m.plusMonths(1)) {
            MBill b = bills.get(m);
            if (b == null || b.cancelled || paid.get(m) >= b.amount) {
                return false;
            }
        }
        YearMonth lastPaid = start.minusMonths(1);
        for (MBill b : bills.headMap(firstUnpaid, false).values()) {
            if (!b.cancelled && paid.get(b.period) == b.amount) {
                lastPaid = b.period;
            }
        }
        end(lastPaid);
        lapsed = true;
        return true;
    }

    /** The months paid in full by the money paid by {@code asOf}, within the start and end. */
    SortedSet<YearMonth> paidMonths(long money) {
        Map<YearMonth, Long> paid = paid(money);
        SortedSet<YearMonth> months = new TreeSet<>();
        for (MBill b : bills.values()) {
            if (!b.cancelled && paid.get(b.period) == b.amount && activeIn(b.period)) {
                months.add(b.period);
            }
        }
        return months;
    }

    Expected status(LocalDate day) {
        return status(day, money(day));
    }

    /** The status on {@code day} with {@code money} paid (by that day; or, for today's knowledge, by today). */
    Expected status(LocalDate day, long money) {
        YearMonth month = YearMonth.from(day);
        Map<YearMonth, Long> paid = paid(money);
        long arrears = 0;
        int arrearsMonths = 0;
        long used = 0;
        for (MBill b : bills.values()) {
            if (b.cancelled) {
                continue;
            }
            used += paid.get(b.period);
            if (paid.get(b.period) < b.amount && b.due.isBefore(day)) {
                arrears += b.amount - paid.get(b.period);
                arrearsMonths++;
            }
        }
        SortedSet<YearMonth> paidMonths = paidMonths(money);
        YearMonth paidUpTo = null;
        for (YearMonth m = start; paidMonths.contains(m); m = m.plusMonths(1)) {
            paidUpTo = m;
        }
        YearMonth countTo = end != null && end.isBefore(month) ? end : month;
        int contributionMonths = paidMonths.headSet(countTo.plusMonths(1)).size();
        String reason;
        if (month.isBefore(start)) {
            reason = "status.not-started";
        } else if (end != null && month.isAfter(end)) {
            reason = "status.ended";
        } else if (paidMonths.contains(month)) {
            reason = "status.protected";
        } else if (segment == Segment.PU) {
            if (registeredOn.isAfter(day)) {
                reason = "status.not-registered";
            } else if (arrearsMonths > PU_GRACE) {
                reason = "status.employer-arrears";
            } else {
                reason = "status.protected";
            }
        } else {
            reason = "status.unpaid";
        }
        return new Expected(
                reason.equals("status.protected"),
                reason,
                paidUpTo,
                contributionMonths,
                arrears,
                arrearsMonths,
                money - used);
    }

    /**
     * The protected months as known today (every payment recorded so far counts, also a late one): from the start to
     * the current month (or the end), a month is protected when it is so on its last day — today for the current
     * month — with today's money; BPU months paid ahead count too.
     */
    SortedSet<YearMonth> protectedMonthsKnownToday() {
        SortedSet<YearMonth> months = new TreeSet<>();
        long money = moneyNow();
        YearMonth last = end != null && end.isBefore(CURRENT) ? end : CURRENT;
        for (YearMonth m = start; !m.isAfter(last); m = m.plusMonths(1)) {
            LocalDate day = m.equals(CURRENT) ? TODAY : m.atEndOfMonth();
            if (status(day, money).protectedOn()) {
                months.add(m);
            }
        }
        if (segment == Segment.BPU) {
            months.addAll(paidMonths(money).tailSet(CURRENT.plusMonths(1)));
        }
        return months;
    }
}
