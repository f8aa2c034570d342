package id.lindung.claim.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One dated row of {@code claim/benefit-rules.csv}: the figure {@code value} (in {@code key.unit()}) applies to events
 * from {@code validFrom} until the next row of the same key. {@code unconfirmed}: the figure is not confirmed in the
 * domain reference's sources.
 */
public record BenefitRule(
        RuleKey key,
        LocalDate validFrom,
        BigDecimal value,
        String legalBasis,
        String source,
        boolean unconfirmed,
        @Nullable String note) {

    public BenefitRule {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(source, "source");
        if (value.signum() < 0) {
            throw new IllegalArgumentException(key + " " + validFrom + ": negative value " + value);
        }
        if (key.unit().integral() && value.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(key + " " + validFrom + ": " + key.unit() + " must be whole: " + value);
        }
        if (legalBasis.isBlank()) {
            throw new IllegalArgumentException(key + " " + validFrom + ": legal basis is required");
        }
    }

    /** The value as whole rupiah, months, years, days or a count. */
    public long longValue() {
        return value.longValueExact();
    }

    public int intValue() {
        return value.intValueExact();
    }

    /** Short reference for a stored line, e.g. {@code JKK_FUNERAL@2019-12-02}. */
    public String ref() {
        return key + "@" + validFrom;
    }
}
