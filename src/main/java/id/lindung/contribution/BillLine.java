package id.lindung.contribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One line of a bill or quote: a programme's contribution, a discount (negative) or a late fine, with the base and
 * percentages used, each payer's amount, and the rules applied with their legal basis.
 */
public record BillLine(
        int lineNo,
        String programme,
        String kind,
        @Nullable Long base,
        @Nullable BigDecimal employerPct,
        @Nullable BigDecimal workerPct,
        long employerAmount,
        long workerAmount,
        String ruleRef,
        List<RateRule> rules) {

    public BillLine {
        rules = List.copyOf(rules);
    }

    @JsonProperty
    public long amount() {
        return employerAmount + workerAmount;
    }

    @JsonProperty
    public boolean unconfirmed() {
        return rules.stream().anyMatch(RateRule::unconfirmed);
    }
}
