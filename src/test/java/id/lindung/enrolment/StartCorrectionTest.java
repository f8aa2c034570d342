package id.lindung.enrolment;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Back-dating is arrears, not protection (issue 15, point 4), over HTTP with the production limits: agents and banks
 * may not back-date, officers and administrators three months; an earlier start is a start correction that one
 * officer requests with a reason and a second one approves. The business clock stands at 7 December 2026.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lindung.enrolment.backdate-months.admin=3", "lindung.enrolment.backdate-months.officer=3"})
@ActiveProfiles("test")
class StartCorrectionTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final AtomicInteger NPP = new AtomicInteger(700_000);
    private static final AtomicInteger BIRTH = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    private long participant() {
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(BIRTH.incrementAndGet());
        return ApiFixtures.participant(as("petugas.ketapang"), "Andi Wijaya", birth, false, KETAPANG_DESA);
    }

    private Response enrolBpu(String user, long participant, String start) {
        return as(user).post("/api/memberships", ApiFixtures.bpu(participant, 1_000_000, start));
    }

    @Test
    void agentsMayNotBackDate_officersThreeMonths_andTheRefusalSaysWhatToDo() {
        Response agentLastMonth = enrolBpu("agen.ketapang", participant(), "2026-11");
        assertThat(agentLastMonth.status()).isEqualTo(422);
        assertThat(agentLastMonth.json().path("errors").get(0).path("field").asString())
                .isEqualTo("startMonth");
        assertThat(agentLastMonth.json().path("errors").get(0).path("code").asString())
                .isEqualTo("enrolment.start.backdate-limit");
        assertThat(enrolBpu("agen.ketapang", participant(), "2026-12").status()).isEqualTo(201);

        assertThat(enrolBpu("petugas.ketapang", participant(), "2026-09").status())
                .isEqualTo(201);
        Response fourBack = enrolBpu("petugas.ketapang", participant(), "2026-08");
        assertThat(fourBack.status()).isEqualTo(422);
        assertThat(fourBack.json().path("errors").get(0).path("message").asString())
                .contains("3 bulan", "2026-09", "koreksi mulai");
        // a bank officer enrols only through the KUR work list's enrol action (WritePolicyAttackTest)
        Response bank = as("bank.kalbar")
                .post("/api/memberships", ApiFixtures.bpu(participant(), 1_000_000, "2026-11", "channel", "KUR_BANK"));
        assertThat(bank.status()).isEqualTo(403);
    }

    @Test
    void aBackDatedPuStartIsArrearsAndTheEmployersLiability_neverProtectionWithNothingPaid() {
        Response employer = as("petugas.ketapang")
                .post(
                        "/api/employers",
                        json(
                                "npp",
                                "NPP" + NPP.incrementAndGet(),
                                "name",
                                "PT Kebun Ketapang",
                                "riskClass",
                                3,
                                "regionCode",
                                KETAPANG_DESA));
        assertThat(employer.status()).as(employer.text()).isEqualTo(201);
        Response enrolled = as("petugas.ketapang")
                .post(
                        "/api/memberships",
                        ApiFixtures.pu(participant(), employer.json().path("id").asLong(), 4_000_000, "2026-12"));
        assertThat(enrolled.status()).as(enrolled.text()).isEqualTo(201);
        long membership = enrolled.json().path("id").asLong();

        // 21 months back: requested by one officer with a reason ...
        Response noReason = as("petugas.ketapang")
                .post(
                        "/api/memberships/" + membership + "/start-corrections",
                        json("startMonth", "2025-03", "reason", "lupa"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("errors").get(0).path("field").asString())
                .isEqualTo("reason");
        Response requested = as("petugas.ketapang")
                .post(
                        "/api/memberships/" + membership + "/start-corrections",
                        json(
                                "startMonth",
                                "2025-03",
                                "reason",
                                "Kontrak kerja sejak 1 Maret 2025, didaftarkan terlambat"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        long correction = requested.json().path("id").asLong();
        assertThat(as("petugas.ketapang")
                        .post(
                                "/api/memberships/" + membership + "/start-corrections",
                                json("startMonth", "2025-01", "reason", "Kontrak kerja sejak Januari 2025"))
                        .status())
                .isEqualTo(409);

        // ... never approved by the same officer, nor by an agent or an officer of another kab/kota
        assertThat(as("petugas.ketapang")
                        .post("/api/start-corrections/" + correction + "/approve", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(as("agen.ketapang")
                        .post("/api/start-corrections/" + correction + "/approve", "{}")
                        .status())
                .isEqualTo(403);
        assertThat(as("petugas.pontianak")
                        .post("/api/start-corrections/" + correction + "/approve", "{}")
                        .status())
                .isEqualTo(404);
        Response approved = as("petugas.kalbar").post("/api/start-corrections/" + correction + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(as("petugas.kalbar")
                        .post("/api/start-corrections/" + correction + "/approve", "{}")
                        .status())
                .isEqualTo(409);

        assertThat(as("petugas.ketapang")
                        .get("/api/memberships/" + membership)
                        .json()
                        .path("startMonth")
                        .asString())
                .isEqualTo("2025-03");
        // every month from March 2025 is owed; nothing paid: months due by today are arrears
        assertThat(jdbc.sql("SELECT count(*) FROM bill WHERE membership_id = ?")
                        .param(membership)
                        .query(Long.class)
                        .single())
                .isEqualTo(22);
        Response today = as("petugas.ketapang").get("/api/memberships/" + membership + "/status?date=2026-12-07");
        assertThat(today.json().path("protectedOn").asBoolean()).isFalse();
        assertThat(today.json().path("reason").asString()).isEqualTo("status.employer-arrears");
        assertThat(today.json().path("arrearsMonths").asInt()).isEqualTo(20); // March 2025 to October 2026
        // an accident in June 2026, before the membership was registered: not protected, the employer is liable
        Response june = as("petugas.ketapang").get("/api/memberships/" + membership + "/status?date=2026-06-10");
        assertThat(june.json().path("protectedOn").asBoolean()).isFalse();
        assertThat(june.json().path("reason").asString()).isEqualTo("status.not-registered");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'membership_start_correction'"
                                + " AND entity_id = ?")
                        .param(Long.toString(correction))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aRejectedCorrectionChangesNothing() {
        long membership = enrolBpu("petugas.ketapang", participant(), "2026-12")
                .json()
                .path("id")
                .asLong();
        long correction = as("petugas.ketapang")
                .post(
                        "/api/memberships/" + membership + "/start-corrections",
                        json("startMonth", "2026-01", "reason", "Menurut peserta sudah bekerja sejak Januari"))
                .json()
                .path("id")
                .asLong();

        Response rejected = as("admin").post("/api/start-corrections/" + correction + "/reject", "{}");

        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(as("admin")
                        .get("/api/memberships/" + membership)
                        .json()
                        .path("startMonth")
                        .asString())
                .isEqualTo("2026-12");
        assertThat(jdbc.sql("SELECT count(*) FROM bill WHERE membership_id = ?")
                        .param(membership)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
