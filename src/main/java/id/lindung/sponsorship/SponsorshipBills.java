package id.lindung.sponsorship;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.access.NikDisplay;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.PaymentResult;
import id.lindung.contribution.Payments;
import id.lindung.contribution.QuoteRequest;
import id.lindung.contribution.Quotes;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.IdentityView;
import id.lindung.shared.crypto.Vault;
import id.lindung.sponsorship.workflow.SponsorshipAction;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow.Payment;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a programme costs its government: the consolidated monthly bill (the sum of its beneficiaries' bills of the
 * month, line by line), its payment (each member's bill paid exactly once), and the budget: committed, billed, paid,
 * remaining, with a warning before it runs out.
 */
@Service
public class SponsorshipBills {

    /** One beneficiary's bill of the month. */
    public record Line(long membershipId, String nik, long billId, long amount, long paid, String status) {}

    /** The consolidated bill of a month: members billed, amount, paid, open, the earliest due date, the lines. */
    public record ConsolidatedBill(
            long programmeId,
            YearMonth month,
            int members,
            long amount,
            long paid,
            long open,
            @Nullable LocalDate dueDate,
            List<Line> lines) {}

    /** A consolidated payment: how many member bills were paid now, the amount, and how many were already paid. */
    public record Paid(int bills, long amount, int alreadyPaid) {}

    /**
     * The budget. {@code committed} = billed + what the current beneficiaries will cost until the programme's last
     * month; {@code status}: OK, LOW (less than two months of the current monthly cost left after the committed
     * amount), OVER (committed above the budget).
     */
    public record Budget(
            long budget,
            long billed,
            long paid,
            long committed,
            long remaining,
            long monthlyCost,
            int activeMembers,
            @Nullable Long monthsAffordable,
            String status) {}

    private final JdbcClient jdbc;
    private final SponsorshipProgrammes programmes;
    private final Payments payments;
    private final Quotes quotes;
    private final Clock clock;
    private final Vault vault;
    private final AuditTrail audit;

    SponsorshipBills(
            JdbcClient jdbc,
            SponsorshipProgrammes programmes,
            Payments payments,
            Quotes quotes,
            Clock clock,
            AuditTrail audit,
            Vault vault) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.payments = payments;
        this.quotes = quotes;
        this.clock = clock;
        this.vault = vault;
    }

    /** The consolidated bill of a month (after the month's billing run; empty before). */
    public ConsolidatedBill bill(long programmeId, YearMonth month, LindungUser by) {
        programmes.get(programmeId, by);
        List<Line> lines = jdbc.sql("""
                SELECT s.membership_id, p.nik_enc, v.bill_id, v.amount, v.paid, v.status, v.due_date
                  FROM sponsorship_beneficiary s
                  JOIN participant_identity_v p ON p.participant_id = s.participant_id
                  JOIN contribution_bill_v v ON v.membership_id = s.membership_id AND v.period = ?
                 WHERE s.programme_id = ? AND v.status <> 'CANCELLED'
                 ORDER BY s.membership_id""")
                .params(month.atDay(1), programmeId)
                .query((rs, n) -> new Line(
                        rs.getLong(1),
                        Objects.requireNonNull(
                                NikDisplay.show(vault.openText(rs.getBytes(2), IdentityView.NIK_COLUMN), by)),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getString(6)))
                .list();
        LocalDate due = jdbc.sql("""
                SELECT min(v.due_date) FROM sponsorship_beneficiary s
                  JOIN contribution_bill_v v ON v.membership_id = s.membership_id AND v.period = ?
                 WHERE s.programme_id = ?""")
                .params(month.atDay(1), programmeId)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        long amount = lines.stream().mapToLong(Line::amount).sum();
        long paid = lines.stream().mapToLong(Line::paid).sum();
        return new ConsolidatedBill(programmeId, month, lines.size(), amount, paid, amount - paid, due, lines);
    }

    /**
     * Pays a month's consolidated bill: each member's open bill for its open amount, under the key
     * {@code SPN-<programme>-<month>-<membership>}, so paying twice pays nothing more.
     */
    @Transactional
    public Paid pay(
            long programmeId,
            @Nullable YearMonth month,
            @Nullable LocalDate paidOn,
            @Nullable String reference,
            LindungUser by) {
        // the government's money: only those who manage programmes, for a sponsor inside their scope (as ending a
        // programme or adding beneficiaries); Payments alone would also let a field agent pay it
        SponsorshipWorkflow.mayAttempt(by).orThrow();
        Programme programme = programmes.get(programmeId, by);
        List<SponsorshipAction.BillLine> lines = month == null
                ? List.of()
                : bill(programmeId, month, by).lines().stream()
                        .map(l -> new SponsorshipAction.BillLine(l.membershipId(), l.amount(), l.paid()))
                        .toList();
        Payment payment = SponsorshipWorkflow.pay(
                        programme, new SponsorshipAction.PayBill(month, paidOn, lines), by, LocalDate.now(clock))
                .orThrow();
        LocalDate on = payment.paidOn();
        int paidNow = 0;
        long amount = 0;
        for (SponsorshipAction.BillLine line : payment.toPay()) {
            PaymentResult r = payments.pay(
                    new PaymentRequest(
                            "SPN-" + programmeId + "-" + payment.month() + "-" + line.membershipId(),
                            line.membershipId(),
                            line.open(),
                            on,
                            reference),
                    by);
            if (!r.replayed()) {
                paidNow++;
                amount += r.amount();
            }
        }
        int already = payment.alreadyPaid();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("month", payment.month().toString());
        values.put("paidOn", on.toString());
        values.put("reference", reference);
        values.put("billsPaid", paidNow);
        values.put("amount", amount);
        values.put("alreadyPaid", already);
        audit.record(
                "SPONSORSHIP_BILL_PAID",
                "sponsorship_programme",
                Long.toString(programmeId),
                programme.sponsorRegion(),
                values);
        return new Paid(paidNow, amount, already);
    }

    /** The programme's budget as of today. */
    public Budget budget(long programmeId, LindungUser by) {
        Programme p = programmes.get(programmeId, by);
        record Billed(long amount, long paid, @Nullable LocalDate latest) {}
        Billed billed = jdbc.sql("""
                SELECT coalesce(sum(v.amount), 0), coalesce(sum(v.paid), 0), max(v.period)
                  FROM sponsorship_beneficiary s
                  JOIN contribution_bill_v v ON v.membership_id = s.membership_id
                 WHERE s.programme_id = ? AND v.status <> 'CANCELLED' AND v.period BETWEEN ? AND ?""")
                .params(programmeId, p.startMonth().atDay(1), p.lastMonth().atDay(1))
                .query((rs, n) -> new Billed(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
                .single();
        int active = jdbc.sql("""
                SELECT count(*) FROM sponsorship_beneficiary s
                  JOIN enrolment_membership_v m ON m.membership_id = s.membership_id
                 WHERE s.programme_id = ? AND (m.end_month IS NULL OR m.end_month >= ?)""")
                .params(programmeId, YearMonth.now(clock).atDay(1))
                .query(Integer.class)
                .single();
        YearMonth now = YearMonth.now(clock);
        YearMonth from = billed.latest() == null
                ? (p.startMonth().isAfter(now) ? p.startMonth() : now)
                : YearMonth.from(billed.latest()).plusMonths(1);
        long future = 0;
        for (YearMonth m = from; !m.isAfter(p.lastMonth()); m = m.plusMonths(1)) {
            future += active * perWorker(p.declaredIncome(), m);
        }
        long monthly = active * perWorker(p.declaredIncome(), now.isBefore(p.startMonth()) ? p.startMonth() : now);
        long committed = billed.amount() + future;
        long remaining = p.budget() - committed;
        String status = committed > p.budget() ? "OVER" : remaining < 2 * monthly ? "LOW" : "OK";
        Long affordable = monthly == 0 ? null : (p.budget() - billed.amount()) / monthly;
        return new Budget(
                p.budget(), billed.amount(), billed.paid(), committed, remaining, monthly, active, affordable, status);
    }

    /** What one sponsored worker costs in a month: BPU JKK and JKM at the income, paid by the government. */
    long perWorker(long income, YearMonth month) {
        return quotes.quote(new QuoteRequest(
                        Segment.BPU, Set.of(), month, income, null, Sector.OTHER, true, null, null, false))
                .total();
    }
}
