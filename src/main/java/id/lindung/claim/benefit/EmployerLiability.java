package id.lindung.claim.benefit;

import java.util.Objects;

/**
 * A claim the worker is owed although the programme did not protect them that day, because the employer had not
 * registered them yet or was beyond the arrears grace: the engine computes the benefit as the programme's and names
 * the employer as the payer, by the rule row ({@link RuleKey#EMPLOYER_LIABLE_UNREGISTERED},
 * {@link RuleKey#EMPLOYER_LIABLE_ARREARS}) valid on the event date. Without such a row the refusal stands.
 */
public record EmployerLiability(
        MemberFacts.EmployerDefault reason, String legalBasis, boolean unconfirmed, String ruleRef) {

    public EmployerLiability {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(ruleRef, "ruleRef");
        if (reason == MemberFacts.EmployerDefault.NONE) {
            throw new IllegalArgumentException("an employer liability has a reason");
        }
    }

    /** i18n key of the explanation, e.g. {@code claim.employer-liable.ARREARS}. */
    public String messageKey() {
        return "claim.employer-liable." + reason.name();
    }
}
