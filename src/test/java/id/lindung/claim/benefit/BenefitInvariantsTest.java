package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Benefits.CALCULATOR;
import static id.lindung.claim.benefit.Benefits.PLANNER;
import static id.lindung.claim.benefit.Benefits.RULES;
import static id.lindung.claim.benefit.Benefits.SERVICE_LEVEL;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.enrolment.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Invariants over many generated inputs: a seeded {@link Random} per run (reproducible: the seed is in the test
 * name), 1,000 cases per seed, five seeds per property. Plain JUnit instead of jqwik: jqwik 1.10.1 ran on this
 * JUnit Platform, but it prints a notice that AI agents must not use it, so it was not added.
 */
class BenefitInvariantsTest {

    private static final int CASES = 1_000;
    private static final LocalDate FIRST = LocalDate.of(2015, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2035, 12, 31);
    private static final String[] CODES =
            RULES.disabilityTable().stream().map(DisabilityRow::code).toArray(String[]::new);

    // ------------------------------------------------------------------------------------------------ generators

    private static LocalDate date(Random r, LocalDate from, LocalDate to) {
        return from.plusDays(r.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
    }

    private static long wage(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> 1 + r.nextInt(1_000_000);
            case 1 -> 1_000_000 + r.nextInt(4_000_001);
            case 2 -> 5_000_000 + (long) r.nextInt(45_000_000);
            default -> 100_000L * (1 + r.nextInt(200));
        };
    }

    private static long amount(Random r) {
        return r.nextInt(10) == 0 ? 0 : (long) r.nextInt(30_000_000);
    }

    private static BigDecimal percent(Random r) {
        return BigDecimal.valueOf(1 + r.nextInt(1000), 1); // 0.1 .. 100.0
    }

    private static ClaimFacts claim(Random r) {
        ClaimKind kind = ClaimKind.values()[r.nextInt(ClaimKind.values().length)];
        LocalDate event = date(r, FIRST, LAST);
        EventCause cause = r.nextInt(10) == 0
                ? EventCause.values()[r.nextInt(3)]
                : kind == ClaimKind.JKM_DEATH ? EventCause.OTHER : EventCause.WORK_ACCIDENT;
        MemberFacts member = new MemberFacts(
                Segment.values()[r.nextInt(4)], r.nextInt(8) != 0, r.nextInt(8) != 0, r.nextInt(240), wage(r));
        ClaimDetails details;
        switch (kind) {
            case JKK_MEDICAL -> details = new ClaimDetails.MedicalCare(invoices(r, event));
            case JKK_HOME_CARE -> {
                LocalDate start = event.plusDays(r.nextInt(60));
                details = new ClaimDetails.HomeCare(start, invoices(r, start));
            }
            case JKK_TRANSPORT -> {
                List<TransportCost> costs = new ArrayList<>();
                for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
                    costs.add(new TransportCost(
                            TransportMode.values()[r.nextInt(3)], event.plusDays(r.nextInt(30)), "t" + i, amount(r)));
                }
                details = new ClaimDetails.Transport(costs);
            }
            case JKK_STMB -> details = new ClaimDetails.TemporaryIncapacity(1 + r.nextInt(40));
            case JKK_DISABILITY_PARTIAL_ANATOMICAL -> details = new ClaimDetails.AnatomicalDisability(codes(r));
            case JKK_DISABILITY_PARTIAL_FUNCTIONAL ->
                details = new ClaimDetails.FunctionalDisability(codes(r).stream()
                        .map(c -> new FunctionLoss(c, percent(r)))
                        .toList());
            default -> details = new ClaimDetails.None();
        }
        return new ClaimFacts(kind, event, cause, member, details);
    }

    private static List<Invoice> invoices(Random r, LocalDate from) {
        List<Invoice> list = new ArrayList<>();
        for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
            list.add(new Invoice(from.plusDays(r.nextInt(500)), "i" + i, amount(r)));
        }
        return list;
    }

    private static List<String> codes(Random r) {
        Set<String> codes = new HashSet<>();
        for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
            codes.add(CODES[r.nextInt(CODES.length)]);
        }
        return List.copyOf(codes);
    }

    // ------------------------------------------------------------------------------------------------ claims

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyAssessmentIsWellFormedAndWithinItsCaps(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            ClaimFacts f = claim(r);
            BenefitAssessment a = CALCULATOR.assess(f);
            String what = "seed " + seed + " case " + i + ": " + f;
            long sum = 0;
            for (BenefitLine l : a.lines()) {
                assertThat(l.amount()).as(what).isNotNegative();
                assertThat(l.legalBasis()).as(what).isNotBlank();
                assertThat(l.ruleRefs()).as(what).isNotEmpty();
                assertThat(l.ruleValidFrom()).as(what).isBeforeOrEqualTo(f.eventDate());
                sum += l.amount();
            }
            assertThat(a.total()).as(what).isEqualTo(sum);
            // which programme and protection decide first, then the rules valid at the event date
            boolean jkk = f.kind().programme() == id.lindung.enrolment.Programme.JKK;
            String expected = jkk && !f.cause().workRelated()
                    ? "NOT_WORK_RELATED"
                    : !jkk && f.cause().workRelated()
                            ? "DEATH_IS_JKK"
                            : jkk && !f.member().jkkProtected()
                                    ? "NOT_PROTECTED_JKK"
                                    : !jkk && !f.member().jkmProtected()
                                            ? "NOT_PROTECTED_JKM"
                                            : f.eventDate()
                                                            .isBefore(
                                                                    f.kind() == ClaimKind.JKK_STMB
                                                                            ? LocalDate.of(2015, 7, 1)
                                                                            : LocalDate.of(2019, 12, 2))
                                                    ? "RULE_MISSING"
                                                    : null;
            assertThat(a.eligible() ? null : a.refusal().code()).as(what).isEqualTo(expected);
            if (!a.eligible()) {
                assertThat(a.lines()).as(what).isEmpty();
                assertThat(a.refusal().legalBasis()).as(what).isNotBlank();
                continue;
            }
            assertThat(f.eventDate()).as(what).isAfterOrEqualTo(LocalDate.of(2015, 7, 1));
            checkKind(f, a, what);
        }
    }

    private static void checkKind(ClaimFacts f, BenefitAssessment a, String what) {
        long wage = f.member().wage();
        switch (f.kind()) {
            case JKK_MEDICAL ->
                assertThat(a.total())
                        .as(what)
                        .isEqualTo(((ClaimDetails.MedicalCare) f.details())
                                .invoices().stream().mapToLong(Invoice::amount).sum());
            case JKK_HOME_CARE -> {
                long claimed = ((ClaimDetails.HomeCare) f.details())
                        .invoices().stream().mapToLong(Invoice::amount).sum();
                assertThat(a.total()).as(what).isLessThanOrEqualTo(20_000_000).isLessThanOrEqualTo(claimed);
            }
            case JKK_TRANSPORT -> {
                Map<TransportMode, Long> claimed = new EnumMap<>(TransportMode.class);
                ((ClaimDetails.Transport) f.details())
                        .costs()
                        .forEach(c -> claimed.merge(c.mode(), c.amount(), Long::sum));
                Map<TransportMode, Long> caps = Map.of(
                        TransportMode.LAND, 5_000_000L, TransportMode.SEA, 2_000_000L, TransportMode.AIR, 10_000_000L);
                assertThat(a.lines()).as(what).hasSize(claimed.size());
                for (BenefitLine l : a.lines()) {
                    TransportMode mode = TransportMode.valueOf(l.code().substring("JKK_TRANSPORT_".length()));
                    assertThat(l.amount()).as(what).isEqualTo(Math.min(claimed.get(mode), caps.get(mode)));
                }
            }
            case JKK_STMB -> {
                int months = ((ClaimDetails.TemporaryIncapacity) f.details()).months();
                assertThat(a.total())
                        .as(what)
                        .isLessThanOrEqualTo(months * wage)
                        .isGreaterThanOrEqualTo(months * wage / 2 - a.lines().size());
                assertThat(a.lines().size()).as(what).isBetween(1, 3);
            }
            case JKK_DISABILITY_PARTIAL_ANATOMICAL, JKK_DISABILITY_PARTIAL_FUNCTIONAL ->
                // each line rounds by at most half a rupiah: never above 70% x 80 = 56 x wage (total disability)
                assertThat(a.total())
                        .as(what)
                        .isLessThanOrEqualTo(56 * wage + a.lines().size() / 2);
            case JKK_DISABILITY_TOTAL -> assertThat(a.total()).as(what).isEqualTo(56 * wage + 12_000_000);
            case JKK_DEATH -> {
                assertThat(a.lines().get(0).amount()).as(what).isEqualTo(Math.max(48 * wage, 20_000_000));
                assertThat(a.total()).as(what).isEqualTo(Math.max(48 * wage, 20_000_000) + 22_000_000);
            }
            case JKM_DEATH -> assertThat(a.total()).as(what).isEqualTo(42_000_000);
            default -> throw new IllegalStateException();
        }
    }

    // ------------------------------------------------------------------------------------------------ scholarship

    private static final Map<EducationLevel, long[]> TABLE = Map.of(
            EducationLevel.TK,
            new long[] {1_500_000, 2},
            EducationLevel.SD,
            new long[] {1_500_000, 6},
            EducationLevel.SMP,
            new long[] {2_000_000, 3},
            EducationLevel.SMA,
            new long[] {3_000_000, 3},
            EducationLevel.PT,
            new long[] {12_000_000, 5});

    private static Child child(Random r, String id, LocalDate asOf) {
        LocalDate birth = date(r, asOf.minusYears(25), asOf.plusYears(1));
        int age = Period.between(birth, asOf).getYears();
        EducationLevel level = null;
        int year = 0;
        if (age >= 4 && r.nextInt(6) != 0) {
            level = EducationLevel.values()[Math.min(4, r.nextInt(5))];
            year = 1 + r.nextInt((int) TABLE.get(level)[1] + 1); // sometimes beyond the level's maximum
        }
        return new Child(id, "child " + id, birth, level, year, r.nextInt(12) == 0, r.nextInt(12) == 0);
    }

    private static ClaimFacts scholarshipBasis(Random r) {
        LocalDate event = date(r, LocalDate.of(2021, 4, 1), LocalDate.of(2034, 12, 31));
        MemberFacts m = new MemberFacts(Segment.values()[r.nextInt(4)], true, true, r.nextInt(72), wage(r));
        return switch (r.nextInt(3)) {
            case 0 -> ClaimFacts.death(event, EventCause.WORK_ACCIDENT, m);
            case 1 -> ClaimFacts.totalDisability(event, m);
            default -> ClaimFacts.death(event, EventCause.OTHER, m);
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void scholarshipPlansStayWithinTheTable(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            ClaimFacts f = scholarshipBasis(r);
            LocalDate asOf = f.eventDate().plusDays(r.nextInt(400));
            List<Child> children = new ArrayList<>();
            for (int c = 0, n = r.nextInt(6); c < n; c++) {
                children.add(child(r, "c" + c, asOf));
            }
            ScholarshipPlan plan = PLANNER.plan(f, asOf, children);
            String what = "seed " + seed + " case " + i + ": " + f + " " + children;
            boolean jkmTooShort = f.kind() == ClaimKind.JKM_DEATH && f.member().contributionMonths() < 36;
            assertThat(plan.refusal() != null).as(what).isEqualTo(jkmTooShort);
            if (jkmTooShort) {
                assertThat(plan.schedules()).as(what).isEmpty();
                continue;
            }
            assertThat(plan.schedules().size()).as(what).isLessThanOrEqualTo(2);
            assertThat(plan.schedules().size() + plan.excluded().size())
                    .as(what)
                    .isEqualTo(children.size());
            assertThat(plan.total()).as(what).isLessThanOrEqualTo(174_000_000);
            int start = Math.max(ScholarshipPlanner.schoolYearOf(asOf), ScholarshipPlanner.schoolYearOf(f.eventDate()));
            for (ChildSchedule s : plan.schedules()) {
                assertThat(s.child().married() || s.child().working()).as(what).isFalse();
                assertThat(s.total()).as(what).isLessThanOrEqualTo(87_000_000);
                Map<EducationLevel, Integer> yearsPerLevel = new EnumMap<>(EducationLevel.class);
                int previous = start - 1;
                for (ScholarshipYear y : s.years()) {
                    assertThat(y.schoolYear()).as(what).isGreaterThan(previous);
                    previous = y.schoolYear();
                    assertThat(y.amount()).as(what).isPositive().isLessThanOrEqualTo(TABLE.get(y.level())[0]);
                    assertThat(Period.between(s.child().birthDate(), ScholarshipPlanner.firstDay(y.schoolYear()))
                                    .getYears())
                            .as(what)
                            .isLessThan(23);
                    yearsPerLevel.merge(y.level(), 1, Integer::sum);
                }
                yearsPerLevel.forEach(
                        (level, n) -> assertThat(n).as(what).isLessThanOrEqualTo((int) TABLE.get(level)[1]));
            }
            // by default the youngest in school are chosen, then those not yet in school, eldest first
            List<Child> eligibleNotChosen = plan.excluded().stream()
                    .filter(e -> e.reason().is(RefusalCode.SCHOLARSHIP_MAX_CHILDREN))
                    .map(ExcludedChild::child)
                    .toList();
            for (Child out : eligibleNotChosen) {
                assertThat(plan.schedules())
                        .as(what)
                        .hasSize(2)
                        .allSatisfy(s -> assertThat(ScholarshipPlanner.DEFAULT_PREFERENCE.compare(s.child(), out))
                                .isLessThanOrEqualTo(0));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24, 25})
    void yearlyClaimsNeverPayMoreThanTheRulesAllow(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            ClaimFacts f = scholarshipBasis(r);
            Map<String, List<ScholarshipPayment>> paid = new HashMap<>();
            List<Child> children = new ArrayList<>();
            for (int c = 0, n = 1 + r.nextInt(4); c < n; c++) {
                children.add(child(r, "c" + c, f.eventDate()));
            }
            String what = "seed " + seed + " case " + i + ": " + f + " " + children;
            int first = ScholarshipPlanner.schoolYearOf(f.eventDate()) - 1;
            for (int year = first; year < first + 25; year++) {
                for (Child c : children) {
                    if (r.nextInt(5) == 0) {
                        continue; // no claim this year
                    }
                    EducationLevel level = r.nextInt(8) == 0
                            ? null
                            : EducationLevel.values()[r.nextInt(EducationLevel.values().length)];
                    List<ScholarshipPayment> mine = paid.getOrDefault(c.id(), List.of());
                    int others = (int) paid.entrySet().stream()
                            .filter(e ->
                                    !e.getKey().equals(c.id()) && !e.getValue().isEmpty())
                            .count();
                    int claimed =
                            r.nextInt(10) == 0 && !mine.isEmpty() ? mine.get(0).schoolYear() : year;
                    ScholarshipDecision d = PLANNER.claimYear(f, new ScholarshipClaim(c, level, claimed, mine, others));
                    if (d.payable()) {
                        assertThat(level).as(what).isNotNull();
                        assertThat(d.amount()).as(what).isPositive().isLessThanOrEqualTo(TABLE.get(level)[0]);
                        assertThat(Period.between(c.birthDate(), ScholarshipPlanner.firstDay(claimed))
                                        .getYears())
                                .as(what)
                                .isLessThan(23);
                        paid.computeIfAbsent(c.id(), k -> new ArrayList<>())
                                .add(new ScholarshipPayment(claimed, level, d.amount()));
                    } else {
                        assertThat(d.refusal().legalBasis()).as(what).isNotBlank();
                    }
                }
            }
            assertThat(paid.values().stream().filter(p -> !p.isEmpty()).count())
                    .as(what)
                    .isLessThanOrEqualTo(2);
            for (List<ScholarshipPayment> p : paid.values()) {
                assertThat(p.stream().mapToLong(ScholarshipPayment::amount).sum())
                        .as(what)
                        .isLessThanOrEqualTo(87_000_000);
                assertThat(p.stream()
                                .map(ScholarshipPayment::schoolYear)
                                .distinct()
                                .count())
                        .as(what)
                        .isEqualTo(p.size());
                for (EducationLevel level : EducationLevel.values()) {
                    assertThat(p.stream().filter(x -> x.level() == level).count())
                            .as(what)
                            .isLessThanOrEqualTo(TABLE.get(level)[1]);
                }
            }
            if (f.kind() == ClaimKind.JKM_DEATH && f.member().contributionMonths() < 36) {
                assertThat(paid).as(what).isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ lateness

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {31, 32, 33, 34, 35})
    void latePaymentIsOnePercentPerCalendarDayAfterTheSeventhWorkingDay(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            LocalDate complete = date(r, LocalDate.of(2016, 1, 1), LAST);
            Set<LocalDate> holidays = new HashSet<>();
            for (int h = 0, n = r.nextInt(6); h < n; h++) {
                holidays.add(complete.plusDays(r.nextInt(20)));
            }
            HolidayCalendar calendar = HolidayCalendar.of(holidays);
            long benefit = r.nextInt(3) == 0 ? r.nextInt(1000) : (long) r.nextInt(Integer.MAX_VALUE);
            LocalDate paidOn = complete.plusDays(r.nextInt(60));
            LatePayment late = SERVICE_LEVEL.latePayment(benefit, complete, paidOn, calendar);
            String what = "seed " + seed + " case " + i + ": " + complete + " " + paidOn + " " + holidays;

            int working = 0;
            for (LocalDate d = complete.plusDays(1); !d.isAfter(late.dueDate()); d = d.plusDays(1)) {
                if (calendar.isWorkingDay(d)) {
                    working++;
                }
            }
            assertThat(working).as(what).isEqualTo(7);
            assertThat(calendar.isWorkingDay(late.dueDate())).as(what).isTrue();
            long days = Math.max(0, paidOn.toEpochDay() - late.dueDate().toEpochDay());
            assertThat(late.daysLate()).as(what).isEqualTo(days);
            // half up for non-negative amounts: floor((b x d + 50) / 100)
            assertThat(late.amount()).as(what).isEqualTo((benefit * days + 50) / 100);
            assertThat(late.line() == null).as(what).isEqualTo(days == 0);
        }
    }
}
