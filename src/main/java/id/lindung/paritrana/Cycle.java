package id.lindung.paritrana;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An award cycle: the award year, its category, the year whose figures are judged, where it stands, its indicators
 * with their weights (in position order) and its entrants (by region code, then name).
 */
public record Cycle(
        long id,
        int year,
        Category category,
        int evaluationYear,
        CycleStatus status,
        String createdBy,
        Instant createdAt,
        @Nullable Instant closedAt,
        List<Weight> indicators,
        List<Entrant> entrants) {

    /**
     * An indicator of the cycle and its weight in points; an entrant's contribution from it is its score × weight /
     * the sum of the cycle's weights.
     *
     * @param weightUnconfirmed true while the weight is Lindung's default (the published weights are unknown)
     */
    public record Weight(
            Indicator code,
            Indicator.Source source,
            Indicator.Unit unit,
            Indicator.Scale scale,
            int position,
            int weight,
            boolean weightUnconfirmed,
            String note,
            String updatedBy,
            Instant updatedAt) {}

    /** The sum of the weights (a contribution's denominator). */
    public int weightTotal() {
        return indicators.stream().mapToInt(Weight::weight).sum();
    }
}
