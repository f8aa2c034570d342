package id.lindung.claim.benefit;

import id.lindung.shared.Indonesian;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Whole rupiah: the engine's one rounding rule and the Indonesian formatting of amounts in formula texts.
 *
 * <p><b>Rounding.</b> Amounts are computed exactly ({@code BigDecimal}: percent × multiplier × wage × months) and
 * rounded once, half up, at the end of each {@link BenefitLine} — the same rule as the contribution module
 * (docs/decisions.md "Rounding to whole rupiah"). A total is the sum of already rounded lines, never rounded again.
 */
public final class Rupiah {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rupiah() {}

    /** The one rounding rule: to whole rupiah, half up. */
    public static long round(BigDecimal exact) {
        return exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** {@code pct}% of {@code amount}, exact (not rounded). */
    static BigDecimal percentOf(BigDecimal pct, BigDecimal amount) {
        return pct.multiply(amount).divide(HUNDRED);
    }

    /** {@code 1000000} → {@code Rp1.000.000} (Indonesian grouping). */
    public static String format(long amount) {
        return Indonesian.rupiah(amount);
    }

    /** {@code 4.50} → {@code 4,5%} (Indonesian decimal comma, no trailing zeros). */
    public static String percent(BigDecimal pct) {
        return number(pct) + "%";
    }

    /** {@code 80} → {@code 80}; {@code 3.5} → {@code 3,5}. */
    public static String number(BigDecimal n) {
        return Indonesian.plain(n);
    }
}
