package id.lindung.contribution;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Enrolment and contributions through real HTTP: segment rules as problem details naming the field, the region
 * scope on memberships and statements, billing runs only for province-wide officers, idempotent payments, status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContributionApiTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";

    @LocalServerPort
    int port;

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    private long participant(ApiClient client, String desa) {
        return ApiFixtures.participant(client, "Siti Aminah", LocalDate.of(1985, 8, 3), true, desa);
    }

    private long enrolBpu(ApiClient client, long participantId, String start) {
        return ApiFixtures.enrolBpu(client, participantId, 1_000_000, start);
    }

    @Test
    void segmentRulesAnswerWithTheFieldAndAClearMessage() {
        ApiClient ketapang = as("petugas.ketapang");
        long id = participant(ketapang, KETAPANG_DESA);

        Response withJp = ketapang.post(
                "/api/memberships", ApiFixtures.bpu(id, 1_000_000, "2026-01", "programmes", List.of("JP")));
        assertThat(withJp.status()).isEqualTo(422);
        assertThat(withJp.json().path("errors").get(0).path("field").asString()).isEqualTo("programmes");
        assertThat(withJp.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Program JP tidak tersedia untuk segmen BPU.");

        Response lowIncome = ketapang.post("/api/memberships", ApiFixtures.bpu(id, 900_000, "2026-01"));
        assertThat(lowIncome.status()).isEqualTo(422);
        assertThat(lowIncome.json().path("errors").get(0).path("field").asString())
                .isEqualTo("baseAmount");
        assertThat(lowIncome.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Penghasilan yang dilaporkan paling sedikit Rp1.000.000.");

        Response puWithoutEmployer = ketapang.post(
                "/api/memberships",
                json("participantId", id, "segment", "PU", "baseAmount", 4_000_000, "startMonth", "2026-01"));
        assertThat(puWithoutEmployer.status()).isEqualTo(422);
        assertThat(puWithoutEmployer.json().path("errors").get(0).path("field").asString())
                .isEqualTo("employerId");

        long membership = enrolBpu(ketapang, id, "2026-01");
        Response twice = ketapang.post("/api/memberships", ApiFixtures.bpu(id, 1_000_000, "2026-02"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.json().path("errors").get(0).path("code").asString()).isEqualTo("enrolment.already");
        Response shown = ketapang.get("/api/memberships/" + membership);
        assertThat(shown.json().path("programmes").toString()).contains("JKK", "JKM");
        assertThat(shown.json().path("channel").asString()).isEqualTo("SELF");
    }

    @Test
    void aKabKotaUserNeitherSeesNorPaysAnotherKabKotasMembership_norRunsBilling() {
        ApiClient ketapang = as("petugas.ketapang");
        ApiClient pontianak = as("petugas.pontianak");
        long membership = enrolBpu(ketapang, participant(ketapang, KETAPANG_DESA), "2026-01");

        assertThat(pontianak.get("/api/memberships/" + membership).status()).isEqualTo(404);
        assertThat(pontianak
                        .get("/api/memberships/" + membership + "/statement")
                        .status())
                .isEqualTo(404);
        Response pay = pontianak.post("/api/payments", ApiFixtures.payment("PTK-1", membership, 16_800, "2026-01-05"));
        assertThat(pay.status()).isEqualTo(422);
        assertThat(pay.json().path("errors").get(0).path("field").asString()).isEqualTo("membershipId");
        assertThat(ketapang.post("/api/billing-runs", json("period", "2026-01")).status())
                .isEqualTo(403);
        assertThat(as("analis.provinsi")
                        .post("/api/billing-runs", json("period", "2026-01"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void billedPaidOnceAndProtected_withEveryLineExplained() {
        ApiClient ketapang = as("petugas.ketapang");
        long participant = participant(ketapang, KETAPANG_DESA);
        long membership = enrolBpu(ketapang, participant, "2026-03");

        Response run = as("petugas.kalbar").post("/api/billing-runs", json("period", "2026-03"));
        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.json().path("status").asString()).isEqualTo("DONE");

        Response before = ketapang.get("/api/memberships/" + membership + "/status?date=2026-03-20");
        assertThat(before.json().path("protectedOn").asBoolean()).isFalse();
        assertThat(before.json().path("arrears").asLong()).isEqualTo(16_800);

        ApiClient teller = ketapang.withHeader("Idempotency-Key", "TELLER-2026-03-0001");
        String body = json("membershipId", membership, "amount", 16_800, "paidOn", "2026-03-10");
        Response first = teller.post("/api/payments", body);
        Response again = teller.post("/api/payments", body);
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(again.json().path("paymentId").asLong())
                .isEqualTo(first.json().path("paymentId").asLong());

        Response statement = ketapang.get("/api/memberships/" + membership + "/statement?date=2026-03-20");
        assertThat(statement.status()).isEqualTo(200);
        assertThat(statement.json().path("status").path("protectedOn").asBoolean())
                .isTrue();
        assertThat(statement.json().path("status").path("paidUpTo").asString()).isEqualTo("2026-03");
        assertThat(statement.json().path("payments")).hasSize(1);
        var line = statement.json().path("bills").get(0).path("lines").get(0);
        assertThat(line.path("programme").asString()).isEqualTo("JKK");
        assertThat(line.path("amount").asLong()).isEqualTo(10_000);
        assertThat(line.path("rules").get(0).path("legalBasis").asString()).contains("PP 44/2015");
        assertThat(line.path("unconfirmed").asBoolean()).isTrue(); // BPU JKK brackets of Lampiran II unconfirmed

        Response status = ketapang.get("/api/participants/" + participant + "/status?date=2026-03-20");
        assertThat(status.json().get(0).path("protectedOn").asBoolean()).isTrue();
    }

    @Test
    void quotesAndRulesAreServed() {
        ApiClient officer = as("petugas.kalbar");
        Response quote = officer.post("/api/quotes", json("segment", "BPU", "month", "2026-05", "base", 1_000_000));
        assertThat(quote.status()).as(quote.text()).isEqualTo(200);
        assertThat(quote.json().path("total").asLong()).isEqualTo(8_400);
        Response rules = officer.get("/api/contribution-rules");
        assertThat(rules.json().size()).isGreaterThan(20);
        assertThat(officer.put("/api/contribution-rules/cap:3", json("value", 10_600_000))
                        .status())
                .isEqualTo(403);
        Response confirmed = as("admin").put("/api/contribution-rules/rate:1", json("value", 0.25));
        assertThat(confirmed.status()).isEqualTo(422);
    }
}
