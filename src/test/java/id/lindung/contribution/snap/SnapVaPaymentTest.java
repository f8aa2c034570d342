package id.lindung.contribution.snap;

import static id.lindung.contribution.snap.SimulatedBank.fresh;
import static id.lindung.contribution.snap.SimulatedBank.minutesAgo;
import static id.lindung.contribution.snap.SimulatedBank.now;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.contribution.Dues;
import id.lindung.contribution.Statements;
import id.lindung.contribution.VirtualAccounts;
import id.lindung.contribution.snap.SimulatedBank.Answer;
import id.lindung.enrolment.MembershipId;
import id.lindung.support.TestClock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 point 3, second slice, over HTTP: a simulated bank pays a member's VA exactly what is due (the member is
 * then protected by the ledger), sends the same notification again (one payment), reuses a paymentRequestId under a
 * new X-EXTERNAL-ID (no second payment), pays a different amount (refused, nothing recorded), asks the status of its
 * own and another bank's payment; forged, stale, expired and malformed calls get SNAP 4xx codes; walking numbers
 * reaches the inquiry limit (429).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SnapVaPaymentTest {

    @LocalServerPort
    int port;

    @Autowired
    SnapClients clients;

    @Autowired
    VirtualAccounts virtualAccounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dues dues;

    @Autowired
    Statements statements;

    private SimulatedBank bank;

    @BeforeEach
    void registerTheBank() throws Exception {
        bank = new SimulatedBank(port, clients);
    }

    @Test
    void paidExactlyTheMemberIsProtectedOnceWhateverTheBankRepeats() throws Exception {
        String number = SimulatedBank.billedMember(port, jdbc, "Budi Santoso");
        MembershipId membership = new MembershipId(SimulatedBank.membershipOf(jdbc, number));
        LocalDate today = LocalDate.now(TestClock.CLOCK);
        assertThat(statements.status(membership, today, LindungUser.SYSTEM).protectedOn())
                .isFalse();
        long due = dues.dueNow(membership, LindungUser.SYSTEM).amount();
        String token = bank.token();

        // a different amount: refused, nothing recorded
        Answer less = bank.call(SnapApi.PAYMENT_PATH, token, paymentBody(number, "pay-0", due - 1));
        assertThat(less.status()).isEqualTo(404);
        assertThat(less.code()).isEqualTo("4042513");
        Answer more = bank.call(SnapApi.PAYMENT_PATH, token, paymentBody(number, "pay-0", due + 1_000));
        assertThat(more.code()).isEqualTo("4042513");
        assertThat(payments(membership)).isZero();
        assertThat(snapPayments()).isZero();

        String body = paymentBody(number, "pay-1", due);
        String external = fresh();
        Answer paid = bank.call(SnapApi.PAYMENT_PATH, token, bank.secret, now(), external, body);
        assertThat(paid.status()).as(paid.json().toString()).isEqualTo(200);
        assertThat(paid.code()).isEqualTo("2002500");
        JsonNode va = paid.json().path("virtualAccountData");
        assertThat(va.path("paymentFlagStatus").asString()).isEqualTo("00");
        assertThat(va.path("paymentRequestId").asString()).isEqualTo("pay-1");
        assertThat(va.path("paidAmount").path("value").asString()).isEqualTo(due + ".00");
        assertThat(va.path("virtualAccountNo").asString()).isEqualTo(virtualAccounts.number(number));
        // the ledger took the money: channel SNAP, allocated, the member protected
        assertThat(payments(membership)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT channel FROM payment WHERE membership_id = ?")
                        .param(membership.value())
                        .query(String.class)
                        .single())
                .isEqualTo("SNAP");
        assertThat(statements.status(membership, today, LindungUser.SYSTEM).protectedOn())
                .isTrue();
        assertThat(dues.dueNow(membership, LindungUser.SYSTEM).amount()).isZero();

        // the same notification again (same X-EXTERNAL-ID): the same answer, nothing new
        Answer again = bank.call(SnapApi.PAYMENT_PATH, token, bank.secret, now(), external, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(paid.json());
        // the same paymentRequestId under a new X-EXTERNAL-ID: the same answer, no second payment
        Answer retried = bank.call(SnapApi.PAYMENT_PATH, token, body);
        assertThat(retried.json()).isEqualTo(paid.json());
        // the same paymentRequestId for another amount: inconsistent
        Answer reused = bank.call(SnapApi.PAYMENT_PATH, token, paymentBody(number, "pay-1", due + 5));
        assertThat(reused.code()).isEqualTo("4042518");
        // a new paymentRequestId now that nothing is owed: paid bill
        Answer twice = bank.call(SnapApi.PAYMENT_PATH, token, paymentBody(number, "pay-2", due));
        assertThat(twice.code()).isEqualTo("4042514");
        assertThat(payments(membership)).isEqualTo(1);
        assertThat(snapPayments()).isEqualTo(1);
        // every notification of the bank left an audit line
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'SNAP_VA_PAYMENT' AND entity_id = ?")
                        .param(clientId())
                        .query(Long.class)
                        .single())
                .isEqualTo(7);

        // status: the bank's own payment; another bank's reads as not found
        Answer status = bank.call(SnapApi.STATUS_PATH, token, statusBody(number, "pay-1"));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.code()).isEqualTo("2002600");
        assertThat(status.json()
                        .path("virtualAccountData")
                        .path("paymentFlagStatus")
                        .asString())
                .isEqualTo("00");
        assertThat(bank.call(SnapApi.STATUS_PATH, token, statusBody(number, "pay-0"))
                        .code())
                .isEqualTo("4042601");
        SimulatedBank other = new SimulatedBank(port, clients);
        Answer foreign = other.call(SnapApi.STATUS_PATH, other.token(), statusBody(number, "pay-1"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("4042601");
        assertThat(foreign.json().toString()).doesNotContain(Long.toString(due));
    }

    @Test
    void forgedStaleExpiredAndMalformedNotificationsGetSnapCodesAndRecordNothing() throws Exception {
        String number = SimulatedBank.billedMember(port, jdbc, "Ani Lestari");
        MembershipId membership = new MembershipId(SimulatedBank.membershipOf(jdbc, number));
        long due = dues.dueNow(membership, LindungUser.SYSTEM).amount();
        String token = bank.token();
        String body = paymentBody(number, "pay-x", due);
        String path = SnapApi.PAYMENT_PATH;

        assertThat(bank.call(path, token, "not-the-secret", now(), fresh(), body)
                        .code())
                .isEqualTo("4012500");
        assertThat(bank.call(path, token, bank.secret, minutesAgo(6), fresh(), body)
                        .code())
                .isEqualTo("4012500");
        assertThat(bank.call(path, "expired-or-unknown", bank.secret, now(), fresh(), body)
                        .code())
                .isEqualTo("4012501");
        jdbc.sql("UPDATE snap_token SET expires_at = ? WHERE client_id = ?")
                .params(java.sql.Timestamp.from(TestClock.CLOCK.instant().minusSeconds(1)), Long.parseLong(clientId()))
                .update();
        // the row changed behind the application's back: what it keeps in memory (at most SnapClients.CACHED, and
        // never past the token's own expiry) is forgotten as a deactivation would
        clients.forgetTokens();
        assertThat(bank.call(path, token, body).code()).isEqualTo("4012501");
        token = bank.token();
        assertThat(bank.call(path, token, "{\"partnerServiceId\": [").code()).isEqualTo("4002500");
        assertThat(bank.call(path, token, "[1, 2]").code()).isEqualTo("4002500");
        assertThat(bank.call(path, token, "{\"x\":\"" + "y".repeat(5000) + "\"}")
                        .code())
                .isEqualTo("4002500");
        assertThat(bank.call(path, token, paymentBody(number, "p".repeat(129), due))
                        .code())
                .isEqualTo("4002501");
        assertThat(bank.call(path, token, body.replace("\"paidAmount\"", "\"unpaid\""))
                        .code())
                .isEqualTo("4002502");
        assertThat(bank.call(path, token, body.replace(due + ".00", "12.50")).code())
                .isEqualTo("4002501");
        assertThat(bank.call(path, token, body.replace("\"IDR\"", "\"USD\"")).code())
                .isEqualTo("4002501");
        assertThat(bank.call(path, token, body.replace("2026-", "1999-")).code())
                .isEqualTo("4002501");
        assertThat(bank.call(path, token, body.replace(":\"" + virtualAccounts.partnerServiceId(), ":\"   99999"))
                        .code())
                .isEqualTo("4042512");
        assertThat(bank.call(SnapApi.STATUS_PATH, token, "{oops").code()).isEqualTo("4002600");
        assertThat(payments(membership)).isZero();
        assertThat(snapPayments()).isZero();
    }

    @Test
    void walkingMembershipNumbersReachesTheInquiryLimit() throws Exception {
        String token = bank.token();
        String psid = virtualAccounts.partnerServiceId();
        Answer last = null;
        for (int i = 0; i < SnapLimits.MISSES_PER_HOUR; i++) {
            String number = "%011d".formatted(99_000_000_000L + i);
            last = bank.call(SnapApi.INQUIRY_PATH, token, inquiryBody(psid, number));
            assertThat(last.code()).isEqualTo("4042412");
        }
        Answer refused = bank.call(SnapApi.INQUIRY_PATH, token, inquiryBody(psid, "99000000999"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.code()).isEqualTo("4292400");
        assertThat(refused.json().path("responseMessage").asString()).isEqualTo("Too Many Requests");
        // another bank is not limited by this one
        SimulatedBank other = new SimulatedBank(port, clients);
        assertThat(other.call(SnapApi.INQUIRY_PATH, other.token(), inquiryBody(psid, "99000000999"))
                        .code())
                .isEqualTo("4042412");
        // one audit line per inquiry, refused ones included
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'SNAP_VA_INQUIRY' AND entity_id = ?")
                        .param(clientId())
                        .query(Long.class)
                        .single())
                .isEqualTo(SnapLimits.MISSES_PER_HOUR + 1L);
        // an inquiryRequestId is used once per bank
        String body = inquiryBody(psid, "99000000998");
        assertThat(other.call(SnapApi.INQUIRY_PATH, other.token(), body).code()).isEqualTo("4042412");
        assertThat(other.call(SnapApi.INQUIRY_PATH, other.token(), body).code()).isEqualTo("4092401");
    }

    @Test
    void oldReplayGuardsArePurgedWhenATokenIsIssued() throws Exception {
        bank.token();
        long id = Long.parseLong(clientId());
        LocalDate old = LocalDate.now(TestClock.CLOCK).minusDays(SnapClients.REPLAY_DAYS + 1L);
        jdbc.sql("INSERT INTO snap_external_id (client_id, day, external_id) VALUES (?, ?, 'old')")
                .params(id, java.sql.Date.valueOf(old))
                .update();
        jdbc.sql("INSERT INTO snap_inquiry_id (client_id, inquiry_request_id, day) VALUES (?, 'old', ?)")
                .params(id, java.sql.Date.valueOf(old))
                .update();
        bank.token();
        assertThat(jdbc.sql("SELECT count(*) FROM snap_external_id WHERE client_id = ? AND day < ?")
                        .params(id, java.sql.Date.valueOf(old.plusDays(1)))
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM snap_inquiry_id WHERE client_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    /**
     * What is owed is decided under the membership's lock in the payment's transaction: twenty notifications for one
     * bill released at once — ten repeating one paymentRequestId, ten with their own — move the money once. Whichever
     * came first is paid; the repeats of a paid request get its answer, every other request "Paid Bill"; no 5xx.
     */
    @Test
    void twentyNotificationsForOneBillAtOnceMoveTheMoneyOnce() throws Exception {
        String number = SimulatedBank.billedMember(port, jdbc, "Siti Aminah");
        MembershipId membership = new MembershipId(SimulatedBank.membershipOf(jdbc, number));
        long due = dues.dueNow(membership, LindungUser.SYSTEM).amount();
        String token = bank.token();
        List<String> requestIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requestIds.add(i < 10 ? "same" : "own-" + i);
        }
        List<Answer> answers = atOnce(requestIds.stream()
                .map(id ->
                        (Callable<Answer>) () -> bank.call(SnapApi.PAYMENT_PATH, token, paymentBody(number, id, due)))
                .toList());

        assertThat(payments(membership)).isEqualTo(1);
        String winner = jdbc.sql("SELECT s.payment_request_id FROM snap_payment s JOIN payment p ON p.id = s.payment_id"
                        + " WHERE p.membership_id = ?")
                .param(membership.value())
                .query(String.class)
                .single();
        for (int i = 0; i < 20; i++) {
            String code = answers.get(i).code();
            if (requestIds.get(i).equals(winner)) {
                assertThat(code).as("request %s (paid)", requestIds.get(i)).isEqualTo("2002500");
            } else {
                assertThat(code).as("request %s (not paid)", requestIds.get(i)).isEqualTo("4042514");
            }
        }
        assertThat(dues.dueNow(membership, LindungUser.SYSTEM).amount()).isZero();
    }

    /** Payments for different members do not wait for one another's bills: six members paid at once, each once. */
    @Test
    void sixMembersPaidAtOnceAreEachPaidOnce() throws Exception {
        List<String> numbers = new ArrayList<>();
        for (String name : List.of("Agus", "Dewi", "Eko", "Fitri", "Gita", "Hendra")) {
            numbers.add(SimulatedBank.billedMember(port, jdbc, name + " Pratama"));
        }
        String token = bank.token();
        List<Callable<Answer>> calls = new ArrayList<>();
        for (String number : numbers) {
            long due = dues.dueNow(new MembershipId(SimulatedBank.membershipOf(jdbc, number)), LindungUser.SYSTEM)
                    .amount();
            calls.add(() -> bank.call(SnapApi.PAYMENT_PATH, token, paymentBody(number, "pay-" + number, due)));
        }
        List<Answer> answers = atOnce(calls);
        for (int i = 0; i < numbers.size(); i++) {
            MembershipId membership = new MembershipId(SimulatedBank.membershipOf(jdbc, numbers.get(i)));
            assertThat(answers.get(i).code())
                    .as(answers.get(i).json().toString())
                    .isEqualTo("2002500");
            assertThat(payments(membership)).isEqualTo(1);
            assertThat(dues.dueNow(membership, LindungUser.SYSTEM).amount()).isZero();
        }
    }

    /** Runs the calls on their own threads, released together; their answers in order. */
    private static List<Answer> atOnce(List<Callable<Answer>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (Callable<Answer> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private String paymentBody(String customerNo, String paymentRequestId, long amount) {
        return SimulatedBank.paymentBody(
                virtualAccounts.partnerServiceId(), customerNo, paymentRequestId, amount, now());
    }

    private String statusBody(String customerNo, String paymentRequestId) {
        String psid = virtualAccounts.partnerServiceId();
        return "{\"partnerServiceId\":\"" + psid + "\",\"customerNo\":\"" + customerNo + "\",\"virtualAccountNo\":\""
                + psid + customerNo + "\",\"inquiryRequestId\":\"" + fresh() + "\",\"paymentRequestId\":\""
                + paymentRequestId + "\"}";
    }

    private static String inquiryBody(String psid, String customerNo) {
        return SimulatedBank.inquiryBody(psid, customerNo);
    }

    private long payments(MembershipId membership) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE membership_id = ?")
                .param(membership.value())
                .query(Long.class)
                .single();
    }

    private long snapPayments() {
        return jdbc.sql("SELECT count(*) FROM snap_payment WHERE client_id = ?")
                .param(Long.parseLong(clientId()))
                .query(Long.class)
                .single();
    }

    private String clientId() {
        return jdbc.sql("SELECT id FROM snap_client WHERE client_key = ?")
                .param(bank.clientKey)
                .query(Long.class)
                .single()
                .toString();
    }
}
