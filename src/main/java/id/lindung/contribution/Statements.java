package id.lindung.contribution;

import id.lindung.access.LindungUser;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantId;
import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * For any membership (or participant) and date: protected or not, paid-up-to month, contribution months, arrears;
 * and the full statement of bills and payments. Protection follows money paid: everything is computed from the
 * ledger (every owed month is a bill, {@link Ledger}) with only the payments made by that date.
 *
 * <p>Rules (dated rows of {@code contribution_protection_rule} with their legal basis; domain reference §2, several
 * UNCONFIRMED): a BPU member is protected on a day when that day's month was paid in full by then — so from the first
 * payment on, never before it, and a month paid after an event does not cover the event. Construction projects and
 * PMI contracts are protected for their contract once their one bill is paid. A wage earner (PU) is protected in a
 * paid month, and in an unpaid one while the employer owes at most {@code ARREARS_GRACE} bills past their due date —
 * but that grace runs only from the day the membership was registered: a start back-dated before registration is
 * arrears, not protection ({@code status.not-registered}); beyond the grace the claim is the employer's liability
 * ({@code status.employer-arrears}). Contribution months are the paid months from the start up to that month.
 */
@Service
public class Statements {

    private final JdbcClient jdbc;
    private final EnrolmentManagement enrolment;
    private final RateBook rates;
    private final ProtectionRules protection;

    private final Bounds bounds;

    Statements(
            JdbcClient jdbc, EnrolmentManagement enrolment, RateBook rates, ProtectionRules protection, Bounds bounds) {
        this.bounds = bounds;
        this.jdbc = jdbc;
        this.enrolment = enrolment;
        this.rates = rates;
        this.protection = protection;
    }

    public Statement statement(MembershipId membership, LocalDate date, LindungUser by) {
        checkDate(date);
        Membership m = enrolment.membership(membership, by);
        List<Bill> bills = bills(m.id());
        List<Payment> payments = payments(m.id());
        return new Statement(m, status(m, bills, date), bills, payments);
    }

    /**
     * The status on a day, as {@link #statement} gives it, without what only a statement shows (bill lines with
     * their rules, the payments): the lookup claims, KUR and the status API make for every check.
     */
    public MembershipStatus status(MembershipId membership, LocalDate date, LindungUser by) {
        checkDate(date);
        Membership m = enrolment.membership(membership, by);
        return status(m, billsWithoutLines(m.id()), date);
    }

    /** Status of each of a participant's memberships on a date. */
    public List<MembershipStatus> statusOfParticipant(ParticipantId participant, LocalDate date, LindungUser by) {
        checkDate(date);
        List<MembershipStatus> result = new ArrayList<>();
        for (Membership m : enrolment.membershipsOf(participant, by)) {
            result.add(status(m, billsWithoutLines(m.id()), date));
        }
        return result;
    }

    /** A date asked about lies within the query bounds ({@code date}, 422 otherwise). */
    private void checkDate(LocalDate date) {
        List<FieldIssue> issues = new ArrayList<>();
        bounds.checkQueryDate("date", date, issues);
        Bounds.throwIfAny(issues);
    }

    /**
     * The status as it stood on {@code date}: only payments made by then count (a bill paid later was still unpaid
     * then), applied oldest bill first; credit is what those payments left over after every bill.
     */
    MembershipStatus status(Membership m, List<Bill> bills, LocalDate date) {
        YearMonth month = YearMonth.from(date);
        java.sql.Date day = java.sql.Date.valueOf(date);
        long money = paidBy(m.id(), date);
        List<Bill> asOf = asOf(bills, money);
        long credit = money - asOf.stream().mapToLong(Bill::paid).sum();
        long arrears = 0;
        int arrearsMonths = 0;
        for (Bill b : asOf) {
            if (b.status().equals("OPEN") && b.dueDate().isBefore(date)) {
                arrears += b.amount() - b.paid();
                arrearsMonths++;
            }
        }
        long pendingFines = jdbc.sql("""
                SELECT coalesce(sum(f.amount), 0) FROM late_fine f JOIN payment p ON p.id = f.payment_id
                  LEFT JOIN bill charged ON charged.id = f.charged_bill_id
                 WHERE f.membership_id = ? AND p.paid_on <= ? AND (charged.id IS NULL OR charged.period > ?)""")
                .params(m.id(), day, java.sql.Date.valueOf(month.atDay(1)))
                .query(Long.class)
                .single();
        SortedSet<YearMonth> paid = paidMonths(m, asOf);
        YearMonth paidUpTo = null;
        for (YearMonth ym = m.startMonth(); paid.contains(ym); ym = ym.plusMonths(1)) {
            paidUpTo = ym;
        }
        YearMonth countTo = m.endMonth() != null && m.endMonth().isBefore(month) ? m.endMonth() : month;
        int contributionMonths = paid.headSet(countTo.plusMonths(1)).size();
        String reason;
        if (month.isBefore(m.startMonth())) {
            reason = "status.not-started";
        } else if (m.endMonth() != null && month.isAfter(m.endMonth())) {
            reason = "status.ended";
        } else if (paid.contains(month)) {
            reason = "status.protected";
        } else if (m.segment() == Segment.PU) {
            if (m.registeredOn().isAfter(date)) {
                reason = "status.not-registered";
            } else if (arrearsMonths > protection.months(Segment.PU, ProtectionRules.Kind.ARREARS_GRACE, month)) {
                reason = "status.employer-arrears";
            } else {
                reason = "status.protected";
            }
        } else {
            reason = "status.unpaid";
        }
        return new MembershipStatus(
                m.id(),
                date,
                reason.equals("status.protected"),
                reason,
                paidUpTo,
                contributionMonths,
                arrears,
                arrearsMonths,
                pendingFines,
                credit);
    }

    /**
     * The months a membership had paid by {@code date}: every month whose bill was paid in full by then (payments
     * made later do not count), within the membership's start and end; construction and PMI contracts: every month
     * of the contract once its one bill was paid.
     */
    public SortedSet<YearMonth> paidMonths(MembershipId membership, LocalDate date, LindungUser by) {
        Membership m = enrolment.membership(membership, by);
        return paidMonths(m, asOf(billsWithoutLines(m.id()), paidBy(m.id(), date)));
    }

    private static SortedSet<YearMonth> paidMonths(Membership m, List<Bill> asOf) {
        SortedSet<YearMonth> paid = new TreeSet<>();
        boolean once = m.segment() == Segment.JAKON || m.segment() == Segment.PMI;
        for (Bill b : asOf) {
            if (!b.status().equals("PAID") || !m.activeIn(b.period())) {
                continue;
            }
            if (once && b.period().equals(m.startMonth())) {
                YearMonth last = m.endMonth() == null ? m.startMonth() : m.endMonth();
                for (YearMonth ym = m.startMonth(); !ym.isAfter(last); ym = ym.plusMonths(1)) {
                    paid.add(ym);
                }
            } else {
                paid.add(b.period());
            }
        }
        return paid;
    }

    /**
     * The bills as they stood on a day when {@code money} had been paid ({@link #paidBy}): applied to the bills
     * oldest first (the allocation rule), whatever order the payments were recorded in. Cancelled bills take nothing.
     */
    private static List<Bill> asOf(List<Bill> bills, long money) {
        List<Bill> result = new ArrayList<>(bills.size());
        for (Bill b : bills) {
            if (b.status().equals("CANCELLED")) {
                result.add(b);
                continue;
            }
            long paid = Math.min(money, b.amount());
            money -= paid;
            result.add(new Bill(
                    b.id(),
                    b.membershipId(),
                    b.period(),
                    b.dueDate(),
                    b.amount(),
                    paid,
                    paid == b.amount() ? "PAID" : "OPEN",
                    b.lines()));
        }
        return result;
    }

    /** Money of the payments applied to a membership and paid by {@code date}. */
    private long paidBy(long membershipId, LocalDate date) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0)::bigint FROM payment WHERE membership_id = ?"
                        + " AND status = 'APPLIED' AND paid_on <= ?")
                .params(membershipId, java.sql.Date.valueOf(date))
                .query(Long.class)
                .single();
    }

    private List<Bill> bills(long membershipId) {
        Map<String, RateRule> byRef = rates.byRef();
        Map<Long, List<BillLine>> lines = new HashMap<>();
        jdbc.sql("SELECT l.bill_id, l.line_no, l.programme, l.kind, l.base, l.employer_pct, l.worker_pct,"
                        + " l.employer_amount, l.worker_amount, l.rule_ref FROM bill_line l JOIN bill b ON b.id = l.bill_id"
                        + " WHERE b.membership_id = ? ORDER BY l.bill_id, l.line_no")
                .param(membershipId)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("bill_id"), k -> new ArrayList<>())
                            .add(line(rs, rates, byRef));
                });
        return billsWithoutLines(membershipId).stream()
                .map(b -> new Bill(
                        b.id(),
                        b.membershipId(),
                        b.period(),
                        b.dueDate(),
                        b.amount(),
                        b.paid(),
                        b.status(),
                        lines.getOrDefault(b.id(), List.of())))
                .toList();
    }

    /** The bills of a membership, in period order, without their lines (what status and paid months need). */
    private List<Bill> billsWithoutLines(long membershipId) {
        return jdbc.sql("SELECT id, membership_id, period, due_date, amount, paid, status FROM bill"
                        + " WHERE membership_id = ? ORDER BY period")
                .param(membershipId)
                .query((rs, n) -> new Bill(
                        rs.getLong("id"),
                        rs.getLong("membership_id"),
                        YearMonth.from(rs.getDate("period").toLocalDate()),
                        rs.getDate("due_date").toLocalDate(),
                        rs.getLong("amount"),
                        rs.getLong("paid"),
                        rs.getString("status"),
                        List.of()))
                .list();
    }

    private List<Payment> payments(long membershipId) {
        return jdbc.sql("""
                SELECT p.id, p.idempotency_key, p.amount, p.paid_on, p.channel, p.reference, p.status,
                       p.reject_reason, coalesce((SELECT sum(a.amount) FROM payment_allocation a
                                                   WHERE a.payment_id = p.id), 0) AS allocated, p.unallocated
                  FROM payment p WHERE p.membership_id = ? ORDER BY p.paid_on, p.id""")
                .param(membershipId)
                .query((rs, n) -> new Payment(
                        rs.getLong("id"),
                        rs.getString("idempotency_key"),
                        rs.getLong("amount"),
                        rs.getDate("paid_on").toLocalDate(),
                        rs.getString("channel"),
                        rs.getString("reference"),
                        rs.getString("status"),
                        rs.getString("reject_reason"),
                        rs.getLong("allocated"),
                        rs.getLong("unallocated")))
                .list();
    }

    static BillLine line(ResultSet rs, RateBook rates, Map<String, RateRule> byRef) throws SQLException {
        Object base = rs.getObject("base");
        BigDecimal employerPct = rs.getBigDecimal("employer_pct");
        BigDecimal workerPct = rs.getBigDecimal("worker_pct");
        String ruleRef = rs.getString("rule_ref");
        return new BillLine(
                rs.getInt("line_no"),
                rs.getString("programme"),
                rs.getString("kind"),
                base == null ? null : ((Number) base).longValue(),
                employerPct == null ? null : employerPct.stripTrailingZeros(),
                workerPct == null ? null : workerPct.stripTrailingZeros(),
                rs.getLong("employer_amount"),
                rs.getLong("worker_amount"),
                ruleRef,
                rates.explain(ruleRef, byRef));
    }
}
