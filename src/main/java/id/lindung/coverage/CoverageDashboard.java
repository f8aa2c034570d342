package id.lindung.coverage;

import id.lindung.enrolment.Channel;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything the coverage dashboard shows for one region and month. Percentages are in basis points of a percent
 * (3647 = 36.47%); worker counts are whole numbers. A coverage is {@code null} where the region has no denominator.
 *
 * @param region the region shown (province, kab/kota or kecamatan)
 * @param month the month shown; {@code latestMonth} the newest month the read model holds
 * @param total active memberships of all three segments against the sum of their denominators
 * @param segments one row per segment
 * @param channels active memberships per enrolment channel (all segments)
 * @param children the next level down (kab/kota of a province, kecamatan of a kab/kota; none below), ordered by
 *        coverage, highest first (regions without a denominator last)
 * @param trend the last months up to {@code month}, oldest first
 * @param forecast when the target is reached at the current pace
 * @param kur KUR borrowers of the region and how many are protected now
 */
public record CoverageDashboard(RegionRef region, YearMonth month, YearMonth firstMonth, YearMonth latestMonth,
        Figure total, List<SegmentFigure> segments, List<ChannelFigure> channels, List<ChildFigure> children,
        List<TrendPoint> trend, Forecast forecast, KurFigure kur) {

    /** {@code active / workers} in basis points of a percent, half up (607,426 of 1,665,422 = 3647). */
    public static int basisPoints(long active, long workers) {
        return (int) ((active * 20_000L + workers) / (2 * workers));
    }

    /** A region: code, name and level ({@code PROVINCE}, {@code KABKOTA}, {@code KECAMATAN}). */
    public record RegionRef(String code, String name, String level, @Nullable String parentCode) {
    }

    /**
     * Active against the denominator and the target.
     *
     * @param denominator working population, or {@code null} if none is known for the region
     * @param denominatorYear the Sakernas year used (the latest up to the month's year)
     * @param denominatorEstimated true if any part of the denominator is an estimate (e.g. apportioned by population)
     * @param target the target of the month's year (basis points), the region's own or inherited from its parent
     * @param targetInherited true if the region has no target of its own for the year
     * @param gap workers still needed to reach the target (0 if reached), {@code null} without a denominator or
     *        target
     */
    public record Figure(long active, @Nullable Long denominator, @Nullable Integer denominatorYear,
            boolean denominatorEstimated, @Nullable Integer coverage, @Nullable Integer target,
            @Nullable Integer targetYear, boolean targetInherited, @Nullable Long gap) {
    }

    public record SegmentFigure(CoverageSegment segment, Figure figure) {
    }

    public record ChannelFigure(Channel channel, long active) {
    }

    public record ChildFigure(RegionRef region, Figure figure) {
    }

    /** Active and coverage of a month, with the target of its year (basis points, may be null). */
    public record TrendPoint(YearMonth month, long active, @Nullable Long denominator, @Nullable Integer coverage,
            @Nullable Integer target) {
    }

    /**
     * The pace and what it leads to.
     *
     * @param pacePerMonth average net change of active memberships per month over the last {@code paceMonths}
     * @param reachedMonth the month the target is reached at that pace ({@code null} if not before 2100 at that
     *        pace, or already reached: see {@code reached})
     * @param targetYear the year of the target the forecast aims at (the month's year, or the next year with a target)
     * @param neededPerMonth net new memberships needed each month from the next month to December of
     *        {@code targetYear} to reach its target
     */
    public record Forecast(long pacePerMonth, int paceMonths, boolean reached, @Nullable YearMonth reachedMonth,
            @Nullable Integer targetYear, @Nullable Integer targetOfYear, @Nullable Long neededPerMonth) {
    }

    /** KUR borrowers (distinct loans) in the region and those protected now. */
    public record KurFigure(long borrowers, long protectedNow) {
    }
}
