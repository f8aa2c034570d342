package id.lindung.claim;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Claims over real HTTP: intake answering with the refusal that names its rule, field problems, multipart documents
 * checked by content, the version guard (409), region scope (404), roles (403), the PDF decision letter, and the
 * holiday calendar kept by administrators.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ClaimApiTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    private long participant(ApiClient client) {
        return ApiFixtures.participant(client, "Yohanes Ransa", LocalDate.of(1979, 2, 14), false, KETAPANG_DESA);
    }

    private static String transportClaim(long participantId) {
        return ApiFixtures.workAccidentClaim(
                participantId,
                "JKK_TRANSPORT",
                "2026-10-01",
                "transport",
                List.of(Map.of(
                        "mode",
                        "SEA",
                        "date",
                        "2026-10-01",
                        "description",
                        "Speedboat ke Ketapang",
                        "amount",
                        3_500_000)));
    }

    @Test
    void aClaimOfSomeoneNotProtected_isRefusedWithItsRule_rejected_andItsLetterIsAPdf() {
        ApiClient officer = as("petugas.ketapang");
        long participant = participant(officer);

        Response created = officer.post("/api/claims", transportClaim(participant));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.raw().headers().firstValue("Location")).hasValue("/api/claims/" + id);
        assertThat(created.json().path("refusal").path("code").asString()).isEqualTo("NOT_PROTECTED_JKK");
        assertThat(created.json().path("refusal").path("legalBasis").asString()).contains("PP 44/2015");
        assertThat(created.json().path("member").path("protectionReason").asString())
                .isEqualTo("status.no-membership");
        assertThat(created.json().path("total").asLong()).isZero();

        Response notPdf = ApiFixtures.claimDocument(
                officer,
                id,
                "KWITANSI",
                "kwitansi.pdf",
                "<html>no</html>".getBytes(StandardCharsets.UTF_8),
                "application/pdf");
        assertThat(notPdf.status()).isEqualTo(422);
        assertThat(notPdf.json().path("errors").get(0).path("message").asString())
                .contains("PDF, JPEG atau PNG");
        Response withDocument =
                ApiFixtures.claimDocument(officer, id, "KWITANSI", "kwitansi.pdf", PDF, "application/octet-stream");
        assertThat(withDocument.status()).as(withDocument.text()).isEqualTo(200);
        long documentId =
                withDocument.json().path("documents").get(0).path("id").asLong();
        HttpResponse<byte[]> download = officer.getBytes("/api/claims/" + id + "/documents/" + documentId);
        assertThat(download.body()).isEqualTo(PDF);

        int version = withDocument.json().path("version").asInt();
        Response verified = officer.post(
                "/api/claims/" + id + "/verify", json("version", version, "documentsCompleteOn", "2026-10-05"));
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.json().path("dueDate").asString()).isEqualTo("2026-10-14");
        int v = verified.json().path("version").asInt();

        Response stale = officer.post("/api/claims/" + id + "/approve", json("version", v - 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().path("detail").asString()).contains("telah diubah oleh petugas lain");
        Response approve = officer.post("/api/claims/" + id + "/approve", json("version", v));
        assertThat(approve.status()).isEqualTo(422);
        HttpResponse<byte[]> early = officer.getBytes("/api/claims/" + id + "/letter.pdf");
        assertThat(early.statusCode()).isEqualTo(409);

        Response rejected = officer.post(
                "/api/claims/" + id + "/reject",
                json("version", v, "reason", "Tidak terdaftar sebagai peserta pada tanggal kejadian"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        HttpResponse<byte[]> letter = officer.getBytes("/api/claims/" + id + "/letter.pdf");
        assertThat(letter.statusCode()).isEqualTo(200);
        assertThat(letter.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(letter.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void problemsNameTheField_otherRegionsSeeNothing_andReadOnlyRolesCannotTakeClaimsIn() {
        ApiClient officer = as("petugas.ketapang");
        long participant = participant(officer);

        Response bad = officer.post(
                "/api/claims",
                ApiFixtures.workAccidentClaim(
                        participant,
                        "JKK_MEDICAL",
                        "2026-09-01",
                        "invoices",
                        List.of(Map.of("date", "2026-09-02", "description", "RSUD Agoesdjam", "amount", -5))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("invoices[0].amount");

        Response noDate =
                officer.post("/api/claims", json("participantId", participant, "kind", "DEATH", "cause", "OTHER"));
        assertThat(noDate.status()).isEqualTo(422);
        assertThat(noDate.json().path("errors").get(0).path("field").asString()).isEqualTo("eventDate");

        long id = officer.post("/api/claims", transportClaim(participant))
                .json()
                .path("id")
                .asLong();
        assertThat(as("petugas.pontianak").get("/api/claims/" + id).status()).isEqualTo(404);
        assertThat(as("petugas.kalbar").get("/api/claims/" + id).status()).isEqualTo(200);
        assertThat(as("analis.ketapang")
                        .post("/api/claims", transportClaim(participant))
                        .status())
                .isEqualTo(403);
        assertThat(as("analis.ketapang").get("/api/claims/" + id).status())
                .as("health data")
                .isEqualTo(403);
        assertThat(as("bank.kalbar").get("/api/claims").status()).isEqualTo(403);
        assertThat(as("petugas.ketapang")
                        .get("/api/claims?q=Yohanes")
                        .json()
                        .path("total")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void theHolidayCalendarIsKeptByAdministrators() {
        assertThat(as("petugas.ketapang")
                        .put("/api/holidays/2026-12-24", json("name", "Cuti bersama Natal"))
                        .status())
                .isEqualTo(403);
        Response put = as("admin")
                .put("/api/holidays/2026-12-24", json("name", "Cuti bersama Natal", "source", "SKB 3 Menteri 2026"));
        assertThat(put.status()).as(put.text()).isEqualTo(200);
        assertThat(as("petugas.ketapang")
                        .get("/api/holidays?from=2026-12-01&to=2026-12-31")
                        .json()
                        .findValuesAsString("name"))
                .contains("Cuti bersama Natal", "Hari Raya Natal");
        assertThat(as("petugas.ketapang").get("/api/claim-rules").json().size()).isGreaterThan(30);
    }
}
