package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Users sign in with hashed passwords through the form or HTTP Basic; each has a role and a region scope. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void passwordsAreStoredOnlyAsBcryptHashes() {
        List<String> hashes = jdbc.sql("SELECT password_hash FROM app_user")
                .query(String.class)
                .list();
        assertThat(hashes).isNotEmpty().allSatisfy(h -> {
            assertThat(h).startsWith("{bcrypt}$2");
            assertThat(h).doesNotContain(ApiClient.DEMO_PASSWORD);
        });
    }

    @Test
    void creatingAUserIsInTheAuditTrail() {
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'USER_CREATED' AND entity_id = 'admin'")
                        .query(String.class)
                        .list())
                .containsExactly("system");
    }

    @Test
    void servesTheOpenApiDocumentOfTheRegistry() {
        ApiClient.Response docs = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/participants")).isTrue();
        assertThat(docs.json().path("paths").has("/api/regions/{code}/boundaries"))
                .isTrue();
        assertThat(ApiClient.anonymous(port).getPage("/swagger-ui/index.html").status())
                .isEqualTo(200);
    }

    @Test
    void demoUsersCoverEveryRoleAndBothKindsOfScope() {
        List<String> roles = jdbc.sql("SELECT DISTINCT role FROM app_user")
                .query(String.class)
                .list();
        assertThat(roles).containsExactlyInAnyOrder("ADMIN", "OFFICER", "GOV_ANALYST", "BANK_OFFICER", "AGENT");
        assertThat(jdbc.sql("SELECT region_scope FROM app_user WHERE username = 'petugas.ketapang'")
                        .query(String.class)
                        .single())
                .isEqualTo("61.04");
    }

    @Test
    void formLoginWithTheRightPasswordOpensTheHomePageAndTheWrongOneDoesNot() throws Exception {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new java.net.CookieManager())
                .build();
        String base = "http://localhost:" + port;
        HttpResponse<String> loginPage = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        String csrf = loginPage.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        assertThat(csrf).hasSizeLessThan(200);

        HttpResponse<String> wrong =
                http.send(form(base, "petugas.ketapang", "salah", csrf), HttpResponse.BodyHandlers.ofString());
        assertThat(wrong.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).contains("error"));

        HttpResponse<String> right = http.send(
                form(base, "petugas.ketapang", ApiClient.DEMO_PASSWORD, csrf), HttpResponse.BodyHandlers.ofString());
        assertThat(right.statusCode()).isEqualTo(302);
        HttpResponse<String> home =
                http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("Beranda")
                .contains("Kabupaten Ketapang")
                .doesNotContain("Kota Pontianak<");
    }

    private static HttpRequest form(String base, String user, String password, String csrf) {
        String body = "username=" + user + "&password=" + password + "&_csrf=" + csrf;
        return HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
