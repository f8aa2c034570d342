package id.lindung.contribution;

import static id.lindung.contribution.Members.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipEnded;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.Programme;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.support.Truncate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The ledger, billing runs, payments, allocation, fines and lapse on the real (embedded) PostgreSQL. Ranges of two
 * memberships make every run span several transactions. This class has its own context and database: every billing
 * run bills every membership, so tests here start from empty contribution and membership tables. The business clock
 * stands at 7 December 2026 (application-test.properties).
 */
@SpringBootTest(properties = "lindung.contribution.billing-batch-size=2")
@ActiveProfiles("test")
@RecordApplicationEvents
class BillingAndPaymentsTest {

    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    BillingRuns billing;

    @Autowired
    Payments payments;

    @Autowired
    Statements statements;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private Members members;

    @BeforeEach
    void emptyAccounts(@Autowired ParticipantManagement participants) {
        Truncate.tables(
                jdbc,
                "late_fine, payment_allocation, payment, payment_file, bill_line, bill, billing_run,"
                        + " membership_base, membership, construction_project, employer");
        members = new Members(participants, enrolment);
    }

    @AfterEach
    void noHook() {
        billing.afterEachBatch(batch -> {});
    }

    /** The child tables of the bulk path carry no foreign keys (V10): whatever a test did, no row lost its parent. */
    @AfterEach
    void noOrphans() {
        assertThat(jdbc.sql("""
                SELECT (SELECT count(*) FROM bill_line l WHERE NOT EXISTS (SELECT 1 FROM bill b WHERE b.id = l.bill_id))
                     + (SELECT count(*) FROM bill b WHERE b.billing_run_id IS NOT NULL AND NOT EXISTS
                          (SELECT 1 FROM billing_run r WHERE r.id = b.billing_run_id))
                     + (SELECT count(*) FROM payment p WHERE p.payment_file_id IS NOT NULL AND NOT EXISTS
                          (SELECT 1 FROM payment_file f WHERE f.id = p.payment_file_id))
                     + (SELECT count(*) FROM payment_allocation a
                         WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.id = a.payment_id)
                            OR NOT EXISTS (SELECT 1 FROM bill b WHERE b.id = a.bill_id))""").query(Long.class).single())
                .as("rows without their parent")
                .isZero();
    }

    private static String key() {
        return "TEST-" + KEYS.incrementAndGet();
    }

    private PaymentResult pay(Membership m, long amount, LocalDate paidOn) {
        return payments.pay(new PaymentRequest(key(), m.id(), amount, paidOn, null), OFFICER);
    }

    private List<Bill> bills(Membership m) {
        return statements
                .statement(MembershipId.of(m.id()), LocalDate.of(2026, 11, 1), OFFICER)
                .bills();
    }

    /**
     * A BPU membership as the bulk paths write it (demo data, older versions): without a bill yet, for the billing
     * run to bring onto the ledger.
     */
    private long unbilledBpu(YearMonth start) {
        long participant = members.participant();
        long id = jdbc.sql("INSERT INTO membership (participant_id, segment, channel, programmes, start_month,"
                        + " region_code) VALUES (?, 'BPU', 'AGENT', 'JKK,JKM', ?, ?) RETURNING id")
                .params(participant, java.sql.Date.valueOf(start.atDay(1)), Members.KETAPANG_DESA)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO membership_base (membership_id, effective_from, amount) VALUES (?, ?, 1000000)")
                .params(id, java.sql.Date.valueOf(start.atDay(1)))
                .update();
        return id;
    }

    private static final YearMonth OCT = YearMonth.of(2026, 10);
    private static final YearMonth NOV = YearMonth.of(2026, 11);
    private static final YearMonth DEC = YearMonth.of(2026, 12);
    /** BPU JKK+JKM at Rp1.000.000 in April–December 2026: 10,000 + 6,800 less 50% (PP 50/2025). */
    private static final long BPU_2026 = 8_400;

    @Test
    void enrolmentPutsEveryOwedMonthOnTheLedgerAtOnce_andARunBillsNothingTwice() {
        Membership a = members.bpu(OCT, 1_000_000);
        Membership b = members.bpu(OCT, 2_000_000, Programme.JHT);
        Membership c = members.pu(OCT, 5_000_000, 2);

        assertThat(bills(a))
                .extracting(Bill::period, Bill::amount, Bill::dueDate, Bill::status)
                .containsExactly(
                        tuple(OCT, BPU_2026, LocalDate.of(2026, 10, 15), "OPEN"),
                        tuple(NOV, BPU_2026, LocalDate.of(2026, 11, 15), "OPEN"),
                        tuple(DEC, BPU_2026, LocalDate.of(2026, 12, 15), "OPEN"));
        // JKK 20,000 and JKM 6,800 halved, JHT 40,000 not discounted
        assertThat(bills(b))
                .extracting(Bill::amount)
                .containsOnly(10_000L + 3_400L + 40_000L)
                .hasSize(3);
        // PU class 2 at 5,000,000: JKK 27,000 + JKM 15,000 + JHT 285,000 + JP 150,000 + JKP 0, due the 15th after
        assertThat(bills(c)).first().satisfies(bill -> {
            assertThat(bill.amount()).isEqualTo(477_000);
            assertThat(bill.dueDate()).isEqualTo(LocalDate.of(2026, 11, 15));
            assertThat(bill.lines()).extracting(BillLine::programme).containsExactly("JKK", "JKM", "JHT", "JP", "JKP");
        });
        // back-dated months are arrears at once: October and November are overdue for the BPU member
        MembershipStatus status = statements.status(MembershipId.of(a.id()), LocalDate.of(2026, 12, 7), OFFICER);
        assertThat(status.protectedOn()).isFalse();
        assertThat(status.arrearsMonths()).isEqualTo(2);
        assertThat(status.arrears()).isEqualTo(2 * BPU_2026);

        BillingRunResult run = billing.run(DEC, OFFICER);
        assertThat(run.billsCreated()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM bill").query(Long.class).single())
                .isEqualTo(9);
    }

    @Test
    void theRunBringsMembershipsWithoutBillsOntoTheLedger_everyOwedMonth() {
        long m = unbilledBpu(YearMonth.of(2026, 9));

        BillingRunResult run = billing.run(DEC, OFFICER);

        assertThat(run.billsCreated()).isEqualTo(4);
        assertThat(statements
                        .statement(MembershipId.of(m), LocalDate.of(2026, 12, 7), OFFICER)
                        .bills())
                .extracting(Bill::period)
                .containsExactly(YearMonth.of(2026, 9), OCT, NOV, DEC);
        assertThat(billing.run(DEC, OFFICER).billsCreated()).isZero();
    }

    @Test
    void theSamePaymentTwiceIsAppliedOnce() {
        Membership m = members.bpu(DEC, 1_000_000);
        PaymentRequest request =
                new PaymentRequest("BANK-REF-1", m.id(), BPU_2026, LocalDate.of(2026, 12, 5), "teller");

        PaymentResult first = payments.pay(request, OFFICER);
        PaymentResult again = payments.pay(request, OFFICER);

        assertThat(first.replayed()).isFalse();
        assertThat(first.allocated()).isEqualTo(BPU_2026);
        assertThat(again.replayed()).isTrue();
        assertThat(again.paymentId()).isEqualTo(first.paymentId());
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single())
                .isEqualTo(1);
        assertThat(bills(m)).extracting(Bill::status, Bill::paid).containsExactly(tuple("PAID", BPU_2026));
        // the same key for another amount is a mistake, not a payment
        assertThatThrownBy(() -> payments.pay(
                        new PaymentRequest("BANK-REF-1", m.id(), 20_000L, LocalDate.of(2026, 12, 5), null), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .containsExactly(
                                        FieldIssue.error("idempotencyKey", "payment.key.reused", "BANK-REF-1")));
    }

    @Test
    void payFirst_protectionStartsWithThePayment_andNeverBefore() {
        Membership m = members.bpu(DEC, 1_000_000);
        assertThat(statements
                        .status(MembershipId.of(m.id()), LocalDate.of(2026, 12, 3), OFFICER)
                        .reason())
                .isEqualTo("status.unpaid");

        pay(m, BPU_2026, LocalDate.of(2026, 12, 4));

        MembershipStatus before = statements.status(MembershipId.of(m.id()), LocalDate.of(2026, 12, 3), OFFICER);
        MembershipStatus from = statements.status(MembershipId.of(m.id()), LocalDate.of(2026, 12, 4), OFFICER);
        assertThat(before.protectedOn()).as("the day before the first payment").isFalse();
        assertThat(from.protectedOn()).isTrue();
        assertThat(from.contributionMonths()).isEqualTo(1);
        assertThat(from.credit()).isZero();
    }

    @Test
    void paymentsArrivingOutOfOrderPayTheOldestMonthsFirst_andOverpaymentPaysTheNextMonthAhead() {
        Membership m = members.bpu(OCT, 1_000_000);
        // the later payment is recorded first, the earlier one after it
        pay(m, BPU_2026, LocalDate.of(2026, 12, 5));
        pay(m, 10_000, LocalDate.of(2026, 10, 20));

        // in the order paid: 20 October's 10,000 pays October and 1,600 of November, 5 December's the rest
        assertThat(bills(m))
                .extracting(Bill::period, Bill::status, Bill::paid)
                .containsExactly(
                        tuple(OCT, "PAID", BPU_2026), tuple(NOV, "PAID", BPU_2026), tuple(DEC, "OPEN", 1_600L));
        // what was known on 1 November: October paid, November not
        assertThat(statements
                        .status(MembershipId.of(m.id()), LocalDate.of(2026, 11, 1), OFFICER)
                        .paidUpTo())
                .isEqualTo(OCT);

        pay(m, 2 * BPU_2026, LocalDate.of(2026, 12, 6)); // settles December; 10,000 pays ahead into January 2027
        assertThat(bills(m))
                .extracting(Bill::period, Bill::status, Bill::paid)
                .containsExactly(
                        tuple(OCT, "PAID", BPU_2026),
                        tuple(NOV, "PAID", BPU_2026),
                        tuple(DEC, "PAID", BPU_2026),
                        tuple(YearMonth.of(2027, 1), "OPEN", 10_000L));
        MembershipStatus status = statements.status(MembershipId.of(m.id()), LocalDate.of(2026, 12, 7), OFFICER);
        assertThat(status.paidUpTo()).isEqualTo(DEC);
        assertThat(status.contributionMonths()).isEqualTo(3);
        assertThat(status.protectedOn()).isTrue();
        assertThat(status.credit()).isZero();
    }

    @Test
    void bpuMayPayMonthsAhead_eachPrepaidMonthAPaidBill() {
        Membership m = members.bpu(DEC, 1_000_000);
        pay(m, BPU_2026 + 2 * 16_800 + 5_000, LocalDate.of(2026, 12, 1)); // December, January and February 2027

        assertThat(bills(m))
                .extracting(Bill::period, Bill::amount, Bill::status)
                .containsExactly(
                        tuple(DEC, BPU_2026, "PAID"), tuple(YearMonth.of(2027, 1), 16_800L, "PAID"),
                        tuple(YearMonth.of(2027, 2), 16_800L, "PAID"), tuple(YearMonth.of(2027, 3), 16_800L, "OPEN"));
        // January 2027 is no longer discounted for non-transport members: 16,800 from then on; March holds the rest
        assertThat(bills(m).get(3).paid()).isEqualTo(5_000);
        MembershipStatus ahead = statements.status(MembershipId.of(m.id()), LocalDate.of(2027, 2, 28), OFFICER);
        assertThat(ahead.paidUpTo()).isEqualTo(YearMonth.of(2027, 2));
        assertThat(ahead.protectedOn()).isTrue();
        assertThat(statements
                        .status(MembershipId.of(m.id()), LocalDate.of(2027, 3, 1), OFFICER)
                        .protectedOn())
                .isFalse();
    }

    @Test
    void bpuEndsAfterMoreThanThreeConsecutiveUnpaidMonths_andAPaymentAfterwardsIsRejected() {
        YearMonth jul = YearMonth.of(2026, 7);
        Membership lapsing = members.bpu(jul, 1_000_000);
        Membership settling = members.bpu(jul, 1_000_000);
        // registered in July (months before the registration are arrears to settle: they lapse nothing)
        jdbc.sql("UPDATE membership SET registered_on = DATE '2026-07-01' WHERE id IN (?, ?)")
                .params(lapsing.id(), settling.id())
                .update();
        pay(lapsing, BPU_2026, LocalDate.of(2026, 7, 10));
        pay(settling, BPU_2026, LocalDate.of(2026, 7, 10));
        // August to November unpaid: 4 months; the settling member pays 3 of them before the run
        pay(settling, 3 * BPU_2026, LocalDate.of(2026, 12, 2));
        assertThat(enrolment.membership(MembershipId.of(lapsing.id()), OFFICER).open())
                .isTrue();

        BillingRunResult december = billing.run(DEC, OFFICER);

        assertThat(december.lapsed()).isEqualTo(1);
        Membership ended = enrolment.membership(MembershipId.of(lapsing.id()), OFFICER);
        assertThat(ended.endReason()).isEqualTo(EndReason.LAPSED);
        assertThat(ended.endMonth()).isEqualTo(jul); // the last month paid
        assertThat(events.stream(MembershipEnded.class))
                .anySatisfy(e -> assertThat(e.membershipId().value()).isEqualTo(lapsing.id()));
        assertThat(bills(lapsing))
                .extracting(Bill::period, Bill::status)
                .containsExactly(
                        tuple(jul, "PAID"),
                        tuple(YearMonth.of(2026, 8), "CANCELLED"),
                        tuple(YearMonth.of(2026, 9), "CANCELLED"),
                        tuple(OCT, "CANCELLED"),
                        tuple(NOV, "CANCELLED"),
                        tuple(DEC, "CANCELLED"));
        assertThat(statements
                        .status(MembershipId.of(lapsing.id()), LocalDate.of(2026, 7, 31), OFFICER)
                        .protectedOn())
                .isTrue();
        assertThat(statements
                        .status(MembershipId.of(lapsing.id()), LocalDate.of(2026, 9, 1), OFFICER)
                        .reason())
                .isEqualTo("status.ended");
        assertThat(enrolment.membership(MembershipId.of(settling.id()), OFFICER).open())
                .isTrue();

        assertThatThrownBy(() -> pay(lapsing, BPU_2026, LocalDate.of(2026, 12, 7)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code)
                                .containsExactly(tuple("membershipId", "payment.membership.ended")));
        // by bank file the money is recorded, as rejected for refund, and nothing is allocated
        String file = "reference;membership_id;amount;paid_on\nLATE-1;" + lapsing.id() + ";8400;2026-12-07\n";
        PaymentFileResult result = payments.applyFile("late.csv", stream(file), OFFICER);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.applied()).isZero();
    }

    @Test
    void aBackDatedBpuStartIsArrearsToSettle_itDoesNotEndTheMembershipAtTheNextRun() {
        Membership m = members.bpu(YearMonth.of(2026, 7), 1_000_000); // registered today, July to December owed

        assertThat(billing.run(DEC, OFFICER).lapsed()).isZero();

        assertThat(enrolment.membership(MembershipId.of(m.id()), OFFICER).open())
                .isTrue();
        assertThat(statements
                        .status(MembershipId.of(m.id()), LocalDate.of(2026, 12, 7), OFFICER)
                        .arrearsMonths())
                .isEqualTo(5);
        pay(m, 6 * BPU_2026, LocalDate.of(2026, 12, 7)); // settles July to December
        MembershipStatus settled = statements.status(MembershipId.of(m.id()), LocalDate.of(2026, 12, 7), OFFICER);
        assertThat(settled.protectedOn()).isTrue();
        assertThat(settled.contributionMonths()).isEqualTo(6);
        // the back-dated months were not protected: paid after they ended
        assertThat(statements
                        .status(MembershipId.of(m.id()), LocalDate.of(2026, 8, 15), OFFICER)
                        .protectedOn())
                .isFalse();
    }

    @Test
    void aCrashInTheMiddleOfABillingRunIsFinishedByTheNextRun_withNothingDoubled() {
        for (int i = 0; i < 7; i++) {
            unbilledBpu(NOV);
        }
        billing.afterEachBatch(batch -> {
            if (batch == 2) {
                throw new IllegalStateException("power cut");
            }
        });
        assertThatThrownBy(() -> billing.run(DEC, OFFICER)).hasMessage("power cut");
        long afterCrash =
                jdbc.sql("SELECT count(*) FROM bill").query(Long.class).single();
        assertThat(afterCrash).isEqualTo(8); // two ranges of two memberships, two months each, committed
        assertThat(jdbc.sql("SELECT status FROM billing_run")
                        .query(String.class)
                        .single())
                .isEqualTo("FAILED");

        billing.afterEachBatch(batch -> {});
        BillingRunResult resumed = billing.run(DEC, OFFICER);

        assertThat(resumed.status()).isEqualTo("DONE");
        assertThat(resumed.billsCreated()).isEqualTo(14);
        assertThat(jdbc.sql("SELECT count(*) AS bills, count(DISTINCT membership_id) AS members,"
                                + " sum(amount)::bigint AS total FROM bill")
                        .query()
                        .singleRow())
                .containsEntry("bills", 14L)
                .containsEntry("members", 7L)
                .containsEntry("total", 14L * BPU_2026);
        // each bill: JKK, JKM and their two discounts
        assertThat(jdbc.sql("SELECT count(*) FROM bill_line").query(Long.class).single())
                .isEqualTo(14 * 4);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_run")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aSecondBillingRunWhileOneIsRunningIsRefused_andTheFirstFinishesAlone() {
        for (int i = 0; i < 5; i++) {
            unbilledBpu(DEC);
        }
        List<Throwable> refusals = new java.util.ArrayList<>();
        billing.afterEachBatch(batch -> {
            if (batch == 1) {
                // another officer (another database session) starts the same month, then another month
                for (YearMonth month : List.of(DEC, NOV)) {
                    try {
                        billing.run(month, OFFICER);
                    } catch (RuntimeException e) {
                        refusals.add(e);
                    }
                }
            }
        });

        BillingRunResult first = billing.run(DEC, OFFICER);

        assertThat(refusals)
                .hasSize(2)
                .allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(ConflictException.class, c -> {
                    assertThat(c.code()).isEqualTo("billing.already-running");
                    assertThat(c.args()).containsExactly("2026-12");
                }));
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.billsCreated()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_run")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM bill").query(Long.class).single())
                .isEqualTo(5);
        // the lock went with the run: another month runs normally (nothing left to bill)
        assertThat(billing.run(NOV, OFFICER).status()).isEqualTo("DONE");
    }

    @Test
    void billsAndPaymentsAreNeverDeleted() {
        members.bpu(DEC, 1_000_000);

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM bill").update())
                .hasMessageContaining("rows of bill are never deleted");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM payment").update())
                .hasMessageContaining("rows of payment are never deleted");
        assertThat(jdbc.sql("SELECT count(*) FROM bill").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void puPaidLateIsFinedTwoPercentPerStartedMonth_onTheNextBill() {
        YearMonth aug = YearMonth.of(2026, 8);
        Membership m = members.pu(aug, 5_000_000, 1);
        Bill august = bills(m).get(0);
        assertThat(august.dueDate()).isEqualTo(LocalDate.of(2026, 9, 15));
        long due = august.amount();
        assertThat(due).isEqualTo(12_000 + 15_000 + 285_000 + 150_000);

        pay(m, due, LocalDate.of(2026, 11, 20)); // 2 months and 5 days late: 3 started months

        MembershipStatus status = statements.status(MembershipId.of(m.id()), LocalDate.of(2026, 11, 20), OFFICER);
        assertThat(status.pendingFines()).isEqualTo(due * 2 * 3 / 100);
        billing.run(DEC, OFFICER);
        Bill december = bills(m).get(4);
        assertThat(december.period()).isEqualTo(DEC);
        assertThat(december.lines()).last().satisfies(line -> {
            assertThat(line.kind()).isEqualTo("FINE");
            assertThat(line.employerAmount()).isEqualTo(27_720);
        });
        assertThat(december.amount()).isEqualTo(due + 27_720);
        assertThat(statements
                        .status(MembershipId.of(m.id()), LocalDate.of(2026, 12, 7), OFFICER)
                        .pendingFines())
                .isZero();
    }

    @Test
    void aBankFileIsAppliedOnce_andABadFileWritesNothingAndNamesLineAndColumn() {
        Membership a = members.bpu(DEC, 1_000_000);
        Membership b = members.bpu(DEC, 1_000_000);
        String good = "reference,membership_id,amount,paid_on\r\nF-1," + a.id() + ",8400,01/12/2026\r\nF-2," + b.id()
                + ",16800,2026-12-02\r\n";

        PaymentFileResult first = payments.applyFile("bank.csv", stream(good), OFFICER);
        PaymentFileResult again = payments.applyFile("bank-copy.csv", stream(good), OFFICER);

        assertThat(first.applied()).isEqualTo(2);
        assertThat(first.totalAmount()).isEqualTo(25_200);
        assertThat(again.replayed()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single())
                .isEqualTo(2);
        // the second member paid December and, ahead, part of January 2027
        assertThat(statements
                        .status(MembershipId.of(b.id()), LocalDate.of(2026, 12, 7), OFFICER)
                        .paidUpTo())
                .isEqualTo(DEC);
        assertThat(bills(b))
                .extracting(Bill::period, Bill::paid)
                .containsExactly(tuple(DEC, BPU_2026), tuple(YearMonth.of(2027, 1), BPU_2026));

        String bad = "reference;membership_id;amount;paid_on\nG-1;" + a.id() + ";16800;2026-12-02\nG-2;" + b.id()
                + ";16.800;2026-12-02\nG-3;" + b.id() + ";100;2026-13-01\nG-4;" + b.id() + ";100;31/09/2025\n";
        assertThatThrownBy(() -> payments.applyFile("bad.csv", stream(bad), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code)
                                .containsExactly(
                                        tuple("rows[3].amount", "payment-file.amount"),
                                        tuple("rows[4].paid_on", "payment-file.date"),
                                        tuple("rows[5].paid_on", "payment-file.date")));
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single())
                .isEqualTo(2);

        // as Excel saves it (byte-order mark, every field quoted): read, and refused only for its unknown member
        // (no payment is written, so no ledger event runs on after the test); then the one CSV reader's refusals
        String quoted = "\uFEFF\"reference\",\"membership_id\",\"amount\",\"paid_on\"\r\n\"Q-1\",\"999999999\","
                + "\"8400\",\"2026-12-02\"\r\n\r\n";
        assertThatThrownBy(() -> payments.applyFile("excel.csv", stream(quoted), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code, FieldIssue::args)
                                .containsExactly(
                                        tuple("rows[2].membership_id", "payment.key.unknown", List.of("999999999"))));

        String broken = "reference,membership_id,amount,paid_on\nR-1," + a.id() + ",8400\nR-2," + a.id() + ",\""
                + "8".repeat(5_000) + "\",2026-12-02\nR-3,x,y,z\n";
        assertThatThrownBy(() -> payments.applyFile("broken.csv", stream(broken), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code, FieldIssue::args)
                                .containsExactly(
                                        tuple("rows[2]", "payment-file.field-count", List.of(3, 4, ",")),
                                        tuple("rows[3]", "payment-file.line.too-long", List.of(4_096))));

        String open = "reference;membership_id;amount;paid_on\nR-4;" + a.id() + ";8400;2026-12-02\nR-5;\"" + a.id()
                + ";8400;2026-12-02\n";
        assertThatThrownBy(() -> payments.applyFile("open.csv", stream(open), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code)
                                .containsExactly(tuple("rows[3]", "payment-file.quote")));
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single())
                .isEqualTo(2);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
