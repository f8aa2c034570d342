package id.lindung.sponsorship.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.shared.Decision;
import id.lindung.shared.DecisionProperties;
import id.lindung.sponsorship.Programme;
import id.lindung.sponsorship.workflow.SponsorshipAction.BillLine;
import id.lindung.sponsorship.workflow.SponsorshipAction.Kind;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow.Ending;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow.Payment;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow.Placement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * Sponsorship programmes over random sequences of changes by random people (officers and administrators of the
 * province and of one kab/kota, an analyst, an agent, a bank officer), while the months pass: workers put on the list
 * (again, or already BPU elsewhere), consolidated bills paid (again), the programme ended (again, after any month, in
 * any way). After every step:
 *
 * <ul>
 * <li>only officers and administrators whose scope holds the sponsor's region change a programme;</li>
 * <li>a programme takes beneficiaries only until it ended or its last month is past, each from a month within the
 * programme; the same worker twice changes nothing; a worker already BPU elsewhere is left alone;</li>
 * <li>a bill is paid once: each member's open amount, and a second payment of the same month pays nothing;</li>
 * <li>a programme ends once, after a month from the one before its start to its end month;</li>
 * <li>a refused change changes nothing and names its rules; the forms offered are exactly the changes allowed.</li>
 * </ul>
 */
class SponsorshipWorkflowPropertiesTest {

    static final LocalDate FIRST_DAY = LocalDate.of(2026, 12, 7);
    static final List<LindungUser> PEOPLE = List.of(
            person("admin", Role.ADMIN, "61"),
            person("petugas.kalbar", Role.OFFICER, "61"),
            person("petugas.ketapang", Role.OFFICER, "61.04"),
            person("petugas.pontianak", Role.OFFICER, "61.71"),
            person("analis", Role.GOV_ANALYST, "61"),
            person("agen", Role.AGENT, "61.04"),
            person("bank", Role.BANK_OFFICER, "61"));

    private static LindungUser person(String username, Role role, String scope) {
        return new LindungUser(username, username, role, RegionScope.of(scope));
    }

    /** One step: who, what, and the random numbers that fill it in. */
    record Step(LindungUser actor, int what, long seed) {}

    @Property(tries = 1000, seed = "17006", shrinking = ShrinkingMode.BOUNDED)
    void randomSequencesKeepTheRules(@ForAll("programmes") Programme start, @ForAll("steps") List<Step> steps) {
        Programme p = start;
        LocalDate today = FIRST_DAY;
        Set<Integer> listed = new HashSet<>();
        Map<YearMonth, List<BillLine>> bills = new HashMap<>();
        for (Step step : steps) {
            Random r = new Random(step.seed());
            LindungUser by = step.actor();
            Set<Kind> offered = SponsorshipWorkflow.offered(p, by, today);
            validInputIsAllowedExactlyWhenOffered(p, by, today, offered);
            switch (step.what()) {
                case 0 -> today = today.plusMonths(1); // time passes
                case 1 -> {
                    Decision<YearMonth> d = SponsorshipWorkflow.addBeneficiaries(p, by, today);
                    check(d, Kind.ADD_BENEFICIARIES, offered, by, p);
                    if (d.allowed()) {
                        YearMonth first = d.orThrow();
                        assertThat(first).isBetween(p.startMonth(), p.endMonth());
                        assertThat(first).isAfterOrEqualTo(YearMonth.from(today));
                        int worker = r.nextInt(5);
                        boolean elsewhere = r.nextInt(4) == 0;
                        Placement placement = SponsorshipWorkflow.place(listed.contains(worker), elsewhere);
                        if (listed.contains(worker)) {
                            assertThat(placement).isEqualTo(Placement.UNCHANGED);
                        } else if (elsewhere) {
                            assertThat(placement).isEqualTo(Placement.ELSEWHERE);
                        } else {
                            assertThat(placement).isEqualTo(Placement.ADDED);
                            listed.add(worker);
                        }
                    }
                }
                case 2 -> {
                    YearMonth month = r.nextInt(10) == 0 ? null : p.startMonth().plusMonths(r.nextInt(4));
                    List<BillLine> lines = month == null ? List.of() : bills.computeIfAbsent(month, m -> bill(r));
                    Decision<Payment> d =
                            SponsorshipWorkflow.pay(p, new SponsorshipAction.PayBill(month, null, lines), by, today);
                    check(d, Kind.PAY_BILL, offered, by, p);
                    if (d.allowed()) {
                        Payment payment = d.orThrow();
                        long open = lines.stream()
                                .mapToLong(BillLine::open)
                                .filter(o -> o > 0)
                                .sum();
                        assertThat(payment.toPay()).allMatch(l -> l.open() > 0);
                        assertThat(payment.toPay().stream()
                                        .mapToLong(BillLine::open)
                                        .sum())
                                .isEqualTo(open);
                        assertThat(payment.toPay().size() + payment.alreadyPaid())
                                .isEqualTo(lines.size());
                        assertThat(payment.paidOn()).isEqualTo(today);
                        bills.put(
                                month,
                                lines.stream()
                                        .map(l -> new BillLine(l.membershipId(), l.amount(), l.amount()))
                                        .toList()); // paid: a second payment finds nothing open
                    }
                }
                default -> {
                    YearMonth last = r.nextInt(4) == 0 ? null : p.startMonth().plusMonths(r.nextInt(30) - 4);
                    String action =
                            List.of("END", "HAND_OVER", "END", "SELESAI", "").get(r.nextInt(5));
                    Decision<Ending> d = SponsorshipWorkflow.end(p, new SponsorshipAction.End(last, action), by, today);
                    check(d, Kind.END, offered, by, p);
                    if (d.allowed()) {
                        Ending ending = d.orThrow();
                        assertThat(p.endedOn()).as("a programme ends once").isNull();
                        assertThat(ending.lastMonth()).isBetween(p.startMonth().minusMonths(1), p.endMonth());
                        assertThat(ending.handOverFrom())
                                .isEqualTo(ending.lastMonth().plusMonths(1));
                        p = ended(p, ending);
                    }
                }
            }
        }
        Statistics.label("ended").collect(p.endedOn() != null);
        Statistics.label("listed").collect(listed.size() > 0);
        Statistics.label("ended").coverage(c -> c.check(true).percentage(x -> x >= 10));
        Statistics.label("listed").coverage(c -> c.check(true).percentage(x -> x >= 20));
    }

    /** Who may, and the rules of every decision ({@link DecisionProperties#agreesWithTheOffer}). */
    private static void check(Decision<?> d, Kind kind, Set<Kind> offered, LindungUser by, Programme p) {
        DecisionProperties.agreesWithTheOffer(d, kind, offered);
        if (d.allowed()) {
            assertThat(by.role()).isIn(Role.ADMIN, Role.OFFICER);
            assertThat(by.scope().includes(p.sponsorRegion())).isTrue();
        }
    }

    private static void validInputIsAllowedExactlyWhenOffered(
            Programme p, LindungUser by, LocalDate today, Set<Kind> offered) {
        assertThat(SponsorshipWorkflow.addBeneficiaries(p, by, today).allowed())
                .isEqualTo(offered.contains(Kind.ADD_BENEFICIARIES));
        assertThat(SponsorshipWorkflow.pay(
                                p,
                                new SponsorshipAction.PayBill(
                                        p.startMonth(), null, List.of(new BillLine(1, 16_800, 0))),
                                by,
                                today)
                        .allowed())
                .isEqualTo(offered.contains(Kind.PAY_BILL));
        assertThat(SponsorshipWorkflow.end(p, new SponsorshipAction.End(p.endMonth(), "HAND_OVER"), by, today)
                        .allowed())
                .isEqualTo(offered.contains(Kind.END));
    }

    private static List<BillLine> bill(Random r) {
        List<BillLine> lines = new ArrayList<>();
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            long amount = 16_800L * (1 + r.nextInt(3));
            lines.add(new BillLine(100 + i, amount, r.nextInt(3) == 0 ? amount : r.nextInt(2) * 5_000L));
        }
        return lines;
    }

    private static Programme ended(Programme p, Ending ending) {
        return new Programme(
                p.id(),
                p.name(),
                p.sponsorRegion(),
                p.sponsorName(),
                p.legalBasis(),
                p.fundingSource(),
                p.budget(),
                p.startMonth(),
                p.endMonth(),
                p.declaredIncome(),
                p.eligibility(),
                ending.lastMonth(),
                ending.action(),
                p.beneficiaries(),
                p.createdBy(),
                p.createdAt(),
                p.version() + 1);
    }

    @Provide
    Arbitrary<Programme> programmes() {
        return Arbitraries.randomValue(r -> {
            YearMonth start = YearMonth.from(FIRST_DAY).plusMonths(r.nextInt(12) - 6);
            String sponsor = List.of("61", "61.04", "61.71").get(r.nextInt(3));
            return new Programme(
                    1,
                    "Bantuan iuran",
                    sponsor,
                    sponsor,
                    "Pergub 1/2026",
                    Programme.FundingSource.APBD,
                    1_000_000_000L,
                    start,
                    start.plusMonths(r.nextInt(18)),
                    1_000_000,
                    null,
                    null,
                    null,
                    0,
                    "admin",
                    Instant.parse("2026-01-01T00:00:00Z"),
                    0);
        });
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<LindungUser> people = Arbitraries.of(PEOPLE);
        Arbitrary<Integer> what = Arbitraries.integers().between(0, 3);
        return net.jqwik.api.Combinators.combine(people, what, Arbitraries.longs())
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(25);
    }
}
