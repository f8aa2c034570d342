package id.lindung.coverage;

import id.lindung.coverage.CoverageDashboard.Figure;
import id.lindung.coverage.CoverageDashboard.Forecast;
import id.lindung.coverage.CoverageDashboard.TargetKind;
import id.lindung.coverage.CoverageDashboard.TargetSource;
import id.lindung.coverage.CoverageDashboard.TrendPoint;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The arithmetic of coverage: denominators and targets as of a year, coverage in basis points, the gap in workers and
 * the forecast. Pure functions of a {@link Reference} (the denominator and target tables, read once per request).
 */
@Component
class CoverageFigures {

    /** How long the tables are held: edits through Lindung clear them at once, this bounds other edits. */
    /** A target not reached by the end of this year at the current pace is reported as not reached. */
    static final int LAST_FORECAST_YEAR = 2100;

    private static final long HOLD_NANOS = 60_000_000_000L;

    private final JdbcClient jdbc;
    private volatile @Nullable Reference held;
    private volatile long heldAt;

    CoverageFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The tables, read once and held (they change a few times a year). */
    Reference reference() {
        Reference r = held;
        if (r == null || System.nanoTime() - heldAt > HOLD_NANOS) {
            r = read();
            held = r;
            heldAt = System.nanoTime();
        }
        return r;
    }

    /** Forgets the held tables once the current transaction commits (after an edit of denominators or targets). */
    void changed() {
        afterCommit(() -> held = null);
    }

    /** Runs after the current transaction commits, or now outside one. */
    static void afterCommit(Runnable action) {
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            action.run();
                        }
                    });
        } else {
            action.run();
        }
    }

    /** A denominator row: workers of a region, segment and year. */
    record Denominator(long workers, int year, boolean estimated) {}

    /** A dated target of a region and year (basis points). */
    record Target(int target, int year) {}

    /** A year's target as found: its value and where it comes from. */
    record YearTarget(int target, int year, TargetSource source) {}

    private Reference read() {
        Map<String, Map<CoverageSegment, NavigableMap<Integer, Denominator>>> denominators = new HashMap<>();
        jdbc.sql("SELECT region_code, segment, year, workers, estimated FROM coverage_denominator")
                .query(rs -> {
                    denominators
                            .computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .computeIfAbsent(CoverageSegment.valueOf(rs.getString(2)), k -> new TreeMap<>())
                            .put(rs.getInt(3), new Denominator(rs.getLong(4), rs.getInt(3), rs.getBoolean(5)));
                });
        Map<String, NavigableMap<Integer, Target>> targets = new HashMap<>();
        jdbc.sql("SELECT region_code, year, target FROM coverage_target").query(rs -> {
            targets.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                    .put(rs.getInt(2), new Target(rs.getInt(3), rs.getInt(2)));
        });
        return new Reference(denominators, targets);
    }

    /** The denominator and target tables, with the rules that read them. */
    record Reference(
            Map<String, Map<CoverageSegment, NavigableMap<Integer, Denominator>>> denominators,
            Map<String, NavigableMap<Integer, Target>> targets) {

        /**
         * The denominator of a region's segment for a year: the year's own figure, else the latest earlier year's
         * (shown with its year), else none. A later year's figure is never used for an earlier year: 2024 has no
         * construction segment (it was added with Sakernas 2025), so 2024 is formal + informal = 1,665,422.
         */
        @Nullable
        Denominator denominator(String region, CoverageSegment segment, int year) {
            NavigableMap<Integer, Denominator> years =
                    denominators.getOrDefault(region, Map.of()).get(segment);
            if (years == null) {
                return null;
            }
            Map.Entry<Integer, Denominator> e = years.floorEntry(year);
            return e == null ? null : e.getValue();
        }

        /**
         * A region's target for a year. Going up from the region (kecamatan, kab/kota, province), the first region
         * whose dated targets include the year or lie on both sides of it gives the target: set for the year, or
         * interpolated linearly between the targets before and after it (rounded half up to a basis point). If no
         * region has that, the most recent target before the year is carried forward (the nearer region first on
         * equal years). None before the first dated target.
         */
        @Nullable
        YearTarget target(String region, int year) {
            for (String code = region; code != null; code = parent(code)) {
                NavigableMap<Integer, Target> own = targets.get(code);
                if (own == null || own.isEmpty()) {
                    continue;
                }
                Target set = own.get(year);
                if (set != null) {
                    return new YearTarget(
                            set.target(), year, new TargetSource(TargetKind.SET, code, year, set.target(), null, null));
                }
                Map.Entry<Integer, Target> before = own.lowerEntry(year);
                Map.Entry<Integer, Target> after = own.higherEntry(year);
                if (before != null && after != null) {
                    int a = before.getValue().target();
                    int b = after.getValue().target();
                    long num = (long) (b - a) * (year - before.getKey());
                    long den = after.getKey() - before.getKey();
                    int value = a + (int) Math.floorDiv(2 * num + den, 2 * den);
                    return new YearTarget(
                            value,
                            year,
                            new TargetSource(TargetKind.INTERPOLATED, code, before.getKey(), a, after.getKey(), b));
                }
            }
            String from = null;
            Target latest = null;
            for (String code = region; code != null; code = parent(code)) {
                Map.Entry<Integer, Target> before =
                        targets.getOrDefault(code, new TreeMap<>()).lowerEntry(year);
                if (before != null && (latest == null || before.getKey() > latest.year())) {
                    latest = before.getValue();
                    from = code;
                }
            }
            return latest == null
                    ? null
                    : new YearTarget(
                            latest.target(),
                            year,
                            new TargetSource(
                                    TargetKind.CARRIED_FORWARD,
                                    Objects.requireNonNull(from),
                                    latest.year(),
                                    latest.target(),
                                    null,
                                    null));
        }

        /** The first year from {@code from} on with a target for the region (own or inherited, set or found). */
        @Nullable
        Integer nextTargetYear(String region, int from) {
            Integer best = null;
            for (String code = region; code != null; code = parent(code)) {
                Integer y = targets.getOrDefault(code, new TreeMap<>()).ceilingKey(from);
                if (y != null && (best == null || y < best)) {
                    best = y;
                }
            }
            return best;
        }

        /** Active workers of some segments of a region (the same for each) against their denominators. */
        Figure figure(String region, List<CoverageSegment> segments, long active, int year) {
            Map<CoverageSegment, Long> bySegment = new java.util.EnumMap<>(CoverageSegment.class);
            bySegment.put(segments.get(0), active);
            for (CoverageSegment s : segments.subList(1, segments.size())) {
                bySegment.put(s, 0L);
            }
            return figure(region, bySegment, year);
        }

        /**
         * Protected workers per segment of a region against the year's denominators and target. Segments without a
         * denominator for the year are shown apart: their workers are in {@code active}, not in the coverage.
         */
        Figure figure(String region, Map<CoverageSegment, Long> activeBySegment, int year) {
            Long workers = null;
            Integer denominatorYear = null;
            boolean estimated = false;
            long active = 0;
            long rated = 0;
            List<CoverageSegment> without = new ArrayList<>();
            long unrated = 0;
            for (Map.Entry<CoverageSegment, Long> e : activeBySegment.entrySet()) {
                active += e.getValue();
                Denominator d = denominator(region, e.getKey(), year);
                if (d != null) {
                    workers = (workers == null ? 0 : workers) + d.workers();
                    denominatorYear = denominatorYear == null ? d.year() : Math.max(denominatorYear, d.year());
                    estimated |= d.estimated();
                    rated += e.getValue();
                } else {
                    without.add(e.getKey());
                    unrated += e.getValue();
                }
            }
            if (workers == null) {
                without = List.of();
                unrated = 0;
            }
            YearTarget t = target(region, year);
            Integer coverage = workers == null ? null : CoverageDashboard.basisPoints(rated, workers);
            Long gap = workers == null || t == null ? null : Math.max(0, needed(t.target(), workers) - rated);
            return new Figure(
                    active,
                    workers,
                    denominatorYear,
                    estimated,
                    coverage,
                    t == null ? null : t.target(),
                    t == null ? null : t.year(),
                    t != null && !t.source().regionCode().equals(region),
                    gap,
                    List.copyOf(without),
                    unrated,
                    t == null ? null : t.source());
        }

        /**
         * When the target is reached at the pace of the last (up to) twelve months of the trend, and the net monthly
         * growth needed to reach the target of the target year by its December. The months left are those after the
         * month shown, and the month itself while it is still running ({@code current}); the target year is the year
         * of the first month left, so an ended December aims at the next year. Without a target that year, the next
         * year with a dated target.
         */
        Forecast forecast(String region, List<TrendPoint> trend, YearMonth month, YearMonth current, Figure figure) {
            List<TrendPoint> upTo = new ArrayList<>(
                    trend.stream().filter(p -> !p.month().isAfter(month)).toList());
            TrendPoint now = upTo.get(upTo.size() - 1);
            int paceMonths = Math.min(12, upTo.size() - 1);
            long change = paceMonths == 0
                    ? 0
                    : now.active() - upTo.get(upTo.size() - 1 - paceMonths).active();
            long pace = paceMonths == 0 ? 0 : Math.round((double) change / paceMonths);
            YearMonth firstLeft = month.isBefore(current) ? month.plusMonths(1) : month;
            Integer targetYear = target(region, firstLeft.getYear()) != null
                    ? Integer.valueOf(firstLeft.getYear())
                    : nextTargetYear(region, firstLeft.getYear());
            if (targetYear == null) {
                return new Forecast(pace, paceMonths, false, null, null, null, null, 0);
            }
            YearTarget t = target(region, targetYear);
            Long workers = null;
            long rated = figure.active() - figure.activeWithoutDenominator();
            for (CoverageSegment s : CoverageSegment.values()) {
                Denominator d = denominator(region, s, targetYear);
                if (d != null) {
                    workers = (workers == null ? 0 : workers) + d.workers();
                }
            }
            int monthsLeft = (int)
                    Math.max(0, targetYear * 12L + 12 - (firstLeft.getYear() * 12L + firstLeft.getMonthValue() - 1));
            if (t == null || workers == null) {
                return new Forecast(
                        pace, paceMonths, false, null, targetYear, t == null ? null : t.target(), null, monthsLeft);
            }
            long gap = needed(t.target(), workers) - rated;
            if (gap <= 0) {
                return new Forecast(pace, paceMonths, true, null, targetYear, t.target(), 0L, monthsLeft);
            }
            long monthsToGo = change <= 0 ? Long.MAX_VALUE : ceilDiv(gap * paceMonths, change);
            YearMonth reached = monthsToGo > LAST_FORECAST_YEAR * 12L - (month.getYear() * 12L + month.getMonthValue())
                    ? null
                    : month.plusMonths(monthsToGo);
            return new Forecast(
                    pace,
                    paceMonths,
                    false,
                    reached,
                    targetYear,
                    t.target(),
                    monthsLeft == 0 ? null : ceilDiv(gap, monthsLeft),
                    monthsLeft);
        }
    }

    /** Workers needed for a target: target% of the denominator, rounded up. */
    static long needed(int target, long workers) {
        return ceilDiv(target * workers, 10_000L);
    }

    /** {@code a / b} rounded up, for {@code b > 0} (Math.ceilDiv arrived with Java 18). */
    static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** The parent code: kecamatan to kab/kota to province, none above. */
    @Nullable
    static String parent(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? null : code.substring(0, dot);
    }
}
