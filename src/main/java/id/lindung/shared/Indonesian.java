package id.lindung.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Numbers the Indonesian way, the one formatter of the pure engines and the web layer alike: thousands with a dot
 * ({@code 1.234.567}), a decimal comma ({@code 36,47}), rupiah as {@code Rp1.234.567}. English pages keep these
 * numbers (that is what the figures look like in every Indonesian source) and get English month names: see
 * {@link #formatLocale(Locale)}. A plain class, no Spring: {@code claim.benefit} uses it.
 */
public final class Indonesian {

    /** Indonesian as spoken in Indonesia: the language of the pages and the grouping of numbers. */
    public static final Locale LOCALE = Locale.forLanguageTag("id-ID");

    private Indonesian() {}

    /** A whole number with the dot grouping: {@code 1234567} gives {@code 1.234.567} (a fraction is rounded). */
    public static String number(Number n) {
        return NumberFormat.getIntegerInstance(LOCALE).format(n);
    }

    /** {@code Rp1.234.567}; a negative amount {@code Rp-5.000}. */
    public static String rupiah(Number amount) {
        return "Rp" + number(amount);
    }

    /** A number with exactly {@code digits} decimals after a comma, grouped: {@code 36,47}, {@code 1.234,50}. */
    public static String decimals(Number value, int digits) {
        return decimals(value, digits, digits);
    }

    /** A number with {@code minDigits} to {@code maxDigits} decimals after a comma, grouped. */
    public static String decimals(Number value, int minDigits, int maxDigits) {
        NumberFormat f = NumberFormat.getNumberInstance(LOCALE);
        f.setMinimumFractionDigits(minDigits);
        f.setMaximumFractionDigits(maxDigits);
        return f.format(value);
    }

    /** Basis points of a percent as a percentage with two decimals: {@code 3647} gives {@code 36,47%}. */
    public static String basisPoints(long basisPoints) {
        return decimals(BigDecimal.valueOf(basisPoints, 2), 2) + "%";
    }

    /** A decimal as it is, without trailing zeros or grouping, with a comma: {@code 3.50} gives {@code 3,5}. */
    public static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /**
     * The locale dates are written in for a page's language: British English for English (month names such as
     * "October"), Indonesian otherwise ("Oktober").
     */
    public static Locale formatLocale(Locale language) {
        return "en".equals(language.getLanguage()) ? Locale.UK : LOCALE;
    }
}
