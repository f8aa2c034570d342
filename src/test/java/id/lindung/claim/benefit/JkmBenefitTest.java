package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Benefits.CALCULATOR;
import static id.lindung.claim.benefit.Benefits.EVENT;
import static id.lindung.claim.benefit.Benefits.bpu;
import static id.lindung.claim.benefit.Benefits.pu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.enrolment.Segment;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked JKM examples (domain reference §3b: ayobogor.com; bpjsketenagakerjaan.go.id/artikel/18126). */
class JkmBenefitTest {

    @Test
    @DisplayName("BPU at Rp1,000,000 dying of illness: 20,000,000 + 12,000,000 + 10,000,000 = 42,000,000 "
            + "(bpjsketenagakerjaan.go.id/artikel/18126)")
    void bpuDyingOfIllness() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.death(EVENT, EventCause.OTHER, bpu(1_000_000, 48)));
        assertThat(a.kind()).isEqualTo(ClaimKind.JKM_DEATH);
        assertThat(a.lines())
                .extracting(BenefitLine::code, BenefitLine::amount)
                .containsExactly(
                        tuple("JKM_LUMP_SUM", 20_000_000L),
                        tuple("JKM_PERIODIC_BENEFIT", 12_000_000L),
                        tuple("JKM_FUNERAL", 10_000_000L));
        assertThat(a.total()).isEqualTo(42_000_000);
        assertThat(a.lines()).allSatisfy(l -> assertThat(l.legalBasis()).contains("PP 82/2019"));
        assertThat(a.scholarshipEntitled()).isTrue();
    }

    @Test
    @DisplayName("JKM does not depend on the wage: a PU at Rp10,000,000 gets the same 42,000,000")
    void jkmIsFlat() {
        assertThat(CALCULATOR
                        .assess(ClaimFacts.death(EVENT, EventCause.OTHER, pu(10_000_000, 48)))
                        .total())
                .isEqualTo(42_000_000);
    }

    @ParameterizedTest(name = "{0} months of contributions → scholarship {1}")
    @DisplayName("JKM scholarship needs at least 3 years (36 months) of contributions (fame.grid.id 463504420; "
            + "star.grid.id 453611373)")
    @CsvSource({"0, false", "35, false", "36, true", "120, true"})
    void jkmScholarshipNeedsThreeYears(int months, boolean entitled) {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.death(EVENT, EventCause.OTHER, bpu(1_000_000, months)));
        assertThat(a.total())
                .as("the cash benefit does not depend on the months")
                .isEqualTo(42_000_000);
        assertThat(a.scholarshipEntitled()).isEqualTo(entitled);
        if (!entitled) {
            assertThat(a.scholarshipRefusal()).satisfies(r -> {
                assertThat(r.code()).isEqualTo("SCHOLARSHIP_MIN_CONTRIBUTION");
                assertThat(r.messageKey()).isEqualTo("claim.refusal.SCHOLARSHIP_MIN_CONTRIBUTION");
                assertThat(r.args()).containsExactly(months, 36);
                assertThat(r.legalBasis()).contains("PP 82/2019").contains("3 tahun");
            });
        }
    }

    @Test
    @DisplayName("A JKK death needs no minimum: 1 month of contributions still opens the scholarship (beritau.id)")
    void jkkDeathScholarshipHasNoMinimum() {
        assertThat(CALCULATOR
                        .assess(ClaimFacts.death(EVENT, EventCause.WORK_ACCIDENT, bpu(1_000_000, 1)))
                        .scholarshipEntitled())
                .isTrue();
    }

    @Test
    @DisplayName("A death not protected under JKM is refused naming the rule")
    void notProtected() {
        BenefitAssessment a = CALCULATOR.assess(
                ClaimFacts.death(EVENT, EventCause.OTHER, new MemberFacts(Segment.BPU, true, false, 40, 1_000_000)));
        assertThat(a.refusal().code()).isEqualTo("NOT_PROTECTED_JKM");
        assertThat(a.refusal().args()).containsExactly(EVENT);
        assertThat(a.total()).isZero();
        assertThat(a.scholarshipEntitled()).isFalse();
    }

    @Test
    @DisplayName("Which programme: a work accident → JKK, otherwise JKM; JKM claimed for a work accident is refused")
    void whichProgramme() {
        assertThat(ClaimKind.death(EventCause.WORK_ACCIDENT)).isEqualTo(ClaimKind.JKK_DEATH);
        assertThat(ClaimKind.death(EventCause.OCCUPATIONAL_DISEASE)).isEqualTo(ClaimKind.JKK_DEATH);
        assertThat(ClaimKind.death(EventCause.OTHER)).isEqualTo(ClaimKind.JKM_DEATH);
        ClaimFacts wrong = new ClaimFacts(
                ClaimKind.JKM_DEATH, EVENT, EventCause.WORK_ACCIDENT, bpu(1_000_000, 48), new ClaimDetails.None());
        assertThat(CALCULATOR.assess(wrong).refusal().code()).isEqualTo("DEATH_IS_JKK");
    }

    @Test
    @DisplayName("A death in 2020 (PP 82/2019, before Permenaker 5/2021): cash paid, scholarship withheld naming the "
            + "missing scholarship rule")
    void deathBeforeTheScholarshipTable() {
        LocalDate d = LocalDate.of(2020, 6, 1);
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.death(d, EventCause.OTHER, bpu(1_000_000, 60)));
        assertThat(a.total()).isEqualTo(42_000_000);
        assertThat(a.scholarshipRefusal().code()).isEqualTo("RULE_MISSING");
        assertThat(a.scholarshipRefusal().args()).containsExactly("SCHOLARSHIP_TK_YEARLY", d);
    }
}
