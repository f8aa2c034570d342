package id.lindung.paritrana.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.paritrana.Indicator;
import id.lindung.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 point 7: Paritrana evidence as people write it — "ya"/"tidak" for attendance and paying on time, rupiah
 * with thousands dots and "Rp" — and what is still refused (words for a count, a "ya" for rupiah, a fraction).
 */
class EvidenceValueTest {

    @Test
    void yesAndNoAndRupiahWithDotsAreRead() {
        assertThat(ParitranaPages.evidenceValue(Indicator.HEAD_ATTENDANCE, " Ya "))
                .isEqualTo(1);
        assertThat(ParitranaPages.evidenceValue(Indicator.HEAD_ATTENDANCE, "tidak"))
                .isZero();
        assertThat(ParitranaPages.evidenceValue(Indicator.CONTRIBUTIONS_ON_TIME, "1"))
                .isEqualTo(1);
        assertThat(ParitranaPages.evidenceValue(Indicator.BUDGET, "Rp1.234.567"))
                .isEqualTo(1_234_567L);
        assertThat(ParitranaPages.evidenceValue(Indicator.BUDGET, "rp 2.500.000.000"))
                .isEqualTo(2_500_000_000L);
        assertThat(ParitranaPages.evidenceValue(Indicator.REGULATIONS, "3")).isEqualTo(3);
    }

    @Test
    void wordsWhereANumberIsDueAndFractionsAreRefused() {
        assertThatThrownBy(() -> ParitranaPages.evidenceValue(Indicator.BUDGET, "ya"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ParitranaPages.evidenceValue(Indicator.BUDGET, "Rp1.234,50"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> ParitranaPages.evidenceValue(Indicator.HEAD_ATTENDANCE, "mungkin"))
                .isInstanceOf(InvalidInputException.class);
    }
}
