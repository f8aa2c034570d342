package id.lindung.privacy;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Every read of a participant's full record, claim or statement and every export leaves an audit line with the
 * actor, time, entity and region, over real HTTP; a read outside the scope leaves none (and answers 404); a read
 * whose audit line cannot be written fails instead of showing the data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReadAuditTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    private long mark;

    @BeforeEach
    void mark() {
        mark = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log")
                .query(Long.class)
                .single();
    }

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    private long participant(String name) {
        return ApiFixtures.participant(
                as("petugas.ketapang"), name, LocalDate.of(1985, 3, 9), false, KETAPANG_DESA, "phone", "081234500001");
    }

    /** The audit lines written since the test began for one action and entity, oldest first. */
    private List<Map<String, Object>> lines(String action, String entityType, String entityId) {
        return jdbc.sql("""
                SELECT actor, region_code, occurred_at, changes::text AS changes FROM audit_log
                 WHERE id > ? AND action = ? AND entity_type = ? AND entity_id = ? ORDER BY id""").params(mark, action, entityType, entityId).query().listOfRows();
    }

    @Test
    void readsOfAParticipantsFullRecordAreAuditedWithActorTimeEntityAndRegion() {
        long id = participant("Markus Ansel");
        String entity = Long.toString(id);

        assertThat(as("petugas.kalbar").get("/api/participants/" + id).status()).isEqualTo(200);
        assertThat(as("petugas.ketapang").getPage("/peserta/" + id).status()).isEqualTo(200);
        assertThat(as("petugas.ketapang")
                        .get("/api/participants/" + id + "/relatives")
                        .status())
                .isEqualTo(200);
        assertThat(as("petugas.ketapang").getPage("/peserta/" + id + "/ubah").status())
                .isEqualTo(200);
        assertThat(as("petugas.pontianak").get("/api/participants/" + id).status())
                .as("outside the scope")
                .isEqualTo(404);

        List<Map<String, Object>> reads = lines("PARTICIPANT_VIEWED", "participant", entity);
        assertThat(reads)
                .extracting(r -> r.get("actor"))
                .containsExactly("petugas.kalbar", "petugas.ketapang", "petugas.ketapang", "petugas.ketapang");
        assertThat(reads).extracting(r -> r.get("region_code")).containsOnly(KETAPANG_DESA);
        assertThat(reads)
                .extracting(r -> (String) r.get("changes"))
                .containsExactly(
                        "{\"view\": \"api\"}",
                        "{\"view\": \"page\"}",
                        "{\"view\": \"api-relatives\"}",
                        "{\"view\": \"edit-form\"}");
        assertThat(reads)
                .allSatisfy(r -> assertThat(((java.sql.Timestamp) r.get("occurred_at")).toInstant())
                        .isCloseTo(clock.instant(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES)));

        // the change history stays a history of changes
        Response history = as("petugas.ketapang").get("/api/participants/" + id + "/history");
        assertThat(history.json().findValuesAsString("action")).containsExactly("PARTICIPANT_REGISTERED");
    }

    @Test
    void claimsStatementsAndEveryExportAreAuditedBeforeTheyAreSent() {
        long id = participant("Yosef Amat");
        ApiClient officer = as("petugas.ketapang");
        String desa = KETAPANG_DESA;

        // a claim with a document, rejected: its page, API, document, letter, the participant's claims and CSV
        Response claim = officer.post(
                "/api/claims",
                ApiFixtures.workAccidentClaim(
                        id,
                        "JKK_TRANSPORT",
                        "2026-10-01",
                        "transport",
                        List.of(Map.of(
                                "mode", "LAND", "date", "2026-10-01", "description", "Ambulans", "amount", 750_000))));
        assertThat(claim.status()).as(claim.text()).isEqualTo(201);
        long claimId = claim.json().path("id").asLong();
        Response withDocument =
                ApiFixtures.claimDocument(officer, claimId, "KWITANSI", "kwitansi.pdf", PDF, "application/pdf");
        long documentId =
                withDocument.json().path("documents").get(0).path("id").asLong();
        Response rejected = officer.post(
                "/api/claims/" + claimId + "/reject",
                json("version", withDocument.json().path("version").asInt(), "reason", "Tidak terlindungi"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        assertThat(officer.get("/api/claims/" + claimId).status()).isEqualTo(200);
        assertThat(officer.getPage("/klaim/" + claimId).status()).isEqualTo(200);
        assertThat(officer.getBytes("/api/claims/" + claimId + "/documents/" + documentId)
                        .statusCode())
                .isEqualTo(200);
        assertThat(officer.getBytes("/api/claims/" + claimId + "/letter.pdf").statusCode())
                .isEqualTo(200);
        assertThat(officer.get("/api/participants/" + id + "/claims").status()).isEqualTo(200);
        assertThat(officer.getBytes("/klaim/ekspor.csv?peserta=" + id).statusCode())
                .isEqualTo(200);
        assertThat(officer.getBytes("/klaim/ekspor.csv?status=REJECTED").statusCode())
                .isEqualTo(200);

        String c = Long.toString(claimId);
        assertThat(lines("CLAIM_VIEWED", "claim", c))
                .extracting(r -> r.get("changes"))
                .containsExactly("{\"view\": \"api\"}", "{\"view\": \"page\"}");
        assertThat(lines("CLAIM_VIEWED", "claim", c))
                .extracting(r -> r.get("region_code"))
                .containsOnly(desa);
        assertThat(lines("CLAIM_DOCUMENT_VIEWED", "claim", c))
                .singleElement()
                .satisfies(r -> assertThat(r.get("changes")).isEqualTo("{\"documentId\": " + documentId + "}"));
        assertThat(lines("EXPORT_DOWNLOADED", "claim", c))
                .singleElement()
                .satisfies(r -> assertThat((String) r.get("changes")).contains("letter.pdf"));
        assertThat(lines("CLAIM_VIEWED", "participant", Long.toString(id)))
                .singleElement()
                .satisfies(r -> assertThat((String) r.get("changes")).contains("[" + claimId + "]"));
        assertThat(lines("EXPORT_DOWNLOADED", "participant", Long.toString(id)))
                .singleElement()
                .satisfies(r -> assertThat((String) r.get("changes"))
                        .contains("claims.csv")
                        .contains("\"rows\": 1"));
        assertThat(lines("EXPORT_DOWNLOADED", "export", "claims.csv"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r).containsEntry("actor", "petugas.ketapang").containsEntry("region_code", "61.04");
                    assertThat((String) r.get("changes")).contains("\"status\": \"REJECTED\"");
                });

        // a membership's statement: API, page, CSV, XLSX
        Response membership = officer.post(
                "/api/memberships",
                ApiFixtures.bpu(
                        id,
                        1_000_000,
                        java.time.YearMonth.now(TestClock.CLOCK).toString(),
                        "channel",
                        "SELF",
                        "sector",
                        "OTHER"));
        assertThat(membership.status()).as(membership.text()).isEqualTo(201);
        String m = membership.json().path("id").asString();
        assertThat(officer.get("/api/memberships/" + m + "/statement").status()).isEqualTo(200);
        assertThat(officer.getPage("/kepesertaan/" + m).status()).isEqualTo(200);
        assertThat(officer.getBytes("/kepesertaan/" + m + "/rekening.csv").statusCode())
                .isEqualTo(200);
        assertThat(officer.getBytes("/kepesertaan/" + m + "/rekening.xlsx").statusCode())
                .isEqualTo(200);
        assertThat(lines("STATEMENT_VIEWED", "membership", m))
                .extracting(r -> (String) r.get("changes"))
                .satisfiesExactly(
                        api -> assertThat(api).contains("\"view\": \"api\""),
                        page -> assertThat(page).isEqualTo("{\"view\": \"page\"}"));
        assertThat(lines("EXPORT_DOWNLOADED", "membership", m))
                .extracting(r -> (String) r.get("changes"))
                .satisfiesExactly(
                        csv -> assertThat(csv).contains("statement.csv"),
                        xlsx -> assertThat(xlsx).contains("statement.xlsx"));

        // list exports: the registry, KUR (borrowers, conversion, a file's error report), coverage, Paritrana
        assertThat(officer.getBytes("/peserta/ekspor.csv?region=61.04.01").statusCode())
                .isEqualTo(200);
        assertThat(lines("EXPORT_DOWNLOADED", "export", "participants.csv"))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r).containsEntry("actor", "petugas.ketapang").containsEntry("region_code", "61.04.01");
                    assertThat((String) r.get("changes")).contains("\"region\": \"61.04.01\"");
                });
        Response kurFile = as("petugas.kalbar")
                .postMultipart(
                        "/api/kur/files",
                        Map.of(),
                        "file",
                        "kur.csv",
                        ("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n"
                                        + "KALBAR;Cabang;RA-"
                                        + UUID.randomUUID().toString().substring(0, 8) + ";"
                                        + Niks.nik("610401", LocalDate.of(1990, 1, 1), false)
                                        + ";Debitur;MIKRO;50000000;2026-10-02;;61.04\n"
                                        + "KALBAR;Cabang;RB-"
                                        + UUID.randomUUID().toString().substring(0, 8) + ";"
                                        + Niks.nik("610401", LocalDate.of(1990, 1, 2), false)
                                        + ";Debitur;MIKRO;999;2026-10-02;;61.04\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(kurFile.status()).as(kurFile.text()).isEqualTo(201);
        String kurFileId = kurFile.json().path("fileId").asString();
        ApiClient kalbar = as("petugas.kalbar");
        assertThat(kalbar.getBytes("/api/kur/files/" + kurFileId + "/errors.csv")
                        .statusCode())
                .isEqualTo(200);
        assertThat(kalbar.getBytes("/kur/peminjam.csv?bank=KALBAR").statusCode())
                .isEqualTo(200);
        assertThat(kalbar.getBytes("/kur/konversi.csv").statusCode()).isEqualTo(200);
        assertThat(kalbar.getBytes("/kur/konversi.xlsx").statusCode()).isEqualTo(200);
        assertThat(lines("EXPORT_DOWNLOADED", "kur_file", kurFileId))
                .singleElement()
                .satisfies(r -> assertThat((String) r.get("changes")).contains("\"rows\": 1"));
        assertThat(lines("EXPORT_DOWNLOADED", "export", "kur-borrowers.csv"))
                .singleElement()
                .satisfies(r -> assertThat((String) r.get("changes")).contains("\"bank\": \"KALBAR\""));
        assertThat(lines("EXPORT_DOWNLOADED", "export", "kur-conversion.csv")).hasSize(1);
        assertThat(lines("EXPORT_DOWNLOADED", "export", "kur-conversion.xlsx")).hasSize(1);

        ApiClient analyst = as("analis.ketapang");
        assertThat(analyst.getBytes("/cakupan/ekspor.xlsx?wilayah=61.04").statusCode())
                .isEqualTo(200);
        assertThat(analyst.getBytes("/cakupan/laporan.pdf?wilayah=61.04").statusCode())
                .isEqualTo(200);
        assertThat(lines("EXPORT_DOWNLOADED", "export", "coverage.xlsx"))
                .singleElement()
                .satisfies(r ->
                        assertThat(r).containsEntry("actor", "analis.ketapang").containsEntry("region_code", "61.04"));
        assertThat(lines("EXPORT_DOWNLOADED", "export", "coverage.pdf")).hasSize(1);

        JsonNode cycles = analyst.get("/api/paritrana/cycles").json();
        String cycle = cycles.get(0).path("id").asString();
        String entrant = analyst.get("/api/paritrana/cycles/" + cycle)
                .json()
                .path("entrants")
                .get(0)
                .path("id")
                .asString();
        assertThat(analyst.getBytes("/paritrana/" + cycle + "/peringkat.xlsx").statusCode())
                .isEqualTo(200);
        assertThat(analyst.getBytes("/paritrana/peserta/" + entrant + "/sertifikat.pdf")
                        .statusCode())
                .isEqualTo(200);
        assertThat(lines("EXPORT_DOWNLOADED", "paritrana_cycle", cycle)).hasSize(1);
        assertThat(lines("EXPORT_DOWNLOADED", "paritrana_participant", entrant)).hasSize(1);
    }

    @Test
    void aReadWhoseAuditLineCannotBeWrittenFailsAndShowsNothing() {
        long id = participant("Benediktus Lorens");
        String nik = as("petugas.ketapang")
                .get("/api/participants/" + id)
                .json()
                .path("nik")
                .asString();
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION test_refuse_read_audit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.action = 'PARTICIPANT_VIEWED' AND NEW.entity_id = '%d' THEN
                    RAISE EXCEPTION 'audit refused for the test';
                  END IF;
                  RETURN NEW;
                END $$""".formatted(id)).update();
        jdbc.sql("CREATE TRIGGER test_refuse_read_audit BEFORE INSERT ON audit_log FOR EACH ROW"
                        + " EXECUTE FUNCTION test_refuse_read_audit()")
                .update();
        try {
            Response api = as("petugas.ketapang").get("/api/participants/" + id);
            assertThat(api.status()).isEqualTo(500);
            assertThat(api.text()).doesNotContain(nik).doesNotContain("Benediktus");
            Response page = as("petugas.ketapang").getPage("/peserta/" + id);
            assertThat(page.status()).isEqualTo(500);
            assertThat(page.text()).doesNotContain(nik).doesNotContain("Benediktus");
        } finally {
            jdbc.sql("DROP TRIGGER test_refuse_read_audit ON audit_log").update();
            jdbc.sql("DROP FUNCTION test_refuse_read_audit()").update();
        }
        assertThat(as("petugas.ketapang").get("/api/participants/" + id).status())
                .isEqualTo(200);
    }
}
