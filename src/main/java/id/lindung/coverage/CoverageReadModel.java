package id.lindung.coverage;

import id.lindung.enrolment.MembershipEnded;
import id.lindung.enrolment.MembershipStarted;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
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
 * The coverage read model: active memberships per region (each kecamatan, kab/kota and the province), segment,
 * channel and month ({@code coverage_monthly}), from the membership spans ({@code coverage_span}).
 *
 * <p>Kept current by enrolment events: each {@link MembershipStarted} or {@link MembershipEnded} re-reads that one
 * membership from {@code enrolment_membership_v} and moves the monthly counts by the difference between what was
 * counted and what is now true, so an event handled twice, late or out of order changes nothing more. A full
 * {@link #rebuild()} computes the same tables set-wise (a start adds, the month after an end subtracts, a running
 * sum per cell). Each month a new month is added from the spans. All writers take one advisory lock, so a rebuild
 * and event handling never interleave.
 */
@Service
public class CoverageReadModel {

    private static final Logger log = LoggerFactory.getLogger(CoverageReadModel.class);
    /** pg_advisory_xact_lock key of the read model's writers ("cov" in ASCII). */
    private static final long LOCK = 0x636f76L;

    /** The columns of a span as read from enrolment: segment mapped, PMI left out, construction weighed. */
    private static final String SPAN_OF_MEMBERSHIP = """
            SELECT membership_id,
                   CASE segment WHEN 'PU' THEN 'FORMAL' WHEN 'BPU' THEN 'INFORMAL' ELSE 'CONSTRUCTION' END AS segment,
                   channel, left(region_code, 8) AS region_key, start_month, end_month,
                   CASE WHEN segment = 'JAKON' THEN coalesce(worker_count, 0) ELSE 1 END AS weight
              FROM enrolment_membership_v
             WHERE segment <> 'PMI'""";

    /** What a rebuild did. */
    public record RebuildResult(long spans, long cells, YearMonth firstMonth, YearMonth lastMonth, long millis) {
    }

    private record Span(String segment, String channel, String regionKey, LocalDate start, @Nullable LocalDate end,
            int weight) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int historyMonths;
    private final KurFigures kurFigures;
    /** The months held, read once; cleared after a rebuild or an extension commits. */
    private volatile YearMonth @Nullable [] window;

    CoverageReadModel(JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
            @Value("${lindung.coverage.history-months:36}") int historyMonths, KurFigures kurFigures) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.historyMonths = historyMonths;
        this.kurFigures = kurFigures;
    }

    /**
     * Rebuilds the read model from enrolment: every membership's span, every month from {@code history-months}
     * before the current month to the current month.
     */
    @Transactional
    public RebuildResult rebuild() {
        return rebuildInTransaction();
    }

    private RebuildResult rebuildInTransaction() {
        long started = System.nanoTime();
        lock();
        YearMonth last = YearMonth.now(clock);
        YearMonth first = last.minusMonths(historyMonths);
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        jdbc.sql("TRUNCATE coverage_span, coverage_monthly").update();
        long spans = jdbc.sql("INSERT INTO coverage_span (membership_id, segment, channel, region_key, start_month,"
                + " end_month, weight) " + SPAN_OF_MEMBERSHIP).update();
        jdbc.sql("""
                CREATE TEMP TABLE coverage_cell ON COMMIT DROP AS
                WITH deltas AS (
                  SELECT region_key, segment, channel, greatest(start_month, :first) AS month, weight AS d
                    FROM coverage_span
                   WHERE start_month <= :last AND (end_month IS NULL OR end_month >= :first)
                  UNION ALL
                  SELECT region_key, segment, channel, (end_month + INTERVAL '1 month')::date, -weight
                    FROM coverage_span
                   WHERE start_month <= :last AND end_month >= :first AND end_month < :last
                ), per_month AS (
                  SELECT region_key, segment, channel, month, sum(d) AS d FROM deltas
                   GROUP BY region_key, segment, channel, month
                ), grid AS (
                  SELECT c.region_key, c.segment, c.channel, m::date AS month
                    FROM (SELECT DISTINCT region_key, segment, channel FROM per_month) c
                   CROSS JOIN generate_series(CAST(:first AS date), CAST(:last AS date), INTERVAL '1 month') m
                )
                SELECT g.region_key, g.segment, g.channel, g.month,
                       sum(coalesce(p.d, 0)) OVER (PARTITION BY g.region_key, g.segment, g.channel
                                                  ORDER BY g.month) AS active
                  FROM grid g
                  LEFT JOIN per_month p ON p.region_key = g.region_key AND p.segment = g.segment
                                       AND p.channel = g.channel AND p.month = g.month""")
                .param("first", date(first)).param("last", date(last)).update();
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
        long millis = (System.nanoTime() - started) / 1_000_000;
        jdbc.sql("""
                INSERT INTO coverage_state (id, first_month, last_month, rebuilt_at, rebuild_ms)
                VALUES (TRUE, :first, :last, now(), :ms)
                ON CONFLICT (id) DO UPDATE SET first_month = excluded.first_month, last_month = excluded.last_month,
                                               rebuilt_at = excluded.rebuilt_at, rebuild_ms = excluded.rebuild_ms""")
                .param("first", date(first)).param("last", date(last)).param("ms", millis).update();
        jdbc.sql("ANALYZE coverage_monthly").update();
        windowChanged();
        kurFigures.refresh();
        log.info("Coverage read model rebuilt: {} memberships, {} monthly cells ({} to {}) in {} ms", spans, cells,
                first, last, millis);
        return new RebuildResult(spans, cells, first, last, millis);
    }

    /** The months the read model holds, if it was ever built. */
    public Optional<YearMonth[]> months() {
        YearMonth[] w = window;
        if (w != null) {
            return Optional.of(w.clone());
        }
        Optional<YearMonth[]> read = jdbc.sql("SELECT first_month, last_month FROM coverage_state")
                .query((rs, n) -> new YearMonth[] {YearMonth.from(rs.getDate(1).toLocalDate()),
                        YearMonth.from(rs.getDate(2).toLocalDate())})
                .optional();
        if (read.isPresent() && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()
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
        sync(event.membershipId());
    }

    @ApplicationModuleListener
    void on(MembershipEnded event) {
        sync(event.membershipId());
    }

    /**
     * Brings one membership's counts in line with enrolment: what was counted is taken away, what is true now is
     * added (nothing happens when the two are the same).
     */
    void sync(long membershipId) {
        transactions.executeWithoutResult(status -> {
            lock();
            Optional<YearMonth[]> window = months();
            if (window.isEmpty()) {
                return; // never built: the first rebuild will count it
            }
            Span now = jdbc.sql(SPAN_OF_MEMBERSHIP + " AND membership_id = ?").param(membershipId)
                    .query((rs, n) -> span(rs)).optional().orElse(null);
            Span counted = jdbc.sql("SELECT * FROM coverage_span WHERE membership_id = ?").param(membershipId)
                    .query((rs, n) -> span(rs)).optional().orElse(null);
            if (Objects.equals(now, counted)) {
                return;
            }
            YearMonth first = window.get()[0];
            YearMonth last = window.get()[1];
            if (counted != null) {
                add(counted, -1, first, last);
                jdbc.sql("DELETE FROM coverage_span WHERE membership_id = ?").param(membershipId).update();
            }
            if (now != null) {
                add(now, 1, first, last);
                jdbc.sql("""
                        INSERT INTO coverage_span (membership_id, segment, channel, region_key, start_month, end_month,
                                                   weight) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                        .params(membershipId, now.segment(), now.channel(), now.regionKey(), now.start(), now.end(),
                                now.weight())
                        .update();
            }
        });
    }

    private void add(Span span, int sign, YearMonth first, YearMonth last) {
        jdbc.sql("""
                INSERT INTO coverage_monthly AS c (region_code, month, segment, channel, active)
                SELECT r.code, m::date, :segment, :channel, :weight
                  FROM unnest(CAST(:codes AS varchar[])) r (code)
                 CROSS JOIN generate_series(greatest(CAST(:start AS date), CAST(:first AS date)),
                                            least(coalesce(CAST(:end AS date), CAST(:last AS date)),
                                                  CAST(:last AS date)),
                                            INTERVAL '1 month') m
                ON CONFLICT (region_code, month, segment, channel) DO UPDATE SET active = c.active + excluded.active""")
                .param("codes", levels(span.regionKey())).param("segment", span.segment())
                .param("channel", span.channel()).param("weight", sign * span.weight()).param("start", span.start())
                .param("end", span.end()).param("first", date(first)).param("last", date(last)).update();
    }

    /** The regions a span counts in: its kecamatan (if known), kab/kota and province. */
    static String[] levels(String regionKey) {
        return regionKey.length() >= 8
                ? new String[] {regionKey.substring(0, 8), regionKey.substring(0, 5), regionKey.substring(0, 2)}
                : regionKey.length() >= 5 ? new String[] {regionKey.substring(0, 5), regionKey.substring(0, 2)}
                : new String[] {regionKey.substring(0, 2)};
    }

    /**
     * Adds the months up to the current one (at start-up and nightly), each counted from the spans; builds the
     * read model if it never was.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(cron = "${lindung.coverage.extend-cron:0 5 0 * * *}", zone = "Asia/Pontianak")
    public void extendToCurrentMonth() {
        if (months().isEmpty()) {
            transactions.execute(status -> rebuildInTransaction());
            return;
        }
        YearMonth target = YearMonth.now(clock);
        transactions.executeWithoutResult(status -> {
            lock();
            YearMonth last = months().orElseThrow()[1];
            for (YearMonth m = last.plusMonths(1); !m.isAfter(target); m = m.plusMonths(1)) {
                jdbc.sql("""
                        INSERT INTO coverage_monthly (region_code, month, segment, channel, active)
                        SELECT r.code, :month, s.segment, s.channel, sum(s.weight)
                          FROM coverage_span s
                         CROSS JOIN LATERAL (VALUES (left(s.region_key, 2)),
                                                    (CASE WHEN length(s.region_key) >= 5 THEN left(s.region_key, 5) END),
                                                    (CASE WHEN length(s.region_key) >= 8 THEN left(s.region_key, 8) END))
                                            r (code)
                         WHERE r.code IS NOT NULL AND s.start_month <= :month
                           AND (s.end_month IS NULL OR s.end_month >= :month)
                         GROUP BY r.code, s.segment, s.channel HAVING sum(s.weight) <> 0""")
                        .param("month", date(m)).update();
                jdbc.sql("UPDATE coverage_state SET last_month = ?").param(date(m)).update();
                windowChanged();
                log.info("Coverage read model extended to {}", m);
            }
        });
    }

    private void lock() {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
    }

    private static Span span(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date end = rs.getDate("end_month");
        return new Span(rs.getString("segment"), rs.getString("channel"), rs.getString("region_key"),
                rs.getDate("start_month").toLocalDate(), end == null ? null : end.toLocalDate(), rs.getInt("weight"));
    }

    static LocalDate date(YearMonth month) {
        return month.atDay(1);
    }

    /** Test and benchmark aid: the read model as {@code month|region|segment|channel -> active}, zeros left out. */
    Map<String, Long> snapshot() {
        java.util.TreeMap<String, Long> cells = new java.util.TreeMap<>();
        jdbc.sql("SELECT month, region_code, segment, channel, active FROM coverage_monthly WHERE active <> 0")
                .query(rs -> {
                    cells.put(rs.getDate(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4),
                            rs.getLong(5));
                });
        return cells;
    }
}
