package id.lindung.contribution;

import id.lindung.access.LindungUser;
import id.lindung.contribution.internal.Allocation;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.MembershipId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What one member owes now, for the officer or agent collecting it and for a bank's virtual-account inquiry. Usually
 * the member's ledger is settled — every owed month billed, no credit waiting for an open bill — and what is owed is
 * the open bills, read in one statement without a lock. Otherwise the ledger's own code works it out — every owed
 * month up to now billed, the member's credit allocated — under the membership's lock in a transaction (or savepoint)
 * that is then rolled back: the answer is exactly what a payment would meet, and reading it writes nothing.
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
        // a savepoint inside a caller's transaction (which may hold the membership's lock already), else its own
        this.rolledBack.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.ledger = ledger;
        this.allocation = allocation;
        this.enrolment = enrolment;
        this.clock = clock;
    }

    public DueNow dueNow(MembershipId membership, LindungUser by) {
        return owed(enrolment.membership(membership, by).id());
    }

    /**
     * {@link #dueNow} of a membership the caller has already found and may see (a payment in the caller's scope, the
     * system answering a bank about the VA it named): no second look-up.
     */
    public DueNow owed(long membershipId) {
        YearMonth month = YearMonth.now(clock);
        LocalDate today = LocalDate.now(clock);
        List<DueNow.Item> owed =
                settled(membershipId, month, today).orElseGet(() -> worked(membershipId, month, today));
        return due(membershipId, month, owed);
    }

    /** {@link #dueNow} the long way, always through the ledger's billing and allocation: for tests of the short one. */
    DueNow dueNowWorked(MembershipId membership) {
        YearMonth month = YearMonth.now(clock);
        return due(membership.value(), month, worked(membership.value(), month, LocalDate.now(clock)));
    }

    private static DueNow due(long membershipId, YearMonth month, List<DueNow.Item> owed) {
        return new DueNow(
                membershipId,
                month,
                owed.stream().mapToLong(DueNow.Item::outstanding).sum(),
                owed);
    }

    /**
     * The open bills up to {@code month} when the membership's ledger is settled ({@link Ledger#SETTLED}), in one
     * statement (one snapshot); empty when it is not.
     */
    private Optional<List<DueNow.Item>> settled(long membershipId, YearMonth month, LocalDate today) {
        record Row(boolean settled, DueNow.@Nullable Item item) {}
        List<Row> rows = Ledger.withSegments(jdbc.sql("""
                        SELECT s.settled, b.period, b.amount, b.paid, b.due_date
                          FROM (SELECT %s AS settled FROM enrolment_membership_v v WHERE v.membership_id = :id) s
                          LEFT JOIN LATERAL (SELECT period, amount, paid, due_date FROM bill
                                              WHERE membership_id = :id AND status = 'OPEN' AND period <= :month
                                              ORDER BY period) b ON s.settled""".formatted(Ledger.SETTLED))
                        .param("id", membershipId)
                        .param("month", Date.valueOf(month.atDay(1))))
                .query((rs, n) ->
                        new Row(rs.getBoolean("settled"), rs.getDate("period") == null ? null : item(rs, today)))
                .list();
        if (rows.isEmpty() || !rows.get(0).settled()) {
            return Optional.empty();
        }
        return Optional.of(rows.stream()
                .map(Row::item)
                .filter(Objects::nonNull)
                .map(Objects::requireNonNull)
                .toList());
    }

    private List<DueNow.Item> worked(long membershipId, YearMonth month, LocalDate today) {
        List<DueNow.Item> items = rolledBack.execute(status -> {
            status.setRollbackOnly();
            allocation.lockMembership(membershipId);
            ledger.billAndAllocate(membershipId, month);
            return jdbc.sql("""
                    SELECT period, amount, paid, due_date FROM bill
                     WHERE membership_id = ? AND status = 'OPEN' AND period <= ? ORDER BY period""")
                    .params(membershipId, Date.valueOf(month.atDay(1)))
                    .query((rs, n) -> item(rs, today))
                    .list();
        });
        return items == null ? List.of() : items;
    }

    private static DueNow.Item item(ResultSet rs, LocalDate today) throws SQLException {
        return new DueNow.Item(
                YearMonth.from(rs.getDate("period").toLocalDate()),
                rs.getLong("amount"),
                rs.getLong("paid"),
                rs.getLong("amount") - rs.getLong("paid"),
                rs.getDate("due_date").toLocalDate().isBefore(today));
    }
}
