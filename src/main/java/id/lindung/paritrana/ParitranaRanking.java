package id.lindung.paritrana;

import id.lindung.paritrana.Cycle.Weight;
import id.lindung.paritrana.Ranking.Line;
import id.lindung.paritrana.Ranking.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ranking of a cycle. Each indicator's raw value (computed from coverage, entered as evidence, or the jurors'
 * average) becomes a score of 0–100 by its {@link Indicator.Scale}, within the cycle: {@code SHARE_OF_BEST} is the
 * value as a share of the best entrant's (zero or less: 0), {@code YES_NO} 100 or 0, {@code JURY_AVERAGE} the
 * average of the jurors' scores. No data scores 0. A contribution is score × weight / the sum of the weights,
 * rounded to four decimals; the total is the sum of the contributions, so the breakdown always adds up.
 * Equal totals are ordered by the scores in indicator order (for regions: coverage rate first, then its growth, …),
 * then by region code and name: the same inputs give the same order every time.
 */
@Service
public class ParitranaRanking {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ParitranaCycles cycles;
    private final ComputedFigures computed;
    private final JdbcClient jdbc;

    ParitranaRanking(ParitranaCycles cycles, ComputedFigures computed, JdbcClient jdbc) {
        this.cycles = cycles;
        this.computed = computed;
        this.jdbc = jdbc;
    }

    /** The ranking of a cycle, every row with its breakdown. Everyone signed in may read it. */
    @Transactional(readOnly = true)
    public Ranking ranking(long cycleId) {
        Cycle cycle = cycles.get(cycleId);
        ComputedFigures.Figures figures = computed.of(cycle);
        Map<Long, Map<Indicator, Long>> evidence = evidence(cycleId);
        Map<Long, Map<Indicator, long[]>> jury = jury(cycleId);

        // raw values per entrant and indicator (null: no data); jury averages kept exact for the score
        Map<Long, Map<Indicator, Long>> raw = new HashMap<>();
        Map<Long, Map<Indicator, BigDecimal>> juryAverage = new HashMap<>();
        for (Entrant e : cycle.entrants()) {
            Map<Indicator, Long> r = new EnumMap<>(Indicator.class);
            for (Weight w : cycle.indicators()) {
                Indicator code = w.code();
                switch (code.source()) {
                    case COVERAGE -> r.put(code, figures.value(e.id(), code));
                    case EVIDENCE ->
                        r.put(code, evidence.getOrDefault(e.id(), Map.of()).get(code));
                    case JURY -> {
                        long[] sumAndCount = jury.getOrDefault(e.id(), Map.of()).get(code);
                        if (sumAndCount != null) {
                            BigDecimal avg = BigDecimal.valueOf(sumAndCount[0])
                                    .divide(BigDecimal.valueOf(sumAndCount[1]), 2, RoundingMode.HALF_UP);
                            juryAverage
                                    .computeIfAbsent(e.id(), k -> new EnumMap<>(Indicator.class))
                                    .put(code, avg);
                            r.put(code, avg.setScale(0, RoundingMode.HALF_UP).longValue());
                        } else {
                            r.put(code, null);
                        }
                    }
                }
            }
            raw.put(e.id(), r);
        }
        Map<Indicator, Long> best = new EnumMap<>(Indicator.class);
        for (Weight w : cycle.indicators()) {
            cycle.entrants().stream()
                    .map(e -> Objects.requireNonNull(raw.get(e.id())).get(w.code()))
                    .filter(v -> v != null)
                    .max(Long::compare)
                    .ifPresent(v -> best.put(w.code(), v));
        }

        int weightTotal = cycle.weightTotal();
        List<Row> rows = new ArrayList<>();
        for (Entrant e : cycle.entrants()) {
            List<Line> lines = new ArrayList<>();
            BigDecimal total = BigDecimal.ZERO.setScale(4);
            for (Weight w : cycle.indicators()) {
                Indicator code = w.code();
                Long value = Objects.requireNonNull(raw.get(e.id())).get(code); // put for every entrant above
                long[] sumAndCount = jury.getOrDefault(e.id(), Map.of()).get(code);
                BigDecimal score = score(
                        code,
                        value,
                        best.get(code),
                        juryAverage.getOrDefault(e.id(), Map.of()).get(code));
                BigDecimal contribution = weightTotal == 0
                        ? BigDecimal.ZERO.setScale(4)
                        : score.multiply(BigDecimal.valueOf(w.weight()))
                                .divide(BigDecimal.valueOf(weightTotal), 4, RoundingMode.HALF_UP);
                total = total.add(contribution);
                lines.add(new Line(
                        code,
                        code.scale(),
                        value,
                        code.scale() == Indicator.Scale.SHARE_OF_BEST ? best.get(code) : null,
                        sumAndCount == null ? 0 : (int) sumAndCount[1],
                        score,
                        w.weight(),
                        contribution));
            }
            rows.add(new Row(0, e, total, lines, null));
        }
        rows.sort(ORDER);
        List<Row> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            String decidedBy = i + 1 < rows.size() ? decidedBy(r, rows.get(i + 1)) : null;
            ranked.add(new Row(i + 1, r.entrant(), r.total(), r.lines(), decidedBy));
        }
        return new Ranking(cycle, figures.referenceMonth(), figures.frozen(), weightTotal, ranked);
    }

    /** Total, highest first; then the scores in indicator order; then region code and name. */
    static final Comparator<Row> ORDER = (a, b) -> {
        int byTotal = b.total().compareTo(a.total());
        if (byTotal != 0) {
            return byTotal;
        }
        for (int i = 0; i < a.lines().size(); i++) {
            int byScore = b.lines().get(i).score().compareTo(a.lines().get(i).score());
            if (byScore != 0) {
                return byScore;
            }
        }
        return Comparator.comparing((Row r) -> r.entrant().regionCode())
                .thenComparing(r -> r.entrant().name())
                .thenComparingLong(r -> r.entrant().id())
                .compare(a, b);
    };

    /** What placed {@code above} before {@code below} when their totals are equal: an indicator, or "ENTRANT". */
    private static @Nullable String decidedBy(Row above, Row below) {
        if (above.total().compareTo(below.total()) != 0) {
            return null;
        }
        for (int i = 0; i < above.lines().size(); i++) {
            if (above.lines().get(i).score().compareTo(below.lines().get(i).score()) != 0) {
                return above.lines().get(i).code().name();
            }
        }
        return "ENTRANT";
    }

    /** The score of 0–100 (two decimals) of a raw value; 0 without data. */
    static BigDecimal score(
            Indicator code, @Nullable Long value, @Nullable Long best, @Nullable BigDecimal juryAverage) {
        if (value == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return switch (code.scale()) {
            case SHARE_OF_BEST ->
                value <= 0 || best == null || best <= 0
                        ? BigDecimal.ZERO.setScale(2)
                        : BigDecimal.valueOf(value)
                                .multiply(HUNDRED)
                                .divide(BigDecimal.valueOf(best), 2, RoundingMode.HALF_UP);
            case YES_NO -> value > 0 ? HUNDRED.setScale(2) : BigDecimal.ZERO.setScale(2);
            case JURY_AVERAGE -> juryAverage == null ? BigDecimal.ZERO.setScale(2) : juryAverage;
        };
    }

    private Map<Long, Map<Indicator, Long>> evidence(long cycleId) {
        Map<Long, Map<Indicator, Long>> evidence = new HashMap<>();
        jdbc.sql("""
                SELECT v.participant_id, v.code, v.value FROM paritrana_evidence v
                  JOIN paritrana_participant p ON p.id = v.participant_id WHERE p.cycle_id = ?""").param(cycleId).query(rs -> {
            evidence.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Indicator.class))
                    .put(Indicator.valueOf(rs.getString(2)), rs.getLong(3));
        });
        return evidence;
    }

    /** Per entrant and jury indicator: the sum of the scores and how many jurors gave one. */
    private Map<Long, Map<Indicator, long[]>> jury(long cycleId) {
        Map<Long, Map<Indicator, long[]>> jury = new HashMap<>();
        jdbc.sql("""
                SELECT s.participant_id, s.code, sum(s.score), count(*) FROM paritrana_jury_score s
                  JOIN paritrana_participant p ON p.id = s.participant_id WHERE p.cycle_id = ?
                 GROUP BY s.participant_id, s.code""").param(cycleId).query(rs -> {
            jury.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(Indicator.class))
                    .put(Indicator.valueOf(rs.getString(2)), new long[] {rs.getLong(3), rs.getLong(4)});
        });
        return jury;
    }
}
