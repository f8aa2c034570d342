package id.lindung.participant;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.shared.crypto.Vault;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.Niks;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Drafts kept on the agent's device and sent when the network returns (issue 18), through real HTTP: each carries
 * the device's key ({@code Idempotency-Key}); the same key twice registers or enrols once and answers the same
 * result; the same key from another user is refused; a NIK registered already comes back as a duplicate; the
 * server checks a draft as it checks the form (a start month back-dated beyond the agent's limit is refused).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DraftSubmissionApiTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vault vault;

    private ApiClient as(String user, UUID key) {
        return ApiClient.as(port, user).withHeader("Idempotency-Key", key.toString());
    }

    private static Map<String, String> registration(String nik, String name, LocalDate birth) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("nik", nik);
        form.put("fullName", name);
        form.put("birthDate", birth.toString());
        form.put("sex", "L");
        form.put("kabKota", "61.04");
        form.put("kecamatan", "61.04.01");
        form.put("regionCode", KETAPANG_DESA);
        form.put("phone", "081234567890");
        form.put("occupation", "Nelayan");
        return form;
    }

    private long participantsWith(String nik) {
        return jdbc.sql("SELECT count(*) FROM participant WHERE nik_hash = ?")
                .param(vault.index(IdentityView.NIK_INDEX, nik))
                .query(Long.class)
                .single();
    }

    private long keyRows(UUID key) {
        return jdbc.sql("SELECT count(*) FROM submission_key WHERE key = ?")
                .param(key)
                .query(Long.class)
                .single();
    }

    @Test
    void theSameKeyTwiceRegistersOnceAndAnswersTheSameParticipantAnotherUsersKeyIsRefused() {
        LocalDate birth = LocalDate.of(1988, 2, 14);
        String nik = Niks.nik("610401", birth, false);
        UUID key = UUID.randomUUID();
        Map<String, String> draft = registration(nik, "Rahmat Draf Luring", birth);

        Response first = as("agen.ketapang", key).postForm("/api/drafts/participants", draft);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(first.json().path("state").asString()).isEqualTo("SENT");
        assertThat(first.json().path("replayed").asBoolean()).isFalse();
        String href = first.json().path("href").asString();
        assertThat(href).matches("/peserta/\\d+");

        Response again = as("agen.ketapang", key).postForm("/api/drafts/participants", draft);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("state").asString()).isEqualTo("SENT");
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(again.json().path("href").asString()).isEqualTo(href);
        assertThat(participantsWith(nik)).isEqualTo(1);
        assertThat(keyRows(key)).isEqualTo(1);

        Response other = as("petugas.ketapang", key).postForm("/api/drafts/participants", draft);
        assertThat(other.status()).as(other.text()).isEqualTo(403);
        assertThat(other.json().path("state").asString()).isEqualTo("REFUSED");
        assertThat(other.json().path("href").isNull()
                        || other.json().path("href").isMissingNode())
                .isTrue();
        assertThat(participantsWith(nik)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT actor FROM submission_key WHERE key = ?")
                        .param(key)
                        .query(String.class)
                        .single())
                .isEqualTo("agen.ketapang");

        Response duplicate = as("agen.ketapang", UUID.randomUUID()).postForm("/api/drafts/participants", draft);
        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(409);
        assertThat(duplicate.json().path("state").asString()).isEqualTo("DUPLICATE");
        assertThat(duplicate.json().path("href").asString()).isEqualTo(href);
        assertThat(participantsWith(nik)).isEqualTo(1);
    }

    @Test
    void aRefusedDraftLeavesNoKeyAndNamesItsFields() {
        UUID key = UUID.randomUUID();
        LocalDate birth = LocalDate.of(1991, 7, 1);
        Map<String, String> draft = registration("6104010107910000", "", birth); // serial 0000, no name

        Response refused = as("agen.ketapang", key).postForm("/api/drafts/participants", draft);
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().path("state").asString()).isEqualTo("REFUSED");
        assertThat(refused.json().path("errors").toString()).contains("\"field\":\"nik\"", "\"field\":\"fullName\"");
        assertThat(keyRows(key)).isZero();

        Response withoutKey = ApiClient.as(port, "agen.ketapang").postForm("/api/drafts/participants", draft);
        assertThat(withoutKey.status()).isEqualTo(422);
        assertThat(withoutKey.json().path("errors").get(0).path("field").asString())
                .isEqualTo("Idempotency-Key");

        Response bank = as("bank.kalbar", UUID.randomUUID()).postForm("/api/drafts/participants", draft);
        assertThat(bank.status()).isEqualTo(403);
    }

    @Test
    void anEnrolmentDraftEnrolsOnceAndIsCheckedAsTheFormIsNow() {
        LocalDate birth = LocalDate.of(1985, 9, 9);
        String nik = Niks.nik("610401", birth, false);
        Response registered = as("agen.ketapang", UUID.randomUUID())
                .postForm("/api/drafts/participants", registration(nik, "Yusuf Draf Kepesertaan", birth));
        assertThat(registered.status()).as(registered.text()).isEqualTo(201);
        String participant = registered.json().path("href").asString().replace("/peserta/", "");
        String path = "/api/drafts/participants/" + participant + "/memberships";

        Map<String, String> enrolment = new LinkedHashMap<>();
        enrolment.put("segment", "BPU");
        enrolment.put("channel", "AGENT");
        enrolment.put("sector", "OTHER");
        enrolment.put("baseAmount", "2500000");
        enrolment.put("startMonth", "2026-11"); // a month before the test clock's: agents may not back-date
        Response backdated = as("agen.ketapang", UUID.randomUUID()).postForm(path, enrolment);
        assertThat(backdated.status()).as(backdated.text()).isEqualTo(422);
        assertThat(backdated.json().path("errors").get(0).path("field").asString())
                .isEqualTo("startMonth");

        enrolment.put("startMonth", "2026-12");
        UUID key = UUID.randomUUID();
        Response first = as("agen.ketapang", key).postForm(path, enrolment);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        Response again = as("agen.ketapang", key).postForm(path, enrolment);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("href").asString())
                .isEqualTo(first.json().path("href").asString())
                .contains("#membership-");
        assertThat(jdbc.sql("SELECT count(*) FROM membership WHERE participant_id = ?")
                        .param(Long.parseLong(participant))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        Response duplicate = as("agen.ketapang", UUID.randomUUID()).postForm(path, enrolment);
        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(409);
        assertThat(duplicate.json().path("state").asString()).isEqualTo("DUPLICATE");
    }

    @Test
    void theAppInstallsWithoutSigningInAndItsServiceWorkerIsAlwaysRevalidated() {
        ApiClient anonymous = ApiClient.anonymous(port);
        Response manifest = anonymous.get("/manifest.webmanifest");
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/manifest+json"));
        assertThat(manifest.json().path("name").asString()).startsWith("Lindung — Jamsostek Pekerja");
        assertThat(manifest.json().path("theme_color").asString()).isEqualTo("#0b7a3e");
        manifest.json()
                .path("icons")
                .forEach(icon -> assertThat(
                                anonymous.getBytes(icon.path("src").asString()).statusCode())
                        .isEqualTo(200));
        // the layout links the manifest with credentials: the language cookie chooses its names
        Response english = ApiClient.anonymous(port)
                .withHeader("Cookie", "lindung-lang=en")
                .get("/manifest.webmanifest");
        assertThat(english.json().path("lang").asString()).isEqualTo("en");
        assertThat(english.json().path("name").asString()).contains("West Kalimantan workers");

        Response worker = anonymous.get("/sw.js");
        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.raw().headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(worker.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(worker.text()).contains("addEventListener('fetch'");

        assertThat(anonymous.get("/api/drafts/csrf").status()).isEqualTo(401);
    }
}
