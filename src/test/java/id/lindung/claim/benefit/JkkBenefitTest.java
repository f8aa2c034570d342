package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Benefits.CALCULATOR;
import static id.lindung.claim.benefit.Benefits.EVENT;
import static id.lindung.claim.benefit.Benefits.bpu;
import static id.lindung.claim.benefit.Benefits.pu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.enrolment.Segment;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Worked JKK examples, each naming its source (domain reference §3a: PP 44/2015 jo. PP 82/2019 Lampiran III). */
class JkkBenefitTest {

    // ------------------------------------------------------------------------------------------------ death

    @Test
    @DisplayName("BPU at Rp1,000,000 dying in a work accident: 48 x 1,000,000 + 12,000,000 + 10,000,000 = 70,000,000 "
            + "(ceklissatu.com '48 kali gaji'; star.gridtechno.com; radarmukomuko)")
    void bpuDyingInAWorkAccident() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.death(EVENT, EventCause.WORK_ACCIDENT, bpu(1_000_000, 2)));
        assertThat(a.kind()).isEqualTo(ClaimKind.JKK_DEATH);
        assertThat(a.eligible()).isTrue();
        assertThat(a.lines())
                .extracting(BenefitLine::code, BenefitLine::amount, BenefitLine::formula)
                .containsExactly(
                        tuple("JKK_DEATH_LUMP_SUM", 48_000_000L, "60% × 80 × Rp1.000.000"),
                        tuple("JKK_PERIODIC_BENEFIT", 12_000_000L, "Rp12.000.000"),
                        tuple("JKK_FUNERAL", 10_000_000L, "Rp10.000.000"));
        assertThat(a.total()).isEqualTo(70_000_000);
        assertThat(a.lines()).allSatisfy(l -> {
            assertThat(l.legalBasis()).contains("PP 82/2019 Lampiran III");
            assertThat(l.ruleValidFrom()).isEqualTo(LocalDate.of(2019, 12, 2));
            assertThat(l.unconfirmed()).isFalse();
        });
        assertThat(a.lines().get(0).ruleRefs())
                .containsExactly("JKK_DEATH_PCT@2019-12-02", "JKK_WAGE_MULTIPLIER@2019-12-02");
        // JKK death opens the scholarship with no minimum contribution period (beritau.id 2024-01-30)
        assertThat(a.scholarshipEntitled()).isTrue();
    }

    @Test
    @DisplayName("JKK death of a low wage: 48 x 300,000 = 14,400,000 < 20,000,000, the JKM lump sum is the minimum "
            + "(star.gridtechno.com; radarmukomuko)")
    void jkkDeathMinimum() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.death(EVENT, EventCause.WORK_ACCIDENT, pu(300_000, 60)));
        BenefitLine lump = a.lines().get(0);
        assertThat(lump.amount()).isEqualTo(20_000_000);
        assertThat(lump.formula()).isEqualTo("max(60% × 80 × Rp300.000; Rp20.000.000)");
        assertThat(lump.ruleRefs()).contains("JKM_LUMP_SUM@2019-12-02");
        assertThat(a.total()).isEqualTo(42_000_000);
    }

    @Test
    @DisplayName("JKK death around the minimum: 48 x 416,666 = 19,999,968 → 20,000,000; 48 x 416,667 = 20,000,016")
    void jkkDeathMinimumBoundary() {
        assertThat(lumpSum(416_666)).isEqualTo(20_000_000);
        assertThat(lumpSum(416_667)).isEqualTo(20_000_016);
    }

    private static long lumpSum(long wage) {
        return CALCULATOR
                .assess(ClaimFacts.death(EVENT, EventCause.WORK_ACCIDENT, pu(wage, 12)))
                .lines()
                .get(0)
                .amount();
    }

    @Test
    @DisplayName("An occupational disease is JKK too (PP 44/2015)")
    void occupationalDiseaseDeathIsJkk() {
        BenefitAssessment a =
                CALCULATOR.assess(ClaimFacts.death(EVENT, EventCause.OCCUPATIONAL_DISEASE, pu(2_000_000, 12)));
        assertThat(a.kind()).isEqualTo(ClaimKind.JKK_DEATH);
        assertThat(a.total()).isEqualTo(48 * 2_000_000L + 22_000_000);
    }

    // ------------------------------------------------------------------------------------------------ disability

    @Test
    @DisplayName("Total permanent disability of a PU at Rp5,000,000: 70% x 80 x 5,000,000 = 56 x 5,000,000 = "
            + "280,000,000 + 12,000,000 (radarmukomuko 676298; star.gridtechno.com 453594342)")
    void totalDisabilityOfAPu() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.totalDisability(EVENT, pu(5_000_000, 3)));
        assertThat(a.lines())
                .extracting(BenefitLine::code, BenefitLine::amount, BenefitLine::formula)
                .containsExactly(
                        tuple("JKK_DISABILITY_TOTAL", 280_000_000L, "70% × 80 × Rp5.000.000"),
                        tuple("JKK_PERIODIC_BENEFIT", 12_000_000L, "Rp12.000.000"));
        assertThat(a.total()).isEqualTo(292_000_000);
        assertThat(a.scholarshipEntitled()).isTrue();
    }

    @Test
    @DisplayName("BPU at Rp1,000,000: total disability at most Rp56,000,000 (sumateraekspres.bacakoran.co)")
    void totalDisabilityOfABpu() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.totalDisability(EVENT, bpu(1_000_000, 1)));
        assertThat(a.lines().get(0).amount()).isEqualTo(56_000_000);
    }

    @Test
    @DisplayName("Partial anatomical: one eye 35% x 80 x 5,000,000 = 140,000,000 (seputarpabrik.com)")
    void oneEye() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.anatomical(EVENT, pu(5_000_000, 3), "EYE_ONE"));
        assertThat(a.lines()).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualTo(140_000_000);
            assertThat(l.formula()).isEqualTo("35% × 80 × Rp5.000.000");
            assertThat(l.args())
                    .containsExactly(
                            "EYE_ONE",
                            "Sebelah mata atau diplopia pada penglihatan dekat",
                            "One eye, or diplopia in near vision");
            assertThat(l.ruleRefs()).containsExactly("disability:EYE_ONE@2019-12-02", "JKK_WAGE_MULTIPLIER@2019-12-02");
            assertThat(l.unconfirmed()).isFalse();
        });
        assertThat(a.scholarshipEntitled()).isFalse();
    }

    @Test
    @DisplayName("Partial anatomical: both arms 40% + 35% = 75% is capped at 70% (Lindung decision, unconfirmed "
            + "row): 160,000,000 + 30% x 80 x 5,000,000 = 280,000,000, never more than total disability")
    void bothArmsAreCappedAtTheTotalDisabilityPercentage() {
        BenefitAssessment a = CALCULATOR.assess(
                ClaimFacts.anatomical(EVENT, pu(5_000_000, 3), "ARM_R_SHOULDER", "ARM_L_SHOULDER", "EYE_ONE"));
        assertThat(a.lines())
                .extracting(BenefitLine::amount, BenefitLine::formula, BenefitLine::unconfirmed)
                .containsExactly(
                        tuple(160_000_000L, "40% × 80 × Rp5.000.000", false),
                        tuple(120_000_000L, "min(35%; 70% − 40%) × 80 × Rp5.000.000", true),
                        tuple(0L, "min(35%; 70% − 70%) × 80 × Rp5.000.000", true));
        assertThat(a.total())
                .isEqualTo(280_000_000)
                .isLessThan(CALCULATOR
                        .assess(ClaimFacts.totalDisability(EVENT, pu(5_000_000, 3)))
                        .total());
        assertThat(a.unconfirmed()).isTrue();
    }

    @Test
    @DisplayName("Partial anatomical with rounding: first phalanx of the right index finger 4.5% x 80 x 1,000,001 = "
            + "3,600,003.6 → 3,600,004 (row unconfirmed: not in the domain reference)")
    void anatomicalRounding() {
        BenefitLine l = CALCULATOR
                .assess(ClaimFacts.anatomical(EVENT, pu(1_000_001, 3), "INDEX_R_PHALANX"))
                .lines()
                .get(0);
        assertThat(l.amount()).isEqualTo(3_600_004);
        assertThat(l.formula()).isEqualTo("4,5% × 80 × Rp1.000.001");
        assertThat(l.unconfirmed()).isTrue();
    }

    @Test
    @DisplayName("Partial functional: 50% of the function of one eye x 35% x 80 x 5,000,000 = 70,000,000 "
            + "(radarmukomuko 676298 formula; seputarpabrik.com table)")
    void functionalDisability() {
        BenefitAssessment a = CALCULATOR.assess(
                ClaimFacts.functional(EVENT, pu(5_000_000, 3), new FunctionLoss("EYE_ONE", new BigDecimal("50"))));
        assertThat(a.lines()).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualTo(70_000_000);
            assertThat(l.formula()).isEqualTo("50% × 35% × 80 × Rp5.000.000");
            assertThat(l.code()).isEqualTo("JKK_DISABILITY_FUNCTIONAL");
        });
    }

    @Test
    @DisplayName("Partial functional rounds half up once per line: 12.5% x 35% x 80 x 1,000,003 = 3,500,010.5 → "
            + "3,500,011 (half-even would give 3,500,010; docs/decisions.md 'Rounding to whole rupiah')")
    void functionalRoundsHalfUp() {
        BenefitLine l = CALCULATOR
                .assess(ClaimFacts.functional(
                        EVENT, pu(1_000_003, 3), new FunctionLoss("EYE_ONE", new BigDecimal("12.5"))))
                .lines()
                .get(0);
        assertThat(l.amount()).isEqualTo(3_500_011);
        assertThat(l.formula()).isEqualTo("12,5% × 35% × 80 × Rp1.000.003");
    }

    // ------------------------------------------------------------------------------------------------ STMB

    @Test
    @DisplayName("STMB for 15 months at Rp5,000,000: 12 x 100% + 3 x 50% = 60,000,000 + 7,500,000 "
            + "(star.grid.id 453594342; radarmukomuko 676298)")
    void stmbFifteenMonths() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.stmb(EVENT, pu(5_000_000, 24), 15));
        assertThat(a.lines())
                .extracting(BenefitLine::args, BenefitLine::amount, BenefitLine::formula)
                .containsExactly(
                        tuple(List.of(1, 12), 60_000_000L, "12 × 100% × Rp5.000.000"),
                        tuple(List.of(13, 15), 7_500_000L, "3 × 50% × Rp5.000.000"));
        assertThat(a.total()).isEqualTo(67_500_000);
    }

    @Test
    @DisplayName("STMB before PP 82/2019 follows PP 44/2015: 6 x 100% + 6 x 75% + 3 x 50% (kompasiana 2019)")
    void stmbUnderTheOldRule() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.stmb(LocalDate.of(2018, 5, 2), pu(5_000_000, 24), 15));
        assertThat(a.lines())
                .extracting(BenefitLine::amount, BenefitLine::ruleValidFrom)
                .containsExactly(
                        tuple(30_000_000L, LocalDate.of(2015, 7, 1)),
                        tuple(22_500_000L, LocalDate.of(2015, 7, 1)),
                        tuple(7_500_000L, LocalDate.of(2015, 7, 1)));
        assertThat(a.total()).isEqualTo(60_000_000);
    }

    @Test
    @DisplayName("STMB of 4 months is one line; 13 months at an odd wage rounds the 50% month half up")
    void stmbShortAndOdd() {
        assertThat(CALCULATOR
                        .assess(ClaimFacts.stmb(EVENT, pu(5_000_000, 24), 4))
                        .lines())
                .extracting(BenefitLine::amount)
                .containsExactly(20_000_000L);
        assertThat(CALCULATOR
                        .assess(ClaimFacts.stmb(EVENT, bpu(3_333_333, 24), 13))
                        .lines())
                .extracting(BenefitLine::amount)
                .containsExactly(39_999_996L, 1_666_667L);
    }

    // ------------------------------------------------------------------------------------------------ care

    @Test
    @DisplayName("Transport: land 5,000,000, sea 2,000,000, air 10,000,000, each mode capped separately "
            + "(PP 82/2019 Lampiran III; star.grid.id 453594342)")
    void transportCapsPerMode() {
        LocalDate d = EVENT.plusDays(1);
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.transport(
                EVENT,
                bpu(1_000_000, 5),
                List.of(
                        new TransportCost(TransportMode.LAND, d, "ambulans ke RSUD Ketapang", 3_000_000),
                        new TransportCost(TransportMode.AIR, d, "Ketapang - Pontianak", 12_000_000),
                        new TransportCost(TransportMode.LAND, d, "ambulans ke bandara", 3_000_000),
                        new TransportCost(TransportMode.SEA, d, "speedboat", 1_500_000))));
        assertThat(a.lines())
                .extracting(BenefitLine::code, BenefitLine::amount, BenefitLine::formula)
                .containsExactly(
                        tuple("JKK_TRANSPORT_LAND", 5_000_000L, "min(Rp6.000.000; Rp5.000.000)"),
                        tuple("JKK_TRANSPORT_SEA", 1_500_000L, "min(Rp1.500.000; Rp2.000.000)"),
                        tuple("JKK_TRANSPORT_AIR", 10_000_000L, "min(Rp12.000.000; Rp10.000.000)"));
        assertThat(a.total()).isEqualTo(16_500_000);
    }

    @Test
    @DisplayName("An unused land cap does not raise the sea cap: sea 2,500,000 → 2,000,000")
    void modesDoNotShareCaps() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.transport(
                EVENT, bpu(1_000_000, 5), List.of(new TransportCost(TransportMode.SEA, EVENT, "kapal", 2_500_000))));
        assertThat(a.total()).isEqualTo(2_000_000);
    }

    @Test
    @DisplayName("Home care: at most Rp20,000,000 and 1 year (PP 82/2019 Lampiran III)")
    void homeCareCap() {
        LocalDate start = LocalDate.of(2025, 4, 1);
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.homeCare(
                EVENT,
                pu(4_000_000, 30),
                start,
                List.of(
                        new Invoice(start, "perawat", 15_000_000),
                        new Invoice(LocalDate.of(2026, 3, 31), "fisioterapi", 10_000_000),
                        new Invoice(LocalDate.of(2026, 4, 1), "perawat, bulan ke-13", 3_000_000))));
        assertThat(a.lines())
                .extracting(BenefitLine::code, BenefitLine::amount, BenefitLine::formula)
                .containsExactly(
                        tuple("JKK_HOME_CARE", 20_000_000L, "min(Rp25.000.000; Rp20.000.000)"),
                        tuple("JKK_HOME_CARE_AFTER_PERIOD", 0L, "Rp3.000.000 × 0"));
        assertThat(a.total()).isEqualTo(20_000_000);
    }

    @Test
    @DisplayName("Home care under the cap is paid in full")
    void homeCareUnderTheCap() {
        LocalDate start = EVENT.plusDays(20);
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.homeCare(
                EVENT, pu(4_000_000, 30), start, List.of(new Invoice(start, "perawat", 7_250_000))));
        assertThat(a.lines()).extracting(BenefitLine::amount).containsExactly(7_250_000L);
    }

    @Test
    @DisplayName("Medical care at cost without ceiling (bpjsketenagakerjaan.go.id/artikel/18913 'tanpa batas biaya')")
    void medicalCareAtCost() {
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.medical(
                EVENT,
                bpu(1_000_000, 1),
                List.of(
                        new Invoice(EVENT, "RSUD dr. Soedarso: ICU", 350_000_000),
                        new Invoice(EVENT.plusDays(30), "implan", 150_000_123))));
        assertThat(a.lines())
                .extracting(BenefitLine::code, BenefitLine::amount, BenefitLine::args)
                .containsExactly(
                        tuple("JKK_MEDICAL", 350_000_000L, List.of("RSUD dr. Soedarso: ICU", EVENT)),
                        tuple("JKK_MEDICAL", 150_000_123L, List.of("implan", EVENT.plusDays(30))));
        assertThat(a.total()).isEqualTo(500_000_123);
    }

    // ------------------------------------------------------------------------------------------------ refusals

    @Test
    @DisplayName("An accident in a month the member was not protected under JKK is refused, naming the rule")
    void notProtected() {
        MemberFacts lapsed = new MemberFacts(Segment.BPU, false, false, 7, 1_000_000);
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.stmb(EVENT, lapsed, 2));
        assertThat(a.eligible()).isFalse();
        assertThat(a.refusal()).satisfies(r -> {
            assertThat(r.code()).isEqualTo("NOT_PROTECTED_JKK");
            assertThat(r.messageKey()).isEqualTo("claim.refusal.NOT_PROTECTED_JKK");
            assertThat(r.legalBasis()).contains("PP 44/2015");
            assertThat(r.args()).containsExactly(EVENT);
        });
        assertThat(a.lines()).isEmpty();
        assertThat(a.total()).isZero();
        // protected under JKM only does not help a JKK claim
        assertThat(CALCULATOR
                        .assess(ClaimFacts.stmb(EVENT, new MemberFacts(Segment.BPU, false, true, 7, 1_000_000), 2))
                        .refusal()
                        .code())
                .isEqualTo("NOT_PROTECTED_JKK");
    }

    @Test
    @DisplayName("A PU worker unprotected because of the employer is owed the benefit by the employer, not refused")
    void employerLiable() {
        MemberFacts unregistered =
                new MemberFacts(Segment.PU, false, false, 0, 3_000_000, MemberFacts.EmployerDefault.UNREGISTERED);
        BenefitAssessment a = CALCULATOR.assess(ClaimFacts.stmb(EVENT, unregistered, 2));
        BenefitAssessment paidByBpjs = CALCULATOR.assess(ClaimFacts.stmb(EVENT, pu(3_000_000, 0), 2));
        assertThat(a.eligible()).isTrue();
        assertThat(a.employerPays()).isTrue();
        assertThat(a.lines()).isEqualTo(paidByBpjs.lines()); // the programme's amounts
        assertThat(a.employerLiability()).satisfies(l -> {
            assertThat(l.reason()).isEqualTo(MemberFacts.EmployerDefault.UNREGISTERED);
            assertThat(l.legalBasis()).contains("PP 44/2015 Pasal 59");
            assertThat(l.unconfirmed()).isFalse();
            assertThat(l.messageKey()).isEqualTo("claim.employer-liable.UNREGISTERED");
        });
        assertThat(paidByBpjs.employerPays()).isFalse();

        BenefitAssessment arrears = CALCULATOR.assess(ClaimFacts.death(
                EVENT,
                EventCause.OTHER,
                new MemberFacts(Segment.PU, false, false, 40, 3_000_000, MemberFacts.EmployerDefault.ARREARS)));
        assertThat(arrears.employerLiability().reason()).isEqualTo(MemberFacts.EmployerDefault.ARREARS);
        assertThat(arrears.employerLiability().unconfirmed()).isTrue();
        assertThat(arrears.total()).isEqualTo(42_000_000);
        assertThat(arrears.scholarshipRefusal()).isNull(); // 40 months paid: the scholarship comes with it

        // the employer's default is no excuse for the worker's own cause, nor for another segment
        assertThat(CALCULATOR
                        .assess(new ClaimFacts(
                                ClaimKind.JKK_STMB,
                                EVENT,
                                EventCause.OTHER,
                                unregistered,
                                new ClaimDetails.TemporaryIncapacity(2)))
                        .refusal()
                        .code())
                .isEqualTo("NOT_WORK_RELATED");
        BenefitAssessment bpu = CALCULATOR.assess(ClaimFacts.stmb(
                EVENT,
                new MemberFacts(Segment.BPU, false, false, 0, 1_000_000, MemberFacts.EmployerDefault.ARREARS),
                2));
        assertThat(bpu.refusal().code()).isEqualTo("NOT_PROTECTED_JKK");
        assertThat(bpu.employerLiability()).isNull();
    }

    @Test
    @DisplayName("A JKK benefit for an illness that is not work-related is refused")
    void notWorkRelated() {
        ClaimFacts f = new ClaimFacts(
                ClaimKind.JKK_STMB, EVENT, EventCause.OTHER, pu(3_000_000, 9), new ClaimDetails.TemporaryIncapacity(2));
        assertThat(CALCULATOR.assess(f).refusal().code()).isEqualTo("NOT_WORK_RELATED");
    }

    @Test
    @DisplayName("An accident before PP 82/2019 is refused naming the missing rule (no PP 44/2015 death rows shipped)")
    void ruleMissingBeforePp82() {
        BenefitAssessment a = CALCULATOR.assess(
                ClaimFacts.death(LocalDate.of(2019, 6, 1), EventCause.WORK_ACCIDENT, pu(3_000_000, 9)));
        assertThat(a.refusal().code()).isEqualTo("RULE_MISSING");
        assertThat(a.refusal().args()).containsExactly("JKK_DEATH_PCT", LocalDate.of(2019, 6, 1));
    }

    @Test
    @DisplayName("The event date decides: on 2019-12-02 (PP 82/2019 promulgated) the new rules apply")
    void eventOnTheDayOfPp82() {
        assertThat(CALCULATOR
                        .assess(ClaimFacts.death(LocalDate.of(2019, 12, 2), EventCause.WORK_ACCIDENT, pu(1_000_000, 9)))
                        .total())
                .isEqualTo(70_000_000);
    }

    // ------------------------------------------------------------------------------------------------ input

    @Test
    void malformedInputNamesItsFields() {
        assertThatThrownBy(() -> CALCULATOR.assess(ClaimFacts.medical(
                        EVENT,
                        pu(1, 1),
                        List.of(new Invoice(EVENT, "x", -5), new Invoice(EVENT.minusDays(1), "y", 5)))))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).issues())
                        .extracting(FieldIssue::field, FieldIssue::code)
                        .containsExactly(
                                tuple("details.invoices[0].amount", "claim.input.negative"),
                                tuple("details.invoices[1].date", "claim.input.dateTooEarly")));
        assertThatThrownBy(() -> CALCULATOR.assess(ClaimFacts.stmb(EVENT, pu(0, 1), 3)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("member.wage");
        assertThatThrownBy(() -> CALCULATOR.assess(
                        ClaimFacts.anatomical(EVENT, pu(1_000_000, 1), "EYE_ONE", "NO_SUCH_PART", "EYE_ONE")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknownDisabilityCode")
                .hasMessageContaining("duplicateDisabilityCode");
        assertThatThrownBy(() -> CALCULATOR.assess(ClaimFacts.functional(
                        EVENT, pu(1_000_000, 1), new FunctionLoss("EYE_ONE", new BigDecimal("100.5")))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("details.losses[0].percentLost");
        assertThatThrownBy(() -> new ClaimFacts(
                        ClaimKind.JKK_STMB, EVENT, EventCause.WORK_ACCIDENT, pu(1, 1), new ClaimDetails.None()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
