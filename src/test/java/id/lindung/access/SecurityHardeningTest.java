package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.Leaks;
import id.lindung.support.SignIn;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 8's hardening over real HTTP: sign-in throttling and lockout (per username and per client address, kept in
 * the database, audited), a new session id after sign-in, CSRF on forms, the security headers on every kind of
 * response, error responses without stack traces or SQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityHardeningTest {

    private static final String[] LEAKS = Leaks.internalsAnd();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Clock clock;

    // ------------------------------------------------------------------------------------- throttling and lockout

    @Test
    void fiveWrongPasswordsLockTheUsernameEvenForTheRightOneWithAMessageAndA429() throws Exception {
        String user = newUser();
        Browser browser = new Browser();
        for (int i = 1; i <= 4; i++) {
            assertThat(browser.login(user, "salah" + i)).as("attempt " + i).endsWith("/login?error");
        }
        String fifth = browser.login(user, "salah5");
        assertThat(fifth).endsWith("/login?locked");

        String right = browser.login(user, ApiClient.DEMO_PASSWORD);
        assertThat(right).endsWith("/login?locked");
        // the time comes from the server (the session's refused username, the throttle), not from the address
        String page = browser.get(
                        URI.create(right).getRawPath() + "?" + URI.create(right).getRawQuery())
                .body();
        String expected = LocalTime.now(clock).plusMinutes(15).format(DateTimeFormatter.ofPattern("HH:mm"));
        String oneMinuteLater = LocalTime.now(clock).plusMinutes(16).format(DateTimeFormatter.ofPattern("HH:mm"));
        assertThat(page)
                .containsAnyOf(
                        "Terlalu banyak percobaan masuk; coba lagi setelah " + expected,
                        "Terlalu banyak percobaan masuk; coba lagi setelah " + oneMinuteLater);

        Response api = basic(user, ApiClient.DEMO_PASSWORD).get("/api/participants?name=X");
        assertThat(api.status()).isEqualTo(429);
        assertThat(api.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(api.raw().headers().firstValueAsLong("Retry-After").orElse(0))
                .isBetween(840L, 900L);
        assertThat(api.json().path("detail").asString()).startsWith("Terlalu banyak percobaan masuk");

        // kept in the database (survives a restart, shared by instances) and in the audit trail
        assertThat(jdbc.sql("SELECT failures FROM login_throttle WHERE subject = ? AND locked_until IS NOT NULL")
                        .param("user:" + user)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(audit(user))
                .containsExactly(
                        "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_LOCKED");

        // fifteen minutes later (moved back in the table): the right password opens the home page again
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant()); // the business clock, as the throttle
        jdbc.sql("""
                UPDATE login_throttle SET locked_until = CAST(? AS timestamptz) - interval '1 second',
                       window_started_at = CAST(? AS timestamptz) - interval '16 minutes' WHERE subject = ?""").params(now, now, "user:" + user).update();
        assertThat(browser.login(user, ApiClient.DEMO_PASSWORD)).doesNotContain("/login");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        assertThat(rows("user:" + user)).isZero();
    }

    @Test
    void aSuccessfulSignInResetsTheCount() throws Exception {
        String user = newUser();
        for (int i = 0; i < 4; i++) {
            assertThat(basic(user, "salah").get("/api/participants?name=X").status())
                    .isEqualTo(401);
        }
        assertThat(basic(user, ApiClient.DEMO_PASSWORD)
                        .get("/api/participants?name=X")
                        .status())
                .isEqualTo(200);
        assertThat(rows("user:" + user)).isZero();
        for (int i = 0; i < 4; i++) {
            assertThat(basic(user, "salah").get("/api/participants?name=X").status())
                    .isEqualTo(401);
        }
        assertThat(basic(user, ApiClient.DEMO_PASSWORD)
                        .get("/api/participants?name=X")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void fiftyFailuresFromOneAddressLockItForEveryUsername() {
        jdbc.sql("DELETE FROM login_throttle WHERE subject LIKE 'ip:%'").update();
        try {
            String sprayed = newUser();
            for (int i = 1; i < 50; i++) {
                assertThat(basic("spray" + i + "." + sprayed, "lindung2025")
                                .get("/api/participants?name=X")
                                .status())
                        .as("attempt " + i)
                        .isEqualTo(401);
            }
            assertThat(basic("spray50." + sprayed, "lindung2025")
                            .get("/api/participants?name=X")
                            .status())
                    .isEqualTo(429);
            // a different, valid user with the right password from the same address
            assertThat(basic(sprayed, ApiClient.DEMO_PASSWORD)
                            .get("/api/participants?name=X")
                            .status())
                    .isEqualTo(429);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'LOGIN_LOCKED'"
                                    + " AND entity_type = 'login-address'")
                            .query(Long.class)
                            .single())
                    .isPositive();
        } finally {
            jdbc.sql("DELETE FROM login_throttle WHERE subject LIKE 'ip:%'").update();
        }
        assertThat(ApiClient.as(port, "admin").get("/api/participants?name=X").status())
                .isEqualTo(200);
    }

    // ------------------------------------------------------------------------------------- session and CSRF

    @Test
    void signingInGivesANewSessionIdAndTheOldOneStaysAnonymous() throws Exception {
        Browser browser = new Browser();
        browser.get("/login");
        String before = browser.sessionId().orElseThrow();
        assertThat(browser.login("petugas.kalbar", ApiClient.DEMO_PASSWORD)).doesNotContain("/login");
        String after = browser.sessionId().orElseThrow();
        assertThat(after).isNotEqualTo(before);

        HttpResponse<String> withOldId = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base() + "/"))
                                .header("Cookie", "JSESSIONID=" + before)
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(withOldId.statusCode()).isEqualTo(302);
        assertThat(withOldId.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndWithItAccepted() throws Exception {
        Browser anonymous = new Browser();
        anonymous.get("/login");
        assertThat(anonymous
                        .post("/login", Map.of("username", "petugas.kalbar", "password", ApiClient.DEMO_PASSWORD))
                        .statusCode())
                .isEqualTo(403);

        Browser browser = new Browser();
        assertThat(browser.login("petugas.kalbar", ApiClient.DEMO_PASSWORD)).doesNotContain("/login");
        String home = browser.get("/").body();
        assertThat(browser.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get("/").statusCode()).as("still signed in").isEqualTo(200);

        HttpResponse<String> logout = browser.post("/logout", Map.of("_csrf", csrf(home)));
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(browser.get("/").statusCode()).as("signed out").isEqualTo(302);
    }

    // ------------------------------------------------------------------------------------- headers

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        ApiClient anonymous = ApiClient.anonymous(port);
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        Map<String, Response> responses = Map.of(
                "login page", anonymous.getPage("/login"),
                "page", officer.getPage("/peserta"),
                "static file", anonymous.get("/css/lindung.css"),
                "public API", anonymous.get("/api/regions/61"),
                "API refused", anonymous.get("/api/participants?name=X"),
                "API problem", officer.get("/api/participants/999999999"),
                "missing page", officer.getPage("/tidak-ada"),
                "error", anonymous.getPage("/error"),
                "swagger ui", anonymous.getPage("/swagger-ui/index.html"));
        responses.forEach((what, r) -> {
            var headers = r.raw().headers();
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(csp)
                    .as(what)
                    .contains(
                            "default-src 'self'",
                            "script-src 'self';",
                            "object-src 'none'",
                            "frame-ancestors 'none'",
                            "base-uri 'self'",
                            "form-action 'self'");
            String scriptSrc = csp.replaceAll(".*script-src ([^;]*);.*", "$1");
            assertThat(scriptSrc).as(what).isEqualTo("'self'");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("same-origin");
            assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
            assertThat(headers.firstValue("Permissions-Policy"))
                    .as(what)
                    .hasValueSatisfying(p -> assertThat(p).contains("camera=()", "geolocation=()"));
            // plain HTTP: no HSTS (browsers ignore it there; it is sent on HTTPS requests)
            assertThat(headers.firstValue("Strict-Transport-Security")).as(what).isEmpty();
        });
    }

    // ------------------------------------------------------------------------------------- no stack traces

    @Test
    void errorResponsesCarryNoStackTraceExceptionNameOrSql() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        List<Response> responses = new java.util.ArrayList<>(List.of(
                officer.post("/api/participants", "{\"nik\": \"61"),
                officer.post("/api/participants", "{\"birthDate\": \"kemarin\"}"),
                officer.post("/api/participants", "[1, 2"),
                officer.get("/api/participants/abc"),
                officer.get("/api/participants?name=%00%27%3B--"),
                officer.getPage("/peserta/99999999999999999999"),
                officer.get("/api/regions/%00"),
                ApiClient.anonymous(port).getPage("/error"),
                ApiClient.anonymous(port).get("/error")));
        // an unexpected failure inside: the table behind the Paritrana pages is gone for a moment, so the
        // database answers with an SQL error whose message holds the query
        jdbc.sql("ALTER TABLE paritrana_cycle RENAME TO paritrana_cycle_away").update();
        try {
            Response api = officer.get("/api/paritrana/cycles");
            Response page = officer.getPage("/paritrana");
            assertThat(api.status()).as(api.text()).isEqualTo(500);
            assertThat(page.status()).as(page.text()).isEqualTo(500);
            assertThat(page.text()).contains("500");
            responses.add(api);
            responses.add(page);
        } finally {
            jdbc.sql("ALTER TABLE paritrana_cycle_away RENAME TO paritrana_cycle")
                    .update();
        }
        for (Response r : responses) {
            assertThat(Leaks.withoutTokens(r.text()))
                    .as(r.raw().uri() + " " + r.status())
                    .doesNotContain(LEAKS)
                    .doesNotContainIgnoringCase("paritrana_cycle");
        }
    }

    // ------------------------------------------------------------------------------------- helpers

    private String newUser() {
        return SignIn.newOfficer(jdbc, passwords, "uji.kunci");
    }

    private List<String> audit(String user) {
        return jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'login' AND entity_id = ? ORDER BY id")
                .param(user)
                .query(String.class)
                .list();
    }

    private long rows(String subject) {
        return jdbc.sql("SELECT count(*) FROM login_throttle WHERE subject = ?")
                .param(subject)
                .query(Long.class)
                .single();
    }

    private ApiClient basic(String user, String password) {
        return ApiClient.anonymous(port)
                .withHeader(
                        "Authorization",
                        "Basic "
                                + java.util.Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private static String csrf(String html) {
        return SignIn.csrfToken(html);
    }

    /** A cookie-keeping client that does not follow redirects, like a browser's first hop. */
    private final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http =
                HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> get(String path) throws Exception {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Accept", "text/html")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
            StringBuilder body = new StringBuilder();
            fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                    .append(k)
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(
                    HttpRequest.newBuilder(URI.create(base() + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html")
                            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Signs in through the form; returns where the app sends the browser next. */
        String login(String user, String password) throws Exception {
            String token = csrf(get("/login").body());
            HttpResponse<String> r = post("/login", Map.of("username", user, "password", password, "_csrf", token));
            assertThat(r.statusCode()).isEqualTo(302);
            return r.headers().firstValue("Location").orElseThrow();
        }

        Optional<String> sessionId() {
            return cookies.getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue)
                    .findFirst();
        }
    }
}
