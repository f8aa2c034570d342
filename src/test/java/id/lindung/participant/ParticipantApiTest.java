package id.lindung.participant;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * The participant registry through real HTTP against the running app on a throw-away PostgreSQL: registration
 * with NIK rules, problem details naming the field, uniqueness, duplicates, search, update with audit trail, and
 * the region scope of each user.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ParticipantApiTest {

    private static final String KETAPANG_DESA = "61.04.01.2011"; // Sungai Putri, Kec. Matan Hilir Utara
    private static final String PONTIANAK_DESA = "61.71.01.1002"; // Benuamelayu Laut, Kec. Pontianak Selatan

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    id.lindung.shared.crypto.Vault vault;

    @Autowired
    ParticipantManagement participants;

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    private static String worker(String nik, String name, LocalDate birth, String sex, String desa) {
        return ApiFixtures.worker(nik, name, birth, sex, desa, "phone", "0812-3456-7890", "occupation", "Petani sawit");
    }

    private long register(ApiClient client, String name, LocalDate birth, boolean female, String desa) {
        return ApiFixtures.participant(
                client, name, birth, female, desa, "phone", "0812-3456-7890", "occupation", "Petani sawit");
    }

    @Test
    void registersAWorkerAndShowsItWithRegionNames() {
        LocalDate birth = LocalDate.of(1990, 5, 17);
        String nik = Niks.nik("610401", birth, false);
        Response created = as("petugas.ketapang")
                .post("/api/participants", worker(nik, "  Budi   Santoso ", birth, "L", KETAPANG_DESA));

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("participant").path("id").asLong();
        assertThat(created.raw().headers().firstValue("Location")).contains("/api/participants/" + id);

        JsonNode p = as("petugas.ketapang").get("/api/participants/" + id).json();
        assertThat(p.path("nik").asString()).isEqualTo(nik);
        assertThat(p.path("fullName").asString()).isEqualTo("Budi Santoso");
        assertThat(p.path("desa").asString()).isEqualTo("Sungai Putri");
        assertThat(p.path("kecamatan").asString()).isEqualTo("Matan Hilir Utara");
        assertThat(p.path("kabKota").asString()).isEqualTo("Kabupaten Ketapang");
        assertThat(p.path("phone").asString()).isEqualTo("081234567890");
        assertThat(p.path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void rejectsABrokenNikWithAProblemDetailNamingTheFieldPerRule() {
        LocalDate birth = LocalDate.of(1990, 5, 17);
        Response r = as("petugas.ketapang")
                .post("/api/participants", worker("6104015705900000", "Budi", birth, "L", KETAPANG_DESA));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        List<String> codes = new ArrayList<>();
        r.json().path("errors").forEach(e -> {
            assertThat(e.path("field").asString()).isEqualTo("nik");
            codes.add(e.path("code").asString());
        });
        assertThat(codes).containsExactlyInAnyOrder("nik.sex.mismatch.male", "nik.serial.zero");
        assertThat(r.json().path("errors").get(0).path("message").asString()).isNotBlank();
        assertThat(participants.findByNik("6104015705900000", LindungUser.SYSTEM))
                .isEmpty();
    }

    @Test
    void namesEveryMissingFieldAndSpeaksEnglishWhenAsked() {
        Response r = as("petugas.ketapang").inEnglish().post("/api/participants", "{}");
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).contains("nik", "fullName", "birthDate", "sex", "regionCode");
        assertThat(r.json().path("title").asString()).isEqualTo("Invalid input");
    }

    @Test
    void namesTheFieldOfAValueThatIsNoDate() {
        Response r = as("petugas.ketapang")
                .post("/api/participants", json("nik", "6104011705900007", "birthDate", "17-05-1990"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("birthDate");
    }

    @Test
    void anUnknownKecamatanInTheNikIsAWarningNotARejection() {
        LocalDate birth = LocalDate.of(1985, 1, 2);
        String nik = Niks.nik("610499", birth, true); // kecamatan 61.04.99 does not exist
        Response r =
                as("petugas.ketapang").post("/api/participants", worker(nik, "Siti Aminah", birth, "P", KETAPANG_DESA));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        assertThat(r.json().path("warnings").get(0).path("code").asString()).isEqualTo("nik.kecamatan.unknown");
        assertThat(r.json()
                        .path("participant")
                        .path("nikWarnings")
                        .get(0)
                        .path("code")
                        .asString())
                .isEqualTo("nik.kecamatan.unknown");
    }

    @Test
    void aNikIsRegisteredOnlyOnce() {
        LocalDate birth = LocalDate.of(1979, 3, 4);
        String nik = Niks.nik("610401", birth, false);
        assertThat(as("petugas.ketapang")
                        .post("/api/participants", worker(nik, "Ahmad Yani", birth, "L", KETAPANG_DESA))
                        .status())
                .isEqualTo(201);

        Response again =
                as("petugas.kalbar").post("/api/participants", worker(nik, "Ahmad Yani", birth, "L", KETAPANG_DESA));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().path("errors").get(0).path("code").asString()).isEqualTo("nik.taken");
        assertThat(jdbc.sql("SELECT count(*) FROM participant WHERE nik_hash = ?")
                        .param(vault.index(IdentityView.NIK_INDEX, nik))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void flagsSameNameAndBirthDateWithAnotherNikForReview() {
        LocalDate birth = LocalDate.of(1975, 8, 9);
        long first = register(as("petugas.ketapang"), "Lim Ah Kiong", birth, false, KETAPANG_DESA);
        Response second = as("petugas.kalbar")
                .post(
                        "/api/participants",
                        worker(Niks.nik("617101", birth, false), "LIM  AH KIONG", birth, "L", PONTIANAK_DESA));

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("possibleDuplicates").get(0).asLong()).isEqualTo(first);
        long secondId = second.json().path("participant").path("id").asLong();

        JsonNode open = as("petugas.kalbar")
                .get("/api/participants/duplicates?size=200")
                .json();
        List<Long> pairs = new ArrayList<>();
        open.path("items")
                .forEach(d -> pairs.add(d.path("newer").path("id").asLong() * 1_000_000
                        + d.path("older").path("id").asLong()));
        assertThat(pairs).contains(secondId * 1_000_000 + first);

        // the Ketapang officer cannot resolve a pair that involves a Pontianak participant
        assertThat(as("petugas.ketapang")
                        .post("/api/participants/duplicates/" + secondId + "/" + first + "?confirmed=false", "")
                        .status())
                .isEqualTo(404);
        assertThat(as("petugas.kalbar")
                        .post("/api/participants/duplicates/" + secondId + "/" + first + "?confirmed=false", "")
                        .status())
                .isEqualTo(204);
        assertThat(count("participant_duplicate WHERE participant_id = " + secondId + " AND status = 'DISMISSED'"))
                .isEqualTo(1);
    }

    @Test
    void searchesByNamePrefixWithinAKabKotaOnePageAtATime() {
        LocalDate birth = LocalDate.of(1992, 12, 1);
        for (int i = 0; i < 5; i++) {
            register(
                    as("petugas.ketapang"),
                    "Zulkarnain Halaman " + (char) ('A' + i),
                    birth.plusDays(i),
                    false,
                    KETAPANG_DESA);
        }
        JsonNode page0 = as("petugas.kalbar")
                .get("/api/participants?name=zulkarnain%20hal&region=61.04&size=2")
                .json();
        assertThat(page0.path("total").asLong()).isEqualTo(5);
        assertThat(page0.path("items").size()).isEqualTo(2);
        assertThat(page0.path("items").get(0).path("fullName").asString()).isEqualTo("Zulkarnain Halaman A");
        JsonNode page2 = as("petugas.kalbar")
                .get("/api/participants?name=Zulkarnain&region=61.04&size=2&page=2")
                .json();
        assertThat(page2.path("items").size()).isEqualTo(1);
        assertThat(page2.path("items").get(0).path("fullName").asString()).isEqualTo("Zulkarnain Halaman E");

        assertThat(as("petugas.kalbar")
                        .get("/api/participants?name=Zulkarnain&region=61.71")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        String nik = page0.path("items").get(1).path("nik").asString();
        JsonNode byNik =
                as("petugas.kalbar").get("/api/participants?nik=" + nik).json();
        assertThat(byNik.path("items").get(0).path("fullName").asString()).isEqualTo("Zulkarnain Halaman B");
    }

    @Test
    void updatesKeepAnAuditTrailOfWhoChangedWhat() {
        LocalDate birth = LocalDate.of(1988, 7, 7);
        long id = register(as("petugas.ketapang"), "Dewi Lestari", birth, true, KETAPANG_DESA);
        JsonNode p = as("petugas.ketapang").get("/api/participants/" + id).json();

        JsonNode seen = as("agen.ketapang").get("/api/participants/" + id).json(); // NIK masked, birth year only
        Response updated = as("agen.ketapang")
                .put(
                        "/api/participants/" + id,
                        json(
                                "nik",
                                seen.path("nik").asString(),
                                "fullName",
                                "Dewi Lestari",
                                "sex",
                                "P",
                                "regionCode",
                                KETAPANG_DESA,
                                "phone",
                                "081299990000",
                                "occupation",
                                "Penjahit",
                                "status",
                                "ACTIVE",
                                "version",
                                0));
        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.json().path("version").asInt()).isEqualTo(1);

        JsonNode history = as("petugas.ketapang")
                .get("/api/participants/" + id + "/history")
                .json();
        assertThat(history.size()).isEqualTo(2);
        JsonNode change = history.get(0);
        assertThat(change.path("actor").asString()).isEqualTo("agen.ketapang");
        assertThat(change.path("action").asString()).isEqualTo("PARTICIPANT_UPDATED");
        assertThat(change.path("changesJson").asString())
                .contains("occupation")
                .contains("Penjahit")
                .contains("Petani sawit")
                .doesNotContain("fullName");
        assertThat(history.get(1).path("actor").asString()).isEqualTo("petugas.ketapang");

        // a second write based on the stale version is refused, naming the version
        Response stale = as("petugas.ketapang")
                .put(
                        "/api/participants/" + id,
                        ApiFixtures.worker(
                                p.path("nik").asString(), "Dewi L", birth, "P", KETAPANG_DESA, "version", 0));
        assertThat(stale.status()).isEqualTo(422);
        assertThat(stale.json().path("errors").get(0).path("field").asString()).isEqualTo("version");
    }

    @Test
    void aKetapangUserCanNeitherSeeNorChangeAKotaPontianakParticipant() {
        LocalDate birth = LocalDate.of(1995, 2, 3);
        long pontianak = register(as("petugas.pontianak"), "Tjhai Mei Ling", birth, true, PONTIANAK_DESA);
        String nik = as("petugas.pontianak")
                .get("/api/participants/" + pontianak)
                .json()
                .path("nik")
                .asString();

        ApiClient ketapang = as("petugas.ketapang");
        assertThat(ketapang.get("/api/participants/" + pontianak).status()).isEqualTo(404);
        assertThat(ketapang.get("/api/participants?nik=" + nik)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(ketapang.get("/api/participants?name=Tjhai%20Mei")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(ketapang.get("/api/participants?name=Tjhai%20Mei&region=61.71")
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
        assertThat(ketapang.get("/api/participants/" + pontianak + "/history").status())
                .isEqualTo(404);
        Response change = ketapang.put(
                "/api/participants/" + pontianak, ApiFixtures.worker(nik, "Diubah", birth, "P", KETAPANG_DESA));
        assertThat(change.status()).isEqualTo(404);
        Response create = ketapang.post(
                "/api/participants",
                worker(Niks.nik("617101", birth, false), "Orang Pontianak", birth, "L", PONTIANAK_DESA));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.json().path("detail").asString()).contains("Kota Pontianak");
        assertThat(count("participant WHERE full_name = 'Orang Pontianak'")).isZero();

        // the province sees both, the Pontianak office its own
        assertThat(as("analis.provinsi").get("/api/participants/" + pontianak).status())
                .isEqualTo(200);
        assertThat(as("petugas.pontianak")
                        .get("/api/participants/" + pontianak)
                        .json()
                        .path("fullName")
                        .asString())
                .isEqualTo("Tjhai Mei Ling");
    }

    @Test
    void readOnlyRolesCannotWriteAndStrangersMustSignIn() {
        LocalDate birth = LocalDate.of(1993, 4, 4);
        Response byAnalyst = as("analis.ketapang")
                .post(
                        "/api/participants",
                        worker(Niks.nik("610401", birth, false), "Analis Mencoba", birth, "L", KETAPANG_DESA));
        assertThat(byAnalyst.status()).isEqualTo(403);

        Response anonymous = ApiClient.anonymous(port).get("/api/participants");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(ApiClient.anonymous(port).getPage("/peserta").raw().headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void familyAndBusinessesBelongToTheParticipant() {
        LocalDate birth = LocalDate.of(1980, 10, 10);
        long id = register(as("petugas.ketapang"), "Rahmat Hidayat", birth, false, KETAPANG_DESA);
        LocalDate childBirth = LocalDate.of(2012, 6, 1);
        Response child = as("petugas.ketapang")
                .post(
                        "/api/participants/" + id + "/relatives",
                        ApiFixtures.relative(
                                "CHILD",
                                "Nur Hidayat",
                                Niks.nik("610401", childBirth, true),
                                childBirth.toString(),
                                "P",
                                true));
        assertThat(child.status()).as(child.text()).isEqualTo(201);
        Response badChild = as("petugas.ketapang")
                .post(
                        "/api/participants/" + id + "/relatives",
                        ApiFixtures.relative(
                                "CHILD", "Anak Salah", "6104010106120000", childBirth.toString(), "P", true));
        assertThat(badChild.status()).isEqualTo(422);
        assertThat(as("petugas.ketapang")
                        .get("/api/participants/" + id + "/relatives")
                        .json()
                        .size())
                .isEqualTo(1);

        Response business = as("petugas.ketapang")
                .post(
                        "/api/businesses",
                        json(
                                "nib",
                                "9120301234567",
                                "name",
                                "Kebun Sawit Rahmat",
                                "ownerId",
                                id,
                                "kbli",
                                "01262",
                                "scale",
                                "MIKRO",
                                "regionCode",
                                KETAPANG_DESA,
                                "workerCount",
                                3));
        assertThat(business.status()).as(business.text()).isEqualTo(201);
        Response badNib = as("petugas.ketapang")
                .post(
                        "/api/businesses",
                        json(
                                "nib",
                                "12345",
                                "name",
                                "X",
                                "ownerId",
                                id,
                                "kbli",
                                "1262",
                                "scale",
                                "MIKRO",
                                "regionCode",
                                KETAPANG_DESA,
                                "workerCount",
                                1));
        assertThat(badNib.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        badNib.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("nib", "kbli");
        assertThat(as("petugas.ketapang")
                        .get("/api/participants/" + id + "/businesses")
                        .json()
                        .get(0)
                        .path("nib")
                        .asString())
                .isEqualTo("9120301234567");
        assertThat(as("petugas.pontianak")
                        .get("/api/participants/" + id + "/businesses")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void countsPerKabKotaStayInsideTheScope() {
        register(as("petugas.pontianak"), "Hitung Pontianak", LocalDate.of(1991, 1, 1), false, PONTIANAK_DESA);
        register(as("petugas.ketapang"), "Hitung Ketapang", LocalDate.of(1991, 1, 1), true, KETAPANG_DESA);
        List<String> ketapangCodes = new ArrayList<>();
        as("analis.ketapang")
                .get("/api/participants/counts")
                .json()
                .forEach(c -> ketapangCodes.add(c.path("regionCode").asString()));
        assertThat(ketapangCodes).containsExactly("61.04");
        List<String> provinceCodes = new ArrayList<>();
        as("analis.provinsi")
                .get("/api/participants/counts")
                .json()
                .forEach(c -> provinceCodes.add(c.path("regionCode").asString()));
        assertThat(provinceCodes).contains("61.04", "61.71");
    }

    private long count(String fromWhere) {
        return jdbc.sql("SELECT count(*) FROM " + fromWhere).query(Long.class).single();
    }
}
