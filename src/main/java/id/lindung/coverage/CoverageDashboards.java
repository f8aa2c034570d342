package id.lindung.coverage;

import id.lindung.access.LindungUser;
import id.lindung.coverage.CoverageDashboard.ChannelFigure;
import id.lindung.coverage.CoverageDashboard.ChildFigure;
import id.lindung.coverage.CoverageDashboard.Figure;
import id.lindung.coverage.CoverageDashboard.Forecast;
import id.lindung.coverage.CoverageDashboard.KurFigure;
import id.lindung.coverage.CoverageDashboard.RegionRef;
import id.lindung.coverage.CoverageDashboard.SegmentFigure;
import id.lindung.coverage.CoverageDashboard.TrendPoint;
import id.lindung.enrolment.Channel;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionLevel;
import id.lindung.region.RegionProperties;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.reporting.ReportingJdbc;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coverage dashboard's figures for a region and month, within the caller's region scope: protected workers from
 * the read model ({@link CoverageReadModel}), against the denominators and targets. A month that has ended shows its
 * published figures with their revisions ({@link CoveragePublication}); the current month the count as known now.
 * Coverage of a region = protected workers of the segments with a denominator for the year / the sum of those
 * denominators; a segment's denominator is the year's own, else the latest earlier year's, never a later year's.
 */
@Service
public class CoverageDashboards {

    private final ReportingJdbc reporting;
    private final RegionDirectory regions;
    private final CoverageReadModel readModel;
    private final CoverageFigures figures;
    private final KurFigures kurFigures;
    private final CoveragePublication publication;
    private final Clock clock;
    private final String homeProvince;
    private final int trendMonths;

    CoverageDashboards(
            ReportingJdbc reporting,
            RegionDirectory regions,
            CoverageReadModel readModel,
            CoverageFigures figures,
            KurFigures kurFigures,
            CoveragePublication publication,
            Clock clock,
            RegionProperties region,
            CoverageProperties properties) {
        this.reporting = reporting;
        this.regions = regions;
        this.readModel = readModel;
        this.figures = figures;
        this.kurFigures = kurFigures;
        this.publication = publication;
        this.clock = clock;
        this.homeProvince = region.homeProvince();
        this.trendMonths = properties.trendMonths();
    }

    /**
     * The dashboard of a region (province "61", kab/kota "61.04", kecamatan "61.04.01"; {@code null}: the caller's
     * own scope, the province for province-wide users) for a month ({@code null}: the latest month held). A region
     * outside the caller's scope answers NotFoundException.
     */
    @Transactional(readOnly = true)
    public CoverageDashboard dashboard(@Nullable String regionCode, @Nullable YearMonth month, LindungUser by) {
        Region region = region(regionCode, by);
        YearMonth[] window =
                readModel.months().orElseThrow(() -> new NotFoundException("coverage read model not built yet"));
        YearMonth m = month == null ? window[1] : month;
        if (m.isBefore(window[0]) || m.isAfter(window[1])) {
            throw new InvalidInputException(
                    FieldIssue.error("month", "coverage.month.range", window[0].toString(), window[1].toString()));
        }
        CoverageFigures.Reference ref = figures.reference();
        String code = region.code();
        // the read model's cells from the reporting copy when there is one (shared.reporting)
        JdbcClient jdbc = reporting.reads();

        Map<CoverageSegment, Long> bySegment = zeros();
        Map<Channel, Long> byChannel = new EnumMap<>(Channel.class);
        jdbc.sql("SELECT segment, channel, active FROM " + publication.cellsOf(m)
                        + " WHERE region_code = :code AND month = :month")
                .param("month", CoverageReadModel.date(m))
                .param("code", code)
                .query(rs -> {
                    long n = rs.getLong(3);
                    bySegment.merge(CoverageSegment.valueOf(rs.getString(1)), n, Long::sum);
                    byChannel.merge(Channel.valueOf(rs.getString(2)), n, Long::sum);
                });
        List<SegmentFigure> segments = new ArrayList<>();
        for (CoverageSegment s : CoverageSegment.values()) {
            segments.add(new SegmentFigure(s, ref.figure(code, Map.of(s, bySegment.get(s)), m.getYear())));
        }
        Figure total = ref.figure(code, bySegment, m.getYear());
        List<ChannelFigure> channels = new ArrayList<>();
        for (Channel c : Channel.values()) {
            channels.add(new ChannelFigure(c, byChannel.getOrDefault(c, 0L)));
        }

        List<ChildFigure> children = children(jdbc, region, m, ref);
        List<TrendPoint> trend = trend(jdbc, code, m, window[0], ref);
        Forecast forecast = ref.forecast(code, trend, m, YearMonth.now(clock), total);
        KurFigure kur = kurFigures.of(code);
        return new CoverageDashboard(
                ref(region),
                m,
                window[0],
                window[1],
                total,
                segments,
                channels,
                children,
                trend,
                forecast,
                kur,
                publication.publication(code, m));
    }

    private static Map<CoverageSegment, Long> zeros() {
        Map<CoverageSegment, Long> m = new EnumMap<>(CoverageSegment.class);
        for (CoverageSegment s : CoverageSegment.values()) {
            m.put(s, 0L);
        }
        return m;
    }

    private List<ChildFigure> children(JdbcClient jdbc, Region region, YearMonth m, CoverageFigures.Reference ref) {
        if (region.level() == RegionLevel.KECAMATAN) {
            return List.of();
        }
        List<Region> regionsBelow = regions.children(region.code());
        Map<String, Map<CoverageSegment, Long>> active = new HashMap<>();
        jdbc.sql("SELECT region_code, segment, sum(active) FROM " + publication.cellsOf(m)
                        + " WHERE region_code = ANY(CAST(:codes AS varchar[])) AND month = :month"
                        + " GROUP BY region_code, segment")
                .param("codes", regionsBelow.stream().map(Region::code).toArray(String[]::new))
                .param("month", CoverageReadModel.date(m))
                .query(rs -> {
                    active.computeIfAbsent(rs.getString(1), k -> zeros())
                            .put(CoverageSegment.valueOf(rs.getString(2)), rs.getLong(3));
                });
        List<ChildFigure> children = new ArrayList<>();
        for (Region child : regionsBelow) {
            children.add(new ChildFigure(
                    ref(child), ref.figure(child.code(), active.getOrDefault(child.code(), zeros()), m.getYear())));
        }
        children.sort(Comparator.comparing((ChildFigure c) -> c.figure().coverage() == null)
                .thenComparing(
                        c -> c.figure().coverage() == null ? 0 : -c.figure().coverage())
                .thenComparing(c -> -c.figure().active())
                .thenComparing(c -> c.region().code()));
        return children;
    }

    private List<TrendPoint> trend(
            JdbcClient jdbc, String code, YearMonth m, YearMonth first, CoverageFigures.Reference ref) {
        YearMonth from = m.minusMonths(trendMonths - 1L);
        if (from.isBefore(first)) {
            from = first;
        }
        TreeMap<YearMonth, Map<CoverageSegment, Long>> active = new TreeMap<>();
        for (YearMonth x = from; !x.isAfter(m); x = x.plusMonths(1)) {
            active.put(x, zeros());
        }
        // published months as published, the others as counted now
        jdbc.sql("""
                SELECT month, segment, sum(active) FROM coverage_published
                 WHERE region_code = :code AND month BETWEEN :from AND :to
                 GROUP BY month, segment
                UNION ALL
                SELECT month, segment, sum(active) FROM coverage_monthly c
                 WHERE region_code = :code AND month BETWEEN :from AND :to
                   AND NOT EXISTS (SELECT 1 FROM coverage_published_month p WHERE p.month = c.month)
                 GROUP BY month, segment""")
                .param("from", CoverageReadModel.date(from))
                .param("to", CoverageReadModel.date(m))
                .param("code", code)
                .query(rs -> {
                    Objects.requireNonNull(
                                    active.get(YearMonth.from(rs.getDate(1).toLocalDate()))) // every month put
                            .merge(CoverageSegment.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
                });
        List<TrendPoint> trend = new ArrayList<>();
        active.forEach((month, n) -> {
            Figure f = ref.figure(code, n, month.getYear());
            trend.add(new TrendPoint(month, f.active(), f.denominator(), f.coverage(), f.target()));
        });
        return trend;
    }

    /** The region asked for, or the caller's own; not found when unknown, not a dashboard level, or out of scope. */
    private Region region(@Nullable String requested, LindungUser by) {
        String scope = by.scope().code();
        String code =
                requested == null || requested.isBlank() ? (scope.isEmpty() ? homeProvince : scope) : requested.trim();
        Region region = regions.find(code).orElseThrow(() -> new NotFoundException("region " + code));
        if (region.level() == RegionLevel.DESA || !by.scope().includes(code)) {
            throw new NotFoundException("region " + code);
        }
        return region;
    }

    static RegionRef ref(Region r) {
        return new RegionRef(r.code(), r.name(), r.level().name(), r.parentCode());
    }
}
