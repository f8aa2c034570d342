package id.lindung.paritrana.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.paritrana.Category;
import id.lindung.paritrana.Cycle;
import id.lindung.paritrana.CycleStatus;
import id.lindung.paritrana.Entrant;
import id.lindung.paritrana.Indicator;
import id.lindung.paritrana.workflow.ParitranaWorkflow.Kind;
import id.lindung.shared.Decision;
import id.lindung.shared.DecisionProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Paritrana cycles over random sequences of changes by random people (an administrator, a province-wide officer, a
 * kab/kota officer, a province and a kab/kota analyst, an agent, a bank officer): status changes to any status,
 * weights in and out of range, business entrants (again, in another province), evidence and jury scores of any
 * indicator. After every step:
 *
 * <ul>
 * <li>a closed cycle is final: every change to it is refused;</li>
 * <li>the weights never all become 0, and stay within 0–100;</li>
 * <li>evidence goes in only while the cycle is open, by the entrant's government (or an administrator), for an
 * evidence indicator of the cycle; jury scores only while it is not closed, by jurors, for a jury indicator;</li>
 * <li>business entrants only on an open business cycle, once per name and region;</li>
 * <li>a refused change changes nothing and names its rules; the forms offered are exactly the changes allowed.</li>
 * </ul>
 */
class ParitranaWorkflowPropertiesTest {

    static final List<LindungUser> PEOPLE = List.of(
            person("admin", Role.ADMIN, "61"),
            person("petugas.kalbar", Role.OFFICER, "61"),
            person("petugas.ketapang", Role.OFFICER, "61.04"),
            person("analis.provinsi", Role.GOV_ANALYST, "61"),
            person("analis.ketapang", Role.GOV_ANALYST, "61.04"),
            person("agen", Role.AGENT, "61.04"),
            person("bank", Role.BANK_OFFICER, "61"));
    static final List<String> REGIONS = List.of("61.04", "61.71", "62.01");

    private static LindungUser person(String username, Role role, String scope) {
        return new LindungUser(username, username, role, RegionScope.of(scope));
    }

    record Step(LindungUser actor, int what, long seed) {}

    @Property(tries = 1000, seed = "17006", shrinking = ShrinkingMode.BOUNDED)
    void randomSequencesKeepTheRules(@ForAll("cycles") Cycle start, @ForAll("steps") List<Step> steps) {
        Cycle c = start;
        for (Step step : steps) {
            Random r = new Random(step.seed());
            LindungUser by = step.actor();
            Entrant entrant = c.entrants().isEmpty()
                    ? null
                    : c.entrants().get(r.nextInt(c.entrants().size()));
            Set<Kind> offered = ParitranaWorkflow.offered(c, entrant, by);
            validInputIsAllowedExactlyWhenOffered(c, entrant, by, offered);
            Indicator code = Indicator.values()[r.nextInt(Indicator.values().length)];
            CycleStatus before = c.status();
            switch (step.what()) {
                case 0 -> {
                    CycleStatus to = CycleStatus.values()[r.nextInt(3)];
                    Decision<CycleStatus> d = ParitranaWorkflow.setStatus(c, to, by);
                    check(d, Kind.SET_STATUS, offered, before);
                    if (d.allowed()) {
                        assertThat(by.role()).isEqualTo(Role.ADMIN);
                        assertThat(ParitranaWorkflow.nextStatuses(before)).contains(to);
                        c = with(c, to, c.indicators(), c.entrants());
                    }
                }
                case 1 -> {
                    int weight = r.nextInt(111) - 5;
                    String note = r.nextInt(10) == 0 ? "x".repeat(401) : r.nextBoolean() ? null : "catatan";
                    Decision<ParitranaWorkflow.WeightChange> d = ParitranaWorkflow.setWeight(c, code, weight, note, by);
                    check(d, Kind.SET_WEIGHT, offered, before);
                    if (d.allowed()) {
                        c = with(
                                c,
                                c.status(),
                                c.indicators().stream()
                                        .map(w -> w.code() == code
                                                ? weight(
                                                        code,
                                                        weight,
                                                        d.orThrow().note())
                                                : w)
                                        .toList(),
                                c.entrants());
                    }
                }
                case 2 -> {
                    String name = List.of("PT Sawit", "pt sawit", "CV Maju", "", "x".repeat(201))
                            .get(r.nextInt(5));
                    String region = REGIONS.get(r.nextInt(REGIONS.size()));
                    Decision<ParitranaWorkflow.NewEntrant> d =
                            ParitranaWorkflow.addEntrant(c, name, region, null, x -> x.startsWith("61"), by);
                    check(d, Kind.ADD_ENTRANT, offered, before);
                    if (d.allowed()) {
                        assertThat(c.category().regional()).isFalse();
                        assertThat(before).isEqualTo(CycleStatus.OPEN);
                        List<Entrant> entrants = new ArrayList<>(c.entrants());
                        entrants.add(new Entrant(
                                entrants.size() + 10,
                                c.id(),
                                d.orThrow().regionCode(),
                                d.orThrow().name(),
                                null));
                        c = with(c, c.status(), c.indicators(), entrants);
                    }
                }
                case 3 -> {
                    if (entrant == null) {
                        continue;
                    }
                    long value = r.nextInt(10) == 0 ? -1 : r.nextInt(5);
                    String document = r.nextInt(10) == 0 ? " " : "Perbup 83/2023";
                    Decision<String> d = ParitranaWorkflow.enterEvidence(c, entrant, code, value, document, by);
                    check(d, Kind.ENTER_EVIDENCE, offered, before);
                    if (d.allowed()) {
                        assertThat(before).isEqualTo(CycleStatus.OPEN);
                        assertThat(ParitranaWorkflow.mayEnterEvidence(entrant.regionCode(), by))
                                .isTrue();
                        assertThat(code.source()).isEqualTo(Indicator.Source.EVIDENCE);
                    }
                }
                default -> {
                    int score = r.nextInt(111) - 5;
                    Decision<ParitranaWorkflow.Score> d = ParitranaWorkflow.score(c, code, score, null, by);
                    check(d, Kind.SCORE, offered, before);
                    if (d.allowed()) {
                        assertThat(before).isNotEqualTo(CycleStatus.CLOSED);
                        assertThat(ParitranaWorkflow.isJuror(by)).isTrue();
                        assertThat(code.source()).isEqualTo(Indicator.Source.JURY);
                        assertThat(score).isBetween(0, 100);
                    }
                }
            }
            if (before == CycleStatus.CLOSED) {
                assertThat(c.status()).as("closed is final").isEqualTo(CycleStatus.CLOSED);
            }
            assertThat(c.weightTotal()).isPositive();
            assertThat(c.indicators()).allMatch(w -> w.weight() >= 0 && w.weight() <= 100);
            assertThat(c.entrants().stream()
                            .map(e -> e.regionCode() + "/" + e.name().toLowerCase())
                            .distinct()
                            .count())
                    .isEqualTo(c.entrants().size());
        }
        Statistics.label("status").collect(c.status());
        Statistics.label("status").coverage(cov -> cov.check(CycleStatus.CLOSED).percentage(p -> p >= 3));
    }

    private static void check(Decision<?> d, Kind kind, Set<Kind> offered, CycleStatus before) {
        DecisionProperties.agreesWithTheOffer(d, kind, offered);
        if (d.allowed()) {
            assertThat(before).as("nothing changes a closed cycle").isNotEqualTo(CycleStatus.CLOSED);
        }
    }

    private static void validInputIsAllowedExactlyWhenOffered(
            Cycle c, Entrant entrant, LindungUser by, Set<Kind> offered) {
        boolean anyStatus = ParitranaWorkflow.nextStatuses(c.status()).stream()
                .anyMatch(to -> ParitranaWorkflow.setStatus(c, to, by).allowed());
        assertThat(anyStatus).isEqualTo(offered.contains(Kind.SET_STATUS));
        assertThat(ParitranaWorkflow.setWeight(c, c.indicators().get(0).code(), 10, null, by)
                        .allowed())
                .isEqualTo(offered.contains(Kind.SET_WEIGHT));
        assertThat(ParitranaWorkflow.addEntrant(
                                c, "PT Baru " + c.entrants().size(), "61.04", null, x -> x.startsWith("61"), by)
                        .allowed())
                .isEqualTo(offered.contains(Kind.ADD_ENTRANT));
        if (entrant != null) {
            assertThat(ParitranaWorkflow.enterEvidence(c, entrant, Indicator.HEAD_ATTENDANCE, 1, "Daftar hadir", by)
                            .allowed())
                    .isEqualTo(offered.contains(Kind.ENTER_EVIDENCE));
        }
        assertThat(ParitranaWorkflow.score(c, Indicator.INNOVATION, 80, null, by)
                        .allowed())
                .isEqualTo(offered.contains(Kind.SCORE));
    }

    private static Cycle with(Cycle c, CycleStatus status, List<Cycle.Weight> weights, List<Entrant> entrants) {
        return new Cycle(
                c.id(),
                c.year(),
                c.category(),
                c.evaluationYear(),
                status,
                c.createdBy(),
                c.createdAt(),
                status == CycleStatus.CLOSED ? Instant.EPOCH : null,
                weights,
                entrants);
    }

    private static Cycle.Weight weight(Indicator code, int weight, String note) {
        return new Cycle.Weight(
                code,
                code.source(),
                code.unit(),
                code.scale(),
                code.ordinal(),
                weight,
                false,
                note,
                "admin",
                Instant.EPOCH);
    }

    @Provide
    Arbitrary<Cycle> cycles() {
        return Arbitraries.randomValue(r -> {
            Category category = Category.values()[r.nextInt(Category.values().length)];
            // both kinds of cycle have an evidence and a jury indicator here, so every kind of change can happen
            List<Indicator> codes = category.regional()
                    ? List.of(
                            Indicator.COVERAGE_RATE,
                            Indicator.REGULATIONS,
                            Indicator.INNOVATION,
                            Indicator.HEAD_ATTENDANCE)
                    : List.of(
                            Indicator.WORKERS_ENROLLED_SHARE,
                            Indicator.PROGRAMMES,
                            Indicator.INNOVATION,
                            Indicator.HEAD_ATTENDANCE);
            List<Cycle.Weight> weights = codes.stream()
                    .map(code -> weight(code, r.nextInt(3) * 10, "bawaan"))
                    .toList();
            if (weights.stream().mapToInt(Cycle.Weight::weight).sum() == 0) {
                weights = codes.stream().map(code -> weight(code, 25, "bawaan")).toList();
            }
            List<Entrant> entrants = new ArrayList<>();
            if (category.regional()) {
                entrants.add(new Entrant(1, 1, "61.04", "Kabupaten Ketapang", null));
                entrants.add(new Entrant(2, 1, "61.71", "Kota Pontianak", null));
            }
            return new Cycle(
                    1, 2026, category, 2025, CycleStatus.OPEN, "admin", Instant.EPOCH, null, weights, entrants);
        });
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(
                        Arbitraries.of(PEOPLE), Arbitraries.integers().between(0, 4), Arbitraries.longs())
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(30);
    }
}
