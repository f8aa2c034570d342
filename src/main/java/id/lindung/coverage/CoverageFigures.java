package id.lindung.coverage;

import id.lindung.coverage.CoverageDashboard.Figure;
import id.lindung.coverage.CoverageDashboard.Forecast;
import id.lindung.coverage.CoverageDashboard.TrendPoint;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
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
    record Denominator(long workers, int year, boolean estimated) {
    }

    /** A target of a region and year (basis points). */
    record Target(int target, int year) {
    }

    private Reference read() {
        Map<String, Map<CoverageSegment, NavigableMap<Integer, Denominator>>> denominators = new HashMap<>();
        jdbc.sql("SELECT region_code, segment, year, workers, estimated FROM coverage_denominator").query(rs -> {
            denominators.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
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
    record Reference(Map<String, Map<CoverageSegment, NavigableMap<Integer, Denominator>>> denominators,
            Map<String, NavigableMap<Integer, Target>> targets) {

        /**
         * The denominator of a region's segment for a year: the latest year up to it, else the earliest after it
         * (months before the first published figure), else none.
         */
        @Nullable
        Denominator denominator(String region, CoverageSegment segment, int year) {
            NavigableMap<Integer, Denominator> years = denominators.getOrDefault(region, Map.of()).get(segment);
            if (years == null || years.isEmpty()) {
                return null;
            }
            Map.Entry<Integer, Denominator> e = years.floorEntry(year);
            return e != null ? e.getValue() : years.firstEntry().getValue();
        }

        /** A region's target for a year: its own, else its parent's (kecamatan, kab/kota, province), else none. */
        @Nullable
        Target target(String region, int year) {
            for (String code = region; code != null; code = parent(code)) {
                Target t = targets.getOrDefault(code, new TreeMap<>()).get(year);
                if (t != null) {
                    return t;
                }
            }
            return null;
        }

        boolean ownTarget(String region, int year) {
            return targets.getOrDefault(region, new TreeMap<>()).containsKey(year);
        }

        /** The first year from {@code from} on with a target for the region (own or inherited). */
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

        /** Active memberships of some segments of a region against their denominators and the year's target. */
        Figure figure(String region, List<CoverageSegment> segments, long active, int year) {
            Long workers = null;
            Integer denominatorYear = null;
            boolean estimated = false;
            for (CoverageSegment s : segments) {
                Denominator d = denominator(region, s, year);
                if (d != null) {
                    workers = (workers == null ? 0 : workers) + d.workers();
                    denominatorYear = denominatorYear == null ? d.year() : Math.max(denominatorYear, d.year());
                    estimated |= d.estimated();
                }
            }
            Target t = target(region, year);
            Integer coverage = workers == null ? null : CoverageDashboard.basisPoints(active, workers);
            Long gap = workers == null || t == null ? null : Math.max(0, needed(t.target(), workers) - active);
            return new Figure(active, workers, denominatorYear, estimated, coverage, t == null ? null : t.target(),
                    t == null ? null : t.year(), t != null && !ownTarget(region, year), gap);
        }

        /**
         * When the target is reached at the pace of the last (up to) twelve months of the trend, and the net monthly
         * enrolments needed to reach the target of the month's year (or the next year with a target) by its December.
         */
        Forecast forecast(String region, List<TrendPoint> trend, YearMonth month) {
            List<TrendPoint> upTo = new ArrayList<>(trend.stream().filter(p -> !p.month().isAfter(month)).toList());
            TrendPoint now = upTo.get(upTo.size() - 1);
            int paceMonths = Math.min(12, upTo.size() - 1);
            long change = paceMonths == 0 ? 0 : now.active() - upTo.get(upTo.size() - 1 - paceMonths).active();
            long pace = paceMonths == 0 ? 0 : Math.round((double) change / paceMonths);
            Integer targetYear = nextTargetYear(region, month.getYear());
            if (targetYear == null) {
                return new Forecast(pace, paceMonths, false, null, null, null, null);
            }
            Target t = target(region, targetYear);
            Long workers = null;
            for (CoverageSegment s : CoverageSegment.values()) {
                Denominator d = denominator(region, s, targetYear);
                if (d != null) {
                    workers = (workers == null ? 0 : workers) + d.workers();
                }
            }
            if (t == null || workers == null) {
                return new Forecast(pace, paceMonths, false, null, targetYear, t == null ? null : t.target(), null);
            }
            long gap = needed(t.target(), workers) - now.active();
            if (gap <= 0) {
                return new Forecast(pace, paceMonths, true, null, targetYear, t.target(), 0L);
            }
            long monthsToGo = change <= 0 ? Long.MAX_VALUE : ceilDiv(gap * paceMonths, change);
            YearMonth reached = monthsToGo > LAST_FORECAST_YEAR * 12L - (month.getYear() * 12L + month.getMonthValue())
                    ? null : month.plusMonths(monthsToGo);
            long monthsLeft = Math.max(1, targetYear * 12L + 12
                    - (month.getYear() * 12L + month.getMonthValue()));
            return new Forecast(pace, paceMonths, false, reached, targetYear, t.target(),
                    ceilDiv(gap, monthsLeft));
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
