package id.lindung.access;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * API tokens over real HTTP: an administrator issues one for a KUR bank's user, the bank calls the API with
 * {@code Authorization: Bearer} as that user (same role and scope), bad, revoked and expired tokens answer 401,
 * only the hash is stored, and a bearer request leaves no session behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiTokenTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    private ApiClient bearer(String token) {
        return ApiClient.withBearer(port, token);
    }

    /** bank.kalbar issues a token for itself (a token acts as its creator); answers the whole 201 response. */
    private Response issueForBank(String name, LocalDate expiresOn) {
        Response issued = as("bank.kalbar")
                .post("/api/tokens", json("name", name, "expiresOn", expiresOn == null ? null : expiresOn.toString()));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return issued;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private long participantInKetapang() {
        return ApiFixtures.participant(
                as("petugas.ketapang"), "Yohanes Apui", LocalDate.of(1988, 4, 12), false, KETAPANG_DESA);
    }

    @Test
    void aBankCallsTheApiWithItsTokenAsItsUser() {
        Response issued = issueForBank("Bank Kalbar H2H", null);
        String token = issued.json().path("token").asString();
        assertThat(token).startsWith("lkt_").hasSize(4 + 43).matches("lkt_[A-Za-z0-9_-]{43}");
        assertThat(issued.json().path("prefix").asString()).isEqualTo(token.substring(0, 8));
        assertThat(issued.json().path("username").asString()).isEqualTo("bank.kalbar");
        assertThat(issued.raw().headers().firstValue("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        long participant = participantInKetapang();
        ApiClient bank = bearer(token);
        Response read = bank.get("/api/participants/" + participant);
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        assertThat(read.json().path("fullName").asString()).isEqualTo("Yohanes Apui");

        // acts as bank.kalbar: a bank officer reads but may not register, nor issue tokens
        Response write = bank.post(
                "/api/participants",
                json(
                        "nik",
                        Niks.nik("610401", LocalDate.of(1990, 1, 2), false),
                        "fullName",
                        "Budi",
                        "birthDate",
                        "1990-01-02",
                        "sex",
                        "L",
                        "regionCode",
                        KETAPANG_DESA));
        assertThat(write.status()).as(write.text()).isEqualTo(403);
        assertThat(write.json().path("detail").asString()).contains("BANK_OFFICER");
        assertThat(bank.post("/api/tokens", json("username", "bank.kalbar", "name", "more"))
                        .status())
                .isEqualTo(403);
        // its own token list: only bank.kalbar's tokens
        Response own = bank.get("/api/tokens");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json()
                        .valueStream()
                        .map(t -> t.path("username").asString())
                        .distinct()
                        .toList())
                .containsExactly("bank.kalbar");
    }

    @Test
    void aWrongTokenIsRefusedWithProblemDetailsAndNoFallback() {
        for (String wrong : new String[] {"lkt_" + "A".repeat(43), "nonsense", ""}) {
            Response r = bearer(wrong).get("/api/participants?name=Y");
            assertThat(r.status()).as(wrong).isEqualTo(401);
            assertThat(r.raw().headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            assertThat(r.json().path("status").asInt()).isEqualTo(401);
        }
        // a bad token is 401 even where anonymous callers may read: it is not ignored
        assertThat(bearer("lkt_" + "B".repeat(43)).get("/api/regions").status()).isEqualTo(401);
        // without a bearer token, Basic and anonymous behave as before
        assertThat(as("bank.kalbar").get("/api/participants?name=Y").status()).isEqualTo(200);
        assertThat(ApiClient.anonymous(port).get("/api/participants?name=Y").status())
                .isEqualTo(401);
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce_andBothStepsAreAudited() {
        Response issued = issueForBank("Bank Kalbar H2H (revoked)", null);
        String token = issued.json().path("token").asString();
        long id = issued.json().path("id").asLong();
        assertThat(bearer(token).get("/api/tokens").status()).isEqualTo(200);

        assertThat(as("admin").delete("/api/tokens/" + id).status()).isEqualTo(204);
        assertThat(bearer(token).get("/api/tokens").status()).isEqualTo(401);
        assertThat(as("admin").delete("/api/tokens/" + id).status()).isEqualTo(204);
        assertThat(as("petugas.ketapang").delete("/api/tokens/" + id).status()).isEqualTo(404);

        assertThat(jdbc.sql("SELECT actor || ' ' || action FROM audit_log WHERE entity_type = 'api_token'"
                                + " AND entity_id = ? ORDER BY id")
                        .param(Long.toString(id))
                        .query(String.class)
                        .list())
                .containsExactly("bank.kalbar API_TOKEN_ISSUED", "admin API_TOKEN_REVOKED");
        Response listed = as("admin").get("/api/tokens");
        assertThat(listed.json()
                        .valueStream()
                        .filter(t -> t.path("id").asLong() == id)
                        .findFirst()
                        .orElseThrow()
                        .path("revokedAt")
                        .isNull())
                .isFalse();
    }

    @Test
    void anExpiredTokenIsRefused_andAPastExpiryCannotBeIssued() {
        Response issued =
                issueForBank("Bank Kalbar H2H (short)", LocalDate.now(clock).plusDays(1));
        String token = issued.json().path("token").asString();
        assertThat(bearer(token).get("/api/tokens").status()).isEqualTo(200);

        // a second ago by the business clock, which the token check reads
        jdbc.sql("UPDATE api_token SET expires_at = ? WHERE id = ?")
                .params(
                        java.sql.Timestamp.from(clock.instant().minusSeconds(1)),
                        issued.json().path("id").asLong())
                .update();
        assertThat(bearer(token).get("/api/tokens").status()).isEqualTo(401);

        Response past = as("bank.kalbar")
                .post(
                        "/api/tokens",
                        json(
                                "username",
                                "bank.kalbar",
                                "name",
                                "old",
                                "expiresOn",
                                LocalDate.now(clock).minusDays(2).toString()));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.json().path("errors").get(0).path("field").asString()).isEqualTo("expiresOn");
    }

    @Test
    void everyoneIssuesForThemselvesOnly_withAPurpose() {
        Response officer = as("petugas.ketapang").post("/api/tokens", json("name", "Integrasi Disnaker"));
        assertThat(officer.status()).as(officer.text()).isEqualTo(201);
        assertThat(officer.json().path("username").asString()).isEqualTo("petugas.ketapang");
        assertThat(officer.json().path("scope").asString()).isEqualTo("61.04");

        Response other = as("admin").inEnglish().post("/api/tokens", json("username", "nobody", "name", ""));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json()
                        .path("errors")
                        .valueStream()
                        .map(e -> e.path("field").asString())
                        .toList())
                .containsExactly("username", "name");
        assertThat(other.json().path("errors").get(0).path("message").asString())
                .isEqualTo(
                        "An API token acts as the person who creates it: issue tokens for yourself, not for nobody.");
    }

    @Test
    void onlyTheHashIsStored_andListsNeverShowTheToken() throws Exception {
        Response issued = issueForBank("Bank Kalbar H2H (hash)", null);
        String token = issued.json().path("token").asString();
        long id = issued.json().path("id").asLong();

        assertThat(jdbc.sql("SELECT token_hash FROM api_token WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo(sha256(token));
        String secretPart = token.substring(8);
        assertThat(jdbc.sql("SELECT t::text FROM api_token t WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .doesNotContain(secretPart);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE changes::text LIKE ?")
                        .param("%" + secretPart + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        Response list = as("admin").get("/api/tokens");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).doesNotContain(secretPart).contains(token.substring(0, 8));
        assertThat(list.json().valueStream().anyMatch(t -> t.path("id").asLong() == id))
                .isTrue();
        assertThat(list.json().valueStream().noneMatch(t -> t.has("token") || t.has("tokenHash")))
                .isTrue();
    }

    @Test
    void aBearerRequestCreatesNoSession_andLastUseIsWrittenAtMostOnceAMinute() {
        String token = issueForBank("Bank Kalbar H2H (session)", null)
                .json()
                .path("token")
                .asString();
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?")
                .param(hash(token))
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT last_used_at IS NULL FROM api_token WHERE id = ?")
                        .param(id)
                        .query(Boolean.class)
                        .single())
                .isTrue();

        Response first = bearer(token).get("/api/participants?name=Y");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        Object firstUse = jdbc.sql("SELECT last_used_at FROM api_token WHERE id = ?")
                .param(id)
                .query(java.sql.Timestamp.class)
                .single();
        assertThat(firstUse).isNotNull();

        Response second = bearer(token).post("/api/participants", json("fullName", "x"));
        assertThat(second.status()).isEqualTo(403); // no CSRF token needed with a bearer token; refused by role
        assertThat(second.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        assertThat(jdbc.sql("SELECT last_used_at FROM api_token WHERE id = ?")
                        .param(id)
                        .query(java.sql.Timestamp.class)
                        .single())
                .isEqualTo(firstUse);
    }

    @Test
    void theOpenApiDocumentOffersTheBearerSchemeWhereverBasicWorks() {
        Response docs = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(docs.json()
                        .path("components")
                        .path("securitySchemes")
                        .path("bearerAuth")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        assertThat(docs.json()
                        .path("paths")
                        .path("/api/participants")
                        .path("post")
                        .path("security")
                        .toString())
                .contains("basicAuth", "bearerAuth");
        assertThat(docs.json().path("paths").has("/api/tokens/{id}")).isTrue();
    }

    private static String hash(String token) {
        try {
            return sha256(token);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
