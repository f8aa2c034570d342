package id.lindung.contribution;

import id.lindung.contribution.internal.Allocation;
import id.lindung.enrolment.MembershipEnded;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.MembershipStartMoved;
import id.lindung.enrolment.MembershipStarted;
import java.time.Clock;
import java.time.YearMonth;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the ledger in step with enrolment, in the enrolling transaction (a synchronous listener: the membership and
 * its owed months commit together or not at all). A membership that starts owes every month from its start to the
 * current month at once: a start in the past is arrears with due dates in the past, not protection. A membership
 * that ends owes nothing after its last month: bills after it are cancelled and money on them returns to the
 * payments as credit (for a refund or the member's next membership).
 */
@Component
class LedgerUpkeep {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Allocation allocation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LedgerUpkeep(JdbcClient jdbc, Ledger ledger, Allocation allocation, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.allocation = allocation;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void started(MembershipStarted started) {
        billOwedMonths(started.membershipId().value());
    }

    /**
     * An approved start correction moved the start back: the months in between are owed, and the money paid so far
     * is applied again oldest month first (the allocation rule), as if those months had been billed from the start.
     */
    @EventListener
    void startMoved(MembershipStartMoved moved) {
        long membershipId = moved.membershipId().value();
        allocation.lock();
        jdbc.sql("""
                WITH freed AS (
                  DELETE FROM payment_allocation a USING bill b
                   WHERE a.bill_id = b.id AND b.membership_id = :id AND b.status <> 'CANCELLED'
                  RETURNING a.payment_id, a.amount)
                UPDATE payment p SET unallocated = p.unallocated + f.total
                  FROM (SELECT payment_id, sum(amount) AS total FROM freed GROUP BY payment_id) f
                 WHERE p.id = f.payment_id""").param("id", membershipId).update();
        jdbc.sql("UPDATE bill SET paid = 0, status = 'OPEN' WHERE membership_id = ? AND status <> 'CANCELLED'")
                .param(membershipId)
                .update();
        ledger.billAndAllocate(membershipId, YearMonth.now(clock));
        events.publishEvent(new ProtectionChanged(moved.membershipId()));
    }

    @EventListener
    void ended(MembershipEnded ended) {
        allocation.lock();
        jdbc.sql("""
                WITH cancelled AS (
                  UPDATE bill b SET status = 'CANCELLED', paid = 0
                    FROM enrolment_membership_v v
                   WHERE v.membership_id = b.membership_id AND b.membership_id = :id
                     AND b.status <> 'CANCELLED' AND b.period > v.end_month
                  RETURNING b.id),
                returned AS (
                  DELETE FROM payment_allocation a USING cancelled c WHERE a.bill_id = c.id
                  RETURNING a.payment_id, a.amount)
                UPDATE payment p SET unallocated = p.unallocated + r.total
                  FROM (SELECT payment_id, sum(amount) AS total FROM returned GROUP BY payment_id) r
                 WHERE p.id = r.payment_id""").param("id", ended.membershipId().value()).update();
        events.publishEvent(new ProtectionChanged(ended.membershipId()));
    }

    /**
     * Bills every owed month of one membership up to the current month (and opens again months cancelled by an end
     * that no longer holds) and allocates its credit to them.
     */
    void billOwedMonths(long membershipId) {
        allocation.lock();
        // a membership running again (an end put back, e.g. a corrected death) owes its cancelled months again
        jdbc.sql("""
                UPDATE bill b SET status = 'OPEN'
                  FROM enrolment_membership_v v
                 WHERE v.membership_id = b.membership_id AND b.membership_id = ? AND b.status = 'CANCELLED'
                   AND b.period >= v.start_month AND (v.end_month IS NULL OR b.period <= v.end_month)""").param(membershipId).update();
        ledger.billAndAllocate(membershipId, YearMonth.now(clock));
        events.publishEvent(new ProtectionChanged(MembershipId.of(membershipId)));
    }
}
