package id.lindung.claim.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.benefit.ClaimKind;
import id.lindung.claim.benefit.OncePerEvent;
import id.lindung.claim.workflow.ClaimAction.Kind;
import id.lindung.shared.Decision;
import id.lindung.shared.DecisionProperties;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * The claim workflow over random sequences of steps by random people (officers, an administrator, an officer through
 * an API token, an agent, an analyst, a bank officer), with random input (missing, future, too early, too long), on
 * claims of every kind, eligible or not, below and above the four-eyes threshold. After every step:
 *
 * <ul>
 * <li>no claim is approved or paid above the threshold without two distinct people approving it, none through a
 * token, each an officer or administrator (counted here from the steps allowed, not read from the claim);</li>
 * <li>a claim is paid only once approved, approved only once verified with a document and found eligible, paid on a
 * day from its documents' completion to today; rejected and paid claims stay so; a death is in force only on an
 * approved death claim;</li>
 * <li>a refused step changes nothing (the sequence goes on from the same state) and names its rules: a 403, 404 or
 * 409 rule alone, else only 422 rules;</li>
 * <li>the steps offered are exactly the steps allowed: a step allowed with some input is offered; an offered step is
 * allowed with a valid input and refused only for its input; a step not offered is refused whatever the input,
 * naming a rule of the claim or the actor.</li>
 * </ul>
 *
 * <p>Pure (no Spring, no database): a thousand sequences in well under a second. Fixed seed; jqwik reports it with
 * the (shrunk) sequence on a failure.
 */
class ClaimWorkflowPropertiesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final long THRESHOLD = 50_000_000;
    static final LindungUser OFFICER_A = officer("petugas.a", Role.OFFICER);
    static final LindungUser OFFICER_B = officer("petugas.b", Role.OFFICER);
    static final LindungUser ADMIN = officer("admin", Role.ADMIN);
    static final LindungUser A_BY_TOKEN = new LindungUser(
            "petugas.a", "petugas.a", Role.OFFICER, RegionScope.of("61"), new LindungUser.ViaToken(1, "mesin"));
    static final LindungUser AGENT = officer("agen", Role.AGENT);
    static final LindungUser ANALYST = officer("analis", Role.GOV_ANALYST);
    static final LindungUser BANK = officer("bank", Role.BANK_OFFICER);

    private final ClaimWorkflow workflow = new ClaimWorkflow(THRESHOLD);

    private static LindungUser officer(String username, Role role) {
        return new LindungUser(username, username, role, RegionScope.of("61"));
    }

    record Step(LindungUser actor, ClaimAction action) {}

    @Property(tries = 1000, seed = "17006", shrinking = ShrinkingMode.BOUNDED)
    void randomSequencesKeepTheRules(@ForAll("claims") ClaimState start, @ForAll("steps") List<Step> steps) {
        ClaimState s = start;
        Set<String> approvers = new LinkedHashSet<>();
        for (Step step : steps) {
            ClaimState before = s;
            Kind kind = step.action().kind();
            Decision<Transition> decision = workflow.decide(s, step.action(), step.actor(), TODAY);
            Set<Kind> offered = workflow.offered(s, step.actor());
            offeredIsAllowed(s, step, decision, offered);
            if (!decision.allowed()) {
                continue; // a refused step changes nothing: the next one starts from the same claim
            }
            Transition t = decision.orThrow();
            whoMay(step, kind);
            if (kind == Kind.APPROVE) {
                approvers.add(step.actor().username());
            }
            s = kind == Kind.ADD_DOCUMENT ? withDocuments(t.next(), s.documents() + 1) : t.next();
            if (kind == Kind.PAY) {
                assertThat(before.status()).isEqualTo(ClaimStatus.APPROVED);
            }
            if (before.status() == ClaimStatus.REJECTED || before.status() == ClaimStatus.PAID) {
                assertThat(s.status()).as("a decided claim stays decided").isEqualTo(before.status());
            }
            invariants(s, approvers);
        }
        String reached = s.status()
                + (s.total() > THRESHOLD && !s.status().open() && s.status() != ClaimStatus.REJECTED
                        ? " above the threshold"
                        : "");
        Statistics.label("reached").collect(reached);
        Statistics.label("reached").coverage(c -> {
            c.check("PAID").percentage(p -> p >= 2);
            c.check("PAID above the threshold").percentage(p -> p >= 1);
            c.check("REJECTED").percentage(p -> p >= 2);
        });
    }

    private void offeredIsAllowed(ClaimState s, Step step, Decision<Transition> decision, Set<Kind> offered) {
        DecisionProperties.agreesWithTheOffer(decision, step.action().kind(), offered);
        for (Kind k : Kind.values()) {
            assertThat(workflow.decide(s, valid(k), step.actor(), TODAY).allowed())
                    .as("%s with a valid input is allowed exactly when offered", k)
                    .isEqualTo(offered.contains(k));
        }
    }

    private static void whoMay(Step step, Kind kind) {
        LindungUser actor = step.actor();
        if (kind.decision()) {
            assertThat(actor.role()).isIn(Role.ADMIN, Role.OFFICER);
        } else {
            assertThat(actor.role()).isIn(Role.ADMIN, Role.OFFICER, Role.AGENT);
        }
        if (kind == Kind.APPROVE) {
            assertThat(actor.byToken())
                    .as("approvals need the person, not a token")
                    .isFalse();
        }
    }

    private static void invariants(ClaimState s, Set<String> approvers) {
        boolean approved = s.status() == ClaimStatus.APPROVED || s.status() == ClaimStatus.PAID;
        if (approved || s.status() == ClaimStatus.AWAITING_SECOND) {
            assertThat(s.eligible()).isTrue();
            assertThat(s.documents()).isPositive();
            assertThat(s.verifiedBy()).isNotNull();
            assertThat(s.documentsCompleteOn()).isNotNull();
        }
        if (approved && s.total() > THRESHOLD) {
            assertThat(approvers).as("two distinct people approved").hasSizeGreaterThanOrEqualTo(2);
            assertThat(s.firstApprover()).isNotNull().isNotEqualTo(s.decidedBy());
            assertThat(s.decidedBy()).isNotNull();
        }
        if (approved) {
            assertThat(approvers).isNotEmpty().contains(s.decidedBy());
        }
        if (s.status() == ClaimStatus.PAID) {
            assertThat(s.paidOn())
                    .isNotNull()
                    .isAfterOrEqualTo(s.documentsCompleteOn())
                    .isBeforeOrEqualTo(TODAY);
        }
        if (s.deathInForce()) {
            assertThat(s.kind().death()).isTrue();
            assertThat(s.status()).isIn(ClaimStatus.APPROVED, ClaimStatus.PAID);
        }
    }

    /** A valid input for each kind of step: with it, only the rules of the claim and the actor can refuse. */
    static ClaimAction valid(Kind kind) {
        return switch (kind) {
            case ADD_DOCUMENT -> new ClaimAction.AddDocument();
            case ASSIGN -> new ClaimAction.Assign();
            case VERIFY -> new ClaimAction.Verify(TODAY);
            case CHOOSE_CHILDREN -> new ClaimAction.ChooseChildren();
            case APPROVE -> new ClaimAction.Approve();
            case REJECT -> new ClaimAction.Reject("Kuitansi tidak sah");
            case PAY -> new ClaimAction.Pay(TODAY, "TRF-0001");
            case CORRECT_DEATH -> new ClaimAction.CorrectDeath("Salah orang");
            case SCHOLARSHIP_YEAR -> new ClaimAction.ScholarshipYear();
        };
    }

    static ClaimState withDocuments(ClaimState s, int documents) {
        return new ClaimState(
                s.claimNumber(),
                s.status(),
                s.kind(),
                s.eventDate(),
                s.eligible(),
                s.total(),
                s.employerPays(),
                documents,
                s.children(),
                s.assignedTo(),
                s.verifiedBy(),
                s.documentsCompleteOn(),
                s.firstApprover(),
                s.decidedBy(),
                s.paidOn(),
                s.deathInForce(),
                s.caseNumber(),
                s.otherClaims(),
                s.lumpSumHeldBy());
    }

    // ------------------------------------------------------------------------------------------------ generators

    private static Arbitrary<ClaimAction> just(ClaimAction action) {
        return Arbitraries.just(action);
    }

    @Provide
    Arbitrary<ClaimState> claims() {
        return Arbitraries.randomValue(ClaimWorkflowPropertiesTest::claim);
    }

    /** A claim just taken in: any kind, eligible or not, below or above the threshold, with or without children. */
    static ClaimState claim(Random r) {
        ClaimKind kind = ClaimKind.values()[r.nextInt(ClaimKind.values().length)];
        LocalDate event = TODAY.minusDays(r.nextInt(500));
        long total = r.nextInt(4) == 0 ? THRESHOLD : (long) r.nextInt(2 * (int) (THRESHOLD / 1000)) * 1000;
        List<OncePerEvent.OtherClaim> others = new ArrayList<>();
        if (r.nextInt(6) == 0) {
            others.add(new OncePerEvent.OtherClaim(
                    "KLM-2026-000009",
                    r.nextBoolean() ? ClaimKind.JKM_DEATH : ClaimKind.JKK_MEDICAL,
                    event,
                    r.nextBoolean(),
                    null));
        }
        String caseNumber = kind.programme() == id.lindung.enrolment.Programme.JKK ? "KLM-2026-000001" : null;
        return new ClaimState(
                "KLM-2026-000001",
                ClaimStatus.SUBMITTED,
                kind,
                event,
                r.nextInt(4) != 0,
                total,
                r.nextInt(8) == 0,
                0,
                r.nextInt(3),
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                caseNumber,
                others,
                r.nextInt(8) == 0 ? "KLM-2026-000002" : null);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<LindungUser> actors = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just(OFFICER_A)),
                Tuple.of(5, Arbitraries.just(OFFICER_B)),
                Tuple.of(3, Arbitraries.just(ADMIN)),
                Tuple.of(1, Arbitraries.just(A_BY_TOKEN)),
                Tuple.of(1, Arbitraries.just(AGENT)),
                Tuple.of(1, Arbitraries.just(ANALYST)),
                Tuple.of(1, Arbitraries.just(BANK)));
        Arbitrary<LocalDate> dates = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(TODAY.plusDays(1))),
                Tuple.of(1, Arbitraries.just(LocalDate.of(2013, 12, 31))),
                Tuple.of(4, Arbitraries.integers().between(0, 500).map(TODAY::minusDays)),
                Tuple.of(8, Arbitraries.integers().between(0, 10).map(TODAY::minusDays)));
        Arbitrary<LocalDate> maybeDates = dates.injectNull(0.1);
        Arbitrary<String> texts = Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(" ")),
                        Tuple.of(1, Arbitraries.just("x".repeat(501))),
                        Tuple.of(8, Arbitraries.just("TRF-0001 alasan")))
                .injectNull(0.1);
        Arbitrary<ClaimAction> actions = Arbitraries.frequencyOf(
                Tuple.of(6, just(new ClaimAction.AddDocument())),
                Tuple.of(2, just(new ClaimAction.Assign())),
                Tuple.of(10, maybeDates.map(d -> (ClaimAction) new ClaimAction.Verify(d))),
                Tuple.of(2, just(new ClaimAction.ChooseChildren())),
                Tuple.of(15, just(new ClaimAction.Approve())),
                Tuple.of(1, texts.map(t -> (ClaimAction) new ClaimAction.Reject(t))),
                Tuple.of(10, Combinators.combine(maybeDates, texts).as((d, t) ->
                        (ClaimAction) new ClaimAction.Pay(d, t))),
                Tuple.of(2, texts.map(t -> (ClaimAction) new ClaimAction.CorrectDeath(t))),
                Tuple.of(2, just(new ClaimAction.ScholarshipYear())));
        return Combinators.combine(actors, actions)
                .as(Step::new)
                .list()
                .ofMinSize(1)
                .ofMaxSize(60);
    }
}
