package id.lindung.claim;

import id.lindung.claim.benefit.BenefitRule;
import id.lindung.claim.benefit.BenefitRules;
import id.lindung.claim.benefit.DisabilityRow;
import org.springframework.stereotype.Component;

/**
 * The benefit engine's figures as a whole, for administrators: how many rows of the benefit rules and the disability
 * table are marked unconfirmed (corrected by pointing {@code lindung.claim.benefit-rules} or
 * {@code lindung.claim.disability-table} at a corrected file; the rows are {@code GET /api/claim-rules}).
 */
@Component
public class ClaimRules {

    private final BenefitRules rules;

    ClaimRules(BenefitRules rules) {
        this.rules = rules;
    }

    /** Rows of the benefit rules and the disability table marked unconfirmed. */
    public long unconfirmed() {
        return rules.rules().stream().filter(BenefitRule::unconfirmed).count()
                + rules.disabilityTable().stream()
                        .filter(DisabilityRow::unconfirmed)
                        .count();
    }
}
