package id.lindung.support;

import id.lindung.access.LindungUser;
import id.lindung.contribution.Bill;
import id.lindung.contribution.BillingRunResult;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.LedgerBatchChanged;
import id.lindung.contribution.Members;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.Payments;
import id.lindung.contribution.ProtectionChanged;
import id.lindung.contribution.Statements;
import id.lindung.enrolment.MembershipId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bills and payments for coverage tests through the contribution module's services (billing runs, single payments),
 * and the ledger events the contribution module publishes for them ({@link ProtectionChanged} after a membership's
 * ledger changed, {@link LedgerBatchChanged} after a billing run), published here in a transaction of their own, as
 * a module would, so the read model's listeners run as in production. Publishing them twice is harmless: the
 * listeners are idempotent.
 */
public final class Ledger {

    private static final AtomicLong KEYS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final BillingRuns billing;
    private final Payments payments;
    private final Statements statements;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    /** The ledger of a running application. */
    public static Ledger of(org.springframework.context.ApplicationContext context) {
        return new Ledger(
                context.getBean(BillingRuns.class),
                context.getBean(Payments.class),
                context.getBean(Statements.class),
                context,
                context.getBean(TransactionTemplate.class));
    }

    public Ledger(
            BillingRuns billing,
            Payments payments,
            Statements statements,
            ApplicationEventPublisher events,
            TransactionTemplate transactions) {
        this.billing = billing;
        this.payments = payments;
        this.statements = statements;
        this.events = events;
        this.transactions = transactions;
    }

    /** Bills a month for every membership (a province-wide run), then says so. */
    public BillingRunResult bill(YearMonth month) {
        BillingRunResult run = billing.run(month, Members.OFFICER);
        publish(new LedgerBatchChanged("BILLING_RUN", run.runId()));
        return run;
    }

    /** The membership's open bills, oldest first. */
    public List<Bill> open(long membershipId) {
        return open(membershipId, Members.OFFICER);
    }

    /** As {@link #open(long)}, read by someone else (an officer of another province). */
    public List<Bill> open(long membershipId, LindungUser by) {
        return statements.statement(MembershipId.of(membershipId), LocalDate.now(TestClock.CLOCK), by).bills().stream()
                .filter(b -> b.outstanding() > 0)
                .sorted(java.util.Comparator.comparing(Bill::period))
                .toList();
    }

    /** Pays the oldest {@code count} open bills exactly (payments go to the oldest open bill first). */
    public void payOldest(long membershipId, int count, LocalDate paidOn) {
        payOldest(membershipId, count, paidOn, Members.OFFICER);
    }

    /** As {@link #payOldest(long, int, LocalDate)}, recorded by someone else (an officer of another province). */
    public void payOldest(long membershipId, int count, LocalDate paidOn, LindungUser by) {
        long amount = open(membershipId, by).stream()
                .limit(count)
                .mapToLong(Bill::outstanding)
                .sum();
        if (amount > 0) {
            pay(membershipId, amount, paidOn, by);
        }
    }

    /** One payment of an amount (paid on a day), then the membership's ledger event. */
    public void pay(long membershipId, long amount, LocalDate paidOn) {
        pay(membershipId, amount, paidOn, Members.OFFICER);
    }

    private void pay(long membershipId, long amount, LocalDate paidOn, LindungUser by) {
        payments.pay(new PaymentRequest("COV-" + KEYS.incrementAndGet(), membershipId, amount, paidOn, null), by);
        publish(new ProtectionChanged(MembershipId.of(membershipId)));
    }

    public void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }
}
