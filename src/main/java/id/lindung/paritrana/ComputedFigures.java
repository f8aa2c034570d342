package id.lindung.paritrana;

import id.lindung.access.LindungUser;
import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboards;
import id.lindung.coverage.CoverageReadModel;
import id.lindung.enrolment.Channel;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import java.sql.Date;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indicators computed from the coverage module, never typed in: per regional entrant the coverage (basis points)
 * at the reference month, its growth over the same month a year earlier, and the active memberships of channel
 * {@link Channel#GOV_SPONSOR} (vulnerable workers whose contributions a government pays; the enrolment module's
 * enum, so that renaming the channel breaks the compilation here rather than making the figure 0). The reference month is December of the
 * evaluation year, or the latest month the read model holds when December is still ahead; a month the read model
 * does not hold (it keeps 36 months), or a region without a denominator, gives "no data" rather than a guess.
 * The figures of a month that has ended are the coverage module's published ones (the dashboard shows those): a
 * payment, a back-dated enrolment or a lapse after the month was published is a dated revision there and moves no
 * rank here. A closed cycle reads the figures frozen when it closed.
 */
@Component
class ComputedFigures {

    /** The figures of a cycle's entrants: by entrant id, the indicators that have a value. */
    record Figures(@Nullable YearMonth referenceMonth, boolean frozen, Map<Long, Map<Indicator, Long>> values) {

        @Nullable
        Long value(long entrantId, Indicator code) {
            return values.getOrDefault(entrantId, Map.of()).get(code);
        }
    }

    private final CoverageDashboards dashboards;
    private final CoverageReadModel readModel;
    private final JdbcClient jdbc;

    ComputedFigures(CoverageDashboards dashboards, CoverageReadModel readModel, JdbcClient jdbc) {
        this.dashboards = dashboards;
        this.readModel = readModel;
        this.jdbc = jdbc;
    }

    /** The cycle's figures: frozen for a closed cycle, computed now otherwise. */
    Figures of(Cycle cycle) {
        if (cycle.status() == CycleStatus.CLOSED) {
            return frozen(cycle);
        }
        return compute(cycle);
    }

    /** Stores the figures as they are now, for a cycle about to close. */
    void freeze(Cycle cycle) {
        Figures f = compute(cycle);
        List<Indicator> computed = cycle.indicators().stream()
                .map(Cycle.Weight::code)
                .filter(c -> c.source() == Indicator.Source.COVERAGE)
                .toList();
        for (Entrant e : cycle.entrants()) {
            for (Indicator code : computed) {
                jdbc.sql("""
                        INSERT INTO paritrana_frozen_figure (participant_id, code, value, reference_month)
                        VALUES (?, ?, ?, ?)
                        ON CONFLICT (participant_id, code) DO UPDATE
                           SET value = excluded.value, reference_month = excluded.reference_month""")
                        .params(
                                e.id(),
                                code.name(),
                                f.value(e.id(), code),
                                f.referenceMonth() == null
                                        ? null
                                        : Date.valueOf(f.referenceMonth().atDay(1)))
                        .update();
            }
        }
    }

    private Figures frozen(Cycle cycle) {
        Map<Long, Map<Indicator, Long>> values = new HashMap<>();
        YearMonth[] month = {null};
        jdbc.sql("""
                SELECT f.participant_id, f.code, f.value, f.reference_month FROM paritrana_frozen_figure f
                  JOIN paritrana_participant p ON p.id = f.participant_id WHERE p.cycle_id = ?""").param(cycle.id()).query(rs -> {
            long value = rs.getLong(3);
            if (!rs.wasNull()) {
                values.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Indicator.class))
                        .put(Indicator.valueOf(rs.getString(2)), value);
            }
            Date d = rs.getDate(4);
            if (d != null) {
                month[0] = YearMonth.from(d.toLocalDate());
            }
        });
        return new Figures(month[0], true, values);
    }

    private Figures compute(Cycle cycle) {
        YearMonth reference = referenceMonth(cycle.evaluationYear());
        Map<Long, Map<Indicator, Long>> values = new HashMap<>();
        if (!cycle.category().regional() || reference == null) {
            return new Figures(reference, false, values);
        }
        for (Entrant e : cycle.entrants()) {
            Map<Indicator, Long> v = new EnumMap<>(Indicator.class);
            CoverageDashboard now = dashboard(e.regionCode(), reference);
            CoverageDashboard before = dashboard(e.regionCode(), reference.minusYears(1));
            if (now != null) {
                Integer coverage = now.total().coverage();
                if (coverage != null) {
                    v.put(Indicator.COVERAGE_RATE, coverage.longValue());
                    Integer earlier = before == null ? null : before.total().coverage();
                    if (earlier != null) {
                        v.put(Indicator.COVERAGE_GROWTH, (long) coverage - earlier);
                    }
                }
                v.put(
                        Indicator.VULNERABLE_SPONSORED,
                        now.channels().stream()
                                .filter(c -> c.channel() == Channel.GOV_SPONSOR)
                                .mapToLong(CoverageDashboard.ChannelFigure::active)
                                .sum());
            }
            values.put(e.id(), v);
        }
        return new Figures(reference, false, values);
    }

    /** December of the evaluation year, or the latest month held if earlier; null if none of the year is held. */
    private @Nullable YearMonth referenceMonth(int evaluationYear) {
        YearMonth[] window = readModel.months().orElse(null);
        if (window == null) {
            return null;
        }
        YearMonth december = YearMonth.of(evaluationYear, 12);
        YearMonth month = december.isAfter(window[1]) ? window[1] : december;
        return month.getYear() == evaluationYear && !month.isBefore(window[0]) ? month : null;
    }

    private @Nullable CoverageDashboard dashboard(String region, YearMonth month) {
        try {
            return dashboards.dashboard(region, month, LindungUser.SYSTEM);
        } catch (InvalidInputException | NotFoundException e) {
            return null; // a month outside the read model's window, or no read model yet: no data
        }
    }
}
