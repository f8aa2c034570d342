package id.lindung.claim.benefit;

import java.util.List;
import java.util.Objects;

/** A refusal names its rule: the code, the i18n key with its arguments, and the legal basis. */
public record Refusal(String code, String messageKey, String legalBasis, List<Object> args) {

    public Refusal {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(legalBasis, "legalBasis");
        args = List.copyOf(args);
    }

    public static Refusal of(RefusalCode code, Object... args) {
        return new Refusal(code.name(), code.messageKey(), code.legalBasis(), List.of(args));
    }

    /** A refusal that comes from a rule row: the row's legal basis. */
    public static Refusal byRule(RefusalCode code, BenefitRule rule, Object... args) {
        return new Refusal(code.name(), code.messageKey(), rule.legalBasis(), List.of(args));
    }

    static Refusal ruleMissing(MissingRuleException e) {
        return of(RefusalCode.RULE_MISSING, e.ruleKey(), e.date());
    }

    public boolean is(RefusalCode c) {
        return code.equals(c.name());
    }
}
