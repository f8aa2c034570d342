package id.lindung.contribution;

import id.lindung.access.LindungUser;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Segment;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * For any membership (or participant) and date: protected or not, paid-up-to month, arrears; and the full
 * statement of bills and payments.
 *
 * <p>Rules (domain reference §2; the BPU ones are design assumptions marked UNCONFIRMED there): BPU members are
 * protected through the end of the last month paid (a payment covers whole months; credit that covers the next
 * months' contribution counts as paid ahead). Construction projects and PMI contracts are protected for their whole
 * period once their one-off bill is paid. Wage earners (PU) are protected while employed unless their employer is
 * more than {@code puMaxArrearsMonths} bills behind (status non-active, BPJS TK article 18884).
 */
@Service
public class Statements {

    private final JdbcClient jdbc;
    private final EnrolmentManagement enrolment;
    private final RateBook rates;
    private final int puMaxArrearsMonths;

    Statements(JdbcClient jdbc, EnrolmentManagement enrolment, RateBook rates,
            @Value("${lindung.contribution.pu-max-arrears-months:3}") int puMaxArrearsMonths) {
        this.jdbc = jdbc;
        this.enrolment = enrolment;
        this.rates = rates;
        this.puMaxArrearsMonths = puMaxArrearsMonths;
    }

    public Statement statement(long membershipId, LocalDate date, LindungUser by) {
        Membership m = enrolment.membership(membershipId, by);
        List<Bill> bills = bills(m.id());
        List<Payment> payments = payments(m.id());
        return new Statement(m, status(m, bills, payments, date), bills, payments);
    }

    public MembershipStatus status(long membershipId, LocalDate date, LindungUser by) {
        return statement(membershipId, date, by).status();
    }

    /** Status of each of a participant's memberships on a date. */
    public List<MembershipStatus> statusOfParticipant(long participantId, LocalDate date, LindungUser by) {
        List<MembershipStatus> result = new ArrayList<>();
        for (Membership m : enrolment.membershipsOf(participantId, by)) {
            result.add(status(m, bills(m.id()), payments(m.id()), date));
        }
        return result;
    }

    /**
     * The status as it stood on {@code date}: only payments made by then count (a bill paid later was still unpaid
     * then), and credit is what those payments left over after the bills up to that month.
     */
    MembershipStatus status(Membership m, List<Bill> bills, List<Payment> payments, LocalDate date) {
        YearMonth month = YearMonth.from(date);
        java.sql.Date day = java.sql.Date.valueOf(date);
        Map<Long, Long> paidByThen = new HashMap<>();
        jdbc.sql("""
                SELECT a.bill_id, sum(a.amount) FROM payment_allocation a
                  JOIN payment p ON p.id = a.payment_id JOIN bill b ON b.id = a.bill_id
                 WHERE b.membership_id = ? AND p.paid_on <= ? GROUP BY a.bill_id""")
                .params(m.id(), day).query(rs -> {
                    paidByThen.put(rs.getLong(1), rs.getLong(2));
                });
        List<Bill> asOf = bills.stream().map(b -> {
            long paid = paidByThen.getOrDefault(b.id(), 0L);
            String status = b.status().equals("CANCELLED") ? "CANCELLED" : paid >= b.amount() ? "PAID" : "OPEN";
            return new Bill(b.id(), b.membershipId(), b.period(), b.dueDate(), b.amount(), paid, status, b.lines());
        }).toList();
        long credit = jdbc.sql("""
                SELECT coalesce(sum(p.amount - coalesce((SELECT sum(a.amount) FROM payment_allocation a
                                                           JOIN bill b ON b.id = a.bill_id
                                                          WHERE a.payment_id = p.id AND b.period <= ?), 0)), 0)
                  FROM payment p WHERE p.membership_id = ? AND p.status = 'APPLIED' AND p.paid_on <= ?""")
                .params(java.sql.Date.valueOf(month.atDay(1)), m.id(), day).query(Long.class).single();
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
                .params(m.id(), day, java.sql.Date.valueOf(month.atDay(1))).query(Long.class).single();
        YearMonth paidUpTo = paidUpTo(m, asOf, credit);
        String reason;
        if (month.isBefore(m.startMonth())) {
            reason = "status.not-started";
        } else if (m.endMonth() != null && month.isAfter(m.endMonth())) {
            reason = "status.ended";
        } else if (m.segment() == Segment.PU) {
            reason = arrearsMonths > puMaxArrearsMonths ? "status.employer-arrears" : "status.protected";
        } else {
            reason = paidUpTo != null && !month.isAfter(paidUpTo) ? "status.protected" : "status.unpaid";
        }
        return new MembershipStatus(m.id(), date, reason.equals("status.protected"), reason, paidUpTo, arrears,
                arrearsMonths, pendingFines, credit);
    }

    /**
     * The last month paid without a gap from the start. One-off bills (construction, PMI) cover the contract period.
     * BPU credit covers following months at the latest bill's amount.
     */
    private static YearMonth paidUpTo(Membership m, List<Bill> bills, long credit) {
        if (m.segment() == Segment.JAKON || m.segment() == Segment.PMI) {
            boolean packagePaid = bills.stream()
                    .anyMatch(b -> b.period().equals(m.startMonth()) && b.status().equals("PAID"));
            return packagePaid ? m.endMonth() : null;
        }
        YearMonth paidUpTo = null;
        long monthly = 0;
        for (Bill b : bills) {
            if (b.status().equals("CANCELLED")) {
                continue;
            }
            if (!b.status().equals("PAID")) {
                return paidUpTo;
            }
            paidUpTo = b.period();
            monthly = b.amount();
        }
        if (m.segment() == Segment.BPU && paidUpTo != null && monthly > 0 && credit >= monthly) {
            paidUpTo = paidUpTo.plusMonths(credit / monthly);
            if (m.endMonth() != null && paidUpTo.isAfter(m.endMonth())) {
                paidUpTo = m.endMonth();
            }
        }
        return paidUpTo;
    }

    private List<Bill> bills(long membershipId) {
        Map<String, RateRule> byRef = rates.byRef();
        Map<Long, List<BillLine>> lines = new HashMap<>();
        jdbc.sql("SELECT l.bill_id, l.line_no, l.programme, l.kind, l.base, l.employer_pct, l.worker_pct,"
                        + " l.employer_amount, l.worker_amount, l.rule_ref FROM bill_line l JOIN bill b ON b.id = l.bill_id"
                        + " WHERE b.membership_id = ? ORDER BY l.bill_id, l.line_no")
                .param(membershipId).query(rs -> {
                    lines.computeIfAbsent(rs.getLong("bill_id"), k -> new ArrayList<>()).add(line(rs, rates, byRef));
                });
        return jdbc.sql("SELECT id, membership_id, period, due_date, amount, paid, status FROM bill"
                        + " WHERE membership_id = ? ORDER BY period")
                .param(membershipId)
                .query((rs, n) -> new Bill(rs.getLong("id"), rs.getLong("membership_id"),
                        YearMonth.from(rs.getDate("period").toLocalDate()), rs.getDate("due_date").toLocalDate(),
                        rs.getLong("amount"), rs.getLong("paid"), rs.getString("status"),
                        lines.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private List<Payment> payments(long membershipId) {
        return jdbc.sql("""
                SELECT p.id, p.idempotency_key, p.amount, p.paid_on, p.channel, p.reference, p.status,
                       p.reject_reason, coalesce((SELECT sum(a.amount) FROM payment_allocation a
                                                   WHERE a.payment_id = p.id), 0) AS allocated, p.unallocated
                  FROM payment p WHERE p.membership_id = ? ORDER BY p.paid_on, p.id""")
                .param(membershipId)
                .query((rs, n) -> new Payment(rs.getLong("id"), rs.getString("idempotency_key"), rs.getLong("amount"),
                        rs.getDate("paid_on").toLocalDate(), rs.getString("channel"), rs.getString("reference"),
                        rs.getString("status"), rs.getString("reject_reason"), rs.getLong("allocated"),
                        rs.getLong("unallocated")))
                .list();
    }

    static BillLine line(ResultSet rs, RateBook rates, Map<String, RateRule> byRef) throws SQLException {
        Object base = rs.getObject("base");
        BigDecimal employerPct = rs.getBigDecimal("employer_pct");
        BigDecimal workerPct = rs.getBigDecimal("worker_pct");
        String ruleRef = rs.getString("rule_ref");
        return new BillLine(rs.getInt("line_no"), rs.getString("programme"), rs.getString("kind"),
                base == null ? null : ((Number) base).longValue(),
                employerPct == null ? null : employerPct.stripTrailingZeros(),
                workerPct == null ? null : workerPct.stripTrailingZeros(), rs.getLong("employer_amount"),
                rs.getLong("worker_amount"), ruleRef, rates.explain(ruleRef, byRef));
    }
}
