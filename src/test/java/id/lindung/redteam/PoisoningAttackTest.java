package id.lindung.redteam;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The attacker holds a role that may write money or dates (an officer, a field agent, an administrator) and tries to
 * poison the ledger with values no real case has: at and just past every bound of {@code shared.Bounds}, amounts
 * that overflow {@code long} arithmetic, and years 0, 1, 9999 and plus or minus 999999999. Every write outside the
 * bounds is refused with 422 naming the field (and the row, for files) and stores nothing; values at the bound are
 * taken; and afterwards the member's pages and API still answer 200. A row poisoned directly in the database (as an
 * earlier version could store it) does not make any reader answer 500, and the administrator's check lists it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PoisoningAttackTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    /** The known case: one payment of Rp999.999.999.999.999, which an agent could record. */
    private static final long POISON = 999_999_999_999_999L;

    private static final List<String> IMPLAUSIBLE_DATES =
            List.of("0000-01-01", "0001-01-01", "9999-12-31", "+999999999-12-31", "-999999999-01-01");
    private static final List<String> IMPLAUSIBLE_MONTHS =
            List.of("0000-01", "0001-01", "9999-12", "+999999999-12", "-999999999-01");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = LocalDate.now(TestClock.CLOCK);

    // ------------------------------------------------------------------------------------------------ payments

    @Test
    void paymentsAtTheBoundAreTakenAndPastItOrWithImplausibleDatesRefusedNamingTheField() {
        for (String user : List.of("agen.ketapang", "petugas.ketapang")) {
            ApiClient attacker = ApiClient.as(port, user);
            long participant = participant(attacker);
            long membership = enrolBpu(attacker, participant, 1_000_000);
            long before = payments(membership);

            for (long amount : new long[] {10_000_000_001L, POISON, Long.MAX_VALUE}) {
                Response r = attacker.post(
                        "/api/payments", ApiFixtures.payment(key(), membership, amount, today.toString()));
                assertRefused(r, "amount", user + " pays Rp" + amount);
            }
            Response overflowing = attacker.post(
                    "/api/payments",
                    "{\"idempotencyKey\": \"" + key()
                            + "\", \"membershipId\": " + membership
                            + ", \"amount\": 99999999999999999999, \"paidOn\": \""
                            + today + "\"}");
            assertRefused(overflowing, "amount", "an amount beyond long");
            for (String date : IMPLAUSIBLE_DATES) {
                Response r = attacker.post("/api/payments", ApiFixtures.payment(key(), membership, 50_000, date));
                assertRefused(r, "paidOn", user + " pays on " + date);
            }
            assertRefused(
                    attacker.post("/api/payments", ApiFixtures.payment(key(), membership, 50_000, "2013-12-31")),
                    "paidOn",
                    "a day before BPJS began");
            assertThat(payments(membership)).as("nothing stored").isEqualTo(before);

            Response atBound = attacker.post(
                    "/api/payments", ApiFixtures.payment(key(), membership, 10_000_000_000L, today.toString()));
            assertThat(atBound.status()).as(atBound.text()).isIn(200, 201);
            readersAnswer(attacker, participant, membership);
        }
    }

    @Test
    void aBankFileWithAnAmountOrDatePastTheBoundsIsRefusedNamingRowAndColumn() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        long membership = enrolBpu(officer, participant(officer), 1_000_000);
        String file = "reference;membership_id;amount;paid_on\n"
                + key() + ";" + membership + ";10000000001;" + today + "\n"
                + key() + ";" + membership + ";999999999999999;" + today + "\n"
                + key() + ";" + membership + ";50000;0001-01-01\n"
                + key() + ";" + membership + ";50000;2013-12-31\n"
                + key() + ";" + membership + ";50000;9999-12-31\n";
        Response r = officer.postMultipart(
                "/api/payment-files",
                Map.of(),
                "file",
                "poison.csv",
                file.getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(fields(r))
                .contains("rows[2].amount", "rows[3].amount", "rows[4].paid_on", "rows[5].paid_on", "rows[6].paid_on");
        assertThat(payments(membership)).isZero();
    }

    // ---------------------------------------------------------------------------------------------- enrolment

    @Test
    void wagesIncomesAndMonthsPastTheirBoundsAreRefusedAtEnrolmentAndLater() {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        long participant = participant(officer);
        long employer = employer(officer);

        for (long wage : new long[] {1_000_000_001L, POISON, Long.MAX_VALUE}) {
            assertRefused(
                    officer.post(
                            "/api/memberships",
                            ApiFixtures.pu(
                                    participant,
                                    employer,
                                    wage,
                                    today.withDayOfMonth(1).toString().substring(0, 7))),
                    "baseAmount",
                    "PU wage " + wage);
        }
        for (long income : new long[] {100_000_001L, POISON}) {
            assertRefused(
                    officer.post("/api/memberships", ApiFixtures.bpu(participant, income, "2026-12")),
                    "baseAmount",
                    "BPU income " + income);
        }
        for (String month : IMPLAUSIBLE_MONTHS) {
            assertRefused(
                    officer.post("/api/memberships", ApiFixtures.bpu(participant, 1_000_000, month)),
                    "startMonth",
                    "start " + month);
        }
        ApiClient agent = ApiClient.as(port, "agen.ketapang");
        for (String month : IMPLAUSIBLE_MONTHS) {
            Response r = agent.post("/api/memberships", ApiFixtures.bpu(participant, 1_000_000, month));
            assertThat(r.status()).as("agent, start " + month + ": " + r.text()).isIn(403, 422);
        }

        long membership = enrolBpu(officer, participant, 100_000_000);
        for (long amount : new long[] {100_000_001L, POISON}) {
            assertRefused(
                    officer.put(
                            "/api/memberships/" + membership + "/base",
                            json("amount", amount, "effectiveFrom", "2026-12")),
                    "amount",
                    "base change " + amount);
        }
        for (String month : IMPLAUSIBLE_MONTHS) {
            assertRefused(
                    officer.put(
                            "/api/memberships/" + membership + "/base",
                            json("amount", 2_000_000, "effectiveFrom", month)),
                    "effectiveFrom",
                    "base change from " + month);
            assertRefused(
                    officer.post(
                            "/api/memberships/" + membership + "/end", json("lastMonth", month, "reason", "RESIGNED")),
                    "lastMonth",
                    "end in " + month);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM membership_base WHERE membership_id = ?")
                        .param(membership)
                        .query(Long.class)
                        .single())
                .as("only the enrolment's base")
                .isEqualTo(1);
        readersAnswer(officer, participant, membership);
    }

    // ------------------------------------------------------------------------------------------------- claims

    @Test
    void invoicesTransportWagesAndEventDatesPastTheirBoundsAreRefusedAtIntake() {
        for (String user : List.of("petugas.ketapang", "agen.ketapang")) {
            ApiClient attacker = ApiClient.as(port, user);
            long participant = participant(attacker);
            long membership = enrolBpu(ApiClient.as(port, "petugas.ketapang"), participant, 1_000_000);
            String event = today.minusDays(5).toString();
            for (long amount : new long[] {10_000_000_001L, POISON, Long.MAX_VALUE}) {
                assertRefused(
                        attacker.post(
                                "/api/claims",
                                medicalClaim(
                                        participant,
                                        event,
                                        List.of(Map.of("date", event, "description", "RSUD", "amount", amount)))),
                        "invoices[0].amount",
                        user + " invoice " + amount);
                assertRefused(
                        attacker.post("/api/claims", landTransportClaim(participant, event, amount)),
                        "transport[0].amount",
                        user + " transport " + amount);
            }
            assertRefused(
                    attacker.post("/api/claims", landTransportClaim(participant, event, 100_000_001L)),
                    "transport[0].amount",
                    "transport just past the bound");
            assertRefused(
                    attacker.post("/api/claims", otherDeathClaim(participant, event, "wage", POISON)),
                    "wage",
                    user + " wage at intake");
            for (String date : IMPLAUSIBLE_DATES) {
                assertRefused(
                        attacker.post("/api/claims", otherDeathClaim(participant, date)),
                        "eventDate",
                        user + " event on " + date);
                assertRefused(
                        attacker.post(
                                "/api/claims",
                                ApiFixtures.workAccidentClaim(
                                        participant,
                                        "JKK_HOME_CARE",
                                        event,
                                        "homeCareStart",
                                        date,
                                        "invoices",
                                        List.of(Map.of("date", event, "description", "RSUD", "amount", 1_000_000)))),
                        "homeCareStart",
                        user + " home care from " + date);
            }
            Response atBound = attacker.post(
                    "/api/claims",
                    medicalClaim(
                            participant,
                            event,
                            List.of(
                                    Map.of("date", event, "description", "RSUD", "amount", 10_000_000_000L),
                                    Map.of("date", event, "description", "RSUD 2", "amount", 10_000_000_000L))));
            assertThat(atBound.status()).as(atBound.text()).isIn(201, 422);
            readersAnswer(attacker, participant, membership);
        }
    }

    // -------------------------------------------------------------------------------- billing, tokens, queries

    @Test
    void billingAMonthAfterTheCurrentOneOrAnImplausibleOneIsRefused() {
        ApiClient admin = ApiClient.as(port, "admin");
        for (String month : List.of("2027-01", "2015-06", "9999-12", "0000-01", "+999999999-12")) {
            assertRefused(admin.post("/api/billing-runs", json("period", month)), "period", "billing " + month);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM billing_run WHERE period > ?")
                        .param(today)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void tokensExpiringPastAYearOrInAnImplausibleYearAreRefused() {
        ApiClient admin = ApiClient.as(port, "admin");
        List<String> dates = new ArrayList<>(IMPLAUSIBLE_DATES);
        dates.add(today.plusDays(367).toString());
        for (String date : dates) {
            assertRefused(
                    admin.post("/api/tokens", json("username", "admin", "name", "poison", "expiresOn", date)),
                    "expiresOn",
                    "token until " + date);
        }
    }

    @Test
    void implausibleDatesInQueriesAnswer422NotAServerError() {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        long participant = participant(officer);
        long membership = enrolBpu(officer, participant, 1_000_000);
        for (String date :
                List.of("0000-01-01", "0001-01-01", "9999-12-31", "%2B999999999-12-31", "-999999999-01-01")) {
            for (String path : List.of(
                    "/api/memberships/" + membership + "/status?date=" + date,
                    "/api/memberships/" + membership + "/statement?date=" + date,
                    "/api/participants/" + participant + "/status?date=" + date)) {
                Response r = officer.get(path);
                assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(422);
                assertThat(fields(r)).as(path).contains("date");
            }
            Response page = officer.getPage("/kepesertaan/" + membership + "/status?tanggal=" + date);
            assertThat(page.status()).as("page on " + date).isBetween(400, 499);
        }
        ApiClient admin = ApiClient.as(port, "admin");
        for (String date : List.of("0000-01-01", "0001-01-01", "9999-12-31", "%2B999999999-12-31")) {
            assertRefused(
                    admin.put("/api/holidays/" + date, json("name", "Libur racun", "source", "uji")),
                    "day",
                    "a holiday on " + date);
            Response list = admin.get("/api/holidays?from=" + date);
            assertThat(list.status())
                    .as("holidays from " + date + ": " + list.text())
                    .isEqualTo(422);
        }
        assertThat(admin.put(
                                "/api/holidays/" + today.plusYears(1).withDayOfYear(1),
                                json("name", "Tahun Baru", "source", "SKB"))
                        .status())
                .as("next year's holiday")
                .isEqualTo(200);
        for (String month : List.of("0000-01", "9999-12", "%2B999999999-12")) {
            Response r = officer.get("/api/coverage?month=" + month);
            assertThat(r.status()).as("coverage " + month + ": " + r.text()).isLessThan(500);
            Response page = officer.getPage("/cakupan?bulan=" + month);
            assertThat(page.status()).as("coverage page " + month).isLessThan(500);
        }
    }

    // ---------------------------------------------------------------------- rows poisoned by earlier versions

    @Test
    void aPaymentAndAWagePoisonedInTheDatabaseBreakNoReaderAndAreListedForRepair() {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        long participant = participant(officer);
        long membership = enrolBpu(officer, participant, 1_000_000);
        // what an earlier version stored for an agent's payment of Rp999.999.999.999.999: applied, all of it credit
        long payment = jdbc.sql("""
                INSERT INTO payment (key_namespace, idempotency_key, membership_id, amount, paid_on, channel, status,
                                     unallocated, recorded_by)
                VALUES ('61.04', ?, ?, ?, ?, 'SINGLE', 'APPLIED', ?, 'agen.ketapang') RETURNING id""")
                .params(key(), membership, POISON, java.sql.Date.valueOf(today), POISON)
                .query(Long.class)
                .single();
        readersAnswer(officer, participant, membership);

        long second = enrolBpu(officer, participant(officer), 1_000_000);
        jdbc.sql("UPDATE membership_base SET amount = ? WHERE membership_id = ?")
                .params(POISON, second)
                .update();
        readersAnswer(officer, participantOf(second), second);
        // the next payment on the poisoned membership still works
        Response next = officer.post("/api/payments", ApiFixtures.payment(key(), membership, 50_000, today.toString()));
        assertThat(next.status()).as(next.text()).isIn(200, 201);
        readersAnswer(officer, participant, membership);

        Response check = ApiClient.as(port, "admin").get("/api/admin/out-of-bounds");
        assertThat(check.status()).as(check.text()).isEqualTo(200);
        assertThat(check.text()).contains("\"payment\"", "\"" + payment + "\"", "\"membership_base\"");
        assertThat(officer.get("/api/admin/out-of-bounds").status())
                .as("administrators only")
                .isEqualTo(403);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Every reader of a member a user opens: API and pages answer 200. */
    private void readersAnswer(ApiClient client, long participant, long membership) {
        for (String path : List.of(
                "/api/memberships/" + membership,
                "/api/memberships/" + membership + "/status",
                "/api/memberships/" + membership + "/statement",
                "/api/memberships/" + membership + "/due",
                "/api/participants/" + participant + "/status",
                "/api/participants/" + participant + "/memberships",
                "/api/participants/" + participant + "/claims")) {
            Response r = client.get(path);
            assertThat(r.status()).as(path + ": " + r.text()).isEqualTo(200);
        }
        ApiClient admin = ApiClient.as(port, "admin");
        Response report = admin.get("/api/participants/" + participant + "/data-report");
        assertThat(report.status()).as("data report: " + report.text()).isEqualTo(200);
        for (String page : List.of(
                "/peserta/" + participant,
                "/kepesertaan/" + membership,
                "/kepesertaan/" + membership + "/status",
                "/klaim/baru?peserta=" + participant,
                "/peserta/" + participant + "/data-pribadi")) {
            Response r = admin.getPage(page);
            assertThat(r.status()).as(page).isEqualTo(200);
        }
    }

    private static void assertRefused(Response r, String field, String what) {
        assertThat(r.status()).as(what + ": " + r.text()).isEqualTo(422);
        assertThat(fields(r)).as(what).contains(field);
    }

    private static List<String> fields(Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private long participant(ApiClient client) {
        return ApiFixtures.participant(client, "Budi Santoso", LocalDate.of(1988, 4, 12), false, KETAPANG_DESA);
    }

    private static String medicalClaim(long participant, String event, List<?> invoices) {
        return ApiFixtures.workAccidentClaim(participant, "JKK_MEDICAL", event, "invoices", invoices);
    }

    private static String landTransportClaim(long participant, String event, long amount) {
        return ApiFixtures.workAccidentClaim(
                participant,
                "JKK_TRANSPORT",
                event,
                "transport",
                List.of(Map.of("mode", "LAND", "date", event, "description", "ambulans", "amount", amount)));
    }

    /** A death claim not caused by work, on that day, with any further keys and values. */
    private static String otherDeathClaim(long participant, String eventDate, Object... more) {
        List<Object> fields = new ArrayList<>(
                List.of("participantId", participant, "kind", "DEATH", "cause", "OTHER", "eventDate", eventDate));
        fields.addAll(Arrays.asList(more));
        return json(fields.toArray());
    }

    private long participantOf(long membership) {
        return jdbc.sql("SELECT participant_id FROM membership WHERE id = ?")
                .param(membership)
                .query(Long.class)
                .single();
    }

    private long enrolBpu(ApiClient client, long participant, long income) {
        return ApiFixtures.enrolBpu(client, participant, income, "2026-12");
    }

    private long employer(ApiClient officer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("npp", "NPP" + System.nanoTime() % 100_000_000);
        body.put("name", "PT Racun");
        body.put("riskClass", 2);
        body.put("regionCode", KETAPANG_DESA);
        Response r = officer.post(
                "/api/employers",
                json(body.entrySet().stream()
                        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                        .toArray()));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long payments(long membership) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE membership_id = ?")
                .param(membership)
                .query(Long.class)
                .single();
    }

    private static final java.util.concurrent.atomic.AtomicInteger KEYS =
            new java.util.concurrent.atomic.AtomicInteger();

    private static String key() {
        return "POISON-" + KEYS.incrementAndGet();
    }
}
