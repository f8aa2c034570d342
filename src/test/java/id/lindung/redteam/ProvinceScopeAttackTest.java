package id.lindung.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserProvisioning;
import id.lindung.coverage.CoverageReadModel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.Kalsel;
import id.lindung.support.Ledger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Every province in one installation (issue 20, point 2): users of Kalimantan Selatan (63) and of Kalimantan Barat
 * (61) side by side. A province's users read nothing of the other province, through pages or the API, whatever code
 * they ask for (the national roll-up {@code 0} included); a kab/kota user not even their own province; the national
 * analyst sees both and the roll-up, which adds up the provinces and lists all 38. Kalimantan Selatan's analysts
 * import its denominators and set its target, and may not write Kalimantan Barat's (nor the other way round).
 * Kalimantan Selatan has no kab/kota boundaries in the reference data: its dashboard says so instead of a map.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProvinceScopeAttackTest {

    private static final LindungUser OFFICER_63 = Kalsel.OFFICER;
    private static final LindungUser OFFICER_61 =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    private static final String KETAPANG_DESA = "61.04.05.2001"; // Sandai, Kabupaten Ketapang

    @Autowired
    private UserProvisioning users;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private ParticipantManagement participants;

    @Autowired
    private EnrolmentManagement enrolment;

    @Autowired
    private CoverageReadModel readModel;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private Clock clock;

    @LocalServerPort
    private int port;

    private long banjarmasinParticipant;
    private long ketapangParticipant;

    @BeforeEach
    void twoProvinces() {
        Kalsel.users(users, transactions);
        List<long[]> members = new ArrayList<>();
        YearMonth start = YearMonth.now(clock).minusMonths(1);
        members.add(Kalsel.enrolBpu(participants, enrolment, Kalsel.BANJARMASIN_DESA, 1980, OFFICER_63, start));
        members.add(Kalsel.enrolBpu(participants, enrolment, Kalsel.BANJARMASIN_DESA, 1981, OFFICER_63, start));
        members.add(Kalsel.enrolBpu(participants, enrolment, Kalsel.TANAH_LAUT_DESA, 1982, OFFICER_63, start));
        long[] kalbar = Kalsel.enrolBpu(participants, enrolment, KETAPANG_DESA, 1983, OFFICER_61, start);
        banjarmasinParticipant = members.get(0)[0];
        ketapangParticipant = kalbar[0];
        Ledger ledger = Ledger.of(context);
        ledger.bill(start);
        ledger.bill(start.plusMonths(1));
        for (long[] m : members) {
            ledger.payOldest(m[1], 2, LocalDate.now(clock), OFFICER_63);
        }
        ledger.payOldest(kalbar[1], 2, LocalDate.now(clock), OFFICER_61);
        readModel.rebuild();
    }

    @Test
    void aProvinceSeesItsOwnAndNothingOfTheOther_theNationalAnalystSeesBoth() {
        ApiClient selatan = ApiClient.as(port, "analis.63");
        ApiClient barat = ApiClient.as(port, "analis.provinsi");
        ApiClient banjarmasin = ApiClient.as(port, "analis.63.71");
        ApiClient national = ApiClient.as(port, "analis.nasional");

        // Kalimantan Selatan's own dashboard: its 13 kab/kota, and plainly no map
        Response own = selatan.getPage("/cakupan");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text())
                .contains("Kalimantan Selatan")
                .contains("coverage-no-map")
                .doesNotContain("id=\"coverage-map\"")
                .contains("data-code=\"63.71\"")
                .doesNotContain("data-code=\"61.");
        JsonNode mine = selatan.get("/api/coverage").json();
        assertThat(mine.path("region").path("code").asString()).isEqualTo("63");
        assertThat(mine.path("total").path("active").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(codes(mine.path("children"))).hasSize(13).allMatch(c -> c.startsWith("63."));

        // nothing of the other province, nor the country, whichever way it is asked
        notFound(selatan, "61", "61.04", "61.04.05", "0");
        notFound(barat, "63", "63.71", "63.71.01", "0");
        notFound(banjarmasin, "63", "63.01", "61");
        assertThat(banjarmasin
                        .get("/api/coverage")
                        .json()
                        .path("region")
                        .path("code")
                        .asString())
                .isEqualTo("63.71");

        // the registry: neither reads the other's participant, nor finds it by NIK or region
        assertThat(ApiClient.as(port, "petugas.63")
                        .get("/api/participants/" + ketapangParticipant)
                        .status())
                .isEqualTo(404);
        assertThat(ApiClient.as(port, "petugas.kalbar")
                        .get("/api/participants/" + banjarmasinParticipant)
                        .status())
                .isEqualTo(404);
        assertThat(ApiClient.as(port, "petugas.63")
                        .get("/api/participants?region=61&size=100")
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(regionsOf(ApiClient.as(port, "petugas.63")
                        .get("/api/participants?size=100")
                        .json()))
                .isNotEmpty()
                .allMatch(r -> r.startsWith("63."));
        assertThat(ApiClient.as(port, "petugas.kalbar")
                        .get("/api/participants?region=63&size=100")
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(selatan.get("/api/participants/counts").text()).doesNotContain("\"61.");

        // the national analyst: both provinces, and the roll-up over all 38
        assertThat(national.getPage("/cakupan?wilayah=63").status()).isEqualTo(200);
        assertThat(national.getPage("/cakupan?wilayah=61.04").status()).isEqualTo(200);
        JsonNode country = national.get("/api/coverage?region=0").json();
        assertThat(country.path("region").path("level").asString()).isEqualTo("NATIONAL");
        assertThat(codes(country.path("children"))).hasSize(38).contains("61", "63");
        long sum = StreamSupport.stream(country.path("children").spliterator(), false)
                .mapToLong(c -> c.path("figure").path("active").asLong())
                .sum();
        assertThat(country.path("total").path("active").asLong())
                .as("the roll-up adds up its provinces")
                .isEqualTo(sum)
                .isGreaterThanOrEqualTo(4);
        Response rollUp = national.getPage("/cakupan?wilayah=0");
        assertThat(rollUp.status()).isEqualTo(200);
        assertThat(rollUp.text())
                .contains("Indonesia")
                .contains("Kalimantan Selatan")
                .contains("Kalimantan Barat")
                .contains("coverage-no-map");
        assertThat(national.getBytes("/cakupan/laporan.pdf?wilayah=0").statusCode())
                .isEqualTo(200);
        // a national user of this (Kalimantan Barat) installation starts at the home province
        assertThat(national.get("/api/coverage")
                        .json()
                        .path("region")
                        .path("code")
                        .asString())
                .isEqualTo("61");
    }

    @Test
    void aProvinceWritesItsOwnDenominatorsAndTargetsOnly() {
        ApiClient selatan = ApiClient.as(port, "analis.63");
        ApiClient barat = ApiClient.as(port, "analis.provinsi");
        int year = YearMonth.now(clock).getYear();
        String header = "region_code;year;segment;workers;source;source_date\n";

        // each refused the other's rows, all rows or none
        assertThat(csv(barat, header + "61.04;" + year + ";FORMAL;80000;Uji;\n63.71;" + year + ";FORMAL;9;Uji;\n")
                        .status())
                .isEqualTo(422);
        assertThat(csv(selatan, header + "61.04;" + year + ";FORMAL;9;Uji;\n").status())
                .isEqualTo(422);
        assertThat(barat.put("/api/coverage/targets/63/" + year, ApiClient.json("target", 4000, "source", "Uji"))
                        .status())
                .isIn(403, 404, 422);

        // Kalimantan Selatan's own: Kota Banjarmasin gets a coverage, under the province's target
        Response imported = csv(
                selatan,
                header + "63.71;" + year + ";FORMAL;60;Uji BPS Kalsel;\n63.71;" + year
                        + ";INFORMAL;40;Uji BPS Kalsel;\n");
        assertThat(imported.status()).isEqualTo(200);
        assertThat(selatan.put(
                                "/api/coverage/targets/63/" + year,
                                ApiClient.json("target", 4000, "source", "Uji RPJMD Kalsel"))
                        .status())
                .isEqualTo(200);
        JsonNode kota = selatan.get("/api/coverage?region=63.71").json().path("total");
        assertThat(kota.path("denominator").asLong()).isEqualTo(100);
        assertThat(kota.path("coverage").isNull()).isFalse();
        assertThat(kota.path("target").asInt()).isEqualTo(4000);
        assertThat(kota.path("targetInherited").asBoolean()).isTrue();
        // Kalimantan Barat's figures are its own still
        assertThat(barat.get("/api/coverage?region=61.04")
                        .json()
                        .path("total")
                        .path("target")
                        .asInt())
                .isNotEqualTo(4000);
    }

    /** Each region answers 404 to the client: the page, the API and the PDF report. */
    private static void notFound(ApiClient client, String... codes) {
        for (String code : codes) {
            assertThat(client.getPage("/cakupan?wilayah=" + code).status())
                    .as("page " + code)
                    .isEqualTo(404);
            assertThat(client.get("/api/coverage?region=" + code).status())
                    .as("API " + code)
                    .isEqualTo(404);
            assertThat(client.getBytes("/cakupan/laporan.pdf?wilayah=" + code).statusCode())
                    .as("PDF " + code)
                    .isEqualTo(404);
        }
    }

    private Response csv(ApiClient client, String csv) {
        return client.postMultipart(
                "/api/coverage/denominators",
                Map.of(),
                "file",
                "penyebut.csv",
                csv.getBytes(StandardCharsets.UTF_8),
                "text/csv");
    }

    private static List<String> codes(JsonNode children) {
        return StreamSupport.stream(children.spliterator(), false)
                .map(c -> c.path("region").path("code").asString())
                .toList();
    }

    private static List<String> regionsOf(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(p -> p.path("regionCode").asString())
                .toList();
    }
}
