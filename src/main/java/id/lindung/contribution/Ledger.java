package id.lindung.contribution;

import id.lindung.contribution.internal.Allocation;
import id.lindung.contribution.internal.ContributionSql;
import id.lindung.enrolment.Segment;
import java.sql.Date;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The contribution ledger: every month a membership owes is a bill. Months are owed from the membership's start to
 * its end (or the current month): PU, BPU and PMI's optional JHT monthly; construction projects and PMI contracts
 * once, in their first month. Bills are created when a membership starts or its start moves back (arrears, with due
 * dates in the past), when a payment arrives for a month not yet billed, when a BPU member pays ahead, and by the
 * monthly run. Each (membership, month) is billed once: the unique key refuses a second bill.
 *
 * <p>Works set-wise on the memberships in the temporary table {@code ledger_scope} ({@link #clearScope()}, then
 * insert), in the caller's transaction; callers hold the allocation lock ({@link Allocation#lock()}).
 */
@Component
class Ledger {

    /**
     * Every fact column the rules read but {@code membership_id}: facts equal in all of them get the same lines, so
     * the rules run once per such signature, not once per membership.
     */
    private static final String SIGNATURE_COLUMNS = signatureColumns();

    /** How to find the months not yet billed. */
    enum Gaps {
        /** Months after the last one billed (one index probe per membership): the monthly run. */
        AFTER_LAST,
        /** Every month from the start without a bill (a probe per month): single memberships, moved starts. */
        ALL
    }

    /** More months than any membership owes (from July 2015). */
    private static final int MAX_MONTHS = 12 * 200;

    private final JdbcClient jdbc;
    private final Allocation allocation;

    Ledger(JdbcClient jdbc, Allocation allocation) {
        this.jdbc = jdbc;
        this.allocation = allocation;
    }

    /**
     * SQL: every month membership {@code v} ({@code enrolment_membership_v}) owes up to {@code :month} has a bill, so
     * that {@link #billOwedMonths} with {@link Gaps#ALL} would add none — the same segments and months as its two
     * halves. Parameters: {@code :month} and those of {@link #withSegments}.
     */
    static final String BILLED = """
            CASE WHEN v.segment IN (:pu, :bpu) OR (v.segment = :pmi AND v.programmes LIKE '%JHT%') THEN
                   (SELECT count(*) FROM bill x
                     WHERE x.membership_id = v.membership_id AND x.period >= v.start_month
                       AND x.period <= least(coalesce(v.end_month, :month), :month))
                   = (SELECT count(*) FROM generate_series(v.start_month, least(coalesce(v.end_month, :month), :month),
                                                           INTERVAL '1 month'))
                 WHEN v.segment = :jakon OR (v.segment = :pmi AND v.programmes NOT LIKE '%JHT%') THEN
                   v.start_month > :month
                   OR EXISTS (SELECT 1 FROM bill x WHERE x.membership_id = v.membership_id
                                 AND x.period = v.start_month)
                 ELSE TRUE END""";

    /**
     * SQL: {@link #BILLED}, and no credit of membership {@code v} waits for one of its open bills — so that
     * {@link #billAndAllocate} would change nothing and the open bills are what the member owes.
     */
    static final String SETTLED = "(" + BILLED + """
            ) AND NOT (EXISTS (SELECT 1 FROM payment p WHERE p.membership_id = v.membership_id
                                  AND p.unallocated > 0 AND p.status = 'APPLIED')
                       AND EXISTS (SELECT 1 FROM bill b WHERE b.membership_id = v.membership_id
                                      AND b.status = 'OPEN' AND b.amount > b.paid))""";

    /** Binds the segment parameters {@link #BILLED} and the billing statements name. */
    static JdbcClient.StatementSpec withSegments(JdbcClient.StatementSpec statement) {
        return statement
                .param("pu", Segment.PU.name())
                .param("bpu", Segment.BPU.name())
                .param("pmi", Segment.PMI.name())
                .param("jakon", Segment.JAKON.name());
    }

    /** Whether every month the membership owes up to {@code through} is billed (see {@link #BILLED}). */
    boolean billed(long membershipId, YearMonth through) {
        return withSegments(jdbc.sql("SELECT " + BILLED + " FROM enrolment_membership_v v WHERE v.membership_id = :id")
                        .param("id", membershipId)
                        .param("month", Date.valueOf(through.atDay(1))))
                .query(Boolean.class)
                .optional()
                .orElse(Boolean.TRUE);
    }

    /**
     * As {@link #billAndAllocate} for a membership whose new payment is recorded: when every owed month is already
     * billed (the usual case: the monthly run billed it), only the allocation runs, in one statement
     * ({@link Allocation#allocateOne}); otherwise the months are billed first as there. The caller holds the
     * membership's lock.
     */
    void settle(long membershipId, YearMonth through) {
        if (billed(membershipId, through)) {
            allocation.allocateOne(membershipId);
        } else {
            billAndAllocate(membershipId, through);
        }
    }

    /** Empties (creating if needed) the scope table of {@link #billOwedMonths}. */
    void clearScope() {
        jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS ledger_scope (membership_id BIGINT PRIMARY KEY) ON COMMIT DROP")
                .update();
        jdbc.sql("TRUNCATE ledger_scope").update();
    }

    /**
     * Bills every owed month of one membership up to {@code through} that has no bill yet, and allocates the
     * membership's unused money to its open bills, oldest first. The caller holds the allocation lock.
     */
    void billAndAllocate(long membershipId, YearMonth through) {
        scope(membershipId);
        billOwedMonths(through, null, Gaps.ALL);
        allocation.clearScope();
        jdbc.sql("INSERT INTO alloc_scope VALUES (?)").param(membershipId).update();
        allocation.allocate();
    }

    void scope(long membershipId) {
        clearScope();
        jdbc.sql("INSERT INTO ledger_scope VALUES (?) ON CONFLICT DO NOTHING")
                .param(membershipId)
                .update();
    }

    /**
     * Bills every owed month up to {@code through} of the memberships in scope that has no bill yet.
     *
     * @param runId the billing run that bills, or null (enrolment, payment)
     * @return the number of bills created
     */
    int billOwedMonths(YearMonth through, @Nullable Long runId, Gaps gaps) {
        return billOwedMonths(through, runId, gaps, MAX_MONTHS);
    }

    /** As {@link #billOwedMonths(YearMonth, Long, Gaps)}, at most {@code maxMonths} monthly bills per membership. */
    int billOwedMonths(YearMonth through, @Nullable Long runId, Gaps gaps, int maxMonths) {
        jdbc.sql("ANALYZE ledger_scope").update();
        return bill(through, runId, gaps, maxMonths, """
                FROM ledger_scope s
                  JOIN enrolment_membership_v v ON v.membership_id = s.membership_id""", 0, 0);
    }

    /**
     * As {@link #billOwedMonths(YearMonth, Long, Gaps)} for the memberships with ids above {@code from} up to and
     * including {@code to} (the billing run's ranges: read straight from the membership index, no scope table to
     * join). No unbalanced brackets in Javadoc here: Spring Modulith's documentation reads it with a naive JSON parser.
     */
    int billOwedMonths(YearMonth through, long runId, long from, long to) {
        return bill(through, runId, Gaps.AFTER_LAST, MAX_MONTHS, """
                FROM enrolment_membership_v v""", from, to);
    }

    private int bill(
            YearMonth through, @Nullable Long runId, Gaps gaps, int maxMonths, String memberships, long from, long to) {
        Date month = Date.valueOf(through.atDay(1));
        String range = to > 0 ? " AND v.membership_id > :from AND v.membership_id <= :to" : "";
        // Facts of the months to bill; facts alike in every column the rules read share a signature (sig), and the
        // rules run once per signature, not once per month. Text columns in "C" for a cheap sort.
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS billing_facts (membership_id BIGINT, period DATE,
                  segment VARCHAR(5) COLLATE "C", programmes VARCHAR(20) COLLATE "C", sector VARCHAR(9) COLLATE "C",
                  government_paid BOOLEAN, risk_class SMALLINT, base BIGINT, contract_value BIGINT,
                  contract_months INTEGER, first_month BOOLEAN, province_code CHAR(2), sig BIGINT) ON COMMIT DROP""").update();
        jdbc.sql("TRUNCATE billing_facts").update();
        String firstUnbilled =
                gaps == Gaps.AFTER_LAST ? """
                  -- OFFSET 0 keeps this one index probe per membership: as an anti-join it was planned as a scan of
                  -- all bills for every range
                  CROSS JOIN LATERAL (SELECT greatest(v.start_month, coalesce(
                                              (SELECT (max(x.period) + INTERVAL '1 month')::date FROM bill x
                                                WHERE x.membership_id = v.membership_id OFFSET 0), v.start_month))
                                             AS first_month) g""" : "CROSS JOIN LATERAL (SELECT v.start_month AS first_month) g";
        jdbc.sql("""
                INSERT INTO billing_facts
                SELECT f.*, dense_rank() OVER (ORDER BY base, %s) FROM (
                -- monthly: PU, BPU and PMI's optional JHT, every owed month not billed yet
                SELECT v.membership_id, m.month::date AS period, v.segment, v.programmes, v.sector,
                       v.government_paid, v.risk_class, coalesce(b.amount, 0) AS base, v.contract_value,
                       v.contract_months, v.start_month = m.month AS first_month, v.province_code
                  %s
                  %s
                  CROSS JOIN LATERAL generate_series(g.first_month,
                                                     least(coalesce(v.end_month, :month), :month,
                                                           (g.first_month + make_interval(months => :max - 1))::date),
                                                     INTERVAL '1 month') m(month)
                  LEFT JOIN LATERAL (SELECT x.amount FROM enrolment_base_v x
                                      WHERE x.membership_id = v.membership_id AND x.effective_from <= m.month
                                      ORDER BY x.effective_from DESC LIMIT 1) b ON TRUE
                 WHERE (v.segment IN (:pu, :bpu) OR (v.segment = :pmi AND v.programmes LIKE '%%JHT%%'))%s
                   AND (:gapsAll = FALSE OR NOT EXISTS (SELECT 1 FROM bill x WHERE x.membership_id = v.membership_id
                                                          AND x.period = m.month::date))
                UNION ALL
                -- once: construction projects and PMI contracts, in their first month
                SELECT v.membership_id, v.start_month, v.segment, v.programmes, v.sector, v.government_paid,
                       v.risk_class, coalesce(b.amount, 0), v.contract_value, v.contract_months, TRUE, v.province_code
                  %s
                  LEFT JOIN LATERAL (SELECT x.amount FROM enrolment_base_v x
                                      WHERE x.membership_id = v.membership_id AND x.effective_from <= v.start_month
                                      ORDER BY x.effective_from DESC LIMIT 1) b ON TRUE
                 WHERE (v.segment = :jakon OR (v.segment = :pmi AND v.programmes NOT LIKE '%%JHT%%'))%s
                   AND v.start_month <= :month
                   AND NOT EXISTS (SELECT 1 FROM bill x WHERE x.membership_id = v.membership_id
                                      AND x.period = v.start_month)) f""".formatted(SIGNATURE_COLUMNS, memberships, firstUnbilled, range, memberships, range))
                .param("month", month)
                .param("gapsAll", gaps == Gaps.ALL)
                .param("max", maxMonths)
                .param("from", from)
                .param("to", to)
                .param("pu", Segment.PU.name())
                .param("bpu", Segment.BPU.name())
                .param("pmi", Segment.PMI.name())
                .param("jakon", Segment.JAKON.name())
                .update();
        jdbc.sql("ANALYZE billing_facts").update();

        // the lines of each signature
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS billing_lines (sig BIGINT, period DATE, line_no SMALLINT,
                  programme VARCHAR(7), kind VARCHAR(12), base BIGINT, employer_pct NUMERIC(7,4),
                  worker_pct NUMERIC(7,4), employer_amount BIGINT, worker_amount BIGINT, rule_ref VARCHAR(60))
                  ON COMMIT DROP""").update();
        jdbc.sql("TRUNCATE billing_lines").update();
        jdbc.sql("INSERT INTO billing_lines (sig, period, line_no, programme, kind, base, employer_pct, worker_pct,"
                        + " employer_amount, worker_amount, rule_ref) "
                        + ContributionSql.lines("SELECT DISTINCT ON (sig) sig, " + SIGNATURE_COLUMNS
                                + " FROM billing_facts ORDER BY sig"))
                .update();
        jdbc.sql("ANALYZE billing_lines").update();

        return jdbc.sql("""
                WITH totals AS (
                  SELECT sig, sum(employer_amount + worker_amount) AS amount FROM billing_lines GROUP BY sig),
                new_bills AS (
                  INSERT INTO bill (membership_id, period, due_date, amount, billing_run_id, province_code)
                  SELECT f.membership_id, f.period,
                         CASE WHEN f.segment = :pu THEN (f.period + INTERVAL '1 month 14 days')::date
                              ELSE (f.period + INTERVAL '14 days')::date END,
                         t.amount, CAST(:run AS bigint), f.province_code
                    FROM billing_facts f JOIN totals t USING (sig)
                   ORDER BY f.membership_id, f.period
                  ON CONFLICT (membership_id, period) DO NOTHING
                  RETURNING id, membership_id, period),
                new_lines AS (
                  INSERT INTO bill_line (bill_id, line_no, programme, kind, base, employer_pct, worker_pct,
                                         employer_amount, worker_amount, rule_ref)
                  SELECT nb.id, l.line_no, l.programme, l.kind, l.base, l.employer_pct, l.worker_pct,
                         l.employer_amount, l.worker_amount, l.rule_ref
                    FROM new_bills nb JOIN billing_facts f USING (membership_id, period)
                    JOIN billing_lines l USING (sig))
                SELECT count(*) FROM new_bills""")
                .param("run", runId)
                .param("pu", Segment.PU.name())
                .query(Integer.class)
                .single();
    }

    /**
     * BPU members may pay ahead: while a membership of {@code alloc_scope} is BPU, has credit (payment money not yet
     * used) and no open bill, its next month is billed — at most {@code maxAhead} months after {@code current} — and
     * the credit allocated to it. A pre-paid month is then a paid bill like any other; the last one may stay partly
     * paid (an open bill not yet due). Credit beyond the limit stays credit.
     */
    void payAhead(YearMonth current, int maxAhead) {
        jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS ahead_scope (membership_id BIGINT PRIMARY KEY) ON COMMIT DROP")
                .update();
        jdbc.sql("TRUNCATE ahead_scope").update();
        jdbc.sql("""
                INSERT INTO ahead_scope
                SELECT DISTINCT s.membership_id FROM alloc_scope s
                  JOIN enrolment_membership_v v ON v.membership_id = s.membership_id
                 WHERE v.segment = :bpu
                   AND EXISTS (SELECT 1 FROM payment p WHERE p.membership_id = s.membership_id AND p.unallocated > 0
                                  AND p.status = 'APPLIED')""").param("bpu", Segment.BPU.name()).update();
        for (int i = 0; i < maxAhead; i++) {
            clearScope();
            int candidates = jdbc.sql("""
                    INSERT INTO ledger_scope
                    SELECT a.membership_id FROM ahead_scope a
                     WHERE EXISTS (SELECT 1 FROM payment p WHERE p.membership_id = a.membership_id
                                      AND p.unallocated > 0 AND p.status = 'APPLIED')
                       AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.membership_id = a.membership_id
                                          AND b.status = 'OPEN')""").update();
            if (candidates == 0 || billOwedMonths(current.plusMonths(maxAhead), null, Gaps.AFTER_LAST, 1) == 0) {
                return;
            }
            allocation.clearScope();
            jdbc.sql("INSERT INTO alloc_scope SELECT membership_id FROM ledger_scope")
                    .update();
            allocation.allocate();
        }
    }

    /**
     * {@link #payAhead(YearMonth, int)} for one membership, after {@link #settle}: nothing to do (and no temporary
     * table made) while the membership holds no credit.
     */
    void payAhead(long membershipId, YearMonth current, int maxAhead) {
        boolean credit = jdbc.sql("SELECT EXISTS (SELECT 1 FROM payment WHERE membership_id = ? AND unallocated > 0"
                        + " AND status = 'APPLIED')")
                .param(membershipId)
                .query(Boolean.class)
                .single();
        if (credit) {
            allocation.clearScope();
            jdbc.sql("INSERT INTO alloc_scope VALUES (?)").param(membershipId).update();
            payAhead(current, maxAhead);
        }
    }

    private static String signatureColumns() {
        String first = "membership_id, ";
        if (!ContributionSql.FACT_COLUMNS.startsWith(first)) {
            throw new IllegalStateException("fact columns start with membership_id: " + ContributionSql.FACT_COLUMNS);
        }
        return ContributionSql.FACT_COLUMNS.substring(first.length());
    }
}
