package id.lindung.sponsorship;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The sponsorship API over real HTTP: who may create and see, a list imported, a simulation for an analyst. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SponsorshipApiTest {

    @LocalServerPort
    int port;

    @Test
    void officersCreateAndImport_analystsSimulate_otherRegionsSeeNothing() {
        YearMonth now = YearMonth.now(TestClock.CLOCK);
        String programme =
                ApiFixtures.ketapangProgramme("Bantuan iuran nelayan Ketapang", 50_000_000, now, now.plusMonths(5));
        assertThat(ApiClient.as(port, "analis.ketapang")
                        .post("/api/sponsorship/programmes", programme)
                        .status())
                .isEqualTo(403);
        Response created = ApiClient.as(port, "petugas.ketapang").post("/api/sponsorship/programmes", programme);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(ApiClient.as(port, "petugas.pontianak")
                        .get("/api/sponsorship/programmes/" + id)
                        .status())
                .isEqualTo(404);

        String nik = Niks.nik("610401", LocalDate.of(1977, 7, 7), false);
        Response imported = ApiClient.as(port, "petugas.ketapang")
                .postMultipart(
                        "/api/sponsorship/programmes/" + id + "/beneficiaries",
                        Map.of(),
                        "file",
                        "penerima.csv",
                        (SponsorshipBeneficiaries.HEADER + "\n" + nik + ";Pak Udin;;61.04.01.2011;Nelayan;\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().path("added").asInt()).isEqualTo(1);
        Response budget = ApiClient.as(port, "analis.ketapang").get("/api/sponsorship/programmes/" + id + "/budget");
        assertThat(budget.json().path("activeMembers").asInt()).isEqualTo(1);
        assertThat(budget.json().path("status").asString()).isEqualTo("OK");

        Response simulation = ApiClient.as(port, "analis.ketapang")
                .post("/api/sponsorship/simulations", "{\"workers\": {\"61.04\": 1000}, \"months\": 12}");
        assertThat(simulation.status()).as(simulation.text()).isEqualTo(200);
        assertThat(simulation.json().path("perWorkerFirstMonth").asLong()).isEqualTo(16_800);
        assertThat(simulation.json().path("cost").asLong()).isEqualTo(1000L * 12 * 16_800);
        assertThat(simulation.json().path("regions").path(0).path("workers").asInt())
                .isEqualTo(1000);
        assertThat(simulation.json().has("province"))
                .as("a kab/kota analyst does not see the province")
                .isFalse();
    }
}
