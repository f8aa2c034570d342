package id.lindung.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The one Indonesian number format: what pages, reports, exports and the benefit engine's formulas show. */
class IndonesianTest {

    @Test
    void wholeNumbersAndRupiahGroupWithADot() {
        assertThat(Indonesian.number(1_234_567L)).isEqualTo("1.234.567");
        assertThat(Indonesian.number(0)).isEqualTo("0");
        assertThat(Indonesian.number(-56)).isEqualTo("-56");
        assertThat(Indonesian.rupiah(20_700_000L)).isEqualTo("Rp20.700.000");
        assertThat(Indonesian.rupiah(-5_000)).isEqualTo("Rp-5.000");
    }

    @Test
    void decimalsTakeAComma() {
        assertThat(Indonesian.decimals(36.5, 1)).isEqualTo("36,5");
        assertThat(Indonesian.decimals(new BigDecimal("1234.5"), 2)).isEqualTo("1.234,50");
        assertThat(Indonesian.decimals(new BigDecimal("32.5"), 0, 2)).isEqualTo("32,5");
        assertThat(Indonesian.basisPoints(3647)).isEqualTo("36,47%");
        assertThat(Indonesian.basisPoints(-50)).isEqualTo("-0,50%");
        assertThat(Indonesian.plain(new BigDecimal("3.50"))).isEqualTo("3,5");
        assertThat(Indonesian.plain(new BigDecimal("80.00"))).isEqualTo("80");
        assertThat(Indonesian.plain(new BigDecimal("0.24"))).isEqualTo("0,24");
    }

    @Test
    void datesAreBritishEnglishOnEnglishPages_IndonesianOtherwise() {
        assertThat(Indonesian.formatLocale(Locale.ENGLISH)).isEqualTo(Locale.UK);
        assertThat(Indonesian.formatLocale(Locale.US)).isEqualTo(Locale.UK);
        assertThat(Indonesian.formatLocale(Indonesian.LOCALE)).isSameAs(Indonesian.LOCALE);
        assertThat(Indonesian.formatLocale(Locale.GERMAN)).isSameAs(Indonesian.LOCALE);
    }
}
