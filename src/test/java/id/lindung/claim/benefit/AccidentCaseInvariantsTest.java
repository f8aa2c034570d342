package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Benefits.CALCULATOR;
import static id.lindung.claim.benefit.Benefits.EVENT;
import static id.lindung.claim.benefit.Benefits.RULES;
import static id.lindung.claim.benefit.Benefits.bpu;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One accident pays once: random sequences of claims on one JKK case (fixed seeds), each assessed with what the
 * earlier ones hold, as the workflow does. Invariants: at most one lump sum in the case, and the later ones are
 * refused naming it; STMB months split over several claims pay exactly what one claim of all the months pays (the
 * tiers go on); transport per mode and home care never exceed their caps over the case.
 */
class AccidentCaseInvariantsTest {

    private static final int SEQUENCES = 400;
    private static final ClaimKind[] JKK = {
        ClaimKind.JKK_MEDICAL,
        ClaimKind.JKK_TRANSPORT,
        ClaimKind.JKK_STMB,
        ClaimKind.JKK_HOME_CARE,
        ClaimKind.JKK_DISABILITY_PARTIAL_ANATOMICAL,
        ClaimKind.JKK_DISABILITY_PARTIAL_FUNCTIONAL,
        ClaimKind.JKK_DISABILITY_TOTAL,
        ClaimKind.JKK_DEATH
    };

    private static ClaimFacts facts(Random r, ClaimKind kind, MemberFacts m) {
        return switch (kind) {
            case JKK_MEDICAL ->
                ClaimFacts.medical(
                        EVENT,
                        m,
                        List.of(new Invoice(EVENT.plusDays(r.nextInt(90)), "RSUD", 1 + r.nextInt(30_000_000))));
            case JKK_TRANSPORT ->
                ClaimFacts.transport(
                        EVENT,
                        m,
                        List.of(new TransportCost(
                                TransportMode.values()[r.nextInt(3)],
                                EVENT.plusDays(r.nextInt(30)),
                                "ambulans",
                                1 + r.nextInt(8_000_000))));
            case JKK_STMB -> ClaimFacts.stmb(EVENT, m, 1 + r.nextInt(10));
            case JKK_HOME_CARE ->
                ClaimFacts.homeCare(
                        EVENT,
                        m,
                        EVENT.plusDays(10),
                        List.of(new Invoice(
                                EVENT.plusDays(10 + r.nextInt(300)), "perawat", 1 + r.nextInt(12_000_000))));
            case JKK_DISABILITY_PARTIAL_ANATOMICAL -> ClaimFacts.anatomical(EVENT, m, anyCode(r));
            case JKK_DISABILITY_PARTIAL_FUNCTIONAL ->
                ClaimFacts.functional(
                        EVENT, m, new FunctionLoss(anyCode(r), java.math.BigDecimal.valueOf(1 + r.nextInt(100))));
            case JKK_DISABILITY_TOTAL -> ClaimFacts.totalDisability(EVENT, m);
            case JKK_DEATH -> ClaimFacts.death(EVENT, EventCause.WORK_ACCIDENT, m);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static String anyCode(Random r) {
        List<DisabilityRow> table = RULES.disabilityTable(EVENT);
        return table.get(r.nextInt(table.size())).code();
    }

    private static AccidentCase.EarlierClaim held(int no, ClaimFacts f, BenefitAssessment a) {
        int months = f.details() instanceof ClaimDetails.TemporaryIncapacity t ? t.months() : 0;
        return new AccidentCase.EarlierClaim(
                "KLM-2026-" + no,
                f.kind(),
                months,
                a.lines().stream()
                        .map(l -> new AccidentCase.PaidLine(l.code(), l.amount()))
                        .toList());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43})
    void aCaseNeverPaysALumpSumTwice_andStaysWithinItsCaps(long seed) {
        Random r = new Random(seed);
        for (int s = 0; s < SEQUENCES; s++) {
            MemberFacts m = bpu(1_000_000 + r.nextInt(9_000_000), r.nextInt(60));
            List<AccidentCase.EarlierClaim> earlier = new ArrayList<>();
            int lumpSums = 0;
            int stmbMonths = 0;
            Map<TransportMode, Long> transport = new EnumMap<>(TransportMode.class);
            long homeCare = 0;
            for (int i = 0, n = 1 + r.nextInt(8); i < n; i++) {
                ClaimFacts f = facts(r, JKK[r.nextInt(JKK.length)], m);
                AccidentCase accident = new AccidentCase("KLM-2026-0", earlier);
                BenefitAssessment a = CALCULATOR.assess(f, accident);
                String what = "seed " + seed + " sequence " + s + " claim " + i + ": " + f.kind() + " after " + earlier;
                if (f.kind().lumpSum()) {
                    if (lumpSums > 0) {
                        assertThat(a.refusal()).as(what).isNotNull();
                        assertThat(a.refusal().code()).as(what).isEqualTo("LUMP_SUM_ALREADY_IN_CASE");
                        assertThat(a.refusal().args().get(1))
                                .as(what)
                                .isEqualTo(accident.lumpSum().orElseThrow().claimNumber());
                    } else {
                        assertThat(a.eligible()).as(what).isTrue();
                        lumpSums++;
                    }
                }
                if (!a.eligible()) {
                    continue; // refused claims hold nothing: the workflow leaves them out of the case
                }
                for (BenefitLine l : a.lines()) {
                    if (l.code().startsWith("JKK_TRANSPORT_")) {
                        transport.merge(TransportMode.valueOf(l.code().substring(14)), l.amount(), Long::sum);
                    } else if (l.code().equals("JKK_HOME_CARE")) {
                        homeCare += l.amount();
                    }
                }
                if (f.details() instanceof ClaimDetails.TemporaryIncapacity t) {
                    stmbMonths += t.months();
                }
                earlier.add(held(i, f, a));
            }
            String what = "seed " + seed + " sequence " + s + ": " + earlier;
            assertThat(earlier.stream().filter(c -> c.kind().lumpSum()).count())
                    .as(what)
                    .isLessThanOrEqualTo(1);
            transport.forEach((mode, paid) -> assertThat(paid)
                    .as(what)
                    .isLessThanOrEqualTo(RULES.rule(mode.cap(), EVENT).longValue()));
            assertThat(homeCare)
                    .as(what)
                    .isLessThanOrEqualTo(
                            RULES.rule(RuleKey.JKK_HOME_CARE_MAX, EVENT).longValue());
            if (stmbMonths > 0) {
                long split = earlier.stream()
                        .filter(c -> c.kind() == ClaimKind.JKK_STMB)
                        .mapToLong(AccidentCase.EarlierClaim::total)
                        .sum();
                long whole =
                        CALCULATOR.assess(ClaimFacts.stmb(EVENT, m, stmbMonths)).total();
                // each claim rounds its own tier lines: at most one rupiah per line apart
                assertThat(Math.abs(split - whole)).as(what).isLessThanOrEqualTo(3L * earlier.size());
            }
        }
    }

    @Test
    @DisplayName("STMB 10 months, then 5 more on the same accident: months 11-12 at 100%, 13-15 at 50% (PP 82/2019)")
    void furtherStmbMonthsContinueTheTiers() {
        MemberFacts m = bpu(2_000_000, 12);
        BenefitAssessment first = CALCULATOR.assess(ClaimFacts.stmb(EVENT, m, 10));
        AccidentCase accident = new AccidentCase(
                "KLM-2026-000001",
                List.of(new AccidentCase.EarlierClaim(
                        "KLM-2026-000001",
                        ClaimKind.JKK_STMB,
                        10,
                        first.lines().stream()
                                .map(l -> new AccidentCase.PaidLine(l.code(), l.amount()))
                                .toList())));
        BenefitAssessment more = CALCULATOR.assess(ClaimFacts.stmb(EVENT, m, 5), accident);
        assertThat(more.lines()).extracting(BenefitLine::args).containsExactly(List.of(11, 12), List.of(13, 15));
        assertThat(more.lines()).extracting(BenefitLine::amount).containsExactly(4_000_000L, 3_000_000L);
        assertThat(first.total() + more.total())
                .isEqualTo(CALCULATOR.assess(ClaimFacts.stmb(EVENT, m, 15)).total());
    }

    @Test
    @DisplayName("Transport on a case: the cap is what is left, and the formula says what the case already holds")
    void transportCapIsWhatIsLeft() {
        MemberFacts m = bpu(2_000_000, 12);
        AccidentCase accident = new AccidentCase(
                "KLM-2026-000001",
                List.of(new AccidentCase.EarlierClaim(
                        "KLM-2026-000001",
                        ClaimKind.JKK_TRANSPORT,
                        0,
                        List.of(new AccidentCase.PaidLine("JKK_TRANSPORT_SEA", 1_500_000)))));
        BenefitAssessment a = CALCULATOR.assess(
                ClaimFacts.transport(
                        EVENT, m, List.of(new TransportCost(TransportMode.SEA, EVENT, "speedboat", 1_000_000))),
                accident);
        assertThat(a.total()).isEqualTo(500_000);
        assertThat(a.lines().get(0).formula()).isEqualTo("min(Rp1.000.000; Rp2.000.000 − Rp1.500.000)");
    }
}
