package id.lindung.coverage;

import id.lindung.enrolment.Channel;
import java.time.LocalDate;
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
 * @param publication for a month that has ended: when it was published and its revisions since ({@code null} for
 *        the current month); the figures above are then the published ones
 */
public record CoverageDashboard(
        RegionRef region,
        YearMonth month,
        YearMonth firstMonth,
        YearMonth latestMonth,
        Figure total,
        List<SegmentFigure> segments,
        List<ChannelFigure> channels,
        List<ChildFigure> children,
        List<TrendPoint> trend,
        Forecast forecast,
        KurFigure kur,
        @Nullable Publication publication) {

    /**
     * How a month that has ended was published and revised since. The dashboard's figures of such a month are the
     * published ones; later payments, back-dated enrolments and lapses show here, never as a silent rewrite.
     *
     * @param publishedOn the business day the month was published (the first rebuild after it ended)
     * @param published protected workers of the region as published
     * @param asKnownNow the same count as known now (published plus every revision)
     * @param revisions each day on which the count changed, oldest first
     */
    public record Publication(LocalDate publishedOn, long published, long asKnownNow, List<Revision> revisions) {}

    /** The region's count of a published month changed on {@code detectedOn} from {@code before} to {@code after}. */
    public record Revision(LocalDate detectedOn, long before, long after) {}

    /** {@code active / workers} in basis points of a percent, half up (607,426 of 1,665,422 = 3647). */
    public static int basisPoints(long active, long workers) {
        return (int) ((active * 20_000L + workers) / (2 * workers));
    }

    /** A region: code, name and level ({@code PROVINCE}, {@code KABKOTA}, {@code KECAMATAN}). */
    public record RegionRef(
            String code,
            String name,
            String level,
            @Nullable String parentCode) {}

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
     * @param withoutDenominator segments that have no denominator for the year (none published for it or before
     *        it): their workers ({@code activeWithoutDenominator}) are in {@code active} but not in the coverage
     * @param targetSource how the target was found (set, interpolated, carried forward), {@code null} without one
     */
    public record Figure(
            long active,
            @Nullable Long denominator,
            @Nullable Integer denominatorYear,
            boolean denominatorEstimated,
            @Nullable Integer coverage,
            @Nullable Integer target,
            @Nullable Integer targetYear,
            boolean targetInherited,
            @Nullable Long gap,
            List<CoverageSegment> withoutDenominator,
            long activeWithoutDenominator,
            @Nullable TargetSource targetSource) {}

    /** How a year's target was found. */
    public enum TargetKind {
        /** set for that year */
        SET,
        /** between the dated targets before and after the year, in proportion to the years */
        INTERPOLATED,
        /** the latest dated target before the year, after which none is set */
        CARRIED_FORWARD
    }

    /**
     * Where a target comes from: set for the year, interpolated between {@code fromYear}/{@code fromTarget} and
     * {@code toYear}/{@code toTarget}, or carried forward from {@code fromYear}; {@code regionCode} is the region whose
     * targets were used (the region's own, or a region above it).
     */
    public record TargetSource(
            TargetKind kind,
            String regionCode,
            @Nullable Integer fromYear,
            @Nullable Integer fromTarget,
            @Nullable Integer toYear,
            @Nullable Integer toTarget) {}

    public record SegmentFigure(CoverageSegment segment, Figure figure) {}

    public record ChannelFigure(Channel channel, long active) {}

    public record ChildFigure(RegionRef region, Figure figure) {}

    /** Active and coverage of a month, with the target of its year (basis points, may be null). */
    public record TrendPoint(
            YearMonth month,
            long active,
            @Nullable Long denominator,
            @Nullable Integer coverage,
            @Nullable Integer target) {}

    /**
     * The pace and what it leads to.
     *
     * @param pacePerMonth average net change of active memberships per month over the last {@code paceMonths}
     * @param reachedMonth the month the target is reached at that pace ({@code null} if not before 2100 at that
     *        pace, or already reached: see {@code reached})
     * @param targetYear the year of the target the forecast aims at (the month's year, or the next year with a target)
     * @param neededPerMonth net new protected workers needed each of the {@code monthsLeft} months to reach the
     *        target of {@code targetYear} by its December
     * @param monthsLeft the months still to come after the month shown (the month itself too while it runs) up to
     *        December of {@code targetYear}; a December that has ended aims at the next year
     */
    public record Forecast(
            long pacePerMonth,
            int paceMonths,
            boolean reached,
            @Nullable YearMonth reachedMonth,
            @Nullable Integer targetYear,
            @Nullable Integer targetOfYear,
            @Nullable Long neededPerMonth,
            int monthsLeft) {}

    /**
     * KUR borrowers in the region as people (by the NIK's index: two loans of one borrower are one person, counted
     * in the region of the latest loan) and those protected in the current month by the contribution rule
     * ({@code contribution_protected_month_v}, a membership with JKK).
     */
    public record KurFigure(long borrowers, long protectedNow) {}
}
