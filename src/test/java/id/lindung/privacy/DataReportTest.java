package id.lindung.privacy;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * A participant's data report for a subject-access request, over real HTTP: data entered through six modules (the
 * registry with family and a business, a sponsorship list that enrolled them, a payment, a claim, a bank's KUR file)
 * all appear with purpose, legal basis, source, since when and retention, together with the audit lines about them
 * (another officer's read included); as JSON, page and PDF; out of scope 404, a read-only role 403; producing it is
 * audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DataReportTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    @Test
    void theReportHoldsTheDataOfEveryModuleWithItsBasisSourceAndTrail() throws IOException {
        ApiClient officer = as("petugas.ketapang");
        LocalDate birth = LocalDate.of(1982, 8, 21);
        String nik = Niks.nik("610401", birth, true);
        String suffix = letters();
        Response registered = ApiFixtures.register(
                officer,
                nik,
                "Maria Goreti " + suffix,
                birth,
                "P",
                KETAPANG_DESA,
                "phone",
                "0812-7777-0001",
                "occupation",
                "Penyadap karet");
        long id = registered.json().path("participant").path("id").asLong();
        assertThat(officer.post(
                                "/api/participants/" + id + "/relatives",
                                json(
                                        "relation",
                                        "CHILD",
                                        "fullName",
                                        "Yohana Putri",
                                        "birthDate",
                                        "2015-04-02",
                                        "sex",
                                        "P",
                                        "heir",
                                        true))
                        .status())
                .isEqualTo(201);
        String nib =
                "9" + String.format("%012d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 1_000_000_000_000L);
        Response business = officer.post(
                "/api/businesses",
                json(
                        "nib",
                        nib,
                        "name",
                        "Karet Goreti",
                        "ownerId",
                        id,
                        "kbli",
                        "01291",
                        "scale",
                        "MIKRO",
                        "regionCode",
                        KETAPANG_DESA,
                        "workerCount",
                        2));
        assertThat(business.status()).as(business.text()).isEqualTo(201);

        // a government programme enrols her from its list
        YearMonth now = YearMonth.now(TestClock.CLOCK);
        long programme = ApiFixtures.createKetapangProgramme(
                officer, "Bantuan penyadap " + suffix, 50_000_000, now, now.plusMonths(5));
        Response imported = officer.postMultipart(
                "/api/sponsorship/programmes/" + programme + "/beneficiaries",
                Map.of(),
                "file",
                "penerima-" + suffix + ".csv",
                ("nik;name;birth_date;desa_code;occupation;phone\n" + nik + ";Maria Goreti;;" + KETAPANG_DESA
                                + ";Penyadap karet;\n")
                        .getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().path("added").asInt()).isEqualTo(1);
        long membership = officer.get("/api/participants/" + id + "/memberships")
                .json()
                .get(0)
                .path("id")
                .asLong();
        Response paid = officer.post(
                "/api/payments",
                ApiFixtures.payment(
                        "DR-" + suffix,
                        membership,
                        16_800,
                        LocalDate.now(TestClock.CLOCK).toString(),
                        "reference",
                        "TRF-" + suffix));
        assertThat(paid.status()).as(paid.text()).isEqualTo(201);

        // a claim, and a bank's loan to her
        Response claim = officer.post(
                "/api/claims",
                ApiFixtures.workAccidentClaim(
                        id,
                        "JKK_TRANSPORT",
                        LocalDate.now(TestClock.CLOCK).minusDays(3).toString(),
                        "transport",
                        List.of(Map.of(
                                "mode",
                                "SEA",
                                "date",
                                LocalDate.now(TestClock.CLOCK).minusDays(3).toString(),
                                "description",
                                "Speedboat",
                                "amount",
                                1_200_000))));
        assertThat(claim.status()).as(claim.text()).isEqualTo(201);
        String claimNumber = claim.json().path("claimNumber").asString();
        String kurFile = "kur-" + suffix + ".csv";
        Response kur = as("petugas.kalbar")
                .postMultipart(
                        "/api/kur/files",
                        Map.of(),
                        "file",
                        kurFile,
                        ("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n"
                                        + "KALBAR;Cabang Ketapang;DR-" + suffix + ";" + nik
                                        + ";Maria Goreti;MIKRO;25000000;"
                                        + LocalDate.now(TestClock.CLOCK).minusMonths(1) + ";Perkebunan;61.04\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(kur.status()).as(kur.text()).isEqualTo(201);

        // another officer reads her record
        assertThat(as("petugas.kalbar").get("/api/participants/" + id).status()).isEqualTo(200);

        Response report = officer.get("/api/participants/" + id + "/data-report");
        assertThat(report.status()).as(report.text()).isEqualTo(200);
        JsonNode r = report.json();
        assertThat(r.path("sections").findValuesAsString("code"))
                .containsExactly(
                        "identity",
                        "address",
                        "contact",
                        "family",
                        "businesses",
                        "memberships",
                        "contributions",
                        "claims",
                        "kur",
                        "sponsorship",
                        "outreach",
                        "audit");
        for (JsonNode s : r.path("sections")) {
            assertThat(s.path("purpose").asString())
                    .as(s.path("code").asString())
                    .isNotBlank();
            assertThat(s.path("legalBasis").asString())
                    .as(s.path("code").asString())
                    .contains("UU 27/2022");
            assertThat(s.path("retention").asString())
                    .as(s.path("code").asString())
                    .isNotBlank();
        }
        assertThat(values(section(r, "identity"))).contains(nik, "Maria Goreti " + suffix);
        assertThat(section(r, "identity").path("source").asString()).contains("petugas.ketapang");
        assertThat(values(section(r, "contact"))).contains("081277770001", "Penyadap karet");
        assertThat(values(section(r, "family"))).anySatisfy(v -> assertThat(v).contains("Yohana Putri"));
        assertThat(section(r, "family").path("specific").asString()).contains("Pasal 4");
        assertThat(labels(section(r, "businesses"))).contains("NIB " + nib);
        assertThat(section(r, "memberships")
                        .path("entries")
                        .get(0)
                        .path("source")
                        .asString())
                .contains("bantuan iuran pemerintah");
        assertThat(values(section(r, "contributions")))
                .anySatisfy(v -> assertThat(v).contains("Rp16.800"));
        assertThat(sources(section(r, "contributions")))
                .anySatisfy(v -> assertThat(v).contains("TRF-" + suffix));
        assertThat(labels(section(r, "claims"))).contains("Klaim " + claimNumber, "Rincian kesehatan " + claimNumber);
        assertThat(section(r, "claims").path("specific").asString()).contains("kesehatan");
        assertThat(section(r, "claims").path("retention").asString())
                .contains("10 tahun")
                .contains("belum terkonfirmasi");
        assertThat(sources(section(r, "kur")))
                .singleElement()
                .satisfies(s -> assertThat(s).contains(kurFile).contains("petugas.kalbar"));
        assertThat(labels(section(r, "sponsorship"))).containsExactly("Bantuan penyadap " + suffix);
        assertThat(sources(section(r, "sponsorship")))
                .singleElement()
                .satisfies(s -> assertThat(s).contains("penerima-" + suffix + ".csv"));

        List<String> trail = new ArrayList<>();
        r.path("trail")
                .forEach(t -> trail.add(
                        t.path("actor").asString() + " " + t.path("action").asString()));
        assertThat(trail)
                .contains(
                        "petugas.kalbar PARTICIPANT_VIEWED",
                        "petugas.ketapang DATA_REPORT_PRODUCED",
                        "petugas.ketapang PARTICIPANT_REGISTERED",
                        "petugas.ketapang RELATIVE_ADDED",
                        "petugas.ketapang BUSINESS_REGISTERED",
                        "petugas.ketapang MEMBERSHIP_STARTED",
                        "petugas.ketapang PAYMENT_RECORDED",
                        "petugas.ketapang CLAIM_SUBMITTED");

        // scope and role
        assertThat(as("petugas.pontianak")
                        .get("/api/participants/" + id + "/data-report")
                        .status())
                .isEqualTo(404);
        assertThat(as("analis.ketapang")
                        .get("/api/participants/" + id + "/data-report")
                        .status())
                .isEqualTo(403);
        assertThat(as("petugas.pontianak")
                        .getPage("/peserta/" + id + "/data-pribadi")
                        .status())
                .isEqualTo(404);

        // page (with the link from the participant page) and PDF
        assertThat(officer.getPage("/peserta/" + id).text()).contains("id=\"data-report-link\"");
        assertThat(as("analis.ketapang").getPage("/peserta/" + id).text()).doesNotContain("data-report-link");
        Response page = officer.getPage("/peserta/" + id + "/data-pribadi");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("Laporan data pribadi")
                .contains(claimNumber)
                .contains("section-kur");
        assertThat(as("petugas.ketapang")
                        .getPage("/peserta/" + id + "/data-pribadi?lang=en")
                        .text())
                .contains("Personal data report")
                .contains("Government-paid contributions");
        HttpResponse<byte[]> pdf = officer.getBytes("/peserta/" + id + "/data-pribadi.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Laporan data pribadi")
                    .contains("Maria Goreti " + suffix)
                    .contains(nik)
                    .contains(claimNumber)
                    .contains("Bantuan penyadap " + suffix)
                    .contains("Rekam jejak pemrosesan");
        }

        assertThat(jdbc.sql("""
                SELECT changes ->> 'format' FROM audit_log
                 WHERE action = 'DATA_REPORT_PRODUCED' AND entity_type = 'participant' AND entity_id = ?
                   AND actor = 'petugas.ketapang' ORDER BY id""").param(Long.toString(id)).query(String.class).list())
                .containsExactly("json", "page", "page", "pdf");
    }

    /** Six random letters (names may hold letters only). */
    static String letters() {
        StringBuilder b = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.toString();
    }

    private static JsonNode section(JsonNode report, String code) {
        for (JsonNode s : report.path("sections")) {
            if (code.equals(s.path("code").asString())) {
                return s;
            }
        }
        throw new AssertionError("no section " + code);
    }

    private static List<String> values(JsonNode section) {
        return section.path("entries").findValuesAsString("value");
    }

    private static List<String> labels(JsonNode section) {
        return section.path("entries").findValuesAsString("label");
    }

    private static List<String> sources(JsonNode section) {
        return section.path("entries").findValuesAsString("source");
    }
}
