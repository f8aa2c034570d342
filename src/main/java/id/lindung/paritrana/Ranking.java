package id.lindung.paritrana;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ranking of a cycle, every total explained: per entrant and indicator the raw value, its score (0–100), the
 * weight and the contribution (score × weight / {@code weightTotal}, four decimals); the total is the exact sum of the
 * contributions. Order: total, highest first; equal totals by the scores in indicator order (coverage rate first for
 * regions), then by region code and name. {@code decidedBy} of a row says what put it above the next row when both
 * have the same total.
 *
 * @param referenceMonth the month the coverage figures are read at (December of the evaluation year, or the latest
 *        month held); {@code null} when the read model holds no month of the evaluation year
 * @param frozen true for a closed cycle: the coverage figures are those of the moment it closed
 */
public record Ranking(
        Cycle cycle, @Nullable YearMonth referenceMonth, boolean frozen, int weightTotal, List<Row> rows) {

    /** An entrant's place and how its total is made. */
    public record Row(
            int rank,
            Entrant entrant,
            BigDecimal total,
            List<Line> lines,
            @Nullable String decidedBy) {

        /** The line of an indicator. */
        public Line line(Indicator code) {
            return lines.stream().filter(l -> l.code() == code).findFirst().orElseThrow();
        }
    }

    /**
     * One indicator of an entrant.
     *
     * @param raw the value (basis points, count, rupiah, 0/1, or the jurors' average rounded), {@code null}: no data
     * @param best the best value among the entrants (for {@code SHARE_OF_BEST}), {@code null} otherwise or if none
     * @param jurors how many jurors scored it (jury indicators)
     * @param score 0–100, two decimals; 0 without data
     * @param contribution score × weight / weight total, four decimals
     */
    public record Line(
            Indicator code,
            Indicator.Scale scale,
            @Nullable Long raw,
            @Nullable Long best,
            int jurors,
            BigDecimal score,
            int weight,
            BigDecimal contribution) {

        public boolean noData() {
            return raw == null;
        }
    }
}
