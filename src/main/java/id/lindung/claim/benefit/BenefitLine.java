package id.lindung.claim.benefit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One amount of a benefit, whole rupiah, already rounded ({@link Rupiah#round}): {@code code} says what it is,
 * {@code messageKey} + {@code args} name it in the user's language, {@code formula} shows how it was computed (e.g.
 * {@code 60% × 80 × Rp1.000.000}), {@code legalBasis} the basis of the rows used (distinct, joined by "; "),
 * {@code ruleValidFrom} the latest {@code valid_from} among them, {@code unconfirmed} whether any of them is
 * unconfirmed, {@code ruleRefs} which rows ({@code KEY@valid_from}, {@code disability:CODE@valid_from}).
 */
public record BenefitLine(
        String code,
        String messageKey,
        List<Object> args,
        long amount,
        String formula,
        String legalBasis,
        LocalDate ruleValidFrom,
        boolean unconfirmed,
        List<String> ruleRefs) {

    public BenefitLine {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(formula, "formula");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(ruleValidFrom, "ruleValidFrom");
        args = List.copyOf(args);
        ruleRefs = List.copyOf(ruleRefs);
        if (amount < 0) {
            throw new IllegalArgumentException(code + ": negative amount " + amount);
        }
    }
}
