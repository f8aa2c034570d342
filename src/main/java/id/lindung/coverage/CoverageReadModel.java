package id.lindung.coverage;

import id.lindung.contribution.LedgerBatchChanged;
import id.lindung.contribution.ProtectionChanged;
import id.lindung.enrolment.MembershipEnded;
import id.lindung.enrolment.MembershipStarted;
import id.lindung.enrolment.Segment;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coverage read model: workers protected per region (each kecamatan, kab/kota and the province), segment, channel
 * and month ({@code coverage_monthly}), from the protected months of each membership ({@code coverage_span}).
 *
 * <p>A membership counts in a month only when the contribution module's {@code contribution_protected_month_v} has
 * that month: the same rule as the status API (paid, or a wage earner within the employer's arrears grace). Its
 * protected months inside the window are kept as bits of {@code coverage_span.months} (bit k = the window's first
 * month + k), since they can have gaps.
 *
 * <p>Kept current by events: {@link ProtectionChanged} (one membership's ledger changed), {@link MembershipStarted}
 * and {@link MembershipEnded} re-read that one membership and move the monthly counts by the difference between what
 * was counted and what is true now, so an event handled twice, late or out of order changes nothing more;
 * {@link LedgerBatchChanged} (a billing run, a payment file, a history import) rebuilds set-wise. Protection also
 * changes with time alone (a wage earner's unpaid bill passing its due date ends the grace), so the model is rebuilt
 * at start-up when it was not built that day and nightly (00:05 WIB), which also adds the new month. After every
 * change, ended months are published ({@link CoveragePublication}) and differences from what was published are
 * recorded as dated revisions. All writers take one advisory lock, so a rebuild and event handling never interleave.
 */
@Service
public class CoverageReadModel {

    private static final Logger log = LoggerFactory.getLogger(CoverageReadModel.class);
    /** pg_advisory_xact_lock key of the read model's writers ("cov" in ASCII). */
    private static final long LOCK = 0x636f76L;
    /** The months a bigint's bits can hold (bit 63 is the sign). */
    static final int MAX_WINDOW_MONTHS = 63;

    /** A membership as counted: segment mapped, PMI left out (they are not in the denominator), construction weighed. */
    private static final String MEMBERSHIP = """
            SELECT v.membership_id,
                   CASE v.segment WHEN '%s' THEN 'FORMAL' WHEN '%s' THEN 'INFORMAL' ELSE 'CONSTRUCTION' END AS segment,
                   v.channel, left(v.region_code, 8) AS region_key,
                   CASE WHEN v.segment = '%s' THEN coalesce(v.worker_count, 0) ELSE 1 END AS weight""".formatted(Segment.PU, Segment.BPU, Segment.JAKON);

    /** Protected months of the window per membership as bits (bit k = :first + k months). */
    private static final String PROTECTED_MONTHS = """
            SELECT membership_id,
                   bit_or(1::bigint << ((extract(year FROM month)::int * 12 + extract(month FROM month)::int - 1)
                                        - :firstIndex)) AS months
              FROM contribution_protected_month_v
             WHERE month BETWEEN :first AND :last""";

    /** What a rebuild did. */
    public record RebuildResult(long spans, long cells, YearMonth firstMonth, YearMonth lastMonth, long millis) {}

    /** A membership as counted: where, how, how many workers, and its protected months of the window as bits. */
    record Span(String segment, String channel, String regionKey, int weight, long months) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int historyMonths;
    private final KurFigures kurFigures;
    private final CoveragePublication publication;
    /** When the latest committed rebuild of this process took the lock (System.nanoTime()). */
    private volatile long lastRebuildStarted = System.nanoTime() - Long.MAX_VALUE / 2;
    /** The months held, read once; cleared after a rebuild commits. */
    private volatile YearMonth @Nullable [] window;

    CoverageReadModel(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            CoverageProperties properties,
            KurFigures kurFigures,
            CoveragePublication publication) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.historyMonths = properties.historyMonths();
        this.kurFigures = kurFigures;
        this.publication = publication;
    }

    /**
     * Rebuilds the read model from the ledger (every membership's protected months, every month from
     * {@code history-months} before the current month to the current month), then publishes the ended months not yet
     * published and records how the ended months differ from what was published.
     */
    @Transactional
    public RebuildResult rebuild() {
        lock();
        return rebuildInTransaction();
    }

    private RebuildResult rebuildInTransaction() {
        long started = System.nanoTime();
        YearMonth last = YearMonth.now(clock);
        YearMonth first = last.minusMonths(historyMonths);
        int n = historyMonths + 1;
        long began = System.nanoTime();
        CoverageFigures.afterCommit(() -> lastRebuildStarted = began);
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        // the ledger is read first, into a table of this transaction: the tables readers use are emptied (which
        // makes their readers wait) only for the short copy after it
        jdbc.sql("CREATE TEMP TABLE coverage_span_new ON COMMIT DROP AS " + MEMBERSHIP
                        + ", p.months FROM (" + PROTECTED_MONTHS + " GROUP BY membership_id) p"
                        + " JOIN enrolment_membership_v v ON v.membership_id = p.membership_id"
                        + " WHERE v.segment <> :pmi")
                .param("pmi", Segment.PMI.name())
                .param("first", date(first))
                .param("last", date(last))
                .param("firstIndex", index(first))
                .update();
        jdbc.sql("TRUNCATE coverage_span, coverage_monthly").update();
        long spans = jdbc.sql("INSERT INTO coverage_span (membership_id, segment, channel, region_key, weight, months)"
                        + " SELECT membership_id, segment, channel, region_key, weight, months FROM coverage_span_new")
                .update();
        // memberships with the same months in the same cell are expanded once
        jdbc.sql("""
                CREATE TEMP TABLE coverage_cell ON COMMIT DROP AS
                SELECT g.region_key, g.segment, g.channel, (CAST(:first AS date) + make_interval(months => k))::date
                         AS month, sum(g.weight) AS active
                  FROM (SELECT region_key, segment, channel, months, sum(weight) AS weight FROM coverage_span
                         GROUP BY region_key, segment, channel, months) g
                 CROSS JOIN generate_series(0, :n - 1) k
                 WHERE g.months & (1::bigint << k) <> 0
                 GROUP BY 1, 2, 3, 4""").param("first", date(first)).param("n", n).update();
        // the kecamatan cells, then the kab/kota and province totals
        long cells = jdbc.sql("""
                INSERT INTO coverage_monthly (region_code, month, segment, channel, active)
                SELECT region_key, month, segment, channel, active FROM coverage_cell
                 WHERE length(region_key) = 8 AND active <> 0
                UNION ALL
                SELECT left(region_key, 5), month, segment, channel, sum(active) FROM coverage_cell
                 WHERE length(region_key) >= 5 GROUP BY 1, 2, 3, 4 HAVING sum(active) <> 0
                UNION ALL
                SELECT left(region_key, 2), month, segment, channel, sum(active) FROM coverage_cell
                 GROUP BY 1, 2, 3, 4 HAVING sum(active) <> 0""").update();
        jdbc.sql("""
                INSERT INTO coverage_state (id, first_month, last_month, rebuilt_at, rebuilt_on, rebuild_ms)
                VALUES (TRUE, :first, :last, lindung_now(), :today, 0)
                ON CONFLICT (id) DO UPDATE SET first_month = excluded.first_month, last_month = excluded.last_month,
                                               rebuilt_at = excluded.rebuilt_at, rebuilt_on = excluded.rebuilt_on""")
                .param("first", date(first))
                .param("last", date(last))
                .param("today", today())
                .update();
        jdbc.sql("ANALYZE coverage_monthly").update();
        windowChanged();
        publication.publishEndedMonths(first, last, today());
        publication.detectRevisions(null, first, last, today());
        long millis = (System.nanoTime() - started) / 1_000_000;
        jdbc.sql("UPDATE coverage_state SET rebuild_ms = ?").param(millis).update();
        kurFigures.refresh();
        log.info(
                "Coverage read model rebuilt: {} memberships protected in the window, {} monthly cells ({} to {})"
                        + " in {} ms",
                spans,
                cells,
                first,
                last,
                millis);
        return new RebuildResult(spans, cells, first, last, millis);
    }

    /** The months the read model holds, if it was ever built. */
    public Optional<YearMonth[]> months() {
        YearMonth[] w = window;
        if (w != null) {
            return Optional.of(w.clone());
        }
        Optional<YearMonth[]> read = jdbc.sql("SELECT first_month, last_month FROM coverage_state")
                .query((rs, n) -> new YearMonth[] {
                    YearMonth.from(rs.getDate(1).toLocalDate()),
                    YearMonth.from(rs.getDate(2).toLocalDate())
                })
                .optional();
        if (read.isPresent()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            return read; // a writer's own view: not held
        }
        read.ifPresent(r -> window = r.clone());
        return read;
    }

    private void windowChanged() {
        window = null;
        CoverageFigures.afterCommit(() -> window = null);
    }

    @ApplicationModuleListener
    void on(MembershipStarted event) {
        sync(event.membershipId().value());
    }

    @ApplicationModuleListener
    void on(MembershipEnded event) {
        sync(event.membershipId().value());
    }

    @ApplicationModuleListener
    void on(ProtectionChanged event) {
        sync(event.membershipId().value());
    }

    /** Many memberships changed at once (a billing run, a payment file, a history import): rebuilt set-wise. */
    @ApplicationModuleListener
    void on(LedgerBatchChanged event) {
        long waitingSince = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            lock();
            if (lastRebuildStarted - waitingSince > 0) {
                // a rebuild began after this batch had committed (several batches in a row): it counted it
                log.info(
                        "Coverage read model: ledger changed by {} {}, already counted",
                        event.source(),
                        event.sourceId());
                return;
            }
            if (months().isPresent()) {
                log.info("Coverage read model: ledger changed by {} {}", event.source(), event.sourceId());
                rebuildInTransaction();
            }
        });
    }

    /**
     * Brings one membership's counts in line with the ledger: what was counted is taken away, what is true now is
     * added (nothing happens when the two are the same); ended months that moved get a revision of today.
     */
    void sync(long membershipId) {
        transactions.executeWithoutResult(status -> {
            lock();
            Optional<YearMonth[]> held = months();
            if (held.isEmpty()) {
                return; // never built: the first rebuild will count it
            }
            YearMonth first = held.get()[0];
            YearMonth last = held.get()[1];
            Span now = jdbc.sql(MEMBERSHIP + ", coalesce(p.months, 0) AS months FROM enrolment_membership_v v"
                            + " LEFT JOIN (" + PROTECTED_MONTHS + " AND membership_id = :id GROUP BY membership_id) p"
                            + " ON p.membership_id = v.membership_id"
                            + " WHERE v.membership_id = :id AND v.segment <> :pmi")
                    .param("pmi", Segment.PMI.name())
                    .param("first", date(first))
                    .param("last", date(last))
                    .param("firstIndex", index(first))
                    .param("id", membershipId)
                    .query((rs, n) -> span(rs))
                    .optional()
                    .filter(s -> s.months() != 0)
                    .orElse(null);
            Span counted = jdbc.sql("SELECT * FROM coverage_span WHERE membership_id = ?")
                    .param(membershipId)
                    .query((rs, n) -> span(rs))
                    .optional()
                    .orElse(null);
            if (Objects.equals(now, counted)) {
                return;
            }
            Set<String> regions = new LinkedHashSet<>();
            if (counted != null) {
                add(counted, -1, first, last);
                jdbc.sql("DELETE FROM coverage_span WHERE membership_id = ?")
                        .param(membershipId)
                        .update();
                regions.addAll(java.util.List.of(levels(counted.regionKey())));
            }
            if (now != null) {
                add(now, 1, first, last);
                jdbc.sql("""
                        INSERT INTO coverage_span (membership_id, segment, channel, region_key, weight, months)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(membershipId, now.segment(), now.channel(), now.regionKey(), now.weight(), now.months())
                        .update();
                regions.addAll(java.util.List.of(levels(now.regionKey())));
            }
            publication.detectRevisions(regions.toArray(String[]::new), first, last, today());
        });
    }

    /** Adds (sign 1) or takes away (sign -1) a span's weight in each of its months, at its three levels. */
    private void add(Span span, int sign, YearMonth first, YearMonth last) {
        jdbc.sql("""
                INSERT INTO coverage_monthly AS c (region_code, month, segment, channel, active)
                SELECT r.code, (CAST(:first AS date) + make_interval(months => k))::date, :segment, :channel, :weight
                  FROM unnest(CAST(:codes AS varchar[])) r (code)
                 CROSS JOIN generate_series(0, :n - 1) k
                 WHERE CAST(:months AS bigint) & (1::bigint << k) <> 0
                ON CONFLICT (region_code, month, segment, channel) DO UPDATE SET active = c.active + excluded.active""")
                .param("codes", levels(span.regionKey()))
                .param("segment", span.segment())
                .param("channel", span.channel())
                .param("weight", sign * span.weight())
                .param("months", span.months())
                .param("first", date(first))
                .param("n", index(last) - index(first) + 1)
                .update();
    }

    /** The regions a span counts in: its kecamatan (if known), kab/kota and province. */
    static String[] levels(String regionKey) {
        return regionKey.length() >= 8
                ? new String[] {regionKey.substring(0, 8), regionKey.substring(0, 5), regionKey.substring(0, 2)}
                : regionKey.length() >= 5
                        ? new String[] {regionKey.substring(0, 5), regionKey.substring(0, 2)}
                        : new String[] {regionKey.substring(0, 2)};
    }

    /**
     * At start-up: builds the read model if it never was or was not built today (business date), then publishes the
     * months that have ended.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void atStartUp() {
        refresh(false);
    }

    /**
     * Nightly (00:05 WIB): rebuilds, which adds the new month on the first of a month, publishes the month that
     * ended and records the revisions that time alone made (a wage earner's bill passing its due date).
     */
    @Scheduled(cron = "${lindung.coverage.extend-cron}", zone = "Asia/Pontianak")
    public void nightly() {
        refresh(true);
    }

    private void refresh(boolean always) {
        transactions.executeWithoutResult(status -> {
            lock();
            LocalDate builtOn = jdbc.sql("SELECT rebuilt_on FROM coverage_state")
                    .query(Date.class)
                    .optional()
                    .map(Date::toLocalDate)
                    .orElse(null);
            Optional<YearMonth[]> held = months();
            if (always
                    || held.isEmpty()
                    || builtOn == null
                    || builtOn.isBefore(today())
                    || held.get()[1].isBefore(YearMonth.now(clock))) {
                rebuildInTransaction();
            }
        });
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
    }

    private static Span span(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Span(
                rs.getString("segment"),
                rs.getString("channel"),
                rs.getString("region_key"),
                rs.getInt("weight"),
                rs.getLong("months"));
    }

    static LocalDate date(YearMonth month) {
        return month.atDay(1);
    }

    /** Months since year 0: the bit of a month is {@code index(month) - index(first)}. */
    static int index(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    /** Test and benchmark aid: the read model as {@code month|region|segment|channel -> active}, zeros left out. */
    Map<String, Long> snapshot() {
        java.util.TreeMap<String, Long> cells = new java.util.TreeMap<>();
        jdbc.sql("SELECT month, region_code, segment, channel, active FROM coverage_monthly WHERE active <> 0")
                .query(rs -> {
                    cells.put(
                            rs.getDate(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4),
                            rs.getLong(5));
                });
        return cells;
    }
}
