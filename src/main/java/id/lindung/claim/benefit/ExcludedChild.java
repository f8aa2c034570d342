package id.lindung.claim.benefit;

/** A child who gets no scholarship, with the rule. */
public record ExcludedChild(Child child, Refusal reason) {}
