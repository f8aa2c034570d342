package id.lindung.resilience;

import static id.lindung.contribution.Members.OFFICER;
import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.claim.Claim;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimManagement;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.Members;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Intakes;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import id.lindung.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * 50 clients paying the same bill, approving the same claim, importing the same file at once — exactly-once
 * outcomes, over real HTTP. Each client has its own HTTP client and its own API token (no BCrypt per request); all
 * 50 requests are released together by one latch. Own context (and database): billing runs bill every membership
 * there is, so the contribution and claim tables are emptied before each test.
 */
@Tag(Tags.SOAK)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lindung.test.context=resilience-concurrency")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrencyTest {

    static final int CLIENTS = 50;
    static final String KUR_HEADER = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code";
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingRuns billing;

    @Autowired
    Payments payments;

    @Autowired
    ClaimManagement claims;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    ParticipantManagement participants;

    private Members members;
    private ApiClient admin;

    /** A client acting as {@code admin} with an API token of its own (one BCrypt check, to issue it). */
    static ApiClient adminWithToken(int port, String tokenName) {
        Response issued = ApiClient.as(port, "admin").post("/api/tokens", json("username", "admin", "name", tokenName));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return ApiClient.withBearer(port, issued.json().path("token").asString());
    }

    @BeforeAll
    void adminToken() {
        admin = adminWithToken(port, "resilience admin");
        // 50 distinct officers for the claim race (the demo password's hash; no one signs in with it here)
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, role, region_scope)
                SELECT 'petugas.race.' || n, u.password_hash, 'Petugas ' || n, 'OFFICER', '61'
                  FROM app_user u CROSS JOIN generate_series(1, ?) n
                 WHERE u.username = 'petugas.kalbar' ON CONFLICT (username) DO NOTHING""").param(CLIENTS).update();
    }

    @BeforeEach
    void emptyAccounts() {
        jdbc.sql("TRUNCATE claim_step, claim_document, claim_scholarship, claim_line, claim, late_fine,"
                        + " payment_allocation, payment, payment_file, bill_line, bill, billing_run, membership_base,"
                        + " membership, construction_project, employer CASCADE")
                .update();
        members = new Members(participants, enrolment);
    }

    /** One client per caller signing in with its own password (HTTP Basic, a BCrypt check per request). */
    private List<ApiClient> passwordClients(IntFunction<String> username) {
        List<ApiClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(ApiClient.as(port, username.apply(i)));
        }
        return clients;
    }

    /** One client per caller, each with an API token of its own issued for {@code username(i)}. */
    private List<ApiClient> clients(IntFunction<String> username) {
        List<ApiClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String user = username.apply(i);
            Response issued =
                    ApiClient.as(port, user).post("/api/tokens", json("name", "race " + SERIAL.incrementAndGet()));
            assertThat(issued.status()).as(issued.text()).isEqualTo(201);
            clients.add(ApiClient.withBearer(port, issued.json().path("token").asString()));
        }
        return clients;
    }

    /** Every client's call, all released at once; the responses in client order. */
    private static List<Response> race(
            List<ApiClient> clients, java.util.function.BiFunction<Integer, ApiClient, Response> call)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.size());
        try {
            CountDownLatch ready = new CountDownLatch(clients.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < clients.size(); i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(n, clients.get(n));
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> f : futures) {
                responses.add(f.get(120, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Long> statuses(List<Response> responses) {
        return responses.stream().collect(Collectors.groupingBy(Response::status, Collectors.counting()));
    }

    private static String firstError(List<Response> responses) {
        return responses.stream()
                .filter(r -> r.status() >= 300)
                .map(r -> r.status() + " " + r.text())
                .findFirst()
                .orElse("");
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    // ------------------------------------------------------------------------------------------------- payments

    @Test
    void fiftyClientsPayingTheSamePaymentAtOnce_recordItOnce() throws Exception {
        Membership m = members.bpu(YearMonth.of(2026, 12), 1_000_000); // December 2026: Rp8.400 (PP 50/2025)
        String key = "RACE-SAME-" + System.nanoTime();
        String body = json("membershipId", m.id(), "amount", 10_000, "paidOn", "2026-12-05", "reference", "teller");

        List<Response> responses = race(
                clients(i -> "petugas.kalbar"),
                (i, client) -> client.withHeader("Idempotency-Key", key).post("/api/payments", body));

        assertThat(statuses(responses))
                .as(firstError(responses))
                .containsOnlyKeys(200, 201)
                .containsEntry(201, 1L);
        assertThat(responses)
                .extracting(r -> r.json().path("paymentId").asLong())
                .containsOnly(responses.get(0).json().path("paymentId").asLong());
        assertThat(responses)
                .filteredOn(r -> r.status() == 200)
                .allSatisfy(
                        r -> assertThat(r.json().path("replayed").asBoolean()).isTrue());
        assertThat(count("SELECT count(*) FROM payment WHERE idempotency_key = ?", key))
                .isEqualTo(1);
        // December paid once (8,400), the 1,600 left paid ahead into January 2027 once
        assertThat(count(
                        "SELECT count(*) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id"
                                + " WHERE p.idempotency_key = ?",
                        key))
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT to_char(period, 'YYYY-MM') || ' ' || status || ' ' || paid FROM bill"
                                + " WHERE membership_id = ? ORDER BY period")
                        .param(m.id())
                        .query(String.class)
                        .list())
                .containsExactly("2026-12 PAID 8400", "2027-01 OPEN 1600");
        assertThat(count("SELECT coalesce(sum(unallocated), 0) FROM payment WHERE membership_id = ?", m.id()))
                .isZero();
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE action = 'PAYMENT_RECORDED' AND changes->>'idempotencyKey'"
                                + " = ?",
                        key))
                .isEqualTo(1);
    }

    @Test
    void fiftyClientsPayingTheBillWithDifferentKeysAtOnce_payEachMonthOnce_aheadAtMostTwelveMonths_theRestIsCredit()
            throws Exception {
        Membership m = members.bpu(YearMonth.of(2026, 12), 1_000_000);
        long bill = count("SELECT amount FROM bill WHERE membership_id = ?", m.id());
        assertThat(bill).isEqualTo(8_400);
        String prefix = "RACE-DIFF-" + System.nanoTime() + "-";
        String body = json("membershipId", m.id(), "amount", bill, "paidOn", "2026-12-05");

        List<Response> responses = race(
                clients(i -> "petugas.kalbar"),
                (i, client) -> client.withHeader("Idempotency-Key", prefix + i).post("/api/payments", body));

        assertThat(statuses(responses)).as(firstError(responses)).containsOnly(Map.entry(201, (long) CLIENTS));
        assertThat(count("SELECT count(*) FROM payment WHERE membership_id = ?", m.id()))
                .isEqualTo(CLIENTS);
        // December and twelve months ahead (2027: Rp16.800 a month), each paid exactly once; the rest is credit
        long ahead = 12 * 16_800L;
        assertThat(count("SELECT count(*) FROM bill WHERE membership_id = ? AND status = 'PAID'", m.id()))
                .isEqualTo(13);
        assertThat(count("SELECT count(*) FROM bill WHERE membership_id = ? AND paid > amount", m.id()))
                .isZero();
        assertThat(count(
                        "SELECT coalesce(sum(a.amount), 0) FROM payment_allocation a JOIN bill b ON b.id = a.bill_id"
                                + " WHERE b.membership_id = ?",
                        m.id()))
                .isEqualTo(bill + ahead);
        assertThat(count("SELECT sum(unallocated) FROM payment WHERE membership_id = ?", m.id()))
                .isEqualTo(CLIENTS * bill - bill - ahead);
        assertThat(count("""
                SELECT count(*) FROM payment p
                 WHERE p.membership_id = ? AND p.amount <> p.unallocated
                       + coalesce((SELECT sum(a.amount) FROM payment_allocation a WHERE a.payment_id = p.id), 0)""", m.id()))
                .as("payments whose allocation and credit do not add up")
                .isZero();
    }

    // ------------------------------------------------------------------------------------------------- claims

    @Test
    void fiftyOfficersApprovingTheSameClaimAtOnce_exactlyOneWins() throws Exception {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        Members.payFirstHalf2026AheadAndBill(m, 16_800, "RACE-CLAIM-" + System.nanoTime(), payments, billing);
        Claim claim = claims.submit(
                Intakes.landTransport(
                        m.participantId(), LocalDate.of(2026, 5, 4), "Ambulans ke RSUD Agoesdjam", 750_000L),
                OFFICER);
        Claim withDocument = claims.addDocument(
                ClaimId.of(claim.id()),
                "LAPORAN_KECELAKAAN",
                "laporan.pdf",
                "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII),
                OFFICER);
        Claim verified =
                claims.verify(ClaimId.of(claim.id()), withDocument.version(), LocalDate.of(2026, 5, 6), OFFICER);
        String body = json("version", verified.version());

        // approvals need each officer signed in with their own password, not an API token
        List<Response> responses = race(
                passwordClients(i -> "petugas.race." + (i + 1)),
                (i, client) -> client.post("/api/claims/" + claim.id() + "/approve", body));

        assertThat(statuses(responses))
                .as(firstError(responses))
                .containsOnly(Map.entry(200, 1L), Map.entry(409, (long) CLIENTS - 1));
        assertThat(responses)
                .filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(
                                r.raw().headers().firstValue("Content-Type").orElse(""))
                        .startsWith("application/problem+json"));
        assertThat(jdbc.sql("SELECT status FROM claim WHERE id = ?")
                        .param(claim.id())
                        .query(String.class)
                        .single())
                .isEqualTo("APPROVED");
        assertThat(count("SELECT version FROM claim WHERE id = ?", claim.id())).isEqualTo(verified.version() + 1);
        assertThat(count("SELECT count(*) FROM claim_step WHERE claim_id = ? AND status = 'APPROVED'", claim.id()))
                .isEqualTo(1);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE entity_type = 'claim' AND entity_id = ?"
                                + " AND action IN ('CLAIM_APPROVED', 'CLAIM_FIRST_APPROVAL', 'CLAIM_REJECTED')",
                        Long.toString(claim.id())))
                .isEqualTo(1);
        String winner = responses.stream()
                .filter(r -> r.status() == 200)
                .findFirst()
                .orElseThrow()
                .json()
                .path("decidedBy")
                .asString();
        assertThat(jdbc.sql("SELECT decided_by FROM claim WHERE id = ?")
                        .param(claim.id())
                        .query(String.class)
                        .single())
                .isEqualTo(winner)
                .startsWith("petugas.race.");
    }

    // ------------------------------------------------------------------------------------------------- files

    private static byte[] kurFile(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(KUR_HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append("\nKALBAR;Ketapang;")
                    .append(prefix)
                    .append(i)
                    .append(';')
                    .append(Niks.nik("610401", LocalDate.of(1985, 1, 1).plusDays(i * 11L), i % 2 == 0))
                    .append(";Debitur ")
                    .append(i)
                    .append(";MIKRO;50000000;2026-10-01;Perdagangan;61.04");
        }
        return csv.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    private void sameKurFileAtOnce(List<ApiClient> clients, String bankOfUploader) throws Exception {
        String prefix = "RACE" + SERIAL.incrementAndGet() + "-" + System.nanoTime() % 1_000_000 + "-";
        byte[] file = kurFile(prefix, 20);
        String sha = java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));

        List<Response> responses = race(
                clients,
                (i, client) ->
                        client.postMultipart("/api/kur/files", Map.of(), "file", "kur-race.csv", file, "text/csv"));

        assertThat(statuses(responses)).as(firstError(responses)).containsOnly(Map.entry(201, (long) CLIENTS));
        assertThat(responses)
                .extracting(r -> r.json().path("fileId").asLong())
                .containsOnly(responses.get(0).json().path("fileId").asLong());
        assertThat(responses)
                .filteredOn(r -> !r.json().path("replayed").asBoolean())
                .hasSize(1)
                .allSatisfy(r -> assertThat(r.json().path("inserted").asInt()).isEqualTo(20));
        assertThat(count(
                        "SELECT count(*) FROM kur_file WHERE sha256 = ? AND uploaded_by_bank IS NOT DISTINCT FROM ?",
                        sha,
                        bankOfUploader))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kur_loan WHERE loan_id LIKE ?", prefix + "%"))
                .isEqualTo(20);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE action = 'KUR_FILE_IMPORTED' AND changes->>'sha256' = ?",
                        sha))
                .isEqualTo(1);
    }

    @Test
    void fiftyBankClientsUploadingTheSameKurFileAtOnce_importItOnce() throws Exception {
        sameKurFileAtOnce(clients(i -> "bank.kalbar"), "KALBAR");
    }

    @Test
    void fiftyOfficersUploadingTheSameKurFileAtOnce_importItOnce() throws Exception {
        // an officer's files have no bank (NULL): the unique key (sha256, bank) does not stop a second row
        sameKurFileAtOnce(clients(i -> "petugas.race." + (i + 1)), null);
    }

    @Test
    void fiftyOfficersUploadingTheSameBeneficiaryListAtOnce_enrolEachWorkerOnce() throws Exception {
        YearMonth now = YearMonth.now(TestClock.CLOCK);
        long programme = ApiFixtures.createKetapangProgramme(
                admin, "Bantuan iuran nelayan (race)", 500_000_000, now, now.plusMonths(5));
        StringBuilder csv = new StringBuilder("nik;name;birth_date;desa_code;occupation;phone");
        for (int i = 0; i < 5; i++) {
            csv.append('\n')
                    .append(Niks.nik("610401", LocalDate.of(1979, 3, 1).plusDays(i * 13L), false))
                    .append(";Nelayan ")
                    .append((char) ('A' + i))
                    .append(";;61.04.01.2011;Nelayan;");
        }
        byte[] file = csv.append('\n').toString().getBytes(StandardCharsets.UTF_8);

        List<Response> responses = race(
                clients(i -> "petugas.race." + (i + 1)),
                (i, client) -> client.postMultipart(
                        "/api/sponsorship/programmes/" + programme + "/beneficiaries",
                        Map.of(),
                        "file",
                        "penerima.csv",
                        file,
                        "text/csv"));

        assertThat(statuses(responses)).as(firstError(responses)).containsOnly(Map.entry(200, (long) CLIENTS));
        assertThat(responses)
                .extracting(r -> r.json().path("fileId").asLong())
                .containsOnly(responses.get(0).json().path("fileId").asLong());
        assertThat(responses)
                .filteredOn(r -> !r.json().path("replayed").asBoolean())
                .singleElement()
                .satisfies(r -> assertThat(r.json().path("added").asInt()).isEqualTo(5));
        assertThat(count("SELECT count(*) FROM sponsorship_file WHERE programme_id = ?", programme))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM sponsorship_beneficiary WHERE programme_id = ?", programme))
                .isEqualTo(5);
        assertThat(count("""
                SELECT count(*) FROM membership m JOIN sponsorship_beneficiary b ON b.participant_id = m.participant_id
                 WHERE b.programme_id = ?""", programme)).as("one membership per beneficiary").isEqualTo(5);
    }

    @Test
    void fiftyAnalystsUploadingTheSameDenominatorsAtOnce_leaveOneFigureEach() throws Exception {
        int year = 2090 + SERIAL.incrementAndGet() % 10;
        byte[] file = ("region_code;year;segment;workers;source;source_date\n"
                        + "61.04.01;" + year + ";INFORMAL;12345;Sakernas (race);2026-02-01\n"
                        + "61.04.02;" + year + ";INFORMAL;23456;Sakernas (race);2026-02-01\n"
                        + "61.04.01;" + year + ";FORMAL;3456;Sakernas (race);\n")
                .getBytes(StandardCharsets.UTF_8);

        List<Response> responses = race(
                clients(i -> "analis.provinsi"),
                (i, client) -> client.postMultipart(
                        "/api/coverage/denominators", Map.of(), "file", "penyebut.csv", file, "text/csv"));

        assertThat(statuses(responses)).as(firstError(responses)).containsOnly(Map.entry(200, (long) CLIENTS));
        assertThat(count("SELECT count(*) FROM coverage_denominator WHERE year = ?", year))
                .isEqualTo(3);
        assertThat(count("SELECT sum(workers) FROM coverage_denominator WHERE year = ?", year))
                .isEqualTo(12_345 + 23_456 + 3_456);
        // each figure added once: one audit entry each (imports serialised; before, 7 entries for 3 figures)
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE entity_type = 'coverage_denominator'"
                                + " AND entity_id LIKE ?",
                        "%/" + year + "/%"))
                .isEqualTo(3);
    }
}
