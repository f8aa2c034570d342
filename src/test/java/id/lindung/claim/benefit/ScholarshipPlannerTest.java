package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Benefits.PLANNER;
import static id.lindung.claim.benefit.Benefits.RULES;
import static id.lindung.claim.benefit.Benefits.bpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The children's scholarship (domain reference §3b–3c: Permenaker 5/2021; cinews.id 2024-03-29). */
class ScholarshipPlannerTest {

    /** A death in school year 2024/2025. */
    private static final LocalDate DEATH = LocalDate.of(2024, 9, 15);

    private static final ClaimFacts JKK_DEATH = ClaimFacts.death(DEATH, EventCause.WORK_ACCIDENT, bpu(1_000_000, 1));
    private static final ClaimFacts JKM_DEATH = ClaimFacts.death(DEATH, EventCause.OTHER, bpu(1_000_000, 48));

    private static Child tk1(String id, LocalDate birth) {
        return Child.inSchool(id, "Anak " + id, birth, EducationLevel.TK, 1);
    }

    @Test
    @DisplayName("Two children from TK year 1 each get the whole table: 2 x 87,000,000 = 174,000,000 "
            + "(bpjsketenagakerjaan.go.id/artikel/18126; cinews.id)")
    void twoChildrenGetAtMost174Million() {
        ScholarshipPlan plan = PLANNER.plan(
                JKK_DEATH, DEATH, List.of(tk1("a", LocalDate.of(2020, 2, 1)), tk1("b", LocalDate.of(2020, 2, 1))));
        assertThat(plan.refusal()).isNull();
        assertThat(plan.excluded()).isEmpty();
        assertThat(plan.schedules()).hasSize(2).allSatisfy(s -> {
            assertThat(s.total()).isEqualTo(87_000_000);
            assertThat(s.years()).hasSize(2 + 6 + 3 + 3 + 5);
            assertThat(s.endedBy()).isNull();
        });
        assertThat(plan.total()).isEqualTo(174_000_000);
        ChildSchedule a = plan.schedules().get(0);
        assertThat(a.years().get(0))
                .extracting(
                        ScholarshipYear::schoolYear,
                        ScholarshipYear::level,
                        ScholarshipYear::yearInLevel,
                        ScholarshipYear::amount)
                .containsExactly(2024, EducationLevel.TK, 1, 1_500_000L);
        assertThat(a.years().get(2))
                .extracting(ScholarshipYear::schoolYear, ScholarshipYear::level, ScholarshipYear::amount)
                .containsExactly(2026, EducationLevel.SD, 1_500_000L);
        assertThat(a.years().get(18))
                .extracting(
                        ScholarshipYear::schoolYear,
                        ScholarshipYear::level,
                        ScholarshipYear::yearInLevel,
                        ScholarshipYear::amount)
                .containsExactly(2042, EducationLevel.PT, 5, 12_000_000L);
        BenefitLine line = a.years().get(0).line();
        assertThat(line.args()).containsExactly("TK", 1, "2024/2025");
        assertThat(line.legalBasis()).isEqualTo("Permenaker 5/2021");
        assertThat(line.ruleValidFrom()).isEqualTo(LocalDate.of(2021, 4, 1));
    }

    @Test
    @DisplayName("A child in SD year 4 gets what is left: 3 x 1.5M + 3 x 2M + 3 x 3M + 5 x 12M = 79,500,000")
    void fromTheMiddleOfALevel() {
        ScholarshipPlan plan = PLANNER.plan(
                JKK_DEATH, DEATH, List.of(Child.inSchool("a", "Ani", LocalDate.of(2015, 1, 1), EducationLevel.SD, 4)));
        ChildSchedule s = plan.schedules().get(0);
        assertThat(s.years())
                .extracting(ScholarshipYear::level)
                .containsExactly(
                        EducationLevel.SD,
                        EducationLevel.SD,
                        EducationLevel.SD,
                        EducationLevel.SMP,
                        EducationLevel.SMP,
                        EducationLevel.SMP,
                        EducationLevel.SMA,
                        EducationLevel.SMA,
                        EducationLevel.SMA,
                        EducationLevel.PT,
                        EducationLevel.PT,
                        EducationLevel.PT,
                        EducationLevel.PT,
                        EducationLevel.PT);
        assertThat(s.total()).isEqualTo(79_500_000);
    }

    @Test
    @DisplayName("The scholarship stops at age 23 (cinews.id; sabumiku.com): born March 2006, SMA year 3 in "
            + "2024/2025 → SMA 3 + PT 2025-2028; 1 July 2029 the child is 23")
    void stopsAtTwentyThree() {
        ChildSchedule s = PLANNER.plan(
                        JKK_DEATH,
                        DEATH,
                        List.of(Child.inSchool("a", "Budi", LocalDate.of(2006, 3, 1), EducationLevel.SMA, 3)))
                .schedules()
                .get(0);
        assertThat(s.years()).extracting(ScholarshipYear::schoolYear).containsExactly(2024, 2025, 2026, 2027, 2028);
        assertThat(s.total()).isEqualTo(3_000_000 + 4 * 12_000_000);
        assertThat(s.endedBy().code()).isEqualTo("SCHOLARSHIP_AGE_LIMIT");
        assertThat(s.endedBy().args()).containsExactly("Budi", 23);
    }

    @Test
    @DisplayName("More than two children: by default the two youngest in school, the others named with the rule "
            + "(Permenaker 5/2021 'paling banyak 2 orang anak'; Lindung decision: unless two are chosen at intake)")
    void onlyTwoChildren() {
        Child eldest = new Child("1", "Sulung", LocalDate.of(2001, 1, 1), EducationLevel.PT, 2, true, false);
        Child second = Child.inSchool("2", "Kedua", LocalDate.of(2010, 5, 5), EducationLevel.SMP, 2);
        Child third = Child.inSchool("3", "Ketiga", LocalDate.of(2013, 7, 7), EducationLevel.SD, 5);
        Child fourth = Child.notInSchool("4", "Bungsu", LocalDate.of(2022, 1, 1));
        ScholarshipPlan plan = PLANNER.plan(JKK_DEATH, DEATH, List.of(fourth, third, second, eldest));
        assertThat(plan.choice()).isEqualTo(ScholarshipPlanner.Choice.DEFAULT);
        assertThat(plan.schedules()).extracting(s -> s.child().id()).containsExactly("3", "2");
        assertThat(plan.excluded())
                .extracting(e -> e.child().id(), e -> e.reason().code())
                .containsExactlyInAnyOrder(tuple("1", "SCHOLARSHIP_MARRIED"), tuple("4", "SCHOLARSHIP_MAX_CHILDREN"));
        assertThat(plan.excluded())
                .filteredOn(e -> e.child().id().equals("4"))
                .singleElement()
                .satisfies(e -> assertThat(e.reason().args()).containsExactly("Bungsu", 2));

        ScholarshipPlan named =
                PLANNER.plan(JKK_DEATH, DEATH, List.of(fourth, third, second, eldest), List.of("4", "2"));
        assertThat(named.choice()).isEqualTo(ScholarshipPlanner.Choice.CHOSEN);
        assertThat(named.schedules()).extracting(s -> s.child().id()).containsExactly("4", "2");
        assertThat(named.excluded())
                .extracting(e -> e.child().id(), e -> e.reason().code())
                .containsExactlyInAnyOrder(tuple("1", "SCHOLARSHIP_MARRIED"), tuple("3", "SCHOLARSHIP_MAX_CHILDREN"));
        assertThat(named.total()).isLessThanOrEqualTo(174_000_000);
    }

    @Test
    @DisplayName("A child not yet in school is projected into TK in the year it turns 5; born in January it turns "
            + "23 before its 5th PT year")
    void notYetInSchool() {
        ChildSchedule s = PLANNER.plan(
                        JKK_DEATH, DEATH, List.of(Child.notInSchool("a", "Citra", LocalDate.of(2023, 1, 10))))
                .schedules()
                .get(0);
        assertThat(s.years().get(0))
                .extracting(ScholarshipYear::schoolYear, ScholarshipYear::level)
                .containsExactly(2028, EducationLevel.TK);
        assertThat(s.years())
                .last()
                .extracting(ScholarshipYear::schoolYear, ScholarshipYear::level, ScholarshipYear::yearInLevel)
                .containsExactly(2045, EducationLevel.PT, 4);
        assertThat(s.total()).isEqualTo(3_000_000 + 9_000_000 + 6_000_000 + 9_000_000 + 4 * 12_000_000);
        assertThat(s.endedBy().code()).isEqualTo("SCHOLARSHIP_AGE_LIMIT");
    }

    @Test
    @DisplayName("A JKM death before 3 years of contributions opens no scholarship, naming the rule "
            + "(fame.grid.id 463504420)")
    void jkmBeforeThreeYears() {
        ClaimFacts early = ClaimFacts.death(DEATH, EventCause.OTHER, bpu(1_000_000, 35));
        ScholarshipPlan plan = PLANNER.plan(early, DEATH, List.of(tk1("a", LocalDate.of(2020, 1, 1))));
        assertThat(plan.refusal().code()).isEqualTo("SCHOLARSHIP_MIN_CONTRIBUTION");
        assertThat(plan.refusal().args()).containsExactly(35, 36);
        assertThat(plan.schedules()).isEmpty();
        assertThat(plan.total()).isZero();
        assertThat(PLANNER.plan(JKM_DEATH, DEATH, List.of(tk1("a", LocalDate.of(2020, 1, 1))))
                        .total())
                .isEqualTo(87_000_000);
    }

    @Test
    void partialDisabilityOpensNoScholarship() {
        ClaimFacts partial = ClaimFacts.anatomical(DEATH, bpu(1_000_000, 50), "EYE_ONE");
        assertThat(PLANNER.eligibility(partial))
                .get()
                .extracting(Refusal::code)
                .isEqualTo("SCHOLARSHIP_NOT_FOR_CLAIM_KIND");
    }

    // ------------------------------------------------------------------------------------------- yearly claims

    private static ScholarshipClaim claim(
            Child c, EducationLevel level, int schoolYear, List<ScholarshipPayment> paid, int others) {
        return new ScholarshipClaim(c, level, schoolYear, paid, others);
    }

    private static final Child DEWI = Child.inSchool("d", "Dewi", LocalDate.of(2012, 8, 17), EducationLevel.SD, 6);

    @Test
    @DisplayName("A yearly claim with proof of enrolment pays the level's yearly amount (Permenaker 5/2021)")
    void yearlyClaimPays() {
        ScholarshipDecision d = PLANNER.claimYear(
                JKM_DEATH,
                claim(
                        DEWI,
                        EducationLevel.SMP,
                        2025,
                        List.of(new ScholarshipPayment(2024, EducationLevel.SD, 1_500_000)),
                        1));
        assertThat(d.payable()).isTrue();
        assertThat(d.amount()).isEqualTo(2_000_000);
        assertThat(d.line().args()).containsExactly("SMP", 1, "2025/2026");
    }

    @Test
    @DisplayName("Yearly claims are refused naming the rule: year paid, level used up, age 23, married, working, "
            + "third child, no enrolment, before the event, cap reached")
    void yearlyClaimRefusals() {
        List<ScholarshipPayment> sixSd = new ArrayList<>();
        for (int y = 2024; y < 2030; y++) {
            sixSd.add(new ScholarshipPayment(y, EducationLevel.SD, 1_500_000));
        }
        assertThat(refusal(claim(DEWI, EducationLevel.SD, 2024, sixSd.subList(0, 1), 0)))
                .isEqualTo("SCHOLARSHIP_YEAR_ALREADY_PAID");
        assertThat(refusal(claim(DEWI, EducationLevel.SD, 2030, sixSd, 0))).isEqualTo("SCHOLARSHIP_LEVEL_YEARS_USED");
        assertThat(refusal(claim(DEWI, EducationLevel.PT, 2036, List.of(), 0))).isEqualTo("SCHOLARSHIP_AGE_LIMIT");
        assertThat(PLANNER.claimYear(JKM_DEATH, claim(DEWI, EducationLevel.PT, 2035, List.of(), 0))
                        .payable())
                .as("still 22 on 1 July 2035, 23 on 17 August")
                .isTrue();
        assertThat(refusal(claim(
                        new Child("d", "Dewi", DEWI.birthDate(), EducationLevel.SMA, 1, true, false),
                        EducationLevel.SMA,
                        2028,
                        List.of(),
                        0)))
                .isEqualTo("SCHOLARSHIP_MARRIED");
        assertThat(refusal(claim(
                        new Child("d", "Dewi", DEWI.birthDate(), EducationLevel.SMA, 1, false, true),
                        EducationLevel.SMA,
                        2028,
                        List.of(),
                        0)))
                .isEqualTo("SCHOLARSHIP_WORKING");
        assertThat(refusal(claim(DEWI, EducationLevel.SD, 2024, List.of(), 2))).isEqualTo("SCHOLARSHIP_MAX_CHILDREN");
        assertThat(PLANNER.claimYear(
                                JKM_DEATH,
                                claim(
                                        DEWI,
                                        EducationLevel.SMP,
                                        2025,
                                        List.of(new ScholarshipPayment(2024, EducationLevel.SD, 1_500_000)),
                                        2))
                        .payable())
                .as("a child already receiving stays in")
                .isTrue();
        assertThat(refusal(claim(DEWI, null, 2024, List.of(), 0))).isEqualTo("SCHOLARSHIP_NOT_ENROLLED");
        assertThat(refusal(claim(DEWI, EducationLevel.SD, 2023, List.of(), 0)))
                .isEqualTo("SCHOLARSHIP_YEAR_BEFORE_EVENT");
        assertThat(refusal(claim(
                        DEWI,
                        EducationLevel.PT,
                        2030,
                        List.of(new ScholarshipPayment(2020, EducationLevel.SMA, 87_000_000)),
                        0)))
                .isEqualTo("SCHOLARSHIP_CHILD_CAP_REACHED");
        ClaimFacts early = ClaimFacts.death(DEATH, EventCause.OTHER, bpu(1_000_000, 12));
        assertThat(PLANNER.claimYear(early, claim(DEWI, EducationLevel.SD, 2024, List.of(), 0))
                        .refusal()
                        .code())
                .isEqualTo("SCHOLARSHIP_MIN_CONTRIBUTION");
    }

    private static String refusal(ScholarshipClaim c) {
        ScholarshipDecision d = PLANNER.claimYear(JKM_DEATH, c);
        assertThat(d.payable()).isFalse();
        assertThat(d.refusal().legalBasis()).isNotBlank();
        return d.refusal().code();
    }

    @Test
    @DisplayName("When a table sums above the cap per child, the year that reaches it is reduced to what is left")
    void capPerChildBinds() {
        List<BenefitRule> rows = new ArrayList<>(RULES.rules());
        rows.add(new BenefitRule(
                RuleKey.SCHOLARSHIP_PT_YEARLY,
                LocalDate.of(2024, 1, 1),
                new BigDecimal("20000000"),
                "test",
                "test",
                true,
                null));
        ScholarshipPlanner planner = new ScholarshipPlanner(BenefitRules.fromRows(rows, RULES.disabilityTable()));
        ChildSchedule s = planner.plan(JKK_DEATH, DEATH, List.of(tk1("a", LocalDate.of(2020, 2, 1))))
                .schedules()
                .get(0);
        // 27,000,000 before PT; PT 20M x 3 = 60M → 87M; the 4th PT year has nothing left
        assertThat(s.years()).extracting(ScholarshipYear::amount).endsWith(20_000_000L, 20_000_000L, 20_000_000L);
        assertThat(s.total()).isEqualTo(87_000_000);
        assertThat(s.endedBy().code()).isEqualTo("SCHOLARSHIP_CHILD_CAP_REACHED");
        ScholarshipDecision d = planner.claimYear(
                JKK_DEATH,
                claim(
                        DEWI,
                        EducationLevel.PT,
                        2031,
                        List.of(new ScholarshipPayment(2024, EducationLevel.SMA, 80_000_000)),
                        0));
        assertThat(d.amount()).isEqualTo(7_000_000);
        assertThat(d.line().formula()).isEqualTo("min(Rp20.000.000; Rp87.000.000 − Rp80.000.000)");
    }

    @Test
    @DisplayName("Default: the youngest in school first; places left go to children not yet in school, eldest first")
    void defaultChoiceFillsWithTheFirstToStartSchool() {
        Child inSchool = Child.inSchool("a", "Sekolah", LocalDate.of(2012, 1, 1), EducationLevel.SMP, 1);
        Child baby = Child.notInSchool("b", "Bayi", LocalDate.of(2025, 3, 1));
        Child toddler = Child.notInSchool("c", "Balita", LocalDate.of(2022, 3, 1));
        ScholarshipPlan plan = PLANNER.plan(JKK_DEATH, DEATH, List.of(baby, inSchool, toddler));
        assertThat(plan.schedules()).extracting(s -> s.child().id()).containsExactly("a", "c");
        assertThat(plan.excluded())
                .singleElement()
                .satisfies(e -> assertThat(e.child().id()).isEqualTo("b"));
    }

    @Test
    @DisplayName("A choice of children is refused naming the row of the child too many: children[2].named")
    void tooManyChosenNameTheirRows() {
        List<Child> kids = List.of(
                tk1("a", LocalDate.of(2020, 1, 1)),
                tk1("b", LocalDate.of(2020, 1, 1)),
                tk1("c", LocalDate.of(2020, 1, 1)));
        assertThat(ScholarshipPlanner.choiceIssues(kids, List.of("a", "b", "c"), 2))
                .singleElement()
                .satisfies(i -> {
                    assertThat(i.field()).isEqualTo("children[2].named");
                    assertThat(i.args()).containsExactly(2, 3, "Anak c");
                });
        assertThat(ScholarshipPlanner.choiceIssues(kids, List.of("c", "a"), 2)).isEmpty();
    }

    @Test
    void badPlanInputIsRefused() {
        List<Child> kids = List.of(
                tk1("a", LocalDate.of(2020, 1, 1)),
                tk1("b", LocalDate.of(2020, 1, 1)),
                tk1("c", LocalDate.of(2020, 1, 1)));
        assertThatThrownBy(() -> PLANNER.plan(JKK_DEATH, DEATH, kids, List.of("a", "b", "c")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("tooManyNamedChildren");
        assertThatThrownBy(() -> PLANNER.plan(JKK_DEATH, DEATH, kids, List.of("x")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("unknownChild");
        assertThatThrownBy(() -> PLANNER.plan(JKK_DEATH, DEATH.minusDays(1), kids))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("asOf");
    }
}
