package id.lindung.contribution;

import static id.lindung.contribution.LedgerModel.CURRENT;
import static id.lindung.contribution.LedgerModel.TODAY;
import static id.lindung.contribution.Members.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.support.Tags;
import id.lindung.support.Truncate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestContextManager;

/**
 * Property-based tests of the contribution ledger (issue 15, Proof): random membership histories — BPU and PU
 * memberships started a few months back (or next month; PU registrations sometimes moved back as the history import
 * will), payments early, late, partial, over and out of order, the same key twice, bank files (also twice), billing
 * runs of past months and the next one (fines, lapse), ends, enrolling again after an end — go through the real
 * services on the embedded PostgreSQL, and the outcome is checked against {@link LedgerModel}, an independent model
 * of the rules:
 *
 * <ul>
 * <li>after every step: the ledger's bills (months, amounts, due dates, paid parts, status), the credit on payments
 * and the membership's end are the model's;</li>
 * <li>for every day from before the start to after the last billed month: {@link Statements} says protected exactly
 * when the model does, with the same reason, contribution months (= the model's paid months), paid-up-to month,
 * arrears and credit;</li>
 * <li>money: per payment and per membership, allocations plus credit equal what was applied; a bill's paid part is the
 * sum of its allocations and never more than its amount (no month paid twice); no (membership, month) billed twice;
 * bills after an end are cancelled and hold no money (it is credit again); rejected payments hold nothing;</li>
 * <li>{@code contribution_protected_month_v} lists exactly the months the model protects with today's knowledge.</li>
 * </ul>
 *
 * <p>Deterministic: fixed seeds, a bounded number of tries; the business clock stands at 7 December 2026. A failure
 * shows the seed, the (shrunk) history and the log of what was done with the database ids. Runs in the context of
 * {@link BillingAndPaymentsTest} (same properties): each try starts from empty contribution and membership tables.
 * jqwik does not run Spring's extension, so the test instance is prepared by a {@link TestContextManager}.
 */
@Tag(Tags.SOAK)
@SpringBootTest(properties = "lindung.contribution.billing-batch-size=2")
@ActiveProfiles("test")
class LedgerPropertiesTest {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    Payments payments;

    @Autowired
    BillingRuns billing;

    @Autowired
    Statements statements;

    @Autowired
    Dues dues;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @BeforeProperty
    void prepare() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        assertThat(LocalDate.now(clock))
                .as("business clock (application-test.properties)")
                .isEqualTo(TODAY);
    }

    // ------------------------------------------------------------------------------------------------ properties

    @Property(
            tries = 25,
            seed = "20261207",
            shrinking = ShrinkingMode.BOUNDED,
            afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void theLedgerFollowsTheModel(@ForAll("histories") History history) {
        new Trial(history).run();
    }

    @Property(
            tries = 15,
            seed = "15015",
            shrinking = ShrinkingMode.BOUNDED,
            afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void theLedgerFollowsTheModel_bpuWithBankFilesAndLapses(@ForAll("bpuHistories") History history) {
        new Trial(history).run();
    }

    // ------------------------------------------------------------------------------------------------ histories

    /**
     * A membership to enrol: segment, how many months before the current month it starts (-1: next month) and, for
     * a wage earner, how many months back its registration is moved (0: registered today; more stands in for the
     * contribution-history import of a long-standing member, which moves registered_on back).
     */
    record MemberSpec(Segment segment, int monthsBack, int registeredBack) {
        MemberSpec(Segment segment, int monthsBack) {
            this(segment, monthsBack, 0);
        }

        @Override
        public String toString() {
            return segment + "@" + CURRENT.minusMonths(monthsBack)
                    + (registeredBack > 0 ? " registered " + registeredOn() : "");
        }

        LocalDate registeredOn() {
            return registeredBack == 0
                    ? TODAY
                    : CURRENT.minusMonths(registeredBack).atDay(1 + registeredBack * 3);
        }
    }

    enum AmountKind {
        PARTIAL,
        ONE_MONTH,
        FEW_MONTHS,
        MANY_MONTHS,
        ODD
    }

    /** A day relative to a membership's start: its month (start + offset, -1 before the start), the day in it. */
    record DayPick(int monthOffset, int day) {
        LocalDate resolve(YearMonth start) {
            YearMonth month = start.plusMonths(monthOffset);
            if (month.isAfter(CURRENT)) {
                month = CURRENT;
            }
            LocalDate date = month.atDay(Math.min(day, month.lengthOfMonth()));
            return date.isAfter(TODAY) ? TODAY : date;
        }

        @Override
        public String toString() {
            return "start+" + monthOffset + "m/" + day;
        }
    }

    record PaySpec(int member, AmountKind kind, int fraction, DayPick day) {
        long amount(LedgerModel m) {
            long monthly = m.monthly();
            return switch (kind) {
                case PARTIAL -> Math.max(1, monthly * fraction / 100);
                case ONE_MONTH -> monthly;
                case FEW_MONTHS -> monthly * (2 + fraction % 3);
                case MANY_MONTHS -> monthly * (5 + fraction % 10) + fraction;
                case ODD -> fraction * 97L + monthly / 3;
            };
        }

        @Override
        public String toString() {
            return "m" + member + " " + kind + "(" + fraction + ") on " + day;
        }
    }

    sealed interface Action permits Pay, PayAgain, PayFile, Run, End, Reenrol {}

    /** One payment. */
    record Pay(PaySpec spec) implements Action {
        @Override
        public String toString() {
            return "pay " + spec;
        }
    }

    /** A payment's key again: the same payment (replayed, nothing changes) or other data (refused). */
    record PayAgain(int pick, boolean sameData) implements Action {
        @Override
        public String toString() {
            return "again #" + pick + (sameData ? " same" : " other amount");
        }
    }

    /** A bank file: its rows, perhaps a row already paid before, perhaps the same file twice. */
    record PayFile(List<PaySpec> rows, boolean withKnownRow, boolean twice) implements Action {
        @Override
        public String toString() {
            return "file " + rows + (withKnownRow ? " +known row" : "") + (twice ? " twice" : "");
        }
    }

    /** The billing run of the month {@code monthsBack} before the current one (-1, next month, is refused). */
    record Run(int monthsBack) implements Action {
        @Override
        public String toString() {
            return "run " + CURRENT.minusMonths(monthsBack);
        }
    }

    /** Ends a membership (REQUESTED) after a month from just before its start to just after the current one. */
    record End(int member, int pick) implements Action {
        @Override
        public String toString() {
            return "end m" + member + " #" + pick;
        }
    }

    /**
     * Enrols a member again in the same segment (and employer), starting {@code monthsBack} before the current month:
     * a new membership once the old one has ended (lapsed or asked), refused while it is open.
     */
    record Reenrol(int member, int monthsBack) implements Action {
        @Override
        public String toString() {
            return "re-enrol m" + member + " @" + CURRENT.minusMonths(monthsBack);
        }
    }

    record History(List<MemberSpec> members, List<Action> actions) {
        @Override
        public String toString() {
            return "members " + members + ", actions " + actions;
        }
    }

    @Provide
    Arbitrary<History> histories() {
        Arbitrary<MemberSpec> member = Combinators.combine(
                        Arbitraries.of(Segment.BPU, Segment.PU),
                        Arbitraries.integers().between(-1, 8),
                        Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.just(0)),
                                Tuple.of(1, Arbitraries.integers().between(1, 8))))
                .as(MemberSpec::new);
        return history(member, 1, 3, 4, 2, 3, 2, 1, 1);
    }

    @Provide
    Arbitrary<History> bpuHistories() {
        // mostly registered when they started (so four unpaid months end them), sometimes registered today (a
        // back-dated start: arrears to settle, no lapse before four months after registration)
        Arbitrary<MemberSpec> member = Combinators.combine(
                        Arbitraries.integers().between(3, 8),
                        Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)))
                .as((back, registeredAtStart) -> new MemberSpec(Segment.BPU, back, registeredAtStart ? back : 0));
        return history(member, 2, 3, 2, 1, 4, 4, 1, 1);
    }

    private static Arbitrary<History> history(
            Arbitrary<MemberSpec> member,
            int minMembers,
            int maxMembers,
            int pay,
            int again,
            int file,
            int run,
            int end,
            int reenrol) {
        Arbitrary<PaySpec> paySpec = Combinators.combine(
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.of(AmountKind.class),
                        Arbitraries.integers().between(1, 99),
                        Combinators.combine(
                                        Arbitraries.integers().between(-1, 9),
                                        Arbitraries.integers().between(1, 31))
                                .as(DayPick::new))
                .as(PaySpec::new);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(pay, paySpec.map(Pay::new)),
                Tuple.of(
                        again,
                        Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.of(true, false))
                                .as(PayAgain::new)),
                Tuple.of(
                        file,
                        Combinators.combine(
                                        paySpec.list().ofMinSize(1).ofMaxSize(3),
                                        Arbitraries.of(true, false),
                                        Arbitraries.of(true, false))
                                .as(PayFile::new)),
                Tuple.of(run, Arbitraries.integers().between(-1, 6).map(Run::new)),
                Tuple.of(
                        reenrol,
                        Combinators.combine(
                                        Arbitraries.integers().between(0, 3),
                                        Arbitraries.integers().between(0, 3))
                                .as(Reenrol::new)),
                Tuple.of(
                        end,
                        Combinators.combine(
                                        Arbitraries.integers().between(0, 2),
                                        Arbitraries.integers().between(0, 20))
                                .as(End::new)));
        return Combinators.combine(
                        member.list().ofMinSize(minMembers).ofMaxSize(maxMembers),
                        action.list().ofMinSize(1).ofMaxSize(16))
                .as(History::new);
    }

    // ------------------------------------------------------------------------------------------------ one trial

    /** A payment recorded (applied or rejected), for sending its key again. */
    record Recorded(String key, int member, long amount, LocalDate paidOn) {}

    private final class Trial {

        final History history;
        final List<LedgerModel> models = new ArrayList<>();
        final List<Long> ids = new ArrayList<>();
        final List<Recorded> recorded = new ArrayList<>();
        final StringBuilder log = new StringBuilder();
        /** What the history went through, for jqwik's statistics (does the generator reach the cases?). */
        final java.util.Set<String> seen = new TreeSet<>();

        Trial(History history) {
            this.history = history;
        }

        void run() {
            try {
                reset();
                Members members = new Members(participants, enrolment);
                for (MemberSpec spec : history.members()) {
                    YearMonth start = CURRENT.minusMonths(spec.monthsBack());
                    Membership m = spec.segment() == Segment.BPU
                            ? members.bpu(start, 1_000_000)
                            : members.pu(start, 5_000_000, 2);
                    assertThat(m.registeredOn()).isEqualTo(TODAY);
                    if (spec.registeredBack() > 0) {
                        jdbc.sql("UPDATE membership SET registered_on = ? WHERE id = ?")
                                .params(java.sql.Date.valueOf(spec.registeredOn()), m.id())
                                .update();
                    }
                    models.add(new LedgerModel(spec.segment(), start, spec.registeredOn()));
                    ids.add(m.id());
                    log.append("enrol m")
                            .append(models.size() - 1)
                            .append(" = membership ")
                            .append(m.id())
                            .append(' ')
                            .append(spec)
                            .append('\n');
                }
                compareLedger("after enrolment");
                int step = 0;
                for (Action action : history.actions()) {
                    step++;
                    log.append(step).append(". ").append(action).append(": ");
                    if (action instanceof Pay p) {
                        pay(p.spec());
                    } else if (action instanceof PayAgain a) {
                        payAgain(a);
                    } else if (action instanceof PayFile f) {
                        payFile(f);
                    } else if (action instanceof Run r) {
                        billingRun(CURRENT.minusMonths(r.monthsBack()));
                    } else if (action instanceof End e) {
                        end(e);
                    } else if (action instanceof Reenrol r) {
                        reenrol(r);
                    }
                    log.append('\n');
                    compareLedger("after step " + step);
                }
                checkMoney();
                checkEveryDay();
                checkProtectedMonthView();
                checkOwedWithHoles();
                if (Boolean.getBoolean("lindung.ledger-properties.log")) {
                    System.out.println("--- history: " + history + "\n" + log);
                }
                for (String event : List.of(
                        "payment refused (ended)",
                        "key replayed",
                        "key reused refused",
                        "file row rejected",
                        "file twice",
                        "lapse",
                        "end",
                        "end refused",
                        "fine",
                        "paid ahead",
                        "PU employer-arrears",
                        "PU not-registered",
                        "PU grace",
                        "credit left",
                        "re-enrolled",
                        "due settled",
                        "due worked")) {
                    Statistics.label(event).collect(seen.contains(event));
                }
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n--- history: " + history + "\n--- log:\n" + log, e);
            }
        }

        private void reset() {
            Truncate.tables(
                    jdbc,
                    "late_fine, payment_allocation, payment, payment_file, bill_line, bill, billing_run,"
                            + " membership_base, membership, construction_project, employer");
        }

        private int member(int pick) {
            return pick % models.size();
        }

        private String key() {
            return "PROP-" + KEYS.incrementAndGet();
        }

        private void pay(PaySpec spec) {
            int i = member(spec.member());
            LedgerModel model = models.get(i);
            long amount = spec.amount(model);
            LocalDate paidOn = spec.day().resolve(model.start);
            String key = key();
            log.append(key)
                    .append(" m")
                    .append(i)
                    .append(" Rp")
                    .append(amount)
                    .append(" paid ")
                    .append(paidOn);
            PaymentRequest request = new PaymentRequest(key, ids.get(i), amount, paidOn, null);
            if (model.closed(paidOn)) {
                expectRefusal(() -> payments.pay(request, OFFICER), "payment.membership.ended");
                log.append(" -> refused (ended)");
                seen.add("payment refused (ended)");
                return;
            }
            PaymentResult result = payments.pay(request, OFFICER);
            assertThat(result.replayed()).isFalse();
            assertThat(result.status()).isEqualTo("APPLIED");
            model.addPayment(key, amount, paidOn);
            model.payAhead();
            recorded.add(new Recorded(key, i, amount, paidOn));
            log.append(" -> allocated ")
                    .append(result.allocated())
                    .append(", credit ")
                    .append(result.credit());
        }

        private void payAgain(PayAgain again) {
            if (recorded.isEmpty()) {
                log.append("(nothing recorded yet)");
                return;
            }
            Recorded r = recorded.get(again.pick() % recorded.size());
            long amount = again.sameData() ? r.amount() : r.amount() + 1;
            log.append(r.key()).append(" Rp").append(amount);
            PaymentRequest request = new PaymentRequest(r.key(), ids.get(r.member()), amount, r.paidOn(), null);
            if (again.sameData()) {
                PaymentResult result = payments.pay(request, OFFICER);
                assertThat(result.replayed())
                        .as("the same payment again is a replay")
                        .isTrue();
                log.append(" -> replayed");
                seen.add("key replayed");
            } else {
                expectRefusal(() -> payments.pay(request, OFFICER), "payment.key.reused");
                log.append(" -> refused (key reused)");
                seen.add("key reused refused");
            }
        }

        private void payFile(PayFile file) {
            StringBuilder csv = new StringBuilder("reference;membership_id;amount;paid_on\n");
            int expectApplied = 0;
            int expectRejected = 0;
            int expectKnown = 0;
            // a file's rows are checked against the ledger as it stood before the file: the model takes them after
            List<Runnable> applyToModel = new ArrayList<>();
            List<Recorded> newRows = new ArrayList<>();
            for (PaySpec row : file.rows()) {
                int i = member(row.member());
                LedgerModel model = models.get(i);
                long amount = row.amount(model);
                LocalDate paidOn = row.day().resolve(model.start);
                String key = key();
                csv.append(key)
                        .append(';')
                        .append(ids.get(i))
                        .append(';')
                        .append(amount)
                        .append(';')
                        .append(paidOn)
                        .append('\n');
                newRows.add(new Recorded(key, i, amount, paidOn));
                if (model.closed(paidOn)) {
                    expectRejected++;
                    seen.add("file row rejected");
                } else {
                    expectApplied++;
                    applyToModel.add(() -> model.addPayment(key, amount, paidOn));
                }
            }
            if (file.withKnownRow() && !recorded.isEmpty()) {
                Recorded r = recorded.get(recorded.size() / 2);
                csv.append(r.key())
                        .append(';')
                        .append(ids.get(r.member()))
                        .append(';')
                        .append(r.amount())
                        .append(';')
                        .append(r.paidOn())
                        .append('\n');
                expectKnown++;
            }
            log.append(csv.toString().replace('\n', '|'));
            String name = "bank-" + KEYS.incrementAndGet() + ".csv";
            PaymentFileResult result = payments.applyFile(name, stream(csv), OFFICER);
            log.append(" -> applied ")
                    .append(result.applied())
                    .append(", rejected ")
                    .append(result.rejected())
                    .append(", known ")
                    .append(result.alreadyKnown());
            assertThat(result.replayed()).isFalse();
            assertThat(result.applied()).as("applied rows").isEqualTo(expectApplied);
            assertThat(result.rejected()).as("rejected rows (membership ended)").isEqualTo(expectRejected);
            assertThat(result.alreadyKnown()).as("rows already paid").isEqualTo(expectKnown);
            applyToModel.forEach(Runnable::run);
            models.forEach(LedgerModel::payAhead);
            recorded.addAll(newRows);
            if (file.twice()) {
                PaymentFileResult again = payments.applyFile("copy-of-" + name, stream(csv), OFFICER);
                assertThat(again.replayed()).as("the same file again").isTrue();
                log.append("; again -> replayed");
                seen.add("file twice");
            }
        }

        private void billingRun(YearMonth period) {
            if (period.isAfter(CURRENT)) {
                // a month after the current one is not owed yet: the run is refused and nothing changes (issue 16)
                expectRefusal(() -> billing.run(period, OFFICER), "bounds.month");
                log.append("-> refused (a future month)");
                seen.add("future run refused");
                return;
            }
            Map<Integer, Map<YearMonth, Long>> openBefore = new HashMap<>();
            for (int i = 0; i < models.size(); i++) {
                LedgerModel model = models.get(i);
                Map<YearMonth, Long> paid = model.paid(model.moneyNow());
                Map<YearMonth, Long> open = new HashMap<>();
                for (LedgerModel.MBill b : model.bills.values()) {
                    if (!b.cancelled && paid.get(b.period) < b.amount) {
                        open.put(b.period, b.amount);
                    }
                }
                openBefore.put(i, open);
            }
            int expectBills = 0;
            int expectLapsed = 0;
            for (LedgerModel model : models) {
                expectBills += model.billThrough(period);
            }
            for (LedgerModel model : models) {
                if (model.lapseAt(period)) {
                    expectLapsed++;
                    seen.add("lapse");
                }
            }
            BillingRunResult result = billing.run(period, OFFICER);
            log.append("-> ")
                    .append(result.status())
                    .append(", bills ")
                    .append(result.billsCreated())
                    .append(", lapsed ")
                    .append(result.lapsed());
            assertThat(result.status()).isEqualTo("DONE");
            assertThat(result.billsCreated())
                    .as("bills created (months up to the run's not billed yet)")
                    .isEqualTo(expectBills);
            assertThat(result.lapsed()).as("memberships lapsed by the run").isEqualTo(expectLapsed);
            // the run charges PU late fines onto the run month's open bill: the only amounts that may change
            for (int i = 0; i < models.size(); i++) {
                LedgerModel model = models.get(i);
                if (model.segment != Segment.PU) {
                    continue;
                }
                for (Map.Entry<YearMonth, Long> e : ledgerAmounts(ids.get(i)).entrySet()) {
                    long before = model.bills.get(e.getKey()).amount;
                    if (e.getValue() != before) {
                        assertThat(e.getKey())
                                .as("a fine goes onto the run month's bill only")
                                .isEqualTo(period);
                        assertThat(openBefore.get(i).containsKey(e.getKey()) || !period.isBefore(CURRENT.plusMonths(1)))
                                .as("a fine goes onto an open bill only (or one the run creates)")
                                .isTrue();
                        assertThat(e.getValue()).isGreaterThan(before);
                        model.amountFromLedger(e.getKey(), e.getValue());
                        seen.add("fine");
                        log.append(", fine Rp")
                                .append(e.getValue() - before)
                                .append(" on m")
                                .append(i)
                                .append(' ')
                                .append(e.getKey());
                    }
                }
            }
        }

        private void reenrol(Reenrol again) {
            int i = member(again.member());
            LedgerModel old = models.get(i);
            Membership was = enrolment.membership(MembershipId.of(ids.get(i)), OFFICER);
            YearMonth start = CURRENT.minusMonths(again.monthsBack());
            EnrolmentRequest request = new EnrolmentRequest(
                    was.participantId(),
                    was.segment(),
                    was.segment() == Segment.PU ? Channel.EMPLOYER : Channel.AGENT,
                    null,
                    was.employerId(),
                    was.segment() == Segment.PU ? 5_000_000L : 1_000_000L,
                    null,
                    false,
                    start,
                    null);
            log.append("m")
                    .append(i)
                    .append(" (participant ")
                    .append(was.participantId())
                    .append(')');
            if (old.end == null) {
                expectRefusal(() -> enrolment.enrol(request, OFFICER), "enrolment.already");
                log.append(" -> refused (still a member)");
                return;
            }
            Membership m = enrolment.enrol(request, OFFICER);
            models.add(new LedgerModel(m.segment(), start, m.registeredOn()));
            ids.add(m.id());
            log.append(" -> m")
                    .append(models.size() - 1)
                    .append(" = membership ")
                    .append(m.id());
            seen.add("re-enrolled");
        }

        private void end(End end) {
            int i = member(end.member());
            LedgerModel model = models.get(i);
            int span = (int) ChronoUnit.MONTHS.between(model.start, CURRENT) + 3;
            YearMonth last = model.start.minusMonths(1).plusMonths(end.pick() % span);
            log.append("m").append(i).append(" after ").append(last);
            if (model.end != null) {
                expectRefusal(
                        () -> enrolment.end(MembershipId.of(ids.get(i)), last, EndReason.REQUESTED, OFFICER),
                        "enrolment.already-ended");
                log.append(" -> refused (already ended ").append(model.end).append(')');
                seen.add("end refused");
                return;
            }
            Membership ended = enrolment.end(MembershipId.of(ids.get(i)), last, EndReason.REQUESTED, OFFICER);
            assertThat(ended.endMonth()).isEqualTo(last);
            model.end(last);
            seen.add("end");
        }

        private void expectRefusal(Runnable call, String code) {
            try {
                call.run();
                fail("expected a refusal " + code);
            } catch (InvalidInputException e) {
                assertThat(e.issues()).extracting(FieldIssue::code).contains(code);
            }
        }

        private Map<YearMonth, Long> ledgerAmounts(long membershipId) {
            Map<YearMonth, Long> amounts = new HashMap<>();
            jdbc.sql("SELECT period, amount FROM bill WHERE membership_id = ?")
                    .param(membershipId)
                    .query(rs -> {
                        amounts.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2));
                    });
            return amounts;
        }

        // ------------------------------------------------------------------------------------------- the checks

        /** The ledger's bills, credit and end are the model's. */
        private void compareLedger(String when) {
            for (int i = 0; i < models.size(); i++) {
                LedgerModel model = models.get(i);
                long id = ids.get(i);
                Map<YearMonth, Long> paid = model.paid(model.moneyNow());
                List<String> expected = new ArrayList<>();
                for (LedgerModel.MBill b : model.bills.values()) {
                    long p = paid.get(b.period);
                    String status = b.cancelled ? "CANCELLED" : p == b.amount ? "PAID" : "OPEN";
                    expected.add(b.period + " " + b.amount + " due " + b.due + " paid " + p + " " + status);
                }
                List<String> actual = jdbc.sql("SELECT period, amount, due_date, paid, status FROM bill"
                                + " WHERE membership_id = ? ORDER BY period, id")
                        .param(id)
                        .query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate()) + " " + rs.getLong(2) + " due "
                                + rs.getDate(3).toLocalDate() + " paid " + rs.getLong(4) + " " + rs.getString(5))
                        .list();
                assertThat(actual)
                        .as("bills of m%d (membership %d) %s", i, id, when)
                        .containsExactlyElementsOf(expected);
                long credit = jdbc.sql("SELECT coalesce(sum(unallocated), 0)::bigint FROM payment"
                                + " WHERE membership_id = ? AND status = 'APPLIED'")
                        .param(id)
                        .query(Long.class)
                        .single();
                assertThat(credit).as("credit of m%d %s", i, when).isEqualTo(model.creditNow());
                // what is owed: the short way (settled ledger, one read) and the long way (bill, allocate, roll back)
                DueNow due = dues.dueNow(MembershipId.of(id), OFFICER);
                assertThat(due)
                        .as("what m%d owes %s: short and long way", i, when)
                        .isEqualTo(dues.dueNowWorked(MembershipId.of(id)));
                seen.add(dueWay(id));
                Membership m = enrolment.membership(MembershipId.of(id), OFFICER);
                assertThat(m.endMonth()).as("end of m%d %s", i, when).isEqualTo(model.end);
                if (model.end != null) {
                    assertThat(m.endReason())
                            .as("end reason of m%d", i)
                            .isEqualTo(model.lapsed ? EndReason.LAPSED : EndReason.REQUESTED);
                }
            }
        }

        /**
         * What is owed when the ledger is not settled — months not billed yet (as between the turn of a month and the
         * monthly run), credit waiting for an open bill: in a transaction rolled back afterwards, unpaid bills are
         * taken away (every other one, and the latest) and credit is added to a payment; the short way must then see
         * that it may not answer, and both ways agree.
         */
        private void checkOwedWithHoles() {
            new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
                tx.setRollbackOnly();
                // bills are never deleted (a trigger refuses it): here, in a transaction rolled back, they may be
                jdbc.sql("SET LOCAL session_replication_role = replica").update();
                for (int i = 0; i < ids.size(); i++) {
                    long id = ids.get(i);
                    List<Long> unpaid =
                            jdbc.sql("""
                            SELECT b.id FROM bill b WHERE b.membership_id = ? AND b.status = 'OPEN' AND b.paid = 0
                               AND NOT EXISTS (SELECT 1 FROM late_fine f WHERE f.bill_id = b.id)
                             ORDER BY b.period DESC""").param(id).query(Long.class).list();
                    List<Long> holes = new ArrayList<>();
                    for (int k = 0; k < unpaid.size(); k++) {
                        if (k % 2 == 0 || (i + k) % 3 == 0) {
                            holes.add(unpaid.get(k));
                        }
                    }
                    if (i % 2 == 1) {
                        jdbc.sql("UPDATE payment SET unallocated = unallocated + 1000 WHERE id = (SELECT max(id) FROM"
                                        + " payment WHERE membership_id = ? AND status = 'APPLIED')")
                                .param(id)
                                .update();
                    }
                    for (Long hole : holes) {
                        jdbc.sql("DELETE FROM bill_line WHERE bill_id = ?")
                                .param(hole)
                                .update();
                        jdbc.sql("DELETE FROM bill WHERE id = ?").param(hole).update();
                    }
                    String way = dueWay(id);
                    if (!holes.isEmpty()) {
                        assertThat(way).as("m%d with months not billed", i).isEqualTo("due worked");
                    }
                    seen.add(way);
                    assertThat(dues.dueNow(MembershipId.of(id), OFFICER))
                            .as("what m%d owes with holes %s: short and long way", i, holes)
                            .isEqualTo(dues.dueNowWorked(MembershipId.of(id)));
                }
            });
        }

        /** Which way {@link Dues#dueNow} took for a membership now (for the statistics). */
        private String dueWay(long id) {
            boolean settled = Ledger.withSegments(jdbc.sql("SELECT " + Ledger.SETTLED
                                    + " FROM enrolment_membership_v v WHERE v.membership_id = :id")
                            .param("id", id)
                            .param("month", java.sql.Date.valueOf(CURRENT.atDay(1))))
                    .query(Boolean.class)
                    .single();
            return settled ? "due settled" : "due worked";
        }

        /** Money is neither made nor lost: allocations + credit = applied payments; no month billed or paid twice. */
        private void checkMoney() {
            for (int i = 0; i < models.size(); i++) {
                LedgerModel model = models.get(i);
                long id = ids.get(i);
                Map<String, Object> sums = jdbc.sql("""
                        SELECT coalesce(sum(p.amount) FILTER (WHERE p.status = 'APPLIED'), 0)::bigint AS applied,
                               coalesce(sum(p.unallocated) FILTER (WHERE p.status = 'APPLIED'), 0)::bigint AS credit,
                               coalesce((SELECT sum(a.amount) FROM payment_allocation a JOIN payment q
                                           ON q.id = a.payment_id WHERE q.membership_id = :id), 0)::bigint AS allocated
                          FROM payment p WHERE p.membership_id = :id""").param("id", id).query().singleRow();
                long applied = ((Number) sums.get("applied")).longValue();
                assertThat(applied).as("applied payments of m%d", i).isEqualTo(model.moneyNow());
                assertThat(((Number) sums.get("allocated")).longValue() + ((Number) sums.get("credit")).longValue())
                        .as("allocations + credit = applied payments (m%d)", i)
                        .isEqualTo(applied);
                // per payment: allocated + credit = amount; a rejected payment holds nothing
                assertThat(jdbc.sql("""
                        SELECT p.idempotency_key || ' ' || p.status || ' ' || p.amount || ' ' || p.unallocated || ' '
                               || coalesce((SELECT sum(a.amount) FROM payment_allocation a WHERE a.payment_id = p.id), 0)
                          FROM payment p WHERE p.membership_id = ?
                           AND (p.status = 'APPLIED' AND p.amount <> p.unallocated + coalesce(
                                  (SELECT sum(a.amount) FROM payment_allocation a WHERE a.payment_id = p.id), 0)
                                OR p.status = 'REJECTED' AND (p.unallocated <> 0 OR EXISTS
                                  (SELECT 1 FROM payment_allocation a WHERE a.payment_id = p.id)))""").param(id).query(String.class).list())
                        .as("payments whose money does not add up")
                        .isEmpty();
                // per bill: paid = its allocations, within its amount; cancelled bills hold nothing
                assertThat(jdbc.sql("""
                        SELECT b.period || ' ' || b.status || ' ' || b.amount || ' ' || b.paid || ' '
                               || coalesce((SELECT sum(a.amount) FROM payment_allocation a WHERE a.bill_id = b.id), 0)
                          FROM bill b WHERE b.membership_id = ?
                           AND (b.paid <> coalesce((SELECT sum(a.amount) FROM payment_allocation a
                                                     WHERE a.bill_id = b.id), 0)
                                OR b.paid > b.amount OR b.paid < 0
                                OR (b.status = 'PAID') <> (b.paid = b.amount AND b.status <> 'CANCELLED')
                                OR b.status = 'CANCELLED' AND b.paid <> 0)""").param(id).query(String.class).list())
                        .as("bills paid twice or inconsistent (m%d)", i)
                        .isEmpty();
                assertThat(jdbc.sql("SELECT count(*) - count(DISTINCT period) FROM bill WHERE membership_id = ?")
                                .param(id)
                                .query(Long.class)
                                .single())
                        .as("months billed twice (m%d)", i)
                        .isZero();
                // after an end: every later bill cancelled, its money credit again
                if (model.end != null) {
                    assertThat(jdbc.sql("SELECT count(*) FROM bill WHERE membership_id = ? AND period > ?"
                                            + " AND status <> 'CANCELLED'")
                                    .params(id, java.sql.Date.valueOf(model.end.atDay(1)))
                                    .query(Long.class)
                                    .single())
                            .as("bills after the end of m%d not cancelled", i)
                            .isZero();
                }
                // credit is left only when nothing is open (it would have paid the oldest open bill)
                if (!model.bills.isEmpty() && model.bills.lastKey().isAfter(CURRENT)) {
                    seen.add("paid ahead");
                }
                if (model.creditNow() > 0) {
                    seen.add("credit left");
                    assertThat(model.hasOpenBill())
                            .as("credit and an open bill (m%d)", i)
                            .isFalse();
                }
            }
        }

        /** Every day from before the start to after the last billed month: the status is the model's. */
        private void checkEveryDay() {
            for (int i = 0; i < models.size(); i++) {
                LedgerModel model = models.get(i);
                Statement statement = statements.statement(MembershipId.of(ids.get(i)), TODAY, OFFICER);
                // the lookup without a statement (no lines, no payments) answers what the statement says
                assertThat(statements.status(MembershipId.of(ids.get(i)), TODAY, OFFICER))
                        .isEqualTo(statement.status());
                YearMonth lastBilled = model.bills.isEmpty() ? CURRENT : model.bills.lastKey();
                LocalDate from = model.start.atDay(1).minusDays(3);
                LocalDate to = (lastBilled.isAfter(CURRENT) ? lastBilled : CURRENT)
                        .atEndOfMonth()
                        .plusDays(3);
                List<String> differences = new ArrayList<>();
                for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                    MembershipStatus s = statements.status(statement.membership(), statement.bills(), day);
                    LedgerModel.Expected e = model.status(day);
                    if (model.segment == Segment.PU && !e.protectedOn()) {
                        seen.add("PU " + e.reason().substring("status.".length()));
                    } else if (model.segment == Segment.PU
                            && !model.paidMonths(model.money(day)).contains(YearMonth.from(day))
                            && e.protectedOn()) {
                        seen.add("PU grace");
                    }
                    LedgerModel.Expected actual = new LedgerModel.Expected(
                            s.protectedOn(),
                            s.reason(),
                            s.paidUpTo(),
                            s.contributionMonths(),
                            s.arrears(),
                            s.arrearsMonths(),
                            s.credit());
                    if (!actual.equals(e)) {
                        differences.add(day + ": expected " + e + "\n            but was  " + actual);
                    }
                    if (day.getDayOfMonth() == 1 || day.equals(TODAY)) {
                        SortedSet<YearMonth> paid = statements.paidMonths(MembershipId.of(ids.get(i)), day, OFFICER);
                        if (!paid.equals(model.paidMonths(model.money(day)))) {
                            differences.add(
                                    day + ": paid months " + paid + ", model " + model.paidMonths(model.money(day)));
                        }
                    }
                }
                assertThat(differences.subList(0, Math.min(differences.size(), 6)))
                        .as(
                                "days on which m%d (membership %d) differs from the model (%d days, the first shown)",
                                i, ids.get(i), differences.size())
                        .isEmpty();
            }
        }

        /** contribution_protected_month_v: the months protected as known today. */
        private void checkProtectedMonthView() {
            for (int i = 0; i < models.size(); i++) {
                SortedSet<YearMonth> view = new TreeSet<>(
                        jdbc.sql("SELECT month FROM contribution_protected_month_v" + " WHERE membership_id = ?")
                                .param(ids.get(i))
                                .query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate()))
                                .list());
                assertThat(view)
                        .as("contribution_protected_month_v of m%d (membership %d)", i, ids.get(i))
                        .isEqualTo(models.get(i).protectedMonthsKnownToday());
            }
        }
    }

    private static ByteArrayInputStream stream(CharSequence s) {
        return new ByteArrayInputStream(s.toString().getBytes(StandardCharsets.UTF_8));
    }
}
