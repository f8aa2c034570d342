package id.lindung.claim.benefit;

import org.jspecify.annotations.Nullable;

/** The answer to a yearly scholarship claim: the payable line, or the refusal naming its rule. */
public record ScholarshipDecision(
        @Nullable BenefitLine line, @Nullable Refusal refusal) {

    public ScholarshipDecision {
        if ((line == null) == (refusal == null)) {
            throw new IllegalArgumentException("exactly one of line and refusal");
        }
    }

    public boolean payable() {
        return line != null;
    }

    public long amount() {
        return line == null ? 0 : line.amount();
    }
}
