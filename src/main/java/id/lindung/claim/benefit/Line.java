package id.lindung.claim.benefit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Builds a {@link BenefitLine} from the rule rows it uses: their legal basis, latest date, flags and refs. */
final class Line {

    private final String code;
    private final String messageKey;
    private final List<Object> args;
    private final Set<String> bases = new LinkedHashSet<>();
    private final List<String> refs = new ArrayList<>();
    private LocalDate validFrom = LocalDate.MIN;
    private boolean unconfirmed;

    private Line(String code, String messageKey, List<Object> args) {
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
    }

    /** A line whose i18n key is {@code claim.line.CODE}. */
    static Line of(String code, Object... args) {
        return new Line(code, "claim.line." + code, List.of(args));
    }

    Line uses(BenefitRule... rules) {
        for (BenefitRule r : rules) {
            use(r.legalBasis(), r.validFrom(), r.unconfirmed(), r.ref());
        }
        return this;
    }

    Line uses(DisabilityRow row) {
        use(row.legalBasis(), row.validFrom(), row.unconfirmed(), row.ref());
        return this;
    }

    private void use(String basis, LocalDate from, boolean flag, String ref) {
        bases.add(basis);
        if (from.isAfter(validFrom)) {
            validFrom = from;
        }
        unconfirmed |= flag;
        if (!refs.contains(ref)) {
            refs.add(ref);
        }
    }

    BenefitLine amount(long amount, String formula) {
        if (refs.isEmpty()) {
            throw new IllegalStateException(code + ": a line needs at least one rule row");
        }
        return new BenefitLine(
                code, messageKey, args, amount, formula, String.join("; ", bases), validFrom, unconfirmed, refs);
    }
}
