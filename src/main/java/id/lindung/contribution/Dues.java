package id.lindung.contribution;

import id.lindung.access.LindungUser;
import id.lindung.contribution.internal.Allocation;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one member owes now, for the officer or agent collecting it. The ledger's own code works it out — every owed
 * month up to now billed, the member's credit allocated — in a transaction that is then rolled back: the answer is
 * exactly what a payment would meet, and reading it writes nothing.
 */
@Service
public class Dues {

    private final JdbcClient jdbc;
    private final TransactionTemplate rolledBack;
    private final Ledger ledger;
    private final Allocation allocation;
    private final EnrolmentManagement enrolment;
    private final Clock clock;

    Dues(
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Ledger ledger,
            Allocation allocation,
            EnrolmentManagement enrolment,
            Clock clock) {
        this.jdbc = jdbc;
        this.rolledBack = new TransactionTemplate(transactions);
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.ledger = ledger;
        this.allocation = allocation;
        this.enrolment = enrolment;
        this.clock = clock;
    }

    public DueNow dueNow(MembershipId membership, LindungUser by) {
        Membership m = enrolment.membership(membership, by);
        YearMonth month = YearMonth.now(clock);
        LocalDate today = LocalDate.now(clock);
        List<DueNow.Item> items = rolledBack.execute(status -> {
            status.setRollbackOnly();
            allocation.lock();
            ledger.billAndAllocate(m.id(), month);
            return jdbc.sql("""
                    SELECT period, amount, paid, due_date FROM bill
                     WHERE membership_id = ? AND status = 'OPEN' AND period <= ? ORDER BY period""")
                    .params(m.id(), Date.valueOf(month.atDay(1)))
                    .query((rs, n) -> new DueNow.Item(
                            YearMonth.from(rs.getDate("period").toLocalDate()),
                            rs.getLong("amount"),
                            rs.getLong("paid"),
                            rs.getLong("amount") - rs.getLong("paid"),
                            rs.getDate("due_date").toLocalDate().isBefore(today)))
                    .list();
        });
        List<DueNow.Item> owed = items == null ? List.of() : items;
        return new DueNow(
                m.id(), month, owed.stream().mapToLong(DueNow.Item::outstanding).sum(), owed);
    }
}
