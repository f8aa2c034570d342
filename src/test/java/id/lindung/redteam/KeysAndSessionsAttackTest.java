package id.lindung.redteam;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.SignIn;
import id.lindung.support.TestClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * The attacker works with keys and sessions: an idempotency key another kab/kota already used, a browser session
 * reached from another site (a request with the session cookie but no CSRF token, dressed up with an
 * {@code Authorization} header that authenticates nothing), the session cookie's attributes, and a lock message
 * forged through the login page's address. Runs with the secure-cookie setting on ({@code LINDUNG_SECURE_COOKIE}, as
 * behind TLS), so this client keeps the session cookie itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "LINDUNG_SECURE_COOKIE=true")
@ActiveProfiles("test")
class KeysAndSessionsAttackTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final String PONTIANAK_DESA = "61.71.01.1002";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private final LocalDate today = LocalDate.now(TestClock.CLOCK);

    // ---------------------------------------------------------------------------------------- idempotency keys

    @Test
    void twoKabKotaUsingTheSameKeyBothSucceed_singlyAndInABankFile() {
        ApiClient ketapang = ApiClient.as(port, "petugas.ketapang");
        ApiClient pontianak = ApiClient.as(port, "petugas.pontianak");
        long inKetapang = enrolBpu(ketapang, participant(ketapang, KETAPANG_DESA));
        long inPontianak = enrolBpu(pontianak, participant(pontianak, PONTIANAK_DESA));
        long alsoInPontianak = enrolBpu(pontianak, participant(pontianak, PONTIANAK_DESA));
        String key = "TRX-" + System.nanoTime();

        Response first = ketapang.post("/api/payments", ApiFixtures.payment(key, inKetapang, 50_000, today.toString()));
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        Response second =
                pontianak.post("/api/payments", ApiFixtures.payment(key, inPontianak, 70_000, today.toString()));
        assertThat(second.status())
                .as("another kab/kota, the same key: " + second.text())
                .isEqualTo(201);
        assertThat(second.json().path("replayed").asBoolean()).isFalse();
        assertThat(paymentsWithKey(key)).isEqualTo(2);

        // Ketapang's key does not block Pontianak's bank file either (neither refused nor skipped as known)
        String fileKey = "FILE-" + System.nanoTime();
        assertThat(ketapang.post("/api/payments", ApiFixtures.payment(fileKey, inKetapang, 30_000, today.toString()))
                        .status())
                .isEqualTo(201);
        Response file = pontianak.postMultipart(
                "/api/payment-files",
                Map.of(),
                "file",
                "bank.csv",
                ("reference;membership_id;amount;paid_on\n" + fileKey + ";" + alsoInPontianak + ";40000;" + today
                                + "\n")
                        .getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(file.status()).as(file.text()).isIn(200, 201);
        assertThat(file.json().path("applied").asInt()).isEqualTo(1);
        assertThat(file.json().path("alreadyKnown").asInt()).isZero();
        assertThat(paymentsWithKey(fileKey)).isEqualTo(2);

        // within one kab/kota a key still means one payment: a replay is a replay, a reuse is refused
        Response replay =
                pontianak.post("/api/payments", ApiFixtures.payment(key, inPontianak, 70_000, today.toString()));
        assertThat(replay.json().path("replayed").asBoolean()).as(replay.text()).isTrue();
        Response reuse =
                pontianak.post("/api/payments", ApiFixtures.payment(key, alsoInPontianak, 70_000, today.toString()));
        assertThat(reuse.status()).isEqualTo(422);
        assertThat(reuse.json().path("errors").get(0).path("code").asString()).isEqualTo("payment.key.reused");
        assertThat(paymentsWithKey(key)).isEqualTo(2);
    }

    @Test
    void billingAMonthAfterTheCurrentOneIsRefused() {
        Response next = ApiClient.as(port, "petugas.kalbar")
                .post(
                        "/api/billing-runs",
                        json("period", today.plusMonths(1).toString().substring(0, 7)));
        assertThat(next.status()).as(next.text()).isEqualTo(422);
        assertThat(next.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
    }

    // ---------------------------------------------------------------------------------------------------- CSRF

    @Test
    void aSessionRequestWithoutTheCsrfTokenIsRefusedWhateverAuthorizationHeaderItCarries() throws Exception {
        Browser browser = new Browser();
        browser.login("petugas.ketapang");
        long membership = enrolBpu(
                ApiClient.as(port, "petugas.ketapang"),
                participant(ApiClient.as(port, "petugas.ketapang"), KETAPANG_DESA));
        String body = ApiFixtures.payment("CSRF-" + System.nanoTime(), membership, 50_000, today.toString());
        String wrongBasic = "Basic "
                + Base64.getEncoder().encodeToString("petugas.ketapang:salah".getBytes(StandardCharsets.UTF_8));
        for (String header : List.of(
                "Bearer x", "Bearer lkt_bogus", "Negotiate YII=", "Basic", wrongBasic, "Digest username=\"admin\"")) {
            HttpResponse<String> json = browser.post("/api/payments", "application/json", body, header, null);
            assertThat(json.statusCode())
                    .as("JSON with the session and Authorization: " + header)
                    .isIn(401, 403);
            HttpResponse<String> form = browser.post(
                    "/api/payments",
                    "application/x-www-form-urlencoded",
                    "idempotencyKey=CSRF&membershipId=" + membership + "&amount=50000&paidOn=" + today,
                    header,
                    null);
            assertThat(form.statusCode())
                    .as("form post with the session and Authorization: " + header)
                    .isIn(401, 403);
        }
        HttpResponse<String> bare = browser.post("/api/payments", "application/json", body, null, null);
        assertThat(bare.statusCode()).as("the session alone, no token").isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM payment WHERE membership_id = ?")
                        .param(membership)
                        .query(Long.class)
                        .single())
                .as("nothing paid")
                .isZero();

        // the controls: the session with its CSRF token, and valid Basic credentials without a session, both work
        String token = browser.csrfToken();
        HttpResponse<String> withToken = browser.post("/api/payments", "application/json", body, null, token);
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        Response basic = ApiClient.as(port, "petugas.ketapang")
                .post(
                        "/api/payments",
                        ApiFixtures.payment("CSRF-B-" + System.nanoTime(), membership, 50_000, today.toString()));
        assertThat(basic.status()).as(basic.text()).isEqualTo(201);
    }

    // --------------------------------------------------------------------------------------------- the cookie

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxAndSecureWhenConfigured() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.login("petugas.kalbar");
        String cookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow();
        assertThat(cookie)
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Lax")
                .containsIgnoringCase("Secure");
    }

    // ---------------------------------------------------------------------------------------- the lock message

    @Test
    void theLockMessageComesFromTheServerNotFromTheAddress() throws Exception {
        Browser stranger = new Browser();
        for (String forged : List.of("/login?locked=4102444800", "/login?locked", "/login?locked=1")) {
            String page = stranger.get(forged).body();
            assertThat(page).as(forged).doesNotContain("login-locked").doesNotContain("Terlalu banyak percobaan");
        }

        String user = newUser();
        Browser browser = new Browser();
        String where = "";
        for (int i = 1; i <= 5; i++) {
            where = browser.loginAs(user, "salah" + i)
                    .headers()
                    .firstValue("Location")
                    .orElse("");
        }
        assertThat(where).endsWith("/login?locked");
        assertThat(browser.get("/login?locked").body()).contains("login-locked", "Terlalu banyak percobaan");
        // the same address in a fresh browser (no failed sign-in of its own) shows nothing
        assertThat(new Browser().get("/login?locked").body()).doesNotContain("login-locked");

        // once the lock is over (moved back in the table), the same browser sees no message any more
        jdbc.sql("UPDATE login_throttle SET locked_until = lindung_now() - interval '1 minute' WHERE subject = ?")
                .param("user:" + user)
                .update();
        assertThat(browser.get("/login?locked").body()).doesNotContain("login-locked");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private long participant(ApiClient client, String desa) {
        return ApiFixtures.participant(client, "Rina Wati", LocalDate.of(1979, 2, 21), true, desa);
    }

    private long enrolBpu(ApiClient client, long participant) {
        return ApiFixtures.enrolBpu(client, participant, 1_000_000, "2026-12");
    }

    private long paymentsWithKey(String key) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE idempotency_key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    private String newUser() {
        return SignIn.newOfficer(jdbc, passwords, "uji.sesi");
    }

    /**
     * A browser's first hop, keeping the session cookie itself (the cookie is Secure here, and this is plain HTTP:
     * a cookie jar would rightly not send it back).
     */
    private final class Browser {

        private final HttpClient http = HttpClient.newHttpClient();
        private String session;

        HttpResponse<String> get(String path) throws Exception {
            return keep(http.send(
                    request(path).header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(String path, String contentType, String body, String authorization, String csrfToken)
                throws Exception {
            HttpRequest.Builder b =
                    request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            if (csrfToken != null) {
                b.header("X-CSRF-TOKEN", csrfToken);
            }
            return keep(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> login(String user) throws Exception {
            HttpResponse<String> r = loginAs(user, ApiClient.DEMO_PASSWORD);
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("/login");
            return r;
        }

        HttpResponse<String> loginAs(String user, String password) throws Exception {
            String token = token(get("/login").body());
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(token, StandardCharsets.UTF_8);
            HttpResponse<String> r = post("/login", "application/x-www-form-urlencoded", form, null, null);
            assertThat(r.statusCode()).isEqualTo(302);
            return r;
        }

        String csrfToken() throws Exception {
            return token(get("/").body());
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30));
            if (session != null) {
                b.header("Cookie", "JSESSIONID=" + session);
            }
            return b;
        }

        private HttpResponse<String> keep(HttpResponse<String> response) {
            response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst()
                    .ifPresent(c -> session = c.substring("JSESSIONID=".length(), c.indexOf(';')));
            return response;
        }

        private static String token(String html) {
            return SignIn.csrfToken(html);
        }
    }
}
