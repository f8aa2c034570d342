package id.lindung.claim.benefit;

import java.time.LocalDate;

/** No row of {@code ruleKey} is valid at {@code date} (the event is older than every row of that rule). */
public class MissingRuleException extends RuntimeException {

    private final String ruleKey;
    private final LocalDate date;

    public MissingRuleException(String ruleKey, LocalDate date) {
        super("no benefit rule " + ruleKey + " valid on " + date);
        this.ruleKey = ruleKey;
        this.date = date;
    }

    public String ruleKey() {
        return ruleKey;
    }

    public LocalDate date() {
        return date;
    }
}
