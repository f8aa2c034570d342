package id.lindung.paritrana;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What is held about an entrant: the evidence entered and the jurors' scores. */
public record EntrantFile(Entrant entrant, List<Evidence> evidence, List<JuryScore> scores) {

    /** A value declared for an indicator, with the document it rests on. */
    public record Evidence(Indicator code, long value, String document, String enteredBy, Instant enteredAt) {}

    /** One juror's score of an indicator. */
    public record JuryScore(
            Indicator code,
            String juror,
            int score,
            @Nullable String note,
            Instant scoredAt) {}
}
