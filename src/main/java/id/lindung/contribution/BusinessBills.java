package id.lindung.contribution;

import id.lindung.access.LindungUser;
import id.lindung.contribution.internal.Allocation;
import id.lindung.enrolment.MembershipId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One bill and one VA for an UMKM business (issue 19 point 5): the open memberships put on it, each owing its
 * {@link Dues#dueNow} amount. A payment of exactly the total is split into one ledger payment per membership owing,
 * all in the caller's transaction (all or nothing), each idempotent under the caller's key and its membership. Who
 * may put a membership on a business's bill is the caller's decision (the self-service owner pages and the officer
 * confirming an employee); this class keeps the list and the money.
 */
@Service
public class BusinessBills {

    private final JdbcClient jdbc;
    private final Dues dues;
    private final Payments payments;
    private final VirtualAccounts accounts;
    private final Clock clock;
    private final Allocation allocation;

    BusinessBills(
            JdbcClient jdbc,
            Dues dues,
            Payments payments,
            VirtualAccounts accounts,
            Allocation allocation,
            Clock clock) {
        this.allocation = allocation;
        this.jdbc = jdbc;
        this.dues = dues;
        this.payments = payments;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Puts a membership on a business's bill; false when it is on a bill already (this one or another). */
    @Transactional
    public boolean include(long businessId, long membershipId) {
        return jdbc.sql("""
                        INSERT INTO business_bill_member (business_id, membership_id, added_at) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                        .params(businessId, membershipId, Timestamp.from(clock.instant()))
                        .update()
                > 0;
    }

    /** Whether any membership is on the business's bill (the VA answers only then). */
    public boolean billed(long businessId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM business_bill_member WHERE business_id = ?)")
                .param(businessId)
                .query(Boolean.class)
                .single();
    }

    /** The business's bill now: its open memberships and what each owes (ended ones are left off). */
    public BusinessBill bill(long businessId, LindungUser by) {
        List<BusinessBill.Line> lines = new ArrayList<>();
        for (Member m : members(businessId)) {
            long due = dues.dueNow(new MembershipId(m.id()), by).amount();
            lines.add(new BusinessBill.Line(m.id(), m.number(), due));
        }
        String customer = accounts.businessNumber(businessId);
        return new BusinessBill(
                businessId,
                customer,
                accounts.number(customer),
                lines.stream().mapToLong(BusinessBill.Line::amount).sum(),
                lines);
    }

    /**
     * Pays a business's bill: {@code amount} must be its total now, decided under its memberships' locks (else
     * {@link AmountNotOwed}, nothing written); each membership owing gets a payment of its amount under {@code key}
     * and its id, through {@link Payments#pay} with {@code channel}. Joins the caller's transaction, so a refusal
     * anywhere undoes all.
     */
    @Transactional
    public List<PaymentResult> pay(
            long businessId,
            String key,
            long amount,
            LocalDate paidOn,
            @Nullable String reference,
            String channel,
            LindungUser by) {
        // what each member owes cannot change until the payments are in: their locks, in membership order
        members(businessId).stream().mapToLong(Member::id).sorted().forEach(allocation::lockMembership);
        BusinessBill bill = bill(businessId, by);
        Payments.checkOwed(bill.total(), amount);
        List<PaymentResult> paid = new ArrayList<>();
        for (BusinessBill.Line line : bill.lines()) {
            if (line.amount() > 0) {
                paid.add(payments.pay(
                        new PaymentRequest(
                                key + "-" + line.membershipId(), line.membershipId(), line.amount(), paidOn, reference),
                        channel,
                        by));
            }
        }
        return paid;
    }

    private record Member(long id, String number) {}

    private List<Member> members(long businessId) {
        return jdbc.sql("""
                        SELECT v.membership_id, v.membership_number FROM business_bill_member b
                          JOIN enrolment_membership_v v ON v.membership_id = b.membership_id
                         WHERE b.business_id = ? AND v.end_month IS NULL
                         ORDER BY b.added_at, v.membership_id""")
                .param(businessId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2)))
                .list();
    }
}
