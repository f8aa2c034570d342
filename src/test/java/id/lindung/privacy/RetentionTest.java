package id.lindung.privacy;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The retention job, called directly (its cron is off in tests), against data created through the services and APIs
 * and then dated back with the business clock: in every category the application applies, what is past its period
 * goes and what is not stays; the audit trail and the contributions are never touched; what it did is audited per
 * category; unconfirmed periods are skipped unless asked for; the policy is shown on the API and the admin page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RetentionTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RetentionJob job;

    @Autowired
    Clock clock;

    private final String suffix = DataReportTest.letters();

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    /** Business time now minus a period, as the job computes its cutoffs. */
    private Timestamp ago(Period period) {
        return Timestamp.from(
                clock.instant().atZone(clock.getZone()).minus(period).toInstant());
    }

    @Test
    void expiredRowsGoFreshRowsStay_theAuditTrailStays_andEachCategoryIsAudited() {
        long auditLinesBefore = count("SELECT count(*) FROM audit_log");
        long mark = count("SELECT coalesce(max(id), 0) FROM audit_log");

        // sign-in counters: one from three days ago, one from now
        jdbc.sql("INSERT INTO login_throttle VALUES (?, 1, ?, NULL), (?, 1, ?, NULL)")
                .params("user:old-" + suffix, ago(Period.ofDays(3)), "user:new-" + suffix, ago(Period.ZERO))
                .update();

        // API tokens, both revoked: one two years ago
        long oldToken = revokedToken();
        long newToken = revokedToken();
        jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ?")
                .params(ago(Period.ofYears(2)), oldToken)
                .update();

        // claims of one worker: closed 11 years ago, closed 6 years ago, closed now, open since 11 years
        long worker = participant("Pekerja Klaim", "ACTIVE");
        long closedLongAgo = rejectedClaimWithDocument(worker);
        long closedSixYearsAgo = rejectedClaimWithDocument(worker);
        long closedNow = rejectedClaimWithDocument(worker);
        long open = as("petugas.ketapang")
                .post("/api/claims", transportClaim(worker))
                .json()
                .path("id")
                .asLong();
        backdateClaim(closedLongAgo, Period.ofYears(11));
        backdateClaim(closedSixYearsAgo, Period.ofYears(6));
        backdateClaim(open, Period.ofYears(11));

        // KUR: a loan disbursed seven years ago, one last month; the file's error report from seven years ago
        String oldLoan = "OLD-" + suffix;
        String newLoan = "NEW-" + suffix;
        Response kur = as("petugas.kalbar")
                .postMultipart(
                        "/api/kur/files",
                        Map.of(),
                        "file",
                        "kur-" + suffix + ".csv",
                        ("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n"
                                        + loan(oldLoan, "25000000") + loan(newLoan, "25000000")
                                        + loan("BAD-" + suffix, "999"))
                                .getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(kur.status()).as(kur.text()).isEqualTo(201);
        long kurFile = kur.json().path("fileId").asLong();
        jdbc.sql("UPDATE kur_loan SET disbursed_on = ? WHERE bank_code = 'KALBAR' AND loan_id = ?")
                .params(LocalDate.now(clock).minusYears(7), oldLoan)
                .update();
        jdbc.sql("UPDATE kur_file SET uploaded_at = ? WHERE id = ?")
                .params(ago(Period.ofYears(7)), kurFile)
                .update();

        // sponsorship: a programme that ended eleven years ago, one running
        long endedProgramme = programmeWithOneBeneficiary();
        long runningProgramme = programmeWithOneBeneficiary();
        jdbc.sql("UPDATE sponsorship_programme SET start_month = ?, end_month = ? WHERE id = ?")
                .params(
                        YearMonth.now(clock).minusYears(12).atDay(1),
                        YearMonth.now(clock).minusYears(11).atDay(1),
                        endedProgramme)
                .update();

        // registry: deceased eleven years ago; deceased now; deceased eleven years ago but still a member
        long deceasedLongAgo = participant("Almarhum Lama", "DECEASED");
        as("petugas.ketapang")
                .post(
                        "/api/participants/" + deceasedLongAgo + "/relatives",
                        json("relation", "CHILD", "fullName", "Anak Almarhum", "birthDate", "2012-01-01", "sex", "L"));
        long deceasedNow = participant("Almarhum Baru", "DECEASED");
        long stillMember = participant("Almarhum Anggota", "ACTIVE");
        Response enrolled = as("petugas.ketapang")
                .post(
                        "/api/memberships",
                        ApiFixtures.bpu(
                                stillMember,
                                1_000_000,
                                java.time.YearMonth.now(TestClock.CLOCK).toString(),
                                "channel",
                                "SELF",
                                "sector",
                                "OTHER"));
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        markDeceased(stillMember);
        String nikLongAgo = nik(deceasedLongAgo);
        for (long id : List.of(deceasedLongAgo, stillMember)) {
            // only the timestamp is dated back; the participant itself came through the API
            jdbc.sql("UPDATE participant SET updated_at = ? WHERE id = ?")
                    .params(ago(Period.ofYears(11)), id)
                    .update();
        }

        RetentionJob.Run run = job.run(true);

        assertThat(run.status("login-throttle")).isEqualTo(RetentionJob.Status.APPLIED);
        assertThat(count("SELECT count(*) FROM login_throttle WHERE subject = ?", "user:old-" + suffix))
                .isZero();
        assertThat(count("SELECT count(*) FROM login_throttle WHERE subject = ?", "user:new-" + suffix))
                .isOne();

        assertThat(count("SELECT count(*) FROM api_token WHERE id = ?", oldToken))
                .isZero();
        assertThat(count("SELECT count(*) FROM api_token WHERE id = ?", newToken))
                .isOne();

        assertThat(count("SELECT count(*) FROM claim WHERE id = ?", closedLongAgo))
                .isZero();
        assertThat(count("SELECT count(*) FROM claim_step WHERE claim_id = ?", closedLongAgo))
                .isZero();
        assertThat(count("SELECT count(*) FROM claim WHERE id = ?", closedSixYearsAgo))
                .as("claim kept 10 years")
                .isOne();
        assertThat(count("SELECT count(*) FROM claim_document WHERE claim_id = ?", closedSixYearsAgo))
                .as("documents kept 5 years")
                .isZero();
        assertThat(count("SELECT count(*) FROM claim_document WHERE claim_id = ?", closedNow))
                .isOne();
        assertThat(count("SELECT count(*) FROM claim WHERE id = ?", open))
                .as("open claims are never removed")
                .isOne();
        assertThat(run.removed("claims")).isGreaterThanOrEqualTo(1);
        assertThat(run.removed("claim-documents")).isGreaterThanOrEqualTo(1);

        assertThat(count("SELECT count(*) FROM kur_loan WHERE loan_id = ?", oldLoan))
                .isZero();
        assertThat(count("SELECT count(*) FROM kur_loan WHERE loan_id = ?", newLoan))
                .isOne();
        assertThat(count("SELECT count(*) FROM kur_file_error WHERE file_id = ?", kurFile))
                .isZero();
        assertThat(count("SELECT count(*) FROM kur_file WHERE id = ?", kurFile))
                .as("the file's record stays")
                .isOne();

        assertThat(count("SELECT count(*) FROM sponsorship_beneficiary WHERE programme_id = ?", endedProgramme))
                .isZero();
        assertThat(count("SELECT count(*) FROM sponsorship_beneficiary WHERE programme_id = ?", runningProgramme))
                .isOne();

        JsonNode anonymised = as("petugas.ketapang")
                .get("/api/participants/" + deceasedLongAgo)
                .json();
        assertThat(anonymised.path("fullName").asString()).isEqualTo("ANONIM #" + deceasedLongAgo);
        assertThat(anonymised.has("phone")).isFalse();
        assertThat(anonymised.path("nik").asString())
                .as("kept while other records refer to it")
                .isEqualTo(nikLongAgo);
        assertThat(as("petugas.ketapang")
                        .get("/api/participants/" + deceasedLongAgo + "/relatives")
                        .json()
                        .size())
                .isZero();
        assertThat(as("petugas.ketapang")
                        .get("/api/participants/" + deceasedNow)
                        .json()
                        .path("fullName")
                        .asString())
                .isEqualTo("Almarhum Baru");
        assertThat(as("petugas.ketapang")
                        .get("/api/participants/" + stillMember)
                        .json()
                        .path("fullName")
                        .asString())
                .as("a membership still running keeps the entry")
                .isEqualTo("Almarhum Anggota");
        assertThat(as("petugas.ketapang")
                        .get("/api/participants/" + deceasedLongAgo + "/history")
                        .json()
                        .findValuesAsString("action"))
                .contains("PARTICIPANT_ANONYMISED");

        // the audit trail and contributions are outside the application's reach; nothing was deleted from the trail
        assertThat(run.status("audit-trail")).isEqualTo(RetentionJob.Status.DBA);
        assertThat(run.status("contributions")).isEqualTo(RetentionJob.Status.DBA);
        assertThat(count("SELECT count(*) FROM audit_log")).isGreaterThan(auditLinesBefore);
        List<Map<String, Object>> applied = jdbc.sql("""
                SELECT entity_id, actor, (changes ->> 'removed')::bigint AS removed FROM audit_log
                 WHERE id > ? AND action = 'RETENTION_APPLIED' ORDER BY id""").param(mark).query().listOfRows();
        assertThat(applied)
                .extracting(r -> r.get("entity_id"))
                .containsExactly(
                        "registry",
                        "claims",
                        "claim-documents",
                        "kur-loans",
                        "sponsorship-beneficiaries",
                        "outreach-messages",
                        "login-throttle",
                        "api-tokens");
        assertThat(applied).allSatisfy(r -> assertThat(r.get("actor")).isEqualTo("system"));
        assertThat(applied)
                .filteredOn(r -> r.get("entity_id").equals("kur-loans"))
                .singleElement()
                .satisfies(r -> assertThat((Long) r.get("removed")).isGreaterThanOrEqualTo(2)); // the loan, the error
        assertThat(count("SELECT count(*) FROM audit_log WHERE id > ? AND action = 'RETENTION_RUN'", mark))
                .isOne();
    }

    @Test
    void unconfirmedPeriodsAreSkippedUnlessAskedFor_andThePolicyIsShown() {
        jdbc.sql("INSERT INTO login_throttle VALUES (?, 1, ?, NULL)")
                .params("ip:old-" + suffix, ago(Period.ofDays(2)))
                .update();

        RetentionJob.Run run = job.run();

        assertThat(job.appliesUnconfirmed()).isFalse();
        assertThat(run.status("claims")).isEqualTo(RetentionJob.Status.SKIPPED_UNCONFIRMED);
        assertThat(run.status("registry")).isEqualTo(RetentionJob.Status.SKIPPED_UNCONFIRMED);
        assertThat(run.status("login-throttle")).as("a confirmed period").isEqualTo(RetentionJob.Status.APPLIED);
        assertThat(count("SELECT count(*) FROM login_throttle WHERE subject = ?", "ip:old-" + suffix))
                .isZero();

        Response policy = as("petugas.ketapang").get("/api/privacy/retention");
        assertThat(policy.status()).as(policy.text()).isEqualTo(200);
        assertThat(policy.json().path("applyUnconfirmed").asBoolean()).isFalse();
        List<String> categories = new java.util.ArrayList<>();
        policy.json()
                .path("categories")
                .forEach(c -> categories.add(c.path("category").asString()));
        assertThat(categories)
                .containsExactly(
                        "registry",
                        "contributions",
                        "claims",
                        "claim-documents",
                        "kur-loans",
                        "sponsorship-beneficiaries",
                        "outreach-messages",
                        "login-throttle",
                        "api-tokens",
                        "audit-trail");
        JsonNode claims = policy.json().path("categories").get(2);
        assertThat(claims.path("current").path("period").asString()).isEqualTo("P10Y");
        assertThat(claims.path("period").asString()).isEqualTo("10 tahun");
        assertThat(claims.path("current").path("unconfirmed").asBoolean()).isTrue();
        assertThat(claims.path("current").path("legalBasis").asString()).contains("UU 27/2022");
        assertThat(claims.path("appliedByJob").asBoolean()).isFalse();
        JsonNode throttle = policy.json().path("categories").get(7);
        assertThat(throttle.path("appliedByJob").asBoolean()).isTrue();
        assertThat(throttle.path("lastRun").path("actor").asString()).isEqualTo("system");
        assertThat(policy.json()
                        .path("categories")
                        .get(9)
                        .path("current")
                        .path("action")
                        .asString())
                .isEqualTo("DBA");

        Response page = as("admin").getPage("/privasi/retensi");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("id=\"retention-claims\"")
                .contains("belum terkonfirmasi")
                .contains("id=\"unconfirmed-off\"");
        assertThat(as("petugas.ketapang").getPage("/privasi/retensi").status()).isEqualTo(403);
        assertThat(as("petugas.ketapang").post("/api/privacy/retention/run", "").status())
                .isEqualTo(403);
        Response adminRun = as("admin").post("/api/privacy/retention/run", "");
        assertThat(adminRun.status()).as(adminRun.text()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE action = 'RETENTION_RUN' ORDER BY id DESC LIMIT 1")
                        .query(String.class)
                        .single())
                .isEqualTo("admin");
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private long revokedToken() {
        Response issued = as("bank.kalbar").post("/api/tokens", json("name", "Retensi " + suffix));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        long id = issued.json().path("id").asLong();
        assertThat(as("admin").delete("/api/tokens/" + id).status()).isEqualTo(204);
        return id;
    }

    private long participant(String name, String status) {
        return ApiFixtures.participant(
                as("petugas.ketapang"),
                name,
                LocalDate.of(1960, 6, 15),
                false,
                KETAPANG_DESA,
                "phone",
                "081200001111",
                "status",
                status);
    }

    private String nik(long participant) {
        return as("petugas.ketapang")
                .get("/api/participants/" + participant)
                .json()
                .path("nik")
                .asString();
    }

    private void markDeceased(long participant) {
        JsonNode p =
                as("petugas.ketapang").get("/api/participants/" + participant).json();
        Response changed = as("petugas.ketapang")
                .put(
                        "/api/participants/" + participant,
                        json(
                                "nik",
                                p.path("nik").asString(),
                                "fullName",
                                p.path("fullName").asString(),
                                "birthDate",
                                p.path("birthDate").asString(),
                                "sex",
                                p.path("sex").asString(),
                                "regionCode",
                                p.path("regionCode").asString(),
                                "phone",
                                p.path("phone").asString(),
                                "status",
                                "DECEASED",
                                "version",
                                p.path("version").asInt()));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
    }

    private static String transportClaim(long participant) {
        return ApiFixtures.workAccidentClaim(
                participant,
                "JKK_TRANSPORT",
                "2026-10-01",
                "transport",
                List.of(Map.of("mode", "LAND", "date", "2026-10-01", "description", "Ambulans", "amount", 500_000)));
    }

    private long rejectedClaimWithDocument(long participant) {
        ApiClient officer = as("petugas.ketapang");
        long id = officer.post("/api/claims", transportClaim(participant))
                .json()
                .path("id")
                .asLong();
        Response withDocument =
                ApiFixtures.claimDocument(officer, id, "KWITANSI", "kwitansi-" + id + ".pdf", PDF, "application/pdf");
        assertThat(withDocument.status()).as(withDocument.text()).isEqualTo(200);
        Response rejected = officer.post(
                "/api/claims/" + id + "/reject",
                json("version", withDocument.json().path("version").asInt(), "reason", "Tidak terlindungi"));
        assertThat(rejected.status()).as(rejected.text()).isEqualTo(200);
        return id;
    }

    private void backdateClaim(long claim, Period period) {
        jdbc.sql("UPDATE claim SET submitted_at = ?, decided_at = CASE WHEN decided_at IS NULL THEN NULL"
                        + " ELSE CAST(? AS timestamptz) END WHERE id = ?")
                .params(ago(period), ago(period), claim)
                .update();
    }

    private String loan(String loanId, String plafond) {
        return "KALBAR;Cabang Ketapang;" + loanId + ";" + Niks.nik("610401", LocalDate.of(1991, 2, 3), false)
                + ";Debitur " + loanId + ";MIKRO;" + plafond + ";"
                + LocalDate.now(clock).minusMonths(1)
                + ";Perdagangan;61.04\n";
    }

    private long programmeWithOneBeneficiary() {
        YearMonth now = YearMonth.now(clock);
        long id = ApiFixtures.createKetapangProgramme(
                as("petugas.ketapang"), "Retensi " + suffix, 10_000_000, now, now.plusMonths(2));
        String nik = Niks.nik("610401", LocalDate.of(1970, 7, 7), false);
        Response imported = as("petugas.ketapang")
                .postMultipart(
                        "/api/sponsorship/programmes/" + id + "/beneficiaries",
                        Map.of(),
                        "file",
                        "penerima.csv",
                        ("nik;name;birth_date;desa_code;occupation;phone\n" + nik + ";Pak Retensi;;" + KETAPANG_DESA
                                        + ";Nelayan;\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        return id;
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
