package id.lindung.contribution;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.contribution.internal.Allocation;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Segment;
import id.lindung.shared.Bounds;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.progress.Progress;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly billing run: a bill for every membership's owed months up to the run's month, computed set-based by
 * the rules query. The run walks
 * the memberships in id ranges ({@code batchSize}), each range in its own transaction that also records the run's
 * checkpoint. A crash loses at most the range in flight (rolled back); starting the run again for the month resumes
 * the unfinished run after its checkpoint. Running a month that is done creates nothing: memberships with a bill for
 * the month are skipped, and the unique (membership, month) key would refuse a second bill anyway.
 *
 * <p>Per range, in order: every owed month up to the run's month that has no bill yet is billed ({@link Ledger}: a
 * month missed because no run happened is billed now, with its own due date); late fines not yet charged go onto the
 * month's bill; credit left on payments is allocated; BPU memberships with more consecutive unpaid months than the
 * dated {@code LAPSE_AFTER} rule allows end (last protected month = last paid month), their open bills after it are
 * cancelled and any part-payment on them returns to credit.
 *
 * <p>A run whose process died (killed, power cut) stays RUNNING in its row; at start-up, when no run is in flight
 * anywhere, such runs are marked FAILED as interrupted ({@link #markInterruptedRuns()}), and starting the month again
 * resumes them.
 */
@Service
public class BillingRuns {

    private static final Logger log = LoggerFactory.getLogger(BillingRuns.class);
    /** Session advisory lock (two-int form, apart from {@link Allocation}'s one-bigint key) held by a run. */
    private static final int RUN_LOCK_CLASS = 0x4C49; // "LI"

    private static final int RUN_LOCK_OBJECT = 0x4252; // "BR"

    private final ContributionPolicy policy;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate tx;
    private final Allocation allocation;
    private final EnrolmentManagement enrolment;
    private final AuditTrail audit;
    private final int batchSize;
    private final Ledger ledger;
    private final ProtectionRules protection;
    private final ApplicationEventPublisher events;
    private final Bounds bounds;
    private volatile IntConsumer afterBatch = batch -> {};

    BillingRuns(
            JdbcClient jdbc,
            DataSource dataSource,
            PlatformTransactionManager transactions,
            Allocation allocation,
            EnrolmentManagement enrolment,
            AuditTrail audit,
            ContributionProperties properties,
            Ledger ledger,
            ProtectionRules protection,
            ApplicationEventPublisher events,
            ContributionPolicy policy,
            Bounds bounds) {
        this.policy = policy;
        this.bounds = bounds;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tx = new TransactionTemplate(transactions);
        this.allocation = allocation;
        this.enrolment = enrolment;
        this.audit = audit;
        this.batchSize = properties.billingBatchSize();
        this.ledger = ledger;
        this.protection = protection;
        this.events = events;
    }

    /**
     * Bills a month (or finishes its interrupted run). Only officers and administrators of the whole province or
     * country run billing: it covers every membership.
     */
    public BillingRunResult run(YearMonth period, LindungUser by) {
        return run(period, by, Progress.none());
    }

    /** As {@link #run(YearMonth, LindungUser)}, reporting the memberships billed range by range into progress. */
    public BillingRunResult run(YearMonth period, LindungUser by, Progress progress) {
        if (!policy.mayRunBilling(by)) {
            throw new ForbiddenException("billing.role", by.role().name());
        }
        // no month after the current one (business clock): its contributions are not owed yet
        List<FieldIssue> issues = new ArrayList<>();
        bounds.checkContributionMonth("period", period, issues);
        Bounds.throwIfAny(issues);
        // One run at a time, whatever the month: a run reads the months before it (lapse), and a second caller would
        // otherwise resume the run in flight under its feet. The lock belongs to a session of its own, held for the
        // whole run; a crash ends that session and frees the lock, so starting again resumes the run.
        try (Connection guard = dataSource.getConnection()) {
            if (!advisoryLock(guard, "pg_try_advisory_lock")) {
                String running = jdbc.sql("SELECT to_char(period, 'YYYY-MM') FROM billing_run"
                                + " WHERE status = 'RUNNING' ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .optional()
                        .orElse(period.toString());
                throw new ConflictException("billing.already-running", running);
            }
            try {
                return runAlone(period, by, progress);
            } finally {
                advisoryLock(guard, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("billing run guard", e);
        }
    }

    /**
     * At start-up: a run left RUNNING by a process that died holds no lock any more (the lock went with its session)
     * but would show as in progress forever. When the run lock is free, no run is in flight on any instance, so every
     * RUNNING row is such a leftover: it becomes FAILED ("interrupted"), keeping its checkpoint, and the next start
     * of its month resumes it. When another instance holds the lock, its run is left alone.
     */
    @EventListener(ApplicationReadyEvent.class)
    void markInterruptedRuns() {
        try (Connection guard = dataSource.getConnection()) {
            if (!advisoryLock(guard, "pg_try_advisory_lock")) {
                return;
            }
            try {
                List<String> months = jdbc.sql("""
                                UPDATE billing_run SET status = 'FAILED', finished_at = lindung_now(),
                                       error = 'interrupted: the application stopped during the run;'
                                               || ' run the month again to resume it'
                                 WHERE status = 'RUNNING' RETURNING to_char(period, 'YYYY-MM')""").query(String.class).list();
                if (!months.isEmpty()) {
                    log.warn(
                            "Billing runs interrupted by a stop of the application, marked FAILED (run the month"
                                    + " again to resume): {}",
                            months);
                }
            } finally {
                advisoryLock(guard, "pg_advisory_unlock");
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("Could not look for interrupted billing runs at start-up", e);
        }
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT " + function + "(?, ?)")) {
            statement.setInt(1, RUN_LOCK_CLASS);
            statement.setInt(2, RUN_LOCK_OBJECT);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private BillingRunResult runAlone(YearMonth period, LindungUser by, Progress progress) {
        long runId = startOrResume(period, by);
        long from = checkpoint(runId);
        int batch = 0;
        // progress: memberships in finished ranges (those before a resumed run's checkpoint included) of all
        Map<String, Object> counts = jdbc.sql("SELECT count(*) AS total, count(*) FILTER (WHERE membership_id <= ?)"
                        + " AS done FROM enrolment_membership_v")
                .param(from)
                .query()
                .singleRow();
        long done = ((Number) Objects.requireNonNull(counts.get("done"))).longValue();
        progress.phase("billing.lines", 1, 1, ((Number) Objects.requireNonNull(counts.get("total"))).longValue());
        progress.advance(done);
        try {
            while (true) {
                // the next range holds batchSize memberships, whatever gaps the ids have
                Map<String, Object> range = jdbc.sql("SELECT max(membership_id) AS last, count(*) AS size FROM"
                                + " (SELECT membership_id FROM enrolment_membership_v WHERE membership_id > ?"
                                + " ORDER BY membership_id LIMIT ?) r")
                        .params(from, batchSize)
                        .query()
                        .singleRow();
                Number last = (Number) range.get("last");
                if (last == null) {
                    break;
                }
                long to = last.longValue();
                long rangeFrom = from;
                tx.executeWithoutResult(status -> billRange(runId, period, rangeFrom, to, progress));
                from = to;
                done += ((Number) Objects.requireNonNull(range.get("size"))).longValue();
                progress.relabel("billing.lines");
                progress.advance(done);
                afterBatch.accept(++batch);
            }
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            jdbc.sql("UPDATE billing_run SET status = 'FAILED', finished_at = lindung_now(), error = ? WHERE id = ?")
                    .params(message.substring(0, Math.min(500, message.length())), runId)
                    .update();
            throw e;
        }
        tx.executeWithoutResult(status -> {
            jdbc.sql("UPDATE billing_run SET status = 'DONE', finished_at = lindung_now() WHERE id = ?")
                    .param(runId)
                    .update();
            BillingRunResult r = find(runId).orElseThrow();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("period", period.toString());
            values.put("billsCreated", r.billsCreated());
            values.put("lapsed", r.lapsed());
            audit.record(
                    "BILLING_RUN_DONE",
                    "billing_run",
                    Long.toString(runId),
                    by.scope().code(),
                    values);
            events.publishEvent(new LedgerBatchChanged("BILLING_RUN", runId));
        });
        BillingRunResult result = find(runId).orElseThrow();
        log.info(
                "Billing run {} for {}: {} bills, {} memberships lapsed",
                runId,
                period,
                result.billsCreated(),
                result.lapsed());
        return result;
    }

    /** Test seam: called after each committed range with its number (1, 2, ...). */
    void afterEachBatch(IntConsumer hook) {
        this.afterBatch = hook;
    }

    public Optional<BillingRunResult> find(long runId) {
        return jdbc.sql("SELECT id, period, status, bills_created, lapsed, last_membership_id, started_at,"
                        + " finished_at, error FROM billing_run WHERE id = ?")
                .param(runId)
                .query((rs, n) -> new BillingRunResult(
                        rs.getLong("id"),
                        YearMonth.from(rs.getDate("period").toLocalDate()),
                        rs.getString("status"),
                        rs.getInt("bills_created"),
                        rs.getInt("lapsed"),
                        rs.getLong("last_membership_id"),
                        rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("finished_at") == null
                                ? null
                                : rs.getTimestamp("finished_at").toInstant(),
                        rs.getString("error")))
                .optional();
    }

    public List<BillingRunResult> recent(int limit) {
        return jdbc
                .sql("SELECT id FROM billing_run ORDER BY id DESC LIMIT ?")
                .param(limit)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    private long startOrResume(YearMonth period, LindungUser by) {
        Date month = Date.valueOf(period.atDay(1));
        Optional<Long> unfinished = jdbc.sql("SELECT id FROM billing_run WHERE period = ? AND status IN"
                        + " ('RUNNING','FAILED') ORDER BY id DESC LIMIT 1")
                .param(month)
                .query(Long.class)
                .optional();
        if (unfinished.isPresent()) {
            jdbc.sql("UPDATE billing_run SET status = 'RUNNING', error = NULL, finished_at = NULL WHERE id = ?")
                    .param(unfinished.get())
                    .update();
            log.info("Resuming billing run {} for {}", unfinished.get(), period);
            return unfinished.get();
        }
        try {
            return jdbc.sql("INSERT INTO billing_run (period, status, started_by) VALUES (?, 'RUNNING', ?)"
                            + " RETURNING id")
                    .params(month, by.username())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("billing.already-running", period.toString());
        }
    }

    private long checkpoint(long runId) {
        return jdbc.sql("SELECT last_membership_id FROM billing_run WHERE id = ?")
                .param(runId)
                .query(Long.class)
                .single();
    }

    private void billRange(long runId, YearMonth period, long from, long to, Progress progress) {
        allocation.lock();
        allocation.setBatchWorkMem();
        Date month = Date.valueOf(period.atDay(1));
        // every owed month up to this one (months missed since the last bill, e.g. no run for a while)
        int created = ledger.billOwedMonths(period, runId, from, to);

        progress.relabel("billing.fines");
        chargeFines(month, from, to);
        progress.relabel("billing.allocate");

        allocation.clearScope();
        jdbc.sql("INSERT INTO alloc_scope SELECT DISTINCT membership_id FROM payment WHERE unallocated > 0"
                        + " AND status = 'APPLIED' AND membership_id > ? AND membership_id <= ?")
                .params(from, to)
                .update();
        allocation.allocate();

        progress.relabel("billing.lapse");
        int lapsed = lapse(period, from, to);

        jdbc.sql("UPDATE billing_run SET last_membership_id = ?, bills_created = bills_created + ?,"
                        + " lapsed = lapsed + ? WHERE id = ?")
                .params(to, created, lapsed, runId)
                .update();
    }

    /** Puts the fines not yet charged onto the month's open bill, as one FINE line each bill. */
    private void chargeFines(Date month, long from, long to) {
        jdbc.sql("CREATE TEMP TABLE IF NOT EXISTS fine_charge (bill_id BIGINT, amount BIGINT, fine_ids BIGINT[])"
                        + " ON COMMIT DROP")
                .update();
        jdbc.sql("TRUNCATE fine_charge").update();
        jdbc.sql("""
                INSERT INTO fine_charge
                SELECT b.id, sum(f.amount)::bigint, array_agg(f.id)
                  FROM late_fine f
                  JOIN bill b ON b.membership_id = f.membership_id AND b.period = :month AND b.status = 'OPEN'
                 WHERE f.charged_bill_id IS NULL AND f.membership_id > :from AND f.membership_id <= :to
                 GROUP BY b.id""").param("month", month).param("from", from).param("to", to).update();
        jdbc.sql("""
                INSERT INTO bill_line (bill_id, line_no, programme, kind, base, employer_pct, worker_pct,
                                       employer_amount, worker_amount, rule_ref)
                SELECT c.bill_id, (SELECT max(line_no) + 1 FROM bill_line l WHERE l.bill_id = c.bill_id), 'ALL',
                       'FINE', NULL, NULL, NULL, c.amount, 0, 'late_fine'
                  FROM fine_charge c""").update();
        jdbc.sql("UPDATE bill b SET amount = b.amount + c.amount FROM fine_charge c WHERE b.id = c.bill_id")
                .update();
        jdbc.sql("""
                UPDATE late_fine f SET charged_bill_id = c.bill_id
                  FROM fine_charge c WHERE f.id = ANY (c.fine_ids)""").update();
    }

    /**
     * Ends BPU memberships whose last ({@code LAPSE_AFTER} + 1) months before {@code period} all have open bills,
     * counting only months from the one of registration (back-dated months are arrears to settle, not a reason to
     * end); their bills after the last paid month are cancelled as each ends ({@link LedgerUpkeep}).
     */
    private int lapse(YearMonth period, long from, long to) {
        int months = protection.months(Segment.BPU, ProtectionRules.Kind.LAPSE_AFTER, period) + 1;
        Date month = Date.valueOf(period.atDay(1));
        Date firstUnpaid = Date.valueOf(period.minusMonths(months).atDay(1));
        Map<Long, YearMonth> lapses = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT u.membership_id,
                       coalesce((SELECT max(p.period) FROM bill p
                                  WHERE p.membership_id = u.membership_id AND p.status = 'PAID'
                                    AND p.period < :firstUnpaid),
                                (v.start_month - INTERVAL '1 month')::date) AS last_paid
                  FROM (SELECT b.membership_id
                          FROM bill b
                         WHERE b.membership_id > :from AND b.membership_id <= :to
                           AND b.period >= :firstUnpaid AND b.period < :month AND b.status = 'OPEN'
                         GROUP BY b.membership_id HAVING count(*) = :months) u
                  JOIN enrolment_membership_v v ON v.membership_id = u.membership_id
                 -- months before the registration (a back-dated start) are arrears to settle: they end nothing
                 WHERE v.segment = :bpu AND v.end_month IS NULL
                   AND v.registered_on < (CAST(:firstUnpaid AS date) + INTERVAL '1 month')""")
                .param("firstUnpaid", firstUnpaid)
                .param("month", month)
                .param("from", from)
                .param("to", to)
                .param("months", months)
                .param("bpu", Segment.BPU.name())
                .query(rs -> {
                    lapses.put(rs.getLong(1), YearMonth.from(rs.getDate(2).toLocalDate()));
                });
        if (lapses.isEmpty()) {
            return 0;
        }
        // each ended membership's bills after its last paid month are cancelled as it ends (LedgerUpkeep)
        int ended = enrolment.lapse(lapses);
        return ended;
    }
}
