package id.lindung.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.Leaks;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Browser-facing errors are Lindung's own page over real HTTP (no "Whitelabel Error Page"): in Bahasa Indonesia by
 * default and in English for a user who chose English, saying what happened in plain words with a reference that is
 * also in the server log (with the stack trace for a 500), a link home, the security headers, and nothing of the
 * exception: no stack trace, class name, SQL or message. The API keeps answering problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class ErrorPagesTest {

    private static final Pattern REFERENCE = Pattern.compile("LND-[0-9A-HJKMNP-TV-Z]{8}");
    private static final String[] LEAKS = Leaks.internalsAnd("Whitelabel", "jakarta.", "Caused by");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void aMissingPageIsLindungsNotFoundPageInIndonesianAndInEnglish(CapturedOutput log) throws Exception {
        HttpResponse<String> indonesian = page("petugas.kalbar", "/halaman-yang-tidak-ada", null);
        String reference = assertErrorPage(
                indonesian,
                404,
                "id",
                "Tidak ditemukan",
                "Halaman atau data yang Anda cari tidak ada",
                "Kembali ke beranda",
                "Nomor referensi: ");
        assertThat(log.getAll()).contains("Reference " + reference + ": /halaman-yang-tidak-ada answered 404");

        HttpResponse<String> english = page("petugas.kalbar", "/halaman-yang-tidak-ada", "lindung-lang=en");
        String englishReference = assertErrorPage(
                english,
                404,
                "en",
                "Not found",
                "The page or record you asked for does not exist",
                "Back to the home page",
                "Reference: ");
        assertThat(englishReference).isNotEqualTo(reference);
        assertThat(log.getAll()).contains("Reference " + englishReference + ": /halaman-yang-tidak-ada answered 404");

        // the signed-in user's top bar is there, and the language switch reloads the missing page, not /error
        assertThat(indonesian.body()).contains("id=\"current-user\"", "href=\"/halaman-yang-tidak-ada?lang=en\"");
        // ?lang=en (the EN switch) works on an error page too
        assertErrorPage(page("petugas.kalbar", "/halaman-yang-tidak-ada?lang=en", null), 404, "en", "Not found");
    }

    @Test
    void aRecordOutsideTheUsersRegionAndARefusalUseTheSamePage(CapturedOutput log) throws Exception {
        // a participant of Kota Pontianak, asked for by an officer of Ketapang: "not found", nothing more
        ApiClient.Response registered = ApiClient.as(port, "petugas.pontianak").post("/api/participants", """
                {"nik": "%s", "fullName": "Agus Halaman Galat", "birthDate": "1988-03-12", "sex": "L",
                 "regionCode": "61.71.01.1002"}""".formatted(
                        id.lindung.support.Niks.nik("617101", java.time.LocalDate.of(1988, 3, 12), false)));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        long pontianak = registered.json().path("participant").path("id").asLong();
        String reference =
                assertErrorPage(page("petugas.ketapang", "/peserta/" + pontianak, null), 404, "id", "Tidak ditemukan");
        assertThat(log.getAll()).contains("Reference " + reference + ": GET /peserta/" + pontianak + " answered 404");

        // a bank officer may not see claims (health data): "not allowed", with the refusal's own sentence
        HttpResponse<String> refused = page("bank.kalbar", "/klaim", null);
        String refusedReference = assertErrorPage(refused, 403, "id", "Tidak diizinkan", "Anda tidak memiliki izin");
        assertThat(refused.body()).contains("id=\"error-detail\"");
        assertThat(log.getAll()).contains("Reference " + refusedReference + ": GET /klaim answered 403");
        assertErrorPage(
                page("bank.kalbar", "/klaim", "lindung-lang=en"),
                403,
                "en",
                "Not allowed",
                "You do not have permission");

        // a form sent without its CSRF token, refused by the security filters: the same page
        HttpResponse<String> csrf = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/logout"))
                        .header("Authorization", basic("petugas.kalbar"))
                        .header("Accept", "text/html")
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(""))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertErrorPage(csrf, 403, "id", "Tidak diizinkan");
    }

    @Test
    void anUnexpectedFailureIsSomethingWentWrongWithAReferenceToTheStackTraceInTheLog(CapturedOutput log)
            throws Exception {
        // as in SecurityHardeningTest: the table behind the Paritrana pages is gone for a moment, so the database
        // answers with an SQL error whose message holds the query
        HttpResponse<String> indonesian;
        HttpResponse<String> english;
        HttpResponse<String> api;
        HttpResponse<String> apiFromABrowser;
        jdbc.sql("ALTER TABLE paritrana_cycle RENAME TO paritrana_cycle_gone").update();
        try {
            indonesian = page("petugas.kalbar", "/paritrana", null);
            english = page("petugas.kalbar", "/paritrana", "lindung-lang=en");
            api = http.send(
                    HttpRequest.newBuilder(URI.create(base() + "/api/paritrana/cycles"))
                            .header("Authorization", basic("petugas.kalbar"))
                            .header("Accept", "application/json")
                            .header("Accept-Language", "en")
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            apiFromABrowser = page("petugas.kalbar", "/api/paritrana/cycles", null);
        } finally {
            jdbc.sql("ALTER TABLE paritrana_cycle_gone RENAME TO paritrana_cycle")
                    .update();
        }

        String reference = assertErrorPage(
                indonesian,
                500,
                "id",
                "Terjadi kesalahan",
                "kesalahan di pihak kami",
                "Kembali ke beranda",
                "Nomor referensi: ");
        String englishReference = assertErrorPage(
                english,
                500,
                "en",
                "Something went wrong",
                "a fault on our side",
                "Back to the home page",
                "Reference: ");
        // each is in the log once, with what support needs: the request, the exception and its stack trace
        for (String ref : new String[] {reference, englishReference}) {
            String logged = log.getAll();
            assertThat(logged).containsOnlyOnce(ref);
            String entry = logged.substring(logged.indexOf(ref));
            assertThat(entry).startsWith(ref + ": GET /paritrana answered 500");
            assertThat(entry.substring(0, Math.min(entry.length(), 20_000)))
                    .contains("paritrana_cycle", "\tat id.lindung.");
        }
        assertThat(log.getAll())
                .as("the container does not log the exception again without the reference")
                .doesNotContain("Servlet.service() for servlet");

        // the API: RFC 9457 problem details, with the reference, no detail of the exception
        assertThat(api.statusCode()).isEqualTo(500);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(api.body());
        assertThat(problem.path("status").asInt()).isEqualTo(500);
        assertThat(problem.path("title").asString()).isEqualTo("Internal server error");
        assertThat(problem.path("instance").asString()).isEqualTo("/api/paritrana/cycles");
        String apiReference = problem.path("reference").asString();
        assertThat(apiReference).matches(REFERENCE.pattern());
        assertThat(problem.path("detail").asString()).contains(apiReference);
        assertThat(log.getAll()).contains(apiReference + ": GET /api/paritrana/cycles answered 500");
        // an API address opened in a browser still answers problem details, not a page
        assertThat(apiFromABrowser.statusCode()).isEqualTo(500);
        assertThat(apiFromABrowser.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        assertThat(JSON.readTree(apiFromABrowser.body()).path("reference").asString())
                .matches(REFERENCE.pattern());
        for (HttpResponse<String> r : java.util.List.of(api, apiFromABrowser)) {
            assertThat(Leaks.withoutTokens(r.body()))
                    .doesNotContain(LEAKS)
                    .doesNotContainIgnoringCase("paritrana_cycle");
            assertSecurityHeaders(r);
        }
    }

    @Test
    void errorAsksForDirectlyIsNotFoundAndShowsNothing() throws Exception {
        HttpResponse<String> direct = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/error"))
                        .header("Accept", "text/html")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertErrorPage(direct, 404, "id", "Tidak ditemukan");
        HttpResponse<String> json = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/error"))
                        .header("Accept", "application/json")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.body()).doesNotContain(LEAKS);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /**
     * The answer is Lindung's error page with that status, in that language, containing the texts, with a
     * reference, a link home and the security headers, and nothing of an exception. @return the reference shown
     */
    private String assertErrorPage(HttpResponse<String> r, int status, String language, String... texts) {
        String body = r.body();
        assertThat(r.statusCode()).as(body).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(body)
                .contains(
                        "<html lang=\"" + language + "\"",
                        "id=\"problem\"",
                        "data-status=\"" + status + "\"",
                        "id=\"error-home\" href=\"/\"",
                        "/css/lindung-");
        assertThat(body).contains(texts);
        assertThat(Leaks.withoutTokens(body)).doesNotContain(LEAKS).doesNotContainIgnoringCase("paritrana_cycle");
        assertSecurityHeaders(r);
        Matcher m = REFERENCE.matcher(body);
        assertThat(m.find()).as("a reference on the page").isTrue();
        return m.group();
    }

    private static void assertSecurityHeaders(HttpResponse<String> r) {
        var headers = r.headers();
        assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Permissions-Policy"))
                .hasValueSatisfying(p -> assertThat(p).contains("camera=()"));
    }

    /** A page as a browser asks for it (HTTP Basic stands in for the session), optionally with a cookie. */
    private HttpResponse<String> page(String user, String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "text/html,application/xhtml+xml")
                .header("Accept-Language", "en-US,en;q=0.9")
                .header("Authorization", basic(user))
                .timeout(Duration.ofSeconds(30))
                .GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user) {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + ApiClient.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
