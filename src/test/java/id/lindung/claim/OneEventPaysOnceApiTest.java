package id.lindung.claim;

import static id.lindung.contribution.Members.OFFICER;
import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.Members;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.kur.KurImports;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, one event pays once and children on death claims, over HTTP. Members are set up through the services
 * (enrolled BPU at Rp1,000,000 from January 2026, January to June paid); every claim step goes through the API or
 * the pages as the officers would; heirs and the account paid to on the claim page and the decision letter, for
 * whom (issue 18, point 5). Own context and database (the billing runs bill every membership there is).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lindung.claim.office-name=Kantor Cabang Ketapang")
@ActiveProfiles("test")
class OneEventPaysOnceApiTest {

    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate DIED = LocalDate.of(2026, 5, 10);
    private static final AtomicInteger KEYS = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    Payments payments;

    @Autowired
    BillingRuns billing;

    @Autowired
    KurImports kur;

    @Autowired
    JdbcClient jdbc;

    private Members members;

    @BeforeEach
    void members() {
        members = new Members(participants, enrolment);
    }

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    /** Enrolled BPU at Rp1,000,000 since January 2026, January to June paid: protected on 10 May 2026. */
    private Membership paidMember() {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        Members.payFirstHalf2026AheadAndBill(m, 16_800, "ONCE-" + KEYS.incrementAndGet(), payments, billing);
        return m;
    }

    private static String death(long participant, String cause, List<Map<String, Object>> children) {
        return json(
                "participantId",
                participant,
                "kind",
                "DEATH",
                "cause",
                cause,
                "eventDate",
                DIED.toString(),
                "heirs",
                List.of(Map.of("name", "Siti Aminah", "relation", "SPOUSE", "bankAccount", "BRI 0123")),
                "children",
                children);
    }

    private static String jkk(long participant, String kind, LocalDate accident, Object... details) {
        List<Object> values = new ArrayList<>(List.of(
                "participantId",
                participant,
                "kind",
                kind,
                "cause",
                "WORK_ACCIDENT",
                "eventDate",
                accident.toString()));
        values.addAll(List.of(details));
        return json(values.toArray());
    }

    private static Map<String, Object> child(String name, String birth, String level, boolean chosen) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("birthDate", birth);
        c.put("level", level);
        c.put("yearInLevel", level == null ? null : 1);
        c.put("married", false);
        c.put("working", false);
        c.put("named", chosen);
        return c;
    }

    private Response created(String body) {
        Response r = as("petugas.kalbar").post("/api/claims", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r;
    }

    /** Document, verification and approval (two officers above the four-eyes threshold) over the API. */
    private JsonNode approved(long claimId) {
        ApiClient officer = as("petugas.kalbar");
        Response doc =
                ApiFixtures.claimDocument(officer, claimId, "SURAT_KEMATIAN", "surat.pdf", PDF, "application/pdf");
        assertThat(doc.status()).as(doc.text()).isEqualTo(200);
        Response verified = officer.post(
                "/api/claims/" + claimId + "/verify",
                json("version", doc.json().path("version").asInt(), "documentsCompleteOn", "2026-05-20"));
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        Response first = officer.post(
                "/api/claims/" + claimId + "/approve",
                json("version", verified.json().path("version").asInt()));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        if (first.json().path("status").asString().equals("APPROVED")) {
            return first.json();
        }
        Response second = as("petugas.ketapang")
                .post(
                        "/api/claims/" + claimId + "/approve",
                        json("version", first.json().path("version").asInt()));
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.json().path("status").asString()).isEqualTo("APPROVED");
        return second.json();
    }

    // ----------------------------------------------------------------------------------------- one death per person

    @Test
    void aSecondDeathClaimOfEitherKind_isRefusedNamingTheFirst_untilTheFirstIsRejected() {
        Membership m = paidMember();
        Response jkk = created(death(m.participantId(), "WORK_ACCIDENT", List.of()));
        String first = jkk.json().path("claimNumber").asString();
        assertThat(jkk.json().path("kind").asString()).isEqualTo("JKK_DEATH");

        Response jkm = as("petugas.kalbar").post("/api/claims", death(m.participantId(), "OTHER", List.of()));
        assertThat(jkm.status()).as(jkm.text()).isEqualTo(409);
        assertThat(jkm.json().path("detail").asString()).contains(first).contains("satu kali");
        Response again = as("agen.ketapang").post("/api/claims", death(m.participantId(), "WORK_ACCIDENT", List.of()));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.json().path("detail").asString()).contains(first);
        assertThat(jdbc.sql("SELECT count(*) FROM claim WHERE participant_id = ?")
                        .param(m.participantId())
                        .query(Long.class)
                        .single())
                .as("nothing half-written")
                .isEqualTo(1);

        // the first was taken in with the wrong cause: rejected, the right one can come in — and is then the first
        Response rejected = as("petugas.kalbar")
                .post(
                        "/api/claims/" + jkk.json().path("id").asLong() + "/reject",
                        json("version", jkk.json().path("version").asInt(), "reason", "penyebab keliru: sakit"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        Response right = created(death(m.participantId(), "OTHER", List.of()));
        assertThat(right.json().path("kind").asString()).isEqualTo("JKM_DEATH");
        Response third = as("petugas.kalbar").post("/api/claims", death(m.participantId(), "WORK_ACCIDENT", List.of()));
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().path("detail").asString())
                .contains(right.json().path("claimNumber").asString())
                .doesNotContain(first);
    }

    // ---------------------------------------------------------------------- an approved death across the modules

    @Test
    void anApprovedDeath_marksThePersonDeceasedEverywhere_andOnlyAnAuditedCorrectionReversesIt() {
        Membership m = paidMember();
        Membership living = paidMember();
        // July to October billed: the credit of the payment ahead covers July to September (from April the PP 50/2025
        // discount halves the bill), October stays open past its due date: both in arrears, on the KUR work list
        for (int month = 7; month <= 10; month++) {
            billing.run(YearMonth.of(2026, month), OFFICER);
        }
        String branch = "Sukadana-" + System.nanoTime() % 1_000_000;
        String nik =
                participants.get(ParticipantId.of(m.participantId()), OFFICER).nik();
        String file = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\nKALBAR;" + branch
                + ";" + branch + "-1;" + nik + ";Budi Santoso;MIKRO;30000000;2026-03-02;Tani;61.04\n";
        kur.importFile("sukadana.csv", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), OFFICER);
        assertThat(workList(branch)).containsExactly(branch + "-1");

        Response claim = created(death(m.participantId(), "OTHER", List.of()));
        long id = claim.json().path("id").asLong();
        assertThat(claim.json().path("total").asLong()).isEqualTo(42_000_000); // domain reference §3b
        JsonNode approved = approved(id);
        assertThat(approved.path("death").path("dateOfDeath").asString()).isEqualTo("2026-05-10");
        assertThat(approved.path("death").path("membershipIds").get(0).asLong()).isEqualTo(m.id());

        ApiClient officer = as("petugas.kalbar");
        assertThat(officer.get("/api/participants/" + m.participantId())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("DECEASED");
        JsonNode membership = officer.get("/api/memberships/" + m.id()).json();
        assertThat(membership.path("endMonth").asString()).isEqualTo("2026-05");
        assertThat(membership.path("endReason").asString()).isEqualTo("DECEASED");
        // billing stops: the months after the death are cancelled (the ledger had them since enrolment), the living
        // member still owes them
        billing.run(YearMonth.of(2026, 11), OFFICER);
        billing.run(YearMonth.of(2026, 12), OFFICER);
        assertThat(bills(m, "2026-11-01") + bills(m, "2026-12-01")).isZero();
        assertThat(bills(living, "2026-11-01") + bills(living, "2026-12-01")).isEqualTo(2);
        // KUR outreach stops: the borrower leaves the work list, matched DECEASED
        awaitKur(branch, "DECEASED");
        assertThat(workList(branch)).isEmpty();
        // the ordinary participant update cannot bring them back
        Response revived = officer.put(
                "/api/participants/" + m.participantId(),
                json(
                        "nik",
                        nik,
                        "fullName",
                        "Budi Santoso",
                        "birthDate",
                        "1988-04-12",
                        "sex",
                        "L",
                        "regionCode",
                        Members.KETAPANG_DESA,
                        "status",
                        "ACTIVE"));
        assertThat(revived.status()).as(revived.text()).isEqualTo(422);
        assertThat(revived.json().path("errors").get(0).path("field").asString())
                .isEqualTo("status");

        // who may correct: not an agent, a bank or an analyst; not an officer outside the region; not without reason
        String correction = json("reason", "salah orang: yang meninggal adalah saudaranya");
        assertThat(as("agen.ketapang")
                        .post("/api/claims/" + id + "/death-correction", correction)
                        .status())
                .isEqualTo(403);
        assertThat(as("bank.kalbar")
                        .post("/api/claims/" + id + "/death-correction", correction)
                        .status())
                .isEqualTo(403);
        assertThat(as("analis.provinsi")
                        .post("/api/claims/" + id + "/death-correction", correction)
                        .status())
                .isEqualTo(403);
        assertThat(as("petugas.pontianak")
                        .post("/api/claims/" + id + "/death-correction", correction)
                        .status())
                .isEqualTo(404);
        Response noReason = officer.post("/api/claims/" + id + "/death-correction", json("reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("errors").get(0).path("field").asString())
                .isEqualTo("reason");
        assertThat(officer.get("/api/participants/" + m.participantId())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("DECEASED");

        Response corrected = as("petugas.ketapang").post("/api/claims/" + id + "/death-correction", correction);
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        assertThat(corrected.json().path("death").path("correctedBy").asString())
                .isEqualTo("petugas.ketapang");
        assertThat(corrected.json().path("status").asString())
                .as("the decision stays")
                .isEqualTo("APPROVED");
        assertThat(officer.get("/api/participants/" + m.participantId())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
        JsonNode reopened = officer.get("/api/memberships/" + m.id()).json();
        assertThat(reopened.path("endMonth").isNull()
                        || reopened.path("endMonth").isMissingNode())
                .isTrue();
        awaitKur(branch, "LAPSED");
        assertThat(workList(branch)).containsExactly(branch + "-1");
        assertThat(jdbc.sql("""
                SELECT actor || ' ' || action FROM audit_log WHERE entity_type = 'claim' AND entity_id = ?
                   AND action IN ('DEATH_RECORDED', 'DEATH_CORRECTED') ORDER BY id""").param(Long.toString(id)).query(String.class).list())
                .containsExactly("petugas.kalbar DEATH_RECORDED", "petugas.ketapang DEATH_CORRECTED");
        assertThat(jdbc.sql("""
                SELECT changes->>'because' FROM audit_log WHERE action = 'MEMBERSHIP_END_CORRECTED'
                   AND entity_id = ?""")
                        .param(Long.toString(m.id()))
                        .query(String.class)
                        .single())
                .contains("salah orang");
        Response twice = officer.post("/api/claims/" + id + "/death-correction", correction);
        assertThat(twice.status()).isEqualTo(422);
    }

    /** Bills of a month the member owes (not cancelled). */
    private long bills(Membership m, String period) {
        return jdbc.sql("SELECT count(*) FROM bill WHERE membership_id = ? AND period = CAST(? AS date)"
                        + " AND status <> 'CANCELLED'")
                .params(m.id(), period)
                .query(Long.class)
                .single();
    }

    private List<String> workList(String branch) {
        JsonNode items = as("petugas.kalbar")
                .get("/api/kur/work-list?bank=KALBAR&branch=" + branch)
                .json()
                .path("items")
                .path("items");
        List<String> loans = new ArrayList<>();
        items.forEach(i -> loans.add(i.path("loan").path("loanId").asString()));
        return loans;
    }

    private void awaitKur(String branch, String status) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT match_status FROM kur_loan WHERE bank_code = 'KALBAR' AND loan_id = ?")
                                        .param(branch + "-1")
                                        .query(String.class)
                                        .single())
                        .isEqualTo(status));
    }

    // ---------------------------------------------------------------------------------- one JKK case per accident

    @Test
    void aLaterClaimOnTheSameAccidentContinuesTheCase_andASecondLumpSumIsRefused() {
        Membership m = paidMember();
        LocalDate accident = LocalDate.of(2026, 5, 4);
        Response stmb = created(jkk(m.participantId(), "JKK_STMB", accident, "stmbMonths", 10));
        String caseNumber = stmb.json().path("claimNumber").asString();
        assertThat(stmb.json().path("caseNumber").asString()).isEqualTo(caseNumber);

        // five more months of the same incapacity: months 11-12 at 100%, 13-15 at 50% (PP 82/2019)
        Response more = created(jkk(m.participantId(), "JKK_STMB", accident, "stmbMonths", 5));
        assertThat(more.json().path("caseNumber").asString()).isEqualTo(caseNumber);
        assertThat(amounts(more)).containsExactly(2_000_000L, 1_500_000L);
        assertThat(more.json().path("lines").get(1).path("args").toString())
                .contains("13")
                .contains("15");
        assertThat(more.json().path("caseClaims").get(0).path("claimNumber").asString())
                .isEqualTo(caseNumber);

        Response total = created(jkk(m.participantId(), "JKK_DISABILITY_TOTAL", accident));
        assertThat(total.json().path("refusal").isMissingNode())
                .as(total.text())
                .isTrue();
        assertThat(total.json().path("total").asLong()).isEqualTo(56_000_000 + 12_000_000); // 70% × 80 × Rp1 jt

        Response partial = created(jkk(
                m.participantId(),
                "JKK_DISABILITY_PARTIAL_ANATOMICAL",
                accident,
                "disabilityCodes",
                List.of("ARM_R_SHOULDER")));
        assertThat(partial.json().path("caseNumber").asString()).isEqualTo(caseNumber);
        assertThat(partial.json().path("refusal").path("code").asString()).isEqualTo("LUMP_SUM_ALREADY_IN_CASE");
        assertThat(partial.json().path("refusal").path("args").toString())
                .contains(total.json().path("claimNumber").asString());
        assertThat(partial.json().path("total").asLong()).isZero();
        assertThat(partial.json().path("caseClaims")).hasSize(3);

        // a refused claim cannot be approved; the first lump sum can
        approved(total.json().path("id").asLong());
        Response doc = ApiFixtures.claimDocument(
                as("petugas.kalbar"),
                partial.json().path("id").asLong(),
                "SURAT_KETERANGAN_DOKTER",
                "dokter.pdf",
                PDF,
                "application/pdf");
        Response verified = as("petugas.kalbar")
                .post(
                        "/api/claims/" + partial.json().path("id").asLong() + "/verify",
                        json("version", doc.json().path("version").asInt(), "documentsCompleteOn", "2026-05-20"));
        assertThat(verified.json().path("refusal").path("code").asString()).isEqualTo("LUMP_SUM_ALREADY_IN_CASE");
        Response approve = as("petugas.kalbar")
                .post(
                        "/api/claims/" + partial.json().path("id").asLong() + "/approve",
                        json("version", verified.json().path("version").asInt()));
        assertThat(approve.status()).isEqualTo(422);

        // another day is another accident: its own case
        Response other = created(jkk(m.participantId(), "JKK_STMB", accident.plusDays(20), "stmbMonths", 1));
        assertThat(other.json().path("caseNumber").asString())
                .isEqualTo(other.json().path("claimNumber").asString());
        assertThat(amounts(other)).containsExactly(1_000_000L);
    }

    private static List<Long> amounts(Response r) {
        List<Long> amounts = new ArrayList<>();
        r.json().path("lines").forEach(l -> amounts.add(l.path("amount").asLong()));
        return amounts;
    }

    // -------------------------------------------------------------------------------- children on death claims

    @Test
    void threeChildrenRecorded_twoChosen_andTheLetterSaysWhoAndWhy() throws Exception {
        Membership m = paidMember();
        List<Map<String, Object>> allChosen = List.of(
                child("Rina", "2016-03-01", "SD", true),
                child("Dodi", "2019-08-09", "SD", true),
                child("Agus", "2022-01-05", null, true));
        Response tooMany =
                as("petugas.kalbar").post("/api/claims", death(m.participantId(), "WORK_ACCIDENT", allChosen));
        assertThat(tooMany.status()).as(tooMany.text()).isEqualTo(422);
        assertThat(tooMany.json().path("errors")).singleElement().satisfies(e -> {
            assertThat(e.path("field").asString()).isEqualTo("children[2].named");
            assertThat(e.path("message").asString()).contains("2 anak").contains("Agus");
        });

        Response claim = created(death(
                m.participantId(),
                "WORK_ACCIDENT",
                List.of(
                        child("Rina", "2016-03-01", "SD", true),
                        child("Dodi", "2019-08-09", "SD", false),
                        child("Agus", "2022-01-05", null, true))));
        assertThat(claim.json().path("scholarshipChoice").asString()).isEqualTo("CHOSEN");
        assertThat(childNames(claim.json())).containsExactlyInAnyOrder("Rina", "Agus");
        long id = claim.json().path("id").asLong();
        approved(id);

        String letter = letterText(id);
        assertThat(letter)
                .contains("Beasiswa anak")
                .contains("Rina")
                .contains("Dodi")
                .contains("Agus")
                .contains("Dipilih saat pengajuan")
                .contains("paling banyak untuk 2 anak");
        int dodi = letter.indexOf("Dodi");
        assertThat(letter.substring(dodi, Math.min(letter.length(), dodi + 120)))
                .contains("tidak");
    }

    @Test
    void withNobodyChosen_theDefaultIsTheTwoYoungestInSchool_andTheLetterSaysSo() throws Exception {
        Membership m = paidMember();
        Response claim = created(death(
                m.participantId(),
                "WORK_ACCIDENT",
                List.of(
                        child("Sulung", "2008-02-01", "SMA", false), child("Tengah", "2013-06-01", "SMP", false),
                        child("Bungsu", "2017-09-01", "SD", false), child("Bayi", "2025-01-01", null, false))));
        assertThat(claim.json().path("scholarshipChoice").asString()).isEqualTo("DEFAULT");
        assertThat(childNames(claim.json())).containsExactlyInAnyOrder("Tengah", "Bungsu");
        approved(claim.json().path("id").asLong());
        assertThat(letterText(claim.json().path("id").asLong()))
                .contains("Pilihan bawaan")
                .contains("Sulung")
                .contains("Bayi");
    }

    @Test
    void theOfficerChoosesTheChildrenBeforeTheDecision_andAgentsAndOtherRegionsCannot() {
        Membership m = paidMember();
        Response claim = created(death(
                m.participantId(),
                "WORK_ACCIDENT",
                List.of(
                        child("Rina", "2016-03-01", "SD", false),
                        child("Dodi", "2019-08-09", "SD", false),
                        child("Agus", "2021-01-05", "TK", false))));
        long id = claim.json().path("id").asLong();
        int version = claim.json().path("version").asInt();
        assertThat(childNames(claim.json())).containsExactlyInAnyOrder("Dodi", "Agus"); // the youngest in school
        String choice = json("version", version, "chosen", List.of("child-1", "child-2"));

        assertThat(as("agen.ketapang")
                        .put("/api/claims/" + id + "/scholarship-children", choice)
                        .status())
                .isEqualTo(403);
        assertThat(as("petugas.pontianak")
                        .put("/api/claims/" + id + "/scholarship-children", choice)
                        .status())
                .isEqualTo(404);
        Response three = as("petugas.kalbar")
                .put(
                        "/api/claims/" + id + "/scholarship-children",
                        json("version", version, "chosen", List.of("child-1", "child-2", "child-3")));
        assertThat(three.status()).isEqualTo(422);
        assertThat(three.json().path("errors").get(0).path("field").asString()).isEqualTo("chosen");
        assertThat(three.json().path("errors").get(0).path("message").asString())
                .contains("Agus");

        Response chosen = as("petugas.kalbar").put("/api/claims/" + id + "/scholarship-children", choice);
        assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
        assertThat(chosen.json().path("scholarshipChoice").asString()).isEqualTo("CHOSEN");
        assertThat(childNames(chosen.json())).containsExactlyInAnyOrder("Rina", "Dodi");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'CLAIM_CHILDREN_CHOSEN' AND entity_id = ?"
                                + " AND actor = 'petugas.kalbar'")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isOne();
        Response stale = as("petugas.kalbar").put("/api/claims/" + id + "/scholarship-children", choice);
        assertThat(stale.status()).as("the version guard").isEqualTo(409);
    }

    private static Set<String> childNames(JsonNode claim) {
        Set<String> names = new java.util.TreeSet<>();
        claim.path("scholarship").forEach(y -> names.add(y.path("childName").asString()));
        return names;
    }

    private String letterText(long id) throws Exception {
        return letterText(id, "petugas.kalbar");
    }

    private String letterText(long id, String user) throws Exception {
        HttpResponse<byte[]> pdf = as(user).getBytes("/api/claims/" + id + "/letter.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
    }

    // ------------------------------------------------------------------- refusals name fields the form has

    /** The intake form's fields (and the row fields under them), as {@code templates/claim/form.html} has them. */
    private static final Set<String> FORM_FIELDS = Set.of(
            "participantId",
            "kind",
            "cause",
            "eventDate",
            "homeCareStart",
            "stmbMonths",
            "wage",
            "note",
            "invoices",
            "transport",
            "disabilityCodes",
            "functionLosses",
            "heirs",
            "children");

    @Test
    void everyRefusalOfTheIntakeNamesAFieldOfTheForm() {
        Membership m = paidMember();
        List<String> bad = List.of(
                death(
                        m.participantId(),
                        "WORK_ACCIDENT",
                        List.of(
                                child("A", "2016-01-01", "SD", true),
                                child("B", "2017-01-01", "SD", true),
                                child("C", "2018-01-01", "SD", true))),
                death(m.participantId(), "WORK_ACCIDENT", List.of(child("", "2030-01-01", "KULIAH", false))),
                jkk(m.participantId(), "JKK_STMB", LocalDate.of(2026, 5, 4), "stmbMonths", 0),
                jkk(
                        m.participantId(),
                        "JKK_DISABILITY_PARTIAL_ANATOMICAL",
                        LocalDate.of(2026, 5, 4),
                        "disabilityCodes",
                        List.of("NO_SUCH_PART")),
                jkk(
                        m.participantId(),
                        "JKK_HOME_CARE",
                        LocalDate.of(2026, 5, 4),
                        "homeCareStart",
                        "2026-05-01",
                        "invoices",
                        List.of(Map.of("date", "2026-05-05", "description", "perawat", "amount", 100_000))),
                json("participantId", m.participantId(), "kind", "JKK_MEDICAL", "cause", "SOMETHING"));
        for (String body : bad) {
            Response r = as("petugas.kalbar").post("/api/claims", body);
            assertThat(r.status()).as(body + " → " + r.text()).isEqualTo(422);
            List<String> fields = new ArrayList<>();
            r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
            assertThat(fields)
                    .as(body)
                    .isNotEmpty()
                    .allSatisfy(f -> assertThat(FORM_FIELDS).contains(f.replaceAll("[\\[.].*$", "")));
        }
    }

    @Test
    void theIntakePageShowsEachRefusalNextToItsField_aThirdChosenChildAndASecondDeath() throws Exception {
        Membership m = paidMember();
        Page page = Page.signIn(port, "petugas.kalbar");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("participantId", Long.toString(m.participantId()));
        form.put("kind", "DEATH");
        form.put("cause", "WORK_ACCIDENT");
        form.put("eventDate", DIED.toString());
        form.put("heirs[0].name", "Siti Aminah");
        form.put("heirs[0].relation", "SPOUSE");
        String[][] kids = {{"Rina", "2016-03-01", "SD"}, {"Dodi", "2019-08-09", "SD"}, {"Agus", "2020-01-05", "TK"}};
        for (int i = 0; i < kids.length; i++) {
            form.put("children[" + i + "].name", kids[i][0]);
            form.put("children[" + i + "].birthDate", kids[i][1]);
            form.put("children[" + i + "].level", kids[i][2]);
            form.put("children[" + i + "].yearInLevel", "1");
            form.put("children[" + i + "].named", "true");
        }
        HttpResponse<String> refused = page.post("/klaim/baru?peserta=" + m.participantId(), "/klaim/baru", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"children-2-named-error\"")
                .contains("Beasiswa paling banyak untuk 2 anak");

        form.put("children[2].named", "false");
        HttpResponse<String> taken = page.post("/klaim/baru?peserta=" + m.participantId(), "/klaim/baru", form);
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(302);
        String first = jdbc.sql("SELECT claim_number FROM claim WHERE participant_id = ?")
                .param(m.participantId())
                .query(String.class)
                .single();

        form.put("cause", "OTHER");
        HttpResponse<String> second = page.post("/klaim/baru?peserta=" + m.participantId(), "/klaim/baru", form);
        assertThat(second.statusCode()).isEqualTo(409);
        String kindError = second.body().replaceAll("(?s).*id=\"kind-error\"[^>]*>([^<]*)<.*", "$1");
        assertThat(kindError).contains(first).contains("satu kali");
    }

    @Test
    void theClaimPageCorrectsADeath_withItsReason_andRefusesAnAgent() throws Exception {
        Membership m = paidMember();
        long id = created(death(m.participantId(), "OTHER", List.of()))
                .json()
                .path("id")
                .asLong();
        approved(id);
        Page agent = Page.signIn(port, "agen.ketapang");
        HttpResponse<String> refused =
                agent.post("/klaim/" + id, "/klaim/" + id + "/koreksi-kematian", Map.of("reason", "coba"));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(as("petugas.kalbar")
                        .get("/api/participants/" + m.participantId())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("DECEASED");

        Page officer = Page.signIn(port, "petugas.kalbar");
        assertThat(officer.get("/klaim/" + id)).contains("id=\"death-correction-form\"");
        HttpResponse<String> noReason =
                officer.post("/klaim/" + id, "/klaim/" + id + "/koreksi-kematian", Map.of("reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(officer.get("/klaim/" + id)).contains("Alasan koreksi: ");
        HttpResponse<String> done = officer.post(
                "/klaim/" + id, "/klaim/" + id + "/koreksi-kematian", Map.of("reason", "akta kematian palsu"));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(officer.get("/klaim/" + id))
                .contains("id=\"death-corrected\"")
                .contains("akta kematian palsu")
                .doesNotContain("id=\"death-correction-form\"");
        assertThat(as("petugas.kalbar")
                        .get("/api/participants/" + m.participantId())
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("ACTIVE");
    }

    // ------------------------------------------------------------- heirs and payment (issue 18, point 5)

    private static final String HEIR_NIK = "6104015507900003";
    private static final String HEIR_ACCOUNT = "BRI 0123 4567 8901";

    /** A death claim with a parent and a spouse (the spouse is paid, though listed second), approved. */
    private long approvedWithHeirs() {
        Membership m = paidMember();
        long id = created(json(
                        "participantId",
                        m.participantId(),
                        "kind",
                        "DEATH",
                        "cause",
                        "OTHER",
                        "eventDate",
                        DIED.toString(),
                        "heirs",
                        List.of(
                                Map.of("name", "Abdul Rahman", "relation", "PARENT", "bankAccount", "BNI 555 1111"),
                                Map.of(
                                        "name",
                                        "Siti Aminah",
                                        "relation",
                                        "SPOUSE",
                                        "nik",
                                        HEIR_NIK,
                                        "bankAccount",
                                        HEIR_ACCOUNT))))
                .json()
                .path("id")
                .asLong();
        approved(id);
        return id;
    }

    @Test
    void theOfficerInScope_seesHeirsAndTheAccountPaidTo_onThePageAndTheLetter_andTheReadIsAudited() throws Exception {
        long id = approvedWithHeirs();
        for (String officer : List.of("petugas.kalbar", "petugas.ketapang")) {
            Response page = as(officer).getPage("/klaim/" + id);
            assertThat(page.status()).isEqualTo(200);
            String section = page.text().substring(page.text().indexOf("id=\"heirs\""));
            assertThat(section)
                    .contains("Ahli waris dan pembayaran")
                    .contains("Siti Aminah")
                    .contains("Suami/Istri")
                    .contains("610401******0003")
                    .contains(HEIR_ACCOUNT)
                    .contains("BNI 555 1111")
                    .doesNotContain(HEIR_NIK);
            int spouse = section.indexOf("Siti Aminah");
            assertThat(section.substring(spouse, spouse + 200)).contains("penerima pembayaran");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'CLAIM_VIEWED' AND entity_id = ?"
                                + " AND actor = 'petugas.ketapang' AND changes ->> 'bankAccounts' = 'full'"
                                + " AND changes ->> 'heirs' = '2'")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isOne();

        String letter = letterText(id, "petugas.ketapang");
        assertThat(letter)
                .as("headed with the Ketapang participant's branch, not the configured fallback")
                .contains("BPJS Ketenagakerjaan — Kantor Cabang Perintis Ketapang")
                .doesNotContain("Kantor Cabang Ketapang")
                .as("signed with the deciding officer's full name and position")
                .contains("Diputuskan oleh Rahmat Hidayat")
                .contains("Jabatan Kepala Bidang Pelayanan")
                .doesNotContain("petugas.kalbar")
                .as("the heirs and the account paid to")
                .contains("Ahli waris")
                .contains("Abdul Rahman")
                .contains("610401******0003")
                .contains("Manfaat dibayarkan ke rekening " + HEIR_ACCOUNT + " atas nama Siti Aminah.")
                .doesNotContain(HEIR_NIK);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'EXPORT_DOWNLOADED' AND entity_id = ?"
                                + " AND actor = 'petugas.ketapang' AND changes ->> 'file' = 'letter.pdf'"
                                + " AND changes ->> 'bankAccounts' = 'full' AND changes ->> 'heirs' = '2'")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .as("the letter's download says it carried the heirs' accounts in full")
                .isOne();
    }

    @Test
    void anAgentSeesHeirsMasked_whileAnalysts_theBank_andAnotherKabKotasOfficer_seeNothing() throws Exception {
        long id = approvedWithHeirs();

        Response agentPage = as("agen.ketapang").getPage("/klaim/" + id);
        assertThat(agentPage.status()).isEqualTo(200);
        assertThat(agentPage.text())
                .contains("Siti Aminah")
                .contains("••••8901")
                .contains("610401******0003")
                .doesNotContain(HEIR_ACCOUNT)
                .doesNotContain("0123 4567")
                .doesNotContain("BNI 555 1111")
                .doesNotContain(HEIR_NIK);
        assertThat(as("agen.ketapang").get("/api/claims/" + id).text())
                .doesNotContain(HEIR_ACCOUNT)
                .doesNotContain(HEIR_NIK);
        assertThat(letterText(id, "agen.ketapang"))
                .contains("••••8901")
                .doesNotContain(HEIR_ACCOUNT)
                .doesNotContain("BNI 555 1111")
                .doesNotContain(HEIR_NIK);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'CLAIM_VIEWED' AND entity_id = ?"
                                + " AND actor = 'agen.ketapang' AND changes ->> 'bankAccounts' = 'last-four'")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isOne();

        for (String outsider : List.of("analis.provinsi", "analis.ketapang", "bank.kalbar", "petugas.pontianak")) {
            ApiClient client = as(outsider);
            Response page = client.getPage("/klaim/" + id);
            Response api = client.get("/api/claims/" + id);
            HttpResponse<byte[]> pdf = client.getBytes("/api/claims/" + id + "/letter.pdf");
            assertThat(List.of(page.status(), api.status(), pdf.statusCode()))
                    .as(outsider)
                    .allMatch(status -> status == 403 || status == 404);
            assertThat(page.text() + api.text() + new String(pdf.body(), StandardCharsets.ISO_8859_1))
                    .as(outsider)
                    .doesNotContain("Siti Aminah")
                    .doesNotContain(HEIR_ACCOUNT);
        }
    }

    /** A signed-in browser-like session: cookies, the CSRF token of a form page, form posts. */
    private record Page(HttpClient http, String base) {

        static Page signIn(int port, String user) throws Exception {
            Page p = new Page(
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build(), "http://localhost:" + port);
            String csrf = p.csrf("/login");
            HttpResponse<String> in =
                    p.send("/login", Map.of("username", user, "password", ApiClient.DEMO_PASSWORD, "_csrf", csrf));
            assertThat(in.statusCode()).isEqualTo(302);
            return p;
        }

        String get(String path) throws Exception {
            return http.send(
                            HttpRequest.newBuilder(URI.create(base + path)).build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        }

        String csrf(String path) throws Exception {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            return page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
        }

        HttpResponse<String> post(String formPage, String path, Map<String, String> fields) throws Exception {
            Map<String, String> withToken = new LinkedHashMap<>(fields);
            withToken.put("_csrf", csrf(formPage));
            return send(path, withToken);
        }

        private HttpResponse<String> send(String path, Map<String, String> fields) throws Exception {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
