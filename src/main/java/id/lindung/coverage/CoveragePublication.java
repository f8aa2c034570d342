package id.lindung.coverage;

import id.lindung.coverage.CoverageDashboard.Publication;
import id.lindung.coverage.CoverageDashboard.Revision;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Published months and their revisions. A month is published once it has ended: the first rebuild after its last
 * day (at start-up or the nightly job at 00:05 WIB) copies its cells to {@code coverage_published}, and from then on
 * the dashboard, the API, the reports and Paritrana show that figure for it. What changes afterwards (a late payment,
 * a back-dated enrolment, a lapse, a wage earner's grace running out) is never written over the published figure: each
 * business day on which a cell as known now differs from its last known value gets a row in
 * {@code coverage_revision} (published, previous and revised value, detected on), shown beside the published figure.
 * Callers hold the read model's lock.
 */
@Component
class CoveragePublication {

    private final JdbcClient jdbc;
    /** Published months, read once; cleared after a publication commits. */
    private volatile java.util.@Nullable NavigableSet<YearMonth> published;

    CoveragePublication(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Publishes every month of the window before {@code current} that is not yet published, as counted now. */
    void publishEndedMonths(YearMonth first, YearMonth current, LocalDate today) {
        List<Date> months = jdbc.sql("""
                INSERT INTO coverage_published_month (month, published_on)
                SELECT m::date, :today FROM generate_series(CAST(:first AS date), CAST(:last AS date), INTERVAL '1 month') m
                 WHERE CAST(:first AS date) <= CAST(:last AS date)
                ON CONFLICT (month) DO NOTHING
                RETURNING month""")
                .param("first", CoverageReadModel.date(first))
                .param("last", CoverageReadModel.date(current.minusMonths(1)))
                .param("today", today)
                .query(Date.class)
                .list();
        if (!months.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO coverage_published (region_code, month, segment, channel, active)
                    SELECT region_code, month, segment, channel, active FROM coverage_monthly
                     WHERE month = ANY(CAST(:months AS date[])) AND active <> 0""").param("months", months.toArray(Date[]::new)).update();
            published = null;
            CoverageFigures.afterCommit(() -> published = null);
        }
    }

    /**
     * Records today's revisions of the published months held in the window, for the given regions (all when
     * {@code null}): every cell whose count as known now differs from its last value known before today (the latest
     * earlier revision, else the published one). Today's rows are recomputed, so running it again changes nothing and
     * a change undone the same day leaves no row.
     */
    void detectRevisions(String @Nullable [] regions, YearMonth first, YearMonth current, LocalDate today) {
        String filter = " month BETWEEN :first AND :last AND (CAST(:all AS boolean) OR region_code = ANY(CAST(:codes AS"
                + " varchar[]))) ";
        Date from = Date.valueOf(CoverageReadModel.date(first));
        Date to = Date.valueOf(CoverageReadModel.date(current.minusMonths(1)));
        boolean all = regions == null;
        String[] codes = regions == null ? new String[0] : regions;
        jdbc.sql("DELETE FROM coverage_revision WHERE detected_on = :today AND" + filter)
                .param("today", today)
                .param("first", from)
                .param("last", to)
                .param("all", all)
                .param("codes", codes)
                .update();
        jdbc.sql("""
                INSERT INTO coverage_revision (region_code, month, segment, channel, detected_on, published, previous,
                                               revised)
                SELECT k.region_code, k.month, k.segment, k.channel, :today, coalesce(p.active, 0),
                       coalesce(r.revised, p.active, 0), coalesce(l.active, 0)
                  FROM (SELECT region_code, month, segment, channel FROM coverage_published WHERE FILTER
                        UNION
                        SELECT region_code, month, segment, channel FROM coverage_revision WHERE FILTER
                        UNION
                        SELECT region_code, month, segment, channel FROM coverage_monthly c WHERE FILTER
                           AND EXISTS (SELECT 1 FROM coverage_published_month pm WHERE pm.month = c.month)) k
                  LEFT JOIN coverage_published p ON p.region_code = k.region_code AND p.month = k.month
                                                AND p.segment = k.segment AND p.channel = k.channel
                  LEFT JOIN coverage_monthly l ON l.region_code = k.region_code AND l.month = k.month
                                              AND l.segment = k.segment AND l.channel = k.channel
                  LEFT JOIN LATERAL (SELECT x.revised FROM coverage_revision x
                                      WHERE x.region_code = k.region_code AND x.month = k.month
                                        AND x.segment = k.segment AND x.channel = k.channel
                                      ORDER BY x.detected_on DESC LIMIT 1) r ON TRUE
                 WHERE coalesce(l.active, 0) <> coalesce(r.revised, p.active, 0)""".replace("FILTER", filter))
                .param("today", today)
                .param("first", from)
                .param("last", to)
                .param("all", all)
                .param("codes", codes)
                .update();
    }

    /** Whether a month's figures are published (it has ended and a rebuild since has published it). */
    boolean isPublished(YearMonth month) {
        return publishedMonths().contains(month);
    }

    java.util.NavigableSet<YearMonth> publishedMonths() {
        java.util.NavigableSet<YearMonth> p = published;
        if (p == null) {
            p = new java.util.TreeSet<>(
                    jdbc.sql("SELECT month FROM coverage_published_month").query(Date.class).list().stream()
                            .map(d -> YearMonth.from(d.toLocalDate()))
                            .toList());
            p = java.util.Collections.unmodifiableNavigableSet(p);
            published = p;
        }
        return p;
    }

    /** The table to read a month's cells from: the published ones for a published month, else the live ones. */
    String cellsOf(YearMonth month) {
        return isPublished(month) ? "coverage_published" : "coverage_monthly";
    }

    /**
     * A published month of a region (the sum of the regions whose codes are given: one, or each province of the
     * country): its date, the published total and each day's revision of the total.
     */
    @Nullable
    Publication publication(String[] regions, YearMonth month) {
        if (!isPublished(month)) {
            return null;
        }
        LocalDate on = jdbc.sql("SELECT published_on FROM coverage_published_month WHERE month = ?")
                .param(CoverageReadModel.date(month))
                .query(Date.class)
                .single()
                .toLocalDate();
        long total = jdbc.sql("SELECT coalesce(sum(active), 0) FROM coverage_published"
                        + " WHERE region_code = ANY(CAST(? AS varchar[])) AND month = ?")
                .params(regions, CoverageReadModel.date(month))
                .query(Long.class)
                .single();
        Map<LocalDate, Long> change = new TreeMap<>();
        jdbc.sql("""
                SELECT detected_on, sum(revised - previous) FROM coverage_revision
                 WHERE region_code = ANY(CAST(? AS varchar[])) AND month = ? GROUP BY detected_on""").params(regions, CoverageReadModel.date(month)).query(rs -> {
            change.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
        });
        List<Revision> revisions = new ArrayList<>();
        long value = total;
        for (Map.Entry<LocalDate, Long> e : change.entrySet()) {
            if (e.getValue() != 0) {
                revisions.add(new Revision(e.getKey(), value, value + e.getValue()));
                value += e.getValue();
            }
        }
        return new Publication(on, total, value, revisions);
    }
}
