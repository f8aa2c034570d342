package id.lindung.contribution;

import static id.lindung.contribution.Members.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipEnded;
import id.lindung.enrolment.Programme;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
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
 * Billing runs, payments, allocation, fines and lapse on the real (embedded) PostgreSQL. Ranges of two memberships
 * make every run span several transactions. This class has its own context and database: every billing run bills
 * every membership, so tests here start from empty contribution and membership tables.
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
        jdbc.sql("TRUNCATE late_fine, payment_allocation, payment, payment_file, bill_line, bill, billing_run,"
                + " membership_base, membership, construction_project, employer CASCADE").update();
        members = new Members(participants, enrolment);
    }

    @AfterEach
    void noHook() {
        billing.afterEachBatch(batch -> {
        });
    }

    /** The child tables of the bulk path carry no foreign keys (V10): whatever a test did, no row lost its parent. */
    @AfterEach
    void noOrphans() {
        assertThat(jdbc.sql("""
                SELECT (SELECT count(*) FROM bill_line l WHERE NOT EXISTS (SELECT 1 FROM bill b WHERE b.id = l.bill_id))
                     + (SELECT count(*) FROM bill b WHERE NOT EXISTS
                          (SELECT 1 FROM billing_run r WHERE r.id = b.billing_run_id))
                     + (SELECT count(*) FROM payment p WHERE p.payment_file_id IS NOT NULL AND NOT EXISTS
                          (SELECT 1 FROM payment_file f WHERE f.id = p.payment_file_id))
                     + (SELECT count(*) FROM payment_allocation a
                         WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.id = a.payment_id)
                            OR NOT EXISTS (SELECT 1 FROM bill b WHERE b.id = a.bill_id))""")
                .query(Long.class).single()).as("rows without their parent").isZero();
    }

    private static String key() {
        return "TEST-" + KEYS.incrementAndGet();
    }

    private PaymentResult pay(Membership m, long amount, LocalDate paidOn) {
        return payments.pay(new PaymentRequest(key(), m.id(), amount, paidOn, null), OFFICER);
    }

    private List<Bill> bills(Membership m) {
        return statements.statement(m.id(), LocalDate.of(2026, 11, 1), OFFICER).bills();
    }

    private void bill(YearMonth from, YearMonth to) {
        for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            billing.run(month, OFFICER);
        }
    }

    @Test
    void billingAMonthTwiceCreatesNothingNew() {
        Membership a = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        Membership b = members.bpu(YearMonth.of(2026, 1), 2_000_000, Programme.JHT);
        Membership c = members.pu(YearMonth.of(2026, 1), 5_000_000, 2);

        BillingRunResult first = billing.run(YearMonth.of(2026, 1), OFFICER);
        BillingRunResult second = billing.run(YearMonth.of(2026, 1), OFFICER);

        assertThat(first.billsCreated()).isEqualTo(3);
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(second.billsCreated()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM bill").query(Long.class).single()).isEqualTo(3);
        assertThat(bills(a)).extracting(Bill::amount).containsExactly(16_800L);
        assertThat(bills(b)).extracting(Bill::amount).containsExactly(20_000L + 6_800L + 40_000L);
        // PU class 2 at 5,000,000: JKK 27,000 + JKM 15,000 + JHT 285,000 + JP 150,000 + JKP 0
        assertThat(bills(c)).singleElement().satisfies(bill -> {
            assertThat(bill.amount()).isEqualTo(477_000);
            assertThat(bill.dueDate()).isEqualTo(LocalDate.of(2026, 2, 15));
            assertThat(bill.lines()).extracting(BillLine::programme)
                    .containsExactly("JKK", "JKM", "JHT", "JP", "JKP");
        });
    }

    @Test
    void theSamePaymentTwiceIsAppliedOnce() {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billing.run(YearMonth.of(2026, 1), OFFICER);
        PaymentRequest request = new PaymentRequest("BANK-REF-1", m.id(), 16_800L, LocalDate.of(2026, 1, 10), "teller");

        PaymentResult first = payments.pay(request, OFFICER);
        PaymentResult again = payments.pay(request, OFFICER);

        assertThat(first.replayed()).isFalse();
        assertThat(first.allocated()).isEqualTo(16_800);
        assertThat(again.replayed()).isTrue();
        assertThat(again.paymentId()).isEqualTo(first.paymentId());
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isEqualTo(1);
        assertThat(bills(m)).extracting(Bill::status, Bill::paid).containsExactly(tuple("PAID", 16_800L));
        // the same key for another amount is a mistake, not a payment
        assertThatThrownBy(() -> payments.pay(new PaymentRequest("BANK-REF-1", m.id(), 20_000L,
                LocalDate.of(2026, 1, 10), null), OFFICER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.issues())
                        .containsExactly(FieldIssue.error("idempotencyKey", "payment.key.reused", "BANK-REF-1")));
    }

    @Test
    void paymentsArrivingOutOfOrderPayTheOldestMonthsFirst_andOverpaymentCarriesToTheNextMonth() {
        Membership m = members.bpu(YearMonth.of(2025, 1), 1_000_000);
        bill(YearMonth.of(2025, 1), YearMonth.of(2025, 3));
        // the later payment is recorded first, the earlier one after it
        pay(m, 16_800, LocalDate.of(2025, 3, 5));
        pay(m, 20_000, LocalDate.of(2025, 1, 20));

        assertThat(bills(m)).extracting(Bill::period, Bill::status, Bill::paid).containsExactly(
                tuple(YearMonth.of(2025, 1), "PAID", 16_800L), tuple(YearMonth.of(2025, 2), "PAID", 16_800L),
                tuple(YearMonth.of(2025, 3), "OPEN", 3_200L));

        pay(m, 30_000, LocalDate.of(2025, 3, 10)); // 13,600 settles March, 16,400 stays as credit
        MembershipStatus status = statements.status(m.id(), LocalDate.of(2025, 3, 31), OFFICER);
        assertThat(status.credit()).isEqualTo(16_400);
        assertThat(status.paidUpTo()).isEqualTo(YearMonth.of(2025, 3));

        billing.run(YearMonth.of(2025, 4), OFFICER); // the credit goes to April's bill at once
        Bill april = bills(m).get(3);
        assertThat(april.period()).isEqualTo(YearMonth.of(2025, 4));
        assertThat(april.status()).isEqualTo("OPEN");
        assertThat(april.paid()).isEqualTo(16_400);
        assertThat(statements.status(m.id(), LocalDate.of(2025, 4, 20), OFFICER).protectedOn()).isFalse();
    }

    @Test
    void bpuMayPayMonthsAhead() {
        Membership m = members.bpu(YearMonth.of(2025, 1), 1_000_000);
        billing.run(YearMonth.of(2025, 1), OFFICER);
        pay(m, 6 * 16_800, LocalDate.of(2025, 1, 10));
        // as it stood before the payment: January unpaid, no credit
        MembershipStatus before = statements.status(m.id(), LocalDate.of(2025, 1, 9), OFFICER);
        assertThat(before.protectedOn()).isFalse();
        assertThat(before.credit()).isZero();
        assertThat(before.paidUpTo()).isNull();

        MembershipStatus ahead = statements.status(m.id(), LocalDate.of(2025, 6, 30), OFFICER);
        assertThat(ahead.paidUpTo()).isEqualTo(YearMonth.of(2025, 6));
        assertThat(ahead.protectedOn()).isTrue();
        assertThat(statements.status(m.id(), LocalDate.of(2025, 7, 1), OFFICER).protectedOn()).isFalse();

        bill(YearMonth.of(2025, 2), YearMonth.of(2025, 6));
        assertThat(bills(m)).extracting(Bill::status).containsOnly("PAID").hasSize(6);
        assertThat(statements.status(m.id(), LocalDate.of(2025, 6, 30), OFFICER).credit()).isZero();
    }

    @Test
    void bpuEndsAfterMoreThanThreeConsecutiveUnpaidMonths_andAPaymentAfterwardsIsRejected() {
        Membership lapsing = members.bpu(YearMonth.of(2025, 1), 1_000_000);
        Membership settling = members.bpu(YearMonth.of(2025, 1), 1_000_000);
        bill(YearMonth.of(2025, 1), YearMonth.of(2025, 1));
        pay(lapsing, 16_800, LocalDate.of(2025, 1, 10));
        pay(settling, 16_800, LocalDate.of(2025, 1, 10));
        bill(YearMonth.of(2025, 2), YearMonth.of(2025, 5)); // February to May unpaid: 4 months, not yet judged
        pay(settling, 3 * 16_800, LocalDate.of(2025, 5, 20)); // at most 3 months of arrears may be settled
        assertThat(enrolment.membership(lapsing.id(), OFFICER).open()).isTrue();

        BillingRunResult june = billing.run(YearMonth.of(2025, 6), OFFICER);

        assertThat(june.lapsed()).isEqualTo(1);
        Membership ended = enrolment.membership(lapsing.id(), OFFICER);
        assertThat(ended.endReason()).isEqualTo(EndReason.LAPSED);
        assertThat(ended.endMonth()).isEqualTo(YearMonth.of(2025, 1)); // the last month paid
        assertThat(events.stream(MembershipEnded.class))
                .anySatisfy(e -> assertThat(e.membershipId()).isEqualTo(lapsing.id()));
        assertThat(bills(lapsing)).extracting(Bill::period, Bill::status).containsExactly(
                tuple(YearMonth.of(2025, 1), "PAID"), tuple(YearMonth.of(2025, 2), "CANCELLED"),
                tuple(YearMonth.of(2025, 3), "CANCELLED"), tuple(YearMonth.of(2025, 4), "CANCELLED"),
                tuple(YearMonth.of(2025, 5), "CANCELLED"));
        assertThat(statements.status(lapsing.id(), LocalDate.of(2025, 1, 31), OFFICER).protectedOn()).isTrue();
        assertThat(statements.status(lapsing.id(), LocalDate.of(2025, 3, 1), OFFICER).reason())
                .isEqualTo("status.ended");
        assertThat(enrolment.membership(settling.id(), OFFICER).open()).isTrue();
        assertThat(bills(settling)).extracting(Bill::period).contains(YearMonth.of(2025, 6));

        assertThatThrownBy(() -> pay(lapsing, 16_800, LocalDate.of(2025, 6, 10)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.issues()).extracting(
                        FieldIssue::field, FieldIssue::code).containsExactly(
                                tuple("membershipId", "payment.membership.ended")));
        // by bank file the money is recorded, as rejected for refund, and nothing is allocated
        String file = "reference;membership_id;amount;paid_on\nLATE-1;" + lapsing.id() + ";16800;2025-06-10\n";
        PaymentFileResult result = payments.applyFile("late.csv", stream(file), OFFICER);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(result.applied()).isZero();
    }

    @Test
    void aCrashInTheMiddleOfABillingRunIsFinishedByTheNextRun_withNothingDoubled() {
        for (int i = 0; i < 7; i++) {
            members.bpu(YearMonth.of(2026, 1), 1_000_000);
        }
        billing.afterEachBatch(batch -> {
            if (batch == 2) {
                throw new IllegalStateException("power cut");
            }
        });
        assertThatThrownBy(() -> billing.run(YearMonth.of(2026, 2), OFFICER)).hasMessage("power cut");
        long afterCrash = jdbc.sql("SELECT count(*) FROM bill").query(Long.class).single();
        assertThat(afterCrash).isEqualTo(4); // two ranges of two committed
        assertThat(jdbc.sql("SELECT status FROM billing_run").query(String.class).single()).isEqualTo("FAILED");

        billing.afterEachBatch(batch -> {
        });
        BillingRunResult resumed = billing.run(YearMonth.of(2026, 2), OFFICER);

        assertThat(resumed.status()).isEqualTo("DONE");
        assertThat(resumed.billsCreated()).isEqualTo(7);
        assertThat(jdbc.sql("SELECT count(*) AS bills, count(DISTINCT membership_id) AS members,"
                + " sum(amount)::bigint AS total FROM bill").query().singleRow())
                .containsEntry("bills", 7L).containsEntry("members", 7L).containsEntry("total", 7L * 16_800);
        assertThat(jdbc.sql("SELECT count(*) FROM bill_line").query(Long.class).single()).isEqualTo(14);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_run").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSecondBillingRunWhileOneIsRunningIsRefused_andTheFirstFinishesAlone() {
        for (int i = 0; i < 5; i++) {
            members.bpu(YearMonth.of(2026, 1), 1_000_000);
        }
        List<Throwable> refusals = new java.util.ArrayList<>();
        billing.afterEachBatch(batch -> {
            if (batch == 1) {
                // another officer (another database session) starts the same month, then another month
                for (YearMonth month : List.of(YearMonth.of(2026, 2), YearMonth.of(2026, 3))) {
                    try {
                        billing.run(month, OFFICER);
                    } catch (RuntimeException e) {
                        refusals.add(e);
                    }
                }
            }
        });

        BillingRunResult first = billing.run(YearMonth.of(2026, 2), OFFICER);

        assertThat(refusals).hasSize(2).allSatisfy(e -> assertThat(e)
                .isInstanceOfSatisfying(ConflictException.class, c -> {
                    assertThat(c.code()).isEqualTo("billing.already-running");
                    assertThat(c.args()).containsExactly("2026-02");
                }));
        assertThat(first.status()).isEqualTo("DONE");
        assertThat(first.billsCreated()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM billing_run").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM bill").query(Long.class).single()).isEqualTo(5);
        // the lock went with the run: the next month bills normally
        assertThat(billing.run(YearMonth.of(2026, 3), OFFICER).billsCreated()).isEqualTo(5);
    }

    @Test
    void billsAndPaymentsAreNeverDeleted() {
        members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billing.run(YearMonth.of(2026, 1), OFFICER);

        assertThatThrownBy(() -> jdbc.sql("DELETE FROM bill").update())
                .hasMessageContaining("rows of bill are never deleted");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM payment").update())
                .hasMessageContaining("rows of payment are never deleted");
        assertThat(jdbc.sql("SELECT count(*) FROM bill").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void puPaidLateIsFinedTwoPercentPerStartedMonth_onTheNextBill() {
        Membership m = members.pu(YearMonth.of(2025, 1), 5_000_000, 1);
        billing.run(YearMonth.of(2025, 1), OFFICER); // due 15 February 2025
        long due = bills(m).get(0).amount();
        assertThat(due).isEqualTo(12_000 + 15_000 + 285_000 + 150_000);

        pay(m, due, LocalDate.of(2025, 4, 20)); // 2 months and 5 days late: 3 started months

        MembershipStatus status = statements.status(m.id(), LocalDate.of(2025, 4, 20), OFFICER);
        assertThat(status.pendingFines()).isEqualTo(due * 2 * 3 / 100);
        billing.run(YearMonth.of(2025, 5), OFFICER);
        Bill may = bills(m).get(1);
        assertThat(may.lines()).last().satisfies(line -> {
            assertThat(line.kind()).isEqualTo("FINE");
            assertThat(line.employerAmount()).isEqualTo(27_720);
        });
        assertThat(may.amount()).isEqualTo(due + 27_720);
        assertThat(statements.status(m.id(), LocalDate.of(2025, 5, 20), OFFICER).pendingFines()).isZero();
    }

    @Test
    void aBankFileIsAppliedOnce_andABadFileWritesNothingAndNamesLineAndColumn() {
        Membership a = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        Membership b = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billing.run(YearMonth.of(2026, 1), OFFICER);
        String good = "reference,membership_id,amount,paid_on\r\nF-1," + a.id() + ",16800,10/01/2026\r\nF-2,"
                + b.id() + ",33600,2026-01-11\r\n";

        PaymentFileResult first = payments.applyFile("bank.csv", stream(good), OFFICER);
        PaymentFileResult again = payments.applyFile("bank-copy.csv", stream(good), OFFICER);

        assertThat(first.applied()).isEqualTo(2);
        assertThat(first.totalAmount()).isEqualTo(50_400);
        assertThat(again.replayed()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isEqualTo(2);
        assertThat(statements.status(b.id(), LocalDate.of(2026, 1, 31), OFFICER).credit()).isEqualTo(16_800);

        String bad = "reference;membership_id;amount;paid_on\nG-1;" + a.id() + ";16800;2026-01-12\nG-2;" + b.id()
                + ";16.800;2026-01-12\nG-3;" + b.id() + ";100;2026-13-01\nG-4;" + b.id() + ";100;31/09/2025\n";
        assertThatThrownBy(() -> payments.applyFile("bad.csv", stream(bad), OFFICER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.issues())
                        .extracting(FieldIssue::field, FieldIssue::code).containsExactly(
                                tuple("rows[3].amount", "payment-file.amount"),
                                tuple("rows[4].paid_on", "payment-file.date"),
                                tuple("rows[5].paid_on", "payment-file.date")));
        assertThat(jdbc.sql("SELECT count(*) FROM payment").query(Long.class).single()).isEqualTo(2);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
