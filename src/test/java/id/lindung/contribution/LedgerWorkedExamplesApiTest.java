package id.lindung.contribution;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Worked examples of issue 15 ("protection follows money"), end to end over real HTTP as a province officer
 * (petugas.kalbar, who may back-date a start far): a PU start 21 months back with nothing paid, BPU members paying
 * late within the grace and past it (lapse), and paying before any billing run. The business clock stands at
 * 7 December 2026 (application-test.properties).
 *
 * <p>Own context and database ({@code billing-batch-size} differs from the other web tests): the billing run here
 * lapses every BPU membership with four unpaid months, which must not reach other classes' memberships.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lindung.contribution.billing-batch-size=1000")
@ActiveProfiles("test")
class LedgerWorkedExamplesApiTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final AtomicInteger NPP = new AtomicInteger(700_000);
    private static final AtomicInteger KEY = new AtomicInteger();
    /** BPU JKK+JKM at Rp1.000.000 in April-December 2026 (PP 50/2025 halves 16,800). */
    private static final long BPU_2026 = 8_400;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @LocalServerPort
    int port;

    private ApiClient officer() {
        return ApiClient.as(port, "petugas.kalbar");
    }

    private long participant(ApiClient client) {
        return ApiFixtures.participant(client, "Yohanes Kurniawan", LocalDate.of(1979, 2, 14), false, KETAPANG_DESA);
    }

    private long enrolBpu(ApiClient client, String start) {
        return ApiFixtures.enrolBpu(client, participant(client), 1_000_000, start, "channel", "AGENT");
    }

    private Response pay(ApiClient client, long membership, long amount, String paidOn) {
        return client.post(
                "/api/payments", ApiFixtures.payment("WORKED-" + KEY.incrementAndGet(), membership, amount, paidOn));
    }

    private JsonNode status(ApiClient client, long membership, String date) {
        Response r = client.get("/api/memberships/" + membership + "/status?date=" + date);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private static List<String> bills(JsonNode statement, String field) {
        List<String> values = new ArrayList<>();
        statement
                .path("bills")
                .forEach(b -> values.add(
                        b.path("period").asString() + " " + b.path(field).asString()));
        return values;
    }

    /**
     * Back-dated PU: a wage earner enrolled today with a start 21 months back, nothing paid. Every month since the
     * start is a bill, all of them arrears; the worker is not protected, and the reason puts the liability on the
     * employer (registered only today; and the employer more than three bills behind).
     */
    @Test
    void backDatedPu_isArrearsForEveryMonth_notProtection_andTheEmployerIsLiable() {
        ApiClient officer = officer();
        Response employer = officer.post(
                "/api/employers",
                json(
                        "npp",
                        "NPP" + NPP.incrementAndGet(),
                        "name",
                        "PT Karet Ketapang",
                        "riskClass",
                        2,
                        "regionCode",
                        KETAPANG_DESA));
        assertThat(employer.status()).as(employer.text()).isEqualTo(201);
        Response enrolled = officer.post(
                "/api/memberships",
                ApiFixtures.pu(
                        participant(officer),
                        employer.json().path("id").asLong(),
                        5_000_000,
                        "2025-03",
                        "channel",
                        "EMPLOYER"));
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        long membership = enrolled.json().path("id").asLong();
        assertThat(enrolled.json().path("registeredOn").asString()).isEqualTo("2026-12-07");

        Response statement = officer.get("/api/memberships/" + membership + "/statement?date=2026-12-07");
        assertThat(statement.status()).as(statement.text()).isEqualTo(200);
        JsonNode bills = statement.json().path("bills");
        // March 2025 to December 2026: 22 months, each a bill, none paid
        assertThat(bills).hasSize(22);
        assertThat(bills.get(0).path("period").asString()).isEqualTo("2025-03");
        assertThat(bills.get(0).path("dueDate").asString()).isEqualTo("2025-04-15");
        assertThat(bills.get(21).path("period").asString()).isEqualTo("2026-12");
        assertThat(bills(statement.json(), "status"))
                .allSatisfy(s -> assertThat(s).endsWith(" OPEN"));
        long owedBeforeToday = 0;
        for (JsonNode bill : bills) {
            assertThat(bill.path("amount").asLong()).isPositive();
            if (LocalDate.parse(bill.path("dueDate").asString()).isBefore(LocalDate.of(2026, 12, 7))) {
                owedBeforeToday += bill.path("amount").asLong();
            }
        }

        // today: March 2025 to October 2026 are past their due dates (November's is 15 December)
        JsonNode today = statement.json().path("status");
        assertThat(today.path("protectedOn").asBoolean()).isFalse();
        assertThat(today.path("reason").asString()).isEqualTo("status.employer-arrears");
        assertThat(today.path("arrearsMonths").asInt()).isEqualTo(20);
        assertThat(today.path("arrears").asLong()).isEqualTo(owedBeforeToday);
        assertThat(today.path("contributionMonths").asInt()).isZero();
        assertThat(today.path("paidUpTo").isNull() || today.path("paidUpTo").isMissingNode())
                .isTrue();
        // on a day of the back-dated months the worker was not registered yet: no grace, the employer is liable
        for (String day : List.of("2025-03-01", "2025-06-20", "2026-12-06")) {
            JsonNode then = status(officer, membership, day);
            assertThat(then.path("protectedOn").asBoolean()).as(day).isFalse();
            assertThat(then.path("reason").asString()).as(day).isEqualTo("status.not-registered");
        }
        assertThat(status(officer, membership, "2025-02-28").path("reason").asString())
                .isEqualTo("status.not-started");
        // a participant's status answers the same
        Response participantStatus = officer.get(
                "/api/participants/" + enrolled.json().path("participantId").asLong() + "/status?date=2026-12-07");
        assertThat(participantStatus.json().get(0).path("protectedOn").asBoolean())
                .isFalse();
        assertThat(participantStatus.json().get(0).path("reason").asString()).isEqualTo("status.employer-arrears");
    }

    /**
     * The employer's liability on the worker's claim: the back-dated PU worker dies in a work accident on a day
     * before the employer registered them (that month unpaid), and a colleague is hurt today while the employer is
     * far behind. Neither claim is refused: each is computed as the programme's and names the employer as the payer
     * with the rule's legal basis; the decision letter says so, and recording the employer's payment adds no late
     * compensation (BPJS's sanction). A BPU member unpaid on the day stays refused: the employer rule is the
     * employer's, not the worker's.
     */
    @Test
    void employerLiableClaims_areComputedAndNameTheEmployer_notRefused() {
        ApiClient officer = officer();
        String npp = "NPP" + NPP.incrementAndGet();
        Response employer = officer.post(
                "/api/employers",
                json("npp", npp, "name", "PT Sawit Sukadana", "riskClass", 2, "regionCode", KETAPANG_DESA));
        assertThat(employer.status()).as(employer.text()).isEqualTo(201);
        long employerId = employer.json().path("id").asLong();
        long deceased = participant(officer);
        Response enrolled = officer.post(
                "/api/memberships", ApiFixtures.pu(deceased, employerId, 5_000_000, "2025-03", "channel", "EMPLOYER"));
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);

        Response death =
                officer.post("/api/claims", ApiFixtures.workAccidentClaim(deceased, "JKK_DEATH", "2025-06-20"));
        assertThat(death.status()).as(death.text()).isEqualTo(201);
        JsonNode claim = death.json();
        assertThat(claim.path("refusal").isNull() || claim.path("refusal").isMissingNode())
                .as(death.text())
                .isTrue();
        assertThat(claim.path("member").path("jkkProtected").asBoolean()).isFalse();
        assertThat(claim.path("member").path("protectionReason").asString()).isEqualTo("status.not-registered");
        JsonNode liability = claim.path("employerLiability");
        assertThat(liability.path("reason").asString()).isEqualTo("UNREGISTERED");
        assertThat(liability.path("employer").asString()).isEqualTo(npp + " PT Sawit Sukadana");
        assertThat(liability.path("legalBasis").asString()).contains("PP 44/2015 Pasal 59");
        assertThat(liability.path("ruleRef").asString()).isEqualTo("EMPLOYER_LIABLE_UNREGISTERED@2015-07-01");
        // 60% x 80 x Rp5.000.000, as the programme would pay it
        List<Long> amounts = new ArrayList<>();
        claim.path("lines").forEach(l -> amounts.add(l.path("amount").asLong()));
        assertThat(amounts).contains(240_000_000L);
        assertThat(claim.path("total").asLong())
                .isEqualTo(amounts.stream().mapToLong(Long::longValue).sum());

        // a colleague hurt today: registered, but the employer is more than three bills behind
        long hurt = participant(officer);
        Response colleague = officer.post(
                "/api/memberships", ApiFixtures.pu(hurt, employerId, 4_000_000, "2026-06", "channel", "EMPLOYER"));
        assertThat(colleague.status()).as(colleague.text()).isEqualTo(201);
        registeredOn(colleague.json().path("id").asLong(), "2026-06-01");
        Response stmb = officer.post(
                "/api/claims", ApiFixtures.workAccidentClaim(hurt, "JKK_STMB", "2026-12-07", "stmbMonths", 2));
        assertThat(stmb.status()).as(stmb.text()).isEqualTo(201);
        assertThat(stmb.json().path("member").path("protectionReason").asString())
                .isEqualTo("status.employer-arrears");
        assertThat(stmb.json().path("employerLiability").path("reason").asString())
                .isEqualTo("ARREARS");
        assertThat(stmb.json().path("employerLiability").path("unconfirmed").asBoolean())
                .isTrue();
        assertThat(stmb.json().path("total").asLong()).isEqualTo(8_000_000); // 2 x 100% x Rp4.000.000

        // verified, approved, paid by the employer long after the due date: no late compensation
        long id = stmb.json().path("id").asLong();
        Response doc = ApiFixtures.claimDocument(
                officer,
                id,
                "LAPORAN_KECELAKAAN",
                "laporan.pdf",
                "%PDF-1.4 laporan".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "application/pdf");
        assertThat(doc.status()).as(doc.text()).isEqualTo(200);
        Response verified = officer.post(
                "/api/claims/" + id + "/verify",
                json("version", doc.json().path("version").asInt(), "documentsCompleteOn", "2026-12-07"));
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        Response approved = officer.post(
                "/api/claims/" + id + "/approve",
                json("version", verified.json().path("version").asInt()));
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        java.net.http.HttpResponse<byte[]> letter = officer.getBytes("/api/claims/" + id + "/letter.pdf");
        assertThat(letter.statusCode()).isEqualTo(200);
        Response paid = officer.post(
                "/api/claims/" + id + "/payment",
                json(
                        "version",
                        approved.json().path("version").asInt(),
                        "paidOn",
                        "2026-12-07",
                        "reference",
                        "TRF-PT-SAWIT-1"));
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        assertThat(paid.json().path("total").asLong()).isEqualTo(8_000_000);
        assertThat(paid.json().path("lateAmount").asLong()).isZero();

        // a BPU member unpaid on the day: refused, no employer to name
        long bpu = enrolBpu(officer, "2026-12");
        Response refused = officer.post(
                "/api/claims",
                ApiFixtures.workAccidentClaim(
                        jdbc.sql("SELECT participant_id FROM membership WHERE id = ?")
                                .param(bpu)
                                .query(Long.class)
                                .single(),
                        "JKK_STMB",
                        "2026-12-07",
                        "stmbMonths",
                        1));
        assertThat(refused.status()).as(refused.text()).isEqualTo(201);
        assertThat(refused.json().path("refusal").path("code").asString()).isEqualTo("NOT_PROTECTED_JKK");
        assertThat(refused.json().path("employerLiability").isNull()
                        || refused.json().path("employerLiability").isMissingNode())
                .isTrue();
    }

    /**
     * BPU paying late: one member leaves three months unpaid (within the grace: arrears of at most three months may
     * be settled) and settles them late; another leaves four unpaid and lapses at the billing run. A month paid late
     * does not cover its past days; the lapsed membership ends after its last paid month, its later bills are
     * cancelled, and a payment afterwards is refused.
     */
    @Test
    void bpuPayingLate_withinTheGraceStays_pastItLapsesAtTheRun() {
        ApiClient officer = officer();
        long within = enrolBpu(officer, "2026-08");
        long past = enrolBpu(officer, "2026-07");
        // registered when they started (months before registration are arrears to settle, they lapse nothing)
        registeredOn(within, "2026-08-01");
        registeredOn(past, "2026-07-01");
        assertThat(pay(officer, within, BPU_2026, "2026-08-10").status()).isEqualTo(201); // August on time
        assertThat(pay(officer, past, BPU_2026, "2026-07-10").status()).isEqualTo(201); // July on time

        // the December run: `within` owes September to November (3), `past` August to November (4)
        Response run = officer.post("/api/billing-runs", json("period", "2026-12"));
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.json().path("lapsed").asInt()).isEqualTo(1);

        // within the grace: still a member, not protected while unpaid, settles the arrears and December late
        Response stillOpen = officer.get("/api/memberships/" + within);
        assertThat(stillOpen.json().path("endMonth").isNull()
                        || stillOpen.json().path("endMonth").isMissingNode())
                .isTrue();
        assertThat(status(officer, within, "2026-08-20").path("protectedOn").asBoolean())
                .isTrue();
        JsonNode beforeSettling = status(officer, within, "2026-12-02");
        assertThat(beforeSettling.path("protectedOn").asBoolean()).isFalse();
        assertThat(beforeSettling.path("reason").asString()).isEqualTo("status.unpaid");
        assertThat(beforeSettling.path("arrearsMonths").asInt()).isEqualTo(3);
        assertThat(beforeSettling.path("arrears").asLong()).isEqualTo(3 * BPU_2026);
        assertThat(pay(officer, within, 4 * BPU_2026, "2026-12-03").status()).isEqualTo(201);
        JsonNode settled = status(officer, within, "2026-12-03");
        assertThat(settled.path("protectedOn").asBoolean()).isTrue();
        assertThat(settled.path("arrearsMonths").asInt()).isZero();
        assertThat(settled.path("paidUpTo").asString()).isEqualTo("2026-12");
        assertThat(settled.path("contributionMonths").asInt()).isEqualTo(5);
        // paid in December, September's days stay unprotected: money paid after an event does not cover it
        JsonNode september = status(officer, within, "2026-09-20");
        assertThat(september.path("protectedOn").asBoolean()).isFalse();
        assertThat(september.path("reason").asString()).isEqualTo("status.unpaid");
        assertThat(status(officer, within, "2026-12-02").path("protectedOn").asBoolean())
                .isFalse();

        // past the grace: lapsed after July, the last month paid
        Response lapsed = officer.get("/api/memberships/" + past);
        assertThat(lapsed.json().path("endReason").asString()).isEqualTo("LAPSED");
        assertThat(lapsed.json().path("endMonth").asString()).isEqualTo("2026-07");
        JsonNode statement = officer.get("/api/memberships/" + past + "/statement?date=2026-12-07")
                .json();
        assertThat(bills(statement, "status"))
                .containsExactly(
                        "2026-07 PAID",
                        "2026-08 CANCELLED",
                        "2026-09 CANCELLED",
                        "2026-10 CANCELLED",
                        "2026-11 CANCELLED",
                        "2026-12 CANCELLED");
        assertThat(status(officer, past, "2026-07-20").path("protectedOn").asBoolean())
                .isTrue();
        assertThat(status(officer, past, "2026-08-20").path("reason").asString())
                .isEqualTo("status.ended");
        assertThat(status(officer, past, "2026-12-07")
                        .path("contributionMonths")
                        .asInt())
                .isEqualTo(1);
        Response tooLate = pay(officer, past, 5 * BPU_2026, "2026-12-07");
        assertThat(tooLate.status()).isEqualTo(422);
        assertThat(tooLate.json().path("errors").get(0).path("code").asString()).isEqualTo("payment.membership.ended");
    }

    /**
     * Pay before the bill: a member enrolled today pays at once, with no billing run: protected from the payment day,
     * not the day before. A member whose start is next month pays now: the month is billed and paid ahead, and
     * protection starts on its first day.
     */
    @Test
    void payBeforeTheBill_protectedFromThePaymentDay_notBefore() {
        ApiClient officer = officer();
        long member = enrolBpu(officer, "2026-12");
        JsonNode due = officer.get("/api/memberships/" + member + "/statement").json();
        assertThat(bills(due, "status")).containsExactly("2026-12 OPEN");
        assertThat(due.path("bills").get(0).path("amount").asLong()).isEqualTo(BPU_2026);

        Response paid = pay(officer, member, BPU_2026, "2026-12-07");
        assertThat(paid.status()).as(paid.text()).isEqualTo(201);
        assertThat(paid.json().path("allocated").asLong()).isEqualTo(BPU_2026);
        assertThat(paid.json().path("credit").asLong()).isZero();

        JsonNode fromToday = status(officer, member, "2026-12-07");
        assertThat(fromToday.path("protectedOn").asBoolean()).isTrue();
        assertThat(fromToday.path("paidUpTo").asString()).isEqualTo("2026-12");
        assertThat(fromToday.path("contributionMonths").asInt()).isEqualTo(1);
        JsonNode dayBefore = status(officer, member, "2026-12-06");
        assertThat(dayBefore.path("protectedOn").asBoolean()).isFalse();
        assertThat(dayBefore.path("reason").asString()).isEqualTo("status.unpaid");
        assertThat(dayBefore.path("contributionMonths").asInt()).isZero();

        // starting next month: nothing billed yet; the payment bills January 2027 (no discount then) and pays it
        long next = enrolBpu(officer, "2027-01");
        assertThat(officer.get("/api/memberships/" + next + "/statement").json().path("bills"))
                .isEmpty();
        Response ahead = pay(officer, next, 16_800, "2026-12-07");
        assertThat(ahead.status()).as(ahead.text()).isEqualTo(201);
        assertThat(ahead.json().path("allocated").asLong()).isEqualTo(16_800);
        JsonNode statement =
                officer.get("/api/memberships/" + next + "/statement").json();
        assertThat(bills(statement, "status")).containsExactly("2027-01 PAID");
        assertThat(status(officer, next, "2026-12-31").path("reason").asString())
                .isEqualTo("status.not-started");
        assertThat(status(officer, next, "2027-01-01").path("protectedOn").asBoolean())
                .isTrue();
        assertThat(status(officer, next, "2027-02-01").path("protectedOn").asBoolean())
                .isFalse();
    }

    /** As if the membership had been registered that day (as Lindung's first version or the history import would). */
    private void registeredOn(long membership, String day) {
        jdbc.sql("UPDATE membership SET registered_on = CAST(? AS date) WHERE id = ?")
                .params(day, membership)
                .update();
    }
}
