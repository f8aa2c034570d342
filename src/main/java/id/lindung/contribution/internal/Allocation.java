package id.lindung.contribution.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set-based allocation of unallocated payment money to open bills, oldest bill first, for the memberships listed in
 * the temporary table {@code alloc_scope} ({@link #allocate()}) or for one membership ({@link #allocateOne(long)}, the
 * same statements as one). Payments are used in the order they were paid; what is left stays as credit on the payment
 * ({@code unallocated}) for bills to come. A PU payment that reaches a bill after its due date is fined per started
 * month of delay (fine rows, charged on a later bill by the billing run).
 *
 * <p>Allocation reads and then moves balances, so two allocations for one membership must not interleave. Work on many
 * memberships at once (billing runs, payment files, history imports, ledger upkeep) holds {@link #lock} for its
 * transaction; work on one membership (a payment, what a member owes) holds {@link #lockMembership}, which shares the
 * first and excludes only work on the same membership: payments for different members run side by side, and a batch
 * waits for them (and they for it).
 */
@Component
public class Allocation {

    /** Advisory lock key held by every transaction that allocates. */
    static final long LOCK_KEY = 0x4C494E44554E47L; // "LINDUNG"
    /** First key of the two-key advisory locks of one membership ({@link #lockMembership}): "LD". */
    static final int MEMBERSHIP_LOCK_CLASS = 0x4C44;
    /**
     * Temporary table of payments not recorded yet that {@link #plan(boolean)} may include: {@code id} (from
     * {@code payment}'s sequence), {@code membership_id}, {@code amount}, {@code paid_on}, {@code status}.
     */
    public static final String PENDING = "pending_payment";
    /** After {@link #plan(boolean)}: the amount planned per payment ({@code payment_id}, {@code allocated}). */
    public static final String PLANNED_BY_PAYMENT =
            "(SELECT payment_id, sum(amount) AS allocated FROM alloc_tmp GROUP BY payment_id)";
    /** work_mem for set-based batches (see {@link #setBatchWorkMem()}). */
    static final String BATCH_WORK_MEM = "64MB";

    /**
     * The plan: which payment pays how much of which bill. {@code %1$s} is the scope (a relation with a
     * {@code membership_id} column), {@code %2$s} the pending payments' part (or nothing).
     */
    private static final String PLAN = """
            WITH pay AS (
              SELECT p.id, p.membership_id, p.paid_on, p.amt, p.pending,
                     sum(p.amt) OVER (PARTITION BY p.membership_id ORDER BY p.paid_on, p.id) - p.amt AS start
                FROM (SELECT p.id, p.membership_id, p.paid_on, p.unallocated AS amt, FALSE AS pending
                        FROM payment p JOIN %1$s s ON s.membership_id = p.membership_id
                       WHERE p.unallocated > 0 AND p.status = 'APPLIED'%2$s) p),
            due AS (
              SELECT b.id, b.membership_id, b.amount - b.paid AS amt,
                     sum(b.amount - b.paid) OVER (PARTITION BY b.membership_id ORDER BY b.period)
                       - (b.amount - b.paid) AS start
                FROM bill b JOIN %1$s s ON s.membership_id = b.membership_id
               WHERE b.status = 'OPEN' AND b.amount > b.paid)
            SELECT p.id AS payment_id, d.id AS bill_id, p.paid_on,
                   least(p.start + p.amt, d.start + d.amt) - greatest(p.start, d.start) AS amount, p.pending
              FROM pay p JOIN due d ON d.membership_id = p.membership_id
             WHERE p.start < d.start + d.amt AND d.start < p.start + p.amt""";
    /** Planned allocations ({@code %1$s}) of payments recorded before the plan: merged with what they already hold. */
    private static final String RECORD_ALLOCATIONS = """
            INSERT INTO payment_allocation (payment_id, bill_id, amount)
            SELECT payment_id, bill_id, amount FROM %1$s WHERE NOT pending
            ON CONFLICT (payment_id, bill_id) DO UPDATE SET amount = payment_allocation.amount + excluded.amount""";
    /** What the plan ({@code %1$s}) takes off the payments recorded before it. */
    private static final String TAKE_OFF_PAYMENTS = """
            UPDATE payment p SET unallocated = p.unallocated - a.total
              FROM (SELECT payment_id, sum(amount) AS total FROM %1$s WHERE NOT pending
                     GROUP BY payment_id) a
             WHERE p.id = a.payment_id""";
    /** What the plan ({@code %1$s}) puts onto the bills. */
    private static final String PUT_ON_BILLS = """
            UPDATE bill b SET paid = b.paid + a.total,
                   status = CASE WHEN b.paid + a.total = b.amount THEN 'PAID' ELSE 'OPEN' END
              FROM (SELECT bill_id, sum(amount) AS total FROM %1$s GROUP BY bill_id ORDER BY bill_id) a
             WHERE b.id = a.bill_id""";
    /** The late fines of the plan's ({@code %1$s}) allocations (reads only bill columns allocation leaves alone). */
    private static final String ASSESS_FINES = """
            INSERT INTO late_fine (bill_id, payment_id, membership_id, months_late, late_amount, amount,
                                   fine_rate_id)
            SELECT a.bill_id, a.payment_id, b.membership_id, m.months, a.amount,
                   round(a.amount * r.pct / 100 * m.months)::bigint, r.id
              FROM %1$s a
              JOIN bill b ON b.id = a.bill_id
              JOIN enrolment_membership_v v ON v.membership_id = b.membership_id
              CROSS JOIN LATERAL (
                SELECT (extract(year FROM age(a.paid_on, b.due_date)) * 12
                        + extract(month FROM age(a.paid_on, b.due_date))
                        + CASE WHEN extract(day FROM age(a.paid_on, b.due_date)) > 0 THEN 1 ELSE 0 END)::int
                       AS months) m
              JOIN contribution_fine_rate r
                ON r.segment = v.segment AND r.valid_from <= b.due_date
               AND (r.valid_to IS NULL OR b.due_date <= r.valid_to)
             WHERE a.paid_on > b.due_date AND r.pct > 0
            ON CONFLICT (bill_id, payment_id) DO NOTHING""";

    private final JdbcClient jdbc;

    Allocation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits for and takes the allocation lock (all memberships) until the transaction ends. */
    public void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleRow();
    }

    /**
     * Waits for and takes, until the transaction ends, the lock of one membership: the allocation lock shared (so no
     * batch runs meanwhile) and the membership's own lock. Taking it again in the same transaction is free; a
     * transaction that takes several takes them in membership order.
     */
    public void lockMembership(long membershipId) {
        jdbc.sql("SELECT pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock(?, ?)")
                .params(LOCK_KEY, MEMBERSHIP_LOCK_CLASS, (int) (membershipId ^ (membershipId >>> 32)))
                .query()
                .singleRow();
    }

    /**
     * Gives the rest of the transaction more memory per sort and hash (PostgreSQL's default of 4 MB spills set-based
     * work on 100,000 memberships to disk). For the billing run and payment files, not for single payments.
     */
    public void setBatchWorkMem() {
        jdbc.sql("SET LOCAL work_mem = '" + BATCH_WORK_MEM + "'").update();
    }

    /** Empties (creating if needed) the scope table that {@link #allocate()} and {@link #plan} work on. */
    public void clearScope() {
        jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS alloc_scope (membership_id BIGINT PRIMARY KEY) ON COMMIT DROP")
                .update();
        jdbc.sql("TRUNCATE alloc_scope").update();
    }

    /** @return the amount allocated */
    public long allocate() {
        plan(false);
        return apply();
    }

    /**
     * {@link #allocate()} for one membership, in one statement and without temporary tables: the plan is a common
     * table expression and the same four writes read it (they touch different tables, so seeing the one snapshot
     * changes nothing). The caller holds {@link #lockMembership} or {@link #lock}.
     *
     * @return the amount allocated
     */
    public long allocateOne(long membershipId) {
        String plan = "one_plan";
        return jdbc.sql("WITH " + plan + " AS MATERIALIZED ("
                        + PLAN.formatted("(SELECT CAST(:id AS bigint)" + " AS membership_id)", "") + "),\n"
                        + "recorded AS (" + RECORD_ALLOCATIONS.formatted(plan) + "),\n"
                        + "taken AS (" + TAKE_OFF_PAYMENTS.formatted(plan) + "),\n"
                        + "put AS (" + PUT_ON_BILLS.formatted(plan) + "),\n"
                        + "fined AS (" + ASSESS_FINES.formatted(plan) + ")\n"
                        + "SELECT coalesce(sum(amount), 0) FROM " + plan)
                .param("id", membershipId)
                .query(Long.class)
                .single();
    }

    /**
     * The first half of {@link #allocate()}: works out the allocations (temporary table {@code alloc_tmp}) and
     * changes nothing yet. With {@code withPending}, the payments waiting in the temporary table
     * {@link #PENDING} take part as if recorded: a bank file's payments, numbered from {@code payment}'s own
     * sequence (in file order within a membership), so that "in the order they were paid" ({@code paid_on}, then
     * {@code id}) is the same as after recording them. The caller then records them with
     * {@code unallocated = amount - allocated} from {@link #PLANNED_BY_PAYMENT} and calls {@link #apply()}: each
     * payment of a file is written once, not inserted and then updated.
     */
    public void plan(boolean withPending) {
        jdbc.sql("ANALYZE alloc_scope").update();
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS alloc_tmp (payment_id BIGINT, bill_id BIGINT, paid_on DATE,
                  amount BIGINT, pending BOOLEAN) ON COMMIT DROP""").update();
        jdbc.sql("TRUNCATE alloc_tmp").update();
        String pending = withPending ? """

                UNION ALL
                SELECT n.id, n.membership_id, n.paid_on, n.amount, TRUE
                  FROM %s n WHERE n.status = 'APPLIED'""".formatted(PENDING) : "";
        jdbc.sql("INSERT INTO alloc_tmp (payment_id, bill_id, paid_on, amount, pending)\n"
                        + PLAN.formatted("alloc_scope", pending))
                .update();
        jdbc.sql("ANALYZE alloc_tmp").update();
    }

    /**
     * The second half of {@link #allocate()}: records the planned allocations, takes them off the payments already
     * recorded before the plan and onto the bills, and assesses late fines.
     *
     * @return the amount allocated
     */
    public long apply() {
        // a payment recorded earlier may already hold part of a bill: merge; a pending one is new, so are its rows
        jdbc.sql(RECORD_ALLOCATIONS.formatted("alloc_tmp")).update();
        jdbc.sql("""
                INSERT INTO payment_allocation (payment_id, bill_id, amount)
                SELECT payment_id, bill_id, amount FROM alloc_tmp WHERE pending ORDER BY payment_id, bill_id""").update();
        jdbc.sql(TAKE_OFF_PAYMENTS.formatted("alloc_tmp")).update();
        jdbc.sql(PUT_ON_BILLS.formatted("alloc_tmp")).update();
        jdbc.sql(ASSESS_FINES.formatted("alloc_tmp")).update();
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM alloc_tmp")
                .query(Long.class)
                .single();
    }
}
