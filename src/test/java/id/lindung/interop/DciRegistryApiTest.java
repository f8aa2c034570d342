package id.lindung.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.lindung.interop.SimulatedPartner.Answer;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 20 point 1 over HTTP: a partner programme searches the registry with the DCI registry core API, sync and
 * async; its requests and Lindung's answers, acknowledgements, errors and callbacks are validated against the
 * standard's published schemas. The answers follow the ledger's protection rule (the public check's "protected
 * until"), and only the fields of the partner's agreement are ever written. The test clock starts on 2026-12-07.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DciRegistryApiTest {

    static final String DESA = "61.04.01.2011";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DciCallbacks callbacks;

    @Autowired
    Clock clock;

    /** A member paid for December and January, one enrolled and unpaid, a NIK nobody holds. */
    record People(String paidNik, String paidNumber, String unpaidNik, String unknownNik) {}

    private People people;

    @BeforeEach
    void registry() {
        people = people(port, jdbc);
    }

    static People people(int port, JdbcClient jdbc) {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        LocalDate paidBirth = LocalDate.of(1985, 8, 3);
        String paidNik = Niks.nik(ApiFixtures.kecamatan(DESA), paidBirth, true);
        long paid =
                ApiFixtures.participantId(ApiFixtures.register(officer, paidNik, "Siti Aminah", paidBirth, "P", DESA));
        long paidMembership = ApiFixtures.enrolBpu(officer, paid, 1_000_000, "2026-12");
        Response payment = officer.post(
                "/api/payments", ApiFixtures.payment("DCI-" + UUID.randomUUID(), paidMembership, 33_600, "2026-12-07"));
        assertThat(payment.status()).as(payment.text()).isEqualTo(201);
        String number = jdbc.sql("SELECT membership_number FROM membership WHERE id = ?")
                .param(paidMembership)
                .query(String.class)
                .single();
        LocalDate unpaidBirth = LocalDate.of(1990, 2, 14);
        String unpaidNik = Niks.nik(ApiFixtures.kecamatan(DESA), unpaidBirth, false);
        long unpaid = ApiFixtures.participantId(
                ApiFixtures.register(officer, unpaidNik, "Budi Santoso", unpaidBirth, "L", DESA));
        ApiFixtures.enrolBpu(officer, unpaid, 1_000_000, "2026-12");
        String unknownNik = Niks.nik(ApiFixtures.kecamatan(DESA), LocalDate.of(1979, 5, 5), false);
        return new People(paidNik, number, unpaidNik, unknownNik);
    }

    @Test
    void syncSearch_manyQueriesInOneMessage_answersConformToTheStandardsSchemas() {
        SimulatedPartner partner = SimulatedPartner.full(context, port, "dinsos-" + UUID.randomUUID());
        ObjectNode request = partner.search(
                "M-" + UUID.randomUUID(),
                List.of(
                        new String[] {"r1", "NIK", people.paidNik()},
                        new String[] {"r2", "NIK", people.unpaidNik()},
                        new String[] {"r3", "NIK", people.unknownNik()},
                        new String[] {"r4", "MEMBERSHIP_NUMBER", people.paidNumber()},
                        new String[] {"r5", "NIK", "12345"},
                        new String[] {"r5", "NIK", people.paidNik()},
                        new String[] {"r7", "UIN", people.paidNik()}));
        String body = partner.signed(request);
        assertThat(DciSchemas.problems(DciSchemas.SYNC_SEARCH_REQUEST, body)).isEmpty();
        long auditBefore = auditLines(partner.senderId);

        Answer answer = partner.post(DciApi.SYNC_SEARCH, body, partner.token());

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(DciSchemas.problems(DciSchemas.SYNC_SEARCH_RESPONSE, answer.json()))
                .isEmpty();
        JsonNode header = answer.json().path("header");
        assertThat(header.path("action").asString()).isEqualTo("on-search");
        assertThat(header.path("status").asString()).isEqualTo("succ");
        assertThat(header.path("receiver_id").asString()).isEqualTo(partner.senderId);
        assertThat(header.path("total_count").asInt()).isEqualTo(7);
        JsonNode message = answer.json().path("message");
        assertThat(message.path("transaction_id").asString())
                .isEqualTo(request.path("message").path("transaction_id").asString());
        JsonNode items = message.path("search_response");
        assertThat(items.size()).isEqualTo(7);

        JsonNode paid = records(items.get(0));
        assertThat(paid.path("registered").asBoolean()).isTrue();
        assertThat(paid.path("protected").asBoolean()).isTrue();
        assertThat(paid.path("protected_until").asString()).isEqualTo("2027-01-31");
        assertThat(paid.path("programmes").path("JKK").asBoolean()).isTrue();
        assertThat(paid.path("programmes").path("JKM").asBoolean()).isTrue();
        assertThat(paid.path("programmes").path("JHT").asBoolean()).isFalse();
        assertThat(paid.path("programmes").propertyNames()).containsExactly("JKK", "JKM", "JHT", "JP", "JKP");

        JsonNode unpaid = records(items.get(1));
        assertThat(unpaid.path("registered").asBoolean()).isTrue();
        assertThat(unpaid.path("protected").asBoolean()).isFalse();
        assertThat(unpaid.path("protected_until").isNull()).isTrue();

        JsonNode unknown = records(items.get(2));
        assertThat(unknown.path("registered").asBoolean()).isFalse();
        assertThat(unknown.path("protected").asBoolean()).isFalse();
        assertThat(unknown.propertyNames()).containsExactlyElementsOf(paid.propertyNames());

        // by membership number: the same person
        assertThat(records(items.get(3))).isEqualTo(paid);
        // a malformed NIK, a reference used twice, an identifier type Lindung does not know: refused one by one
        assertThat(items.get(4).path("status").asString()).isEqualTo("rjct");
        assertThat(items.get(4).path("status_reason_code").asString()).isEqualTo("rjct.search_criteria.invalid");
        assertThat(items.get(5).path("status_reason_code").asString()).isEqualTo("rjct.reference_id.duplicate");
        assertThat(items.get(6).path("status_reason_code").asString()).isEqualTo("rjct.search_criteria.invalid");
        assertThat(items.get(4).has("data")).isFalse();

        // signed by Lindung: the partner verifies with the key it was given
        JsonNode partners =
                ApiClient.as(port, "admin").get("/api/interop/dci-partners").json();
        String pem = "";
        for (JsonNode p : partners) {
            pem = p.path("receiverPublicKey").asString();
        }
        assertThat(SimulatedPartner.verifies(
                        answer.json().path("signature").asString(), header, message, DciSignatures.publicKey(pem)))
                .isTrue();

        // one audit line for the message, counts only, no NIK
        assertThat(auditLines(partner.senderId) - auditBefore).isEqualTo(1);
        String line = jdbc.sql("SELECT changes::text FROM audit_log WHERE entity_type = ? AND entity_id = ?")
                .params(DciSearch.AUDITED_AS, partnerId(partner.senderId))
                .query(String.class)
                .single();
        assertThat(line).contains("\"queries\"", "\"answered\"").doesNotContain(people.paidNik(), people.unpaidNik());
    }

    @Test
    void aPartnerAgreedToProtectionOnly_getsNothingElse_andAnUnknownNikLooksLikeAnUnprotectedOne() {
        SimulatedPartner partner = new SimulatedPartner(
                context, port, "pemda-" + UUID.randomUUID(), Set.of("PROTECTED_UNTIL"), Set.of("NIK"), 10, 1000, null);
        Answer answer = partner.post(
                DciApi.SYNC_SEARCH,
                partner.signed(partner.search(
                        "M-" + UUID.randomUUID(),
                        List.of(
                                new String[] {"a", "NIK", people.paidNik()},
                                new String[] {"b", "NIK", people.unpaidNik()},
                                new String[] {"c", "NIK", people.unknownNik()},
                                new String[] {"d", "MEMBERSHIP_NUMBER", people.paidNumber()}))),
                partner.token());
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        assertThat(DciSchemas.problems(DciSchemas.SYNC_SEARCH_RESPONSE, answer.json()))
                .isEmpty();
        JsonNode items = answer.json().path("message").path("search_response");
        assertThat(records(items.get(0)).propertyNames()).containsExactly("protected", "protected_until");
        assertThat(records(items.get(0)).path("protected_until").asString()).isEqualTo("2027-01-31");
        // registered but unprotected and unknown: the same record
        assertThat(records(items.get(1))).isEqualTo(records(items.get(2)));
        // an identifier type outside the agreement: refused like an unknown type
        assertThat(items.get(3).path("status_reason_code").asString()).isEqualTo("rjct.search_criteria.invalid");
        assertThat(answer.text()).doesNotContain("registered", "programmes", "JKK");
    }

    @Test
    void asyncSearch_isAcknowledged_thenDeliveredSignedToTheCallback_retriedAfterAFailure() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/dci/on-search", exchange -> {
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            int call = calls.incrementAndGet();
            if (call > 1) {
                received.add(new String(bytes, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(call == 1 ? 503 : 200, -1);
            exchange.close();
        });
        server.start();
        try {
            URI callback = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/dci/on-search");
            SimulatedPartner partner = new SimulatedPartner(
                    context,
                    port,
                    "bank-" + UUID.randomUUID(),
                    Set.of("REGISTERED", "PROTECTED_UNTIL"),
                    Set.of("NIK"),
                    100,
                    1000,
                    callback);
            ObjectNode request = partner.search(
                    "M-" + UUID.randomUUID(),
                    List.<String[]>of(
                            new String[] {"x", "NIK", people.paidNik()},
                            new String[] {"y", "NIK", people.unknownNik()}));
            ((ObjectNode) request.path("header")).put("sender_uri", callback.toString());
            String body = partner.signed(request);
            assertThat(DciSchemas.problems(DciSchemas.SEARCH_REQUEST, body)).isEmpty();

            Answer ack = partner.post(DciApi.SEARCH, body, partner.token());
            assertThat(ack.status()).as(ack.text()).isEqualTo(200);
            assertThat(DciSchemas.problems(DciSchemas.ACK, ack.json())).isEmpty();
            assertThat(ack.json().path("message").path("ack_status").asString()).isEqualTo("ACK");
            String correlation =
                    ack.json().path("message").path("correlation_id").asString();

            // the first delivery fails (503): queued again with a wait; made due, the second one is delivered
            assertThat(callbacks.dispatch()).isZero();
            jdbc.sql("UPDATE interop_callback SET next_attempt_at = ?"
                            + " WHERE status = 'QUEUED' AND partner_id = (SELECT id FROM interop_partner"
                            + " WHERE sender_id = ?)")
                    .params(Timestamp.from(clock.instant().minusSeconds(60)), partner.senderId)
                    .update();
            assertThat(callbacks.dispatch()).isEqualTo(1);
            assertThat(callbacks.dispatch()).isZero();
            assertThat(received).hasSize(1);

            JsonNode onSearch = JSON.readTree(received.get(0));
            assertThat(DciSchemas.problems(DciSchemas.ON_SEARCH_REQUEST, onSearch))
                    .isEmpty();
            assertThat(onSearch.path("message").path("correlation_id").asString())
                    .isEqualTo(correlation);
            JsonNode items = onSearch.path("message").path("search_response");
            assertThat(records(items.get(0)).path("protected_until").asString()).isEqualTo("2027-01-31");
            assertThat(records(items.get(1)).path("registered").asBoolean()).isFalse();
            assertThat(received.get(0)).doesNotContain(people.paidNik(), "programmes");
            assertThat(jdbc.sql("SELECT status || ':' || (body IS NULL) || ':' || attempts FROM interop_callback"
                                    + " WHERE partner_id = (SELECT id FROM interop_partner WHERE sender_id = ?)")
                            .param(partner.senderId)
                            .query(String.class)
                            .single())
                    .isEqualTo("DELIVERED:true:2");

            // a sender_uri other than the registered callback is refused
            ObjectNode elsewhere = partner.search(
                    "M-" + UUID.randomUUID(), List.<String[]>of(new String[] {"z", "NIK", people.paidNik()}));
            ((ObjectNode) elsewhere.path("header")).put("sender_uri", "https://attacker.example/on-search");
            Answer refused = partner.post(DciApi.SEARCH, partner.signed(elsewhere), partner.token());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(code(refused)).isEqualTo("err.sender_uri.invalid");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void onlyAnAdministratorRegistersAPartner() {
        String pem = DciSignatures.pem(SimulatedPartner.ed25519().getPublic());
        String body = ApiClient.json(
                "senderId",
                "bpjs-kes-" + UUID.randomUUID(),
                "name",
                "BPJS Kesehatan",
                "publicKey",
                pem,
                "callbackUrl",
                "https://bpjs-kesehatan.example/dci/on-search",
                "fields",
                List.of("REGISTERED"),
                "idTypes",
                List.of("NIK"),
                "maxBatch",
                500);
        Response officer = ApiClient.as(port, "petugas.kalbar").post("/api/interop/dci-partners", body);
        assertThat(officer.status()).isEqualTo(403);
        Response admin = ApiClient.as(port, "admin").post("/api/interop/dci-partners", body);
        assertThat(admin.status()).as(admin.text()).isEqualTo(200);
        assertThat(admin.json().path("receiverPublicKey").asString()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(admin.json().path("fields").toString()).isEqualTo("[\"REGISTERED\"]");
        Response badKey = ApiClient.as(port, "admin")
                .post(
                        "/api/interop/dci-partners",
                        ApiClient.json(
                                "senderId",
                                "x",
                                "name",
                                "x",
                                "publicKey",
                                "not a key",
                                "fields",
                                List.of("REGISTERED"),
                                "idTypes",
                                List.of("NIK")));
        assertThat(badKey.status()).isEqualTo(422);
        assertThat(ApiClient.anonymous(port).get("/api/interop/dci-partners").status())
                .isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesTheDciOperations() {
        JsonNode docs = ApiClient.anonymous(port).get("/v3/api-docs").json();
        assertThat(docs.path("components")
                        .path("securitySchemes")
                        .path("dciBearer")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        for (String path : List.of(DciApi.SYNC_SEARCH, DciApi.SEARCH)) {
            JsonNode post = docs.path("paths").path(path).path("post");
            assertThat(post.path("summary").asString()).as(path).isNotBlank();
            assertThat(post.path("security").toString()).as(path).contains("dciBearer");
            assertThat(post.path("responses").propertyNames())
                    .as(path)
                    .contains("200", "400", "401", "409", "413", "429");
        }
    }

    static JsonNode records(JsonNode item) {
        assertThat(item.path("status").asString()).as(item.toString()).isEqualTo("succ");
        return item.path("data").path("reg_records");
    }

    static String code(Answer answer) {
        return answer.json().path("errors").path(0).path("code").asString();
    }

    private long auditLines(String senderId) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = ? AND entity_id = ?")
                .params(DciSearch.AUDITED_AS, partnerId(senderId))
                .query(Long.class)
                .single();
    }

    private String partnerId(String senderId) {
        return jdbc.sql("SELECT id::text FROM interop_partner WHERE sender_id = ?")
                .param(senderId)
                .query(String.class)
                .single();
    }

    static List<String[]> queries(int n, String nik) {
        List<String[]> queries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            queries.add(new String[] {"q" + i, "NIK", nik});
        }
        return queries;
    }
}
