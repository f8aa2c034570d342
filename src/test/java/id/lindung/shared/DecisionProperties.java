package id.lindung.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

/** What every workflow decision must satisfy, for the property tests of the workflows. */
public final class DecisionProperties {

    private DecisionProperties() {}

    /**
     * A decision on a change of {@code kind} agrees with what the page offers: allowed, so offered; refused while
     * offered, only for its input; refused while not offered, naming a rule of the record or the actor. A refusal
     * names its rules: a 403, 404 or 409 rule alone, else only 422 rules.
     */
    public static <K> void agreesWithTheOffer(Decision<?> decision, K kind, Set<K> offered) {
        if (decision.allowed()) {
            assertThat(offered).as("%s allowed, so offered", kind).contains(kind);
            return;
        }
        List<Decision.Breach> breaches = decision.breaches();
        if (offered.contains(kind)) {
            assertThat(breaches)
                    .as("%s offered, so refused only for its input", kind)
                    .allMatch(b -> b.rule().input());
        } else {
            assertThat(breaches)
                    .as("%s not offered, so a rule of the record or the actor refuses", kind)
                    .anyMatch(b -> !b.rule().input());
        }
        if (breaches.get(0).rule().answer() != Decision.Answer.INVALID) {
            assertThat(breaches).hasSize(1);
        } else {
            assertThat(breaches).allMatch(b -> b.rule().answer() == Decision.Answer.INVALID);
        }
    }
}
