package id.lindung.redteam;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.kur.KurImportResult;
import id.lindung.kur.KurImports;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.RedTeamIdentityContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Red team, issue 16 point 7 ("reads in proportion"), from the attacker's side: a bank officer, an agent or an
 * analyst who may read the registry tries to page or export all of it unnoticed, a kab/kota officer probes NIKs of
 * another kab/kota through registration and update to learn which are registered, and kab/kota readers look in the
 * KUR lists for another kab/kota's participants. The hourly budgets here are small (the production defaults are in
 * application.properties); the context is shared with {@link ImpersonationAttackTest}, which reads no lists as these
 * users.
 */
@RedTeamIdentityContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkReadAttackTest {

    static final String KETAPANG_DESA = "61.04.01.2011";
    static final String PONTIANAK_DESA = "61.71.01.1002";
    static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    private static final AtomicInteger DAY = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ParticipantManagement participants;

    private ApiClient as(String user) {
        return ApiClient.as(port, user).inEnglish();
    }

    /** A fresh birth date per call, so that every generated NIK is new. */
    private static LocalDate birth() {
        return LocalDate.of(1970, 1, 1).plusDays(DAY.incrementAndGet() * 37L);
    }

    /** "Pekerja" and a letter word of its own ("Pekerja Bcd"): names may hold no digits. */
    private long register(String nikRegion, String desa) {
        LocalDate birth = birth();
        StringBuilder word = new StringBuilder();
        for (int n = DAY.get(); n > 0; n /= 26) {
            word.append((char) ('a' + n % 26));
        }
        String name = "Pekerja " + Character.toUpperCase(word.charAt(0)) + word.substring(1);
        return participants
                .register(
                        new ParticipantDetails(
                                Niks.nik(nikRegion, birth, false), name, birth, Sex.L, desa, null, "Petani", null),
                        OFFICER)
                .participant()
                .id();
    }

    @BeforeAll
    void aRegistryWorthPaging() {
        for (int i = 0; i < 100; i++) {
            register("610401", KETAPANG_DESA);
        }
    }

    private List<String> auditLines(String actor, String action) {
        return jdbc.sql("SELECT entity_id || ' ' || (changes->>'rows') FROM audit_log WHERE actor = ? AND action = ?"
                        + " ORDER BY id")
                .params(actor, action)
                .query(String.class)
                .list();
    }

    @Test
    void anAnalystPagingTheRegistryThroughTheApiIsAuditedPageByPage_andStoppedAtTheLimitWith429() {
        for (int page = 0; page < 3; page++) {
            Response r = as("analis.provinsi").get("/api/participants?size=20&page=" + page);
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().path("items").size()).isEqualTo(20);
        }
        Response stopped = as("analis.provinsi").get("/api/participants?size=20&page=3");
        assertThat(stopped.status()).as(stopped.text()).isEqualTo(429);
        assertThat(stopped.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(stopped.raw().headers().firstValue("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isBetween(1L, 3600L));
        assertThat(stopped.json().path("detail").asString())
                .contains("60 rows per hour")
                .doesNotContain("Exception");
        assertThat(stopped.text()).doesNotContain("Pekerja ");
        // smaller pages do not get round it, nor does the page view
        assertThat(as("analis.provinsi").get("/api/participants?size=1&page=77").status())
                .isEqualTo(429);

        assertThat(auditLines("analis.provinsi", "LIST_READ"))
                .containsExactly("participants 20", "participants 20", "participants 20");
        assertThat(auditLines("analis.provinsi", "LIST_REFUSED")).containsExactly("participants 20", "participants 1");
        String filter = jdbc.sql("SELECT changes::text FROM audit_log WHERE actor = 'analis.provinsi'"
                        + " AND action = 'LIST_READ' ORDER BY id DESC LIMIT 1")
                .query(String.class)
                .single();
        assertThat(filter).contains("\"page\": 2", "\"size\": 20", "\"view\": \"api\"");
    }

    @Test
    void anAgentPagingTheSearchPageIsStoppedWithLindungsOwnErrorPage() {
        for (int page = 0; page < 2; page++) {
            Response r = as("agen.ketapang").getPage("/peserta?size=20&page=" + page);
            assertThat(r.status()).isEqualTo(200);
        }
        Response stopped = as("agen.ketapang").getPage("/peserta?size=20&page=2");
        assertThat(stopped.status()).isEqualTo(429);
        assertThat(stopped.text())
                .contains("Batas baca data tercapai")
                .contains("40 baris per jam")
                .doesNotContain("Pekerja ")
                .doesNotContain("Exception");
        assertThat(auditLines("agen.ketapang", "LIST_READ")).hasSize(2);
    }

    @Test
    void aBankExportingTheRegistryIsCountedBeforeTheFirstRowLeaves() {
        Response export = as("bank.kalbar").getPage("/peserta/ekspor.csv");
        assertThat(export.status()).isEqualTo(429);
        assertThat(export.text()).doesNotContain("Pekerja ");
        assertThat(auditLines("bank.kalbar", "LIST_REFUSED"))
                .singleElement()
                .satisfies(line -> assertThat(line).startsWith("participants.csv "));
        assertThat(auditLines("bank.kalbar", "EXPORT_DOWNLOADED")).isEmpty();
        // a narrow export within the budget goes through, with its row count on the line
        String name = jdbc.sql("SELECT full_name FROM participant WHERE full_name LIKE 'Pekerja %' ORDER BY id DESC"
                        + " LIMIT 1")
                .query(String.class)
                .single();
        Response one = as("bank.kalbar").getPage("/peserta/ekspor.csv?name=" + name.replace(' ', '+'));
        assertThat(one.status()).as(one.text()).isEqualTo(200);
        assertThat(one.text()).contains(name);
        assertThat(jdbc.sql("SELECT (changes->>'rows')::int FROM audit_log WHERE actor = 'bank.kalbar'"
                                + " AND action = 'EXPORT_DOWNLOADED'")
                        .query(Integer.class)
                        .single())
                .isPositive()
                .isLessThan(60);
    }

    @Test
    void probingNiksOfAnotherKabKotaThroughCreateOrUpdateTellsTakenFromFreeApartInNothing() {
        LocalDate taken = birth();
        String takenNik = Niks.nik("617101", taken, false);
        ApiFixtures.register(as("petugas.pontianak"), takenNik, "Warga Pontianak", taken, "L", PONTIANAK_DESA);
        LocalDate free = birth();
        String freeNik = Niks.nik("617101", free, false);

        Response probeTaken = as("petugas.ketapang")
                .post("/api/participants", ApiFixtures.worker(takenNik, "Coba", taken, "L", KETAPANG_DESA));
        Response probeFree = as("petugas.ketapang")
                .post("/api/participants", ApiFixtures.worker(freeNik, "Coba", free, "L", KETAPANG_DESA));
        assertThat(probeTaken.status()).isEqualTo(probeFree.status()).isEqualTo(422);
        assertThat(errors(probeTaken)).isEqualTo(errors(probeFree));
        assertThat(errors(probeTaken).toString())
                .contains("nik.unavailable")
                .doesNotContain("nik.taken")
                .doesNotContain(takenNik)
                .doesNotContain("Pontianak");

        // the same through an update of one's own participant
        long own = register("610401", KETAPANG_DESA);
        Response read = as("petugas.ketapang").get("/api/participants/" + own);
        Response updateTaken = as("petugas.ketapang")
                .put("/api/participants/" + own, ApiFixtures.worker(takenNik, "Coba", taken, "L", KETAPANG_DESA));
        Response updateFree = as("petugas.ketapang")
                .put("/api/participants/" + own, ApiFixtures.worker(freeNik, "Coba", free, "L", KETAPANG_DESA));
        assertThat(updateTaken.status()).isEqualTo(updateFree.status()).isEqualTo(422);
        assertThat(errors(updateTaken)).isEqualTo(errors(probeFree));
        assertThat(as("petugas.ketapang")
                        .get("/api/participants/" + own)
                        .json()
                        .path("nik")
                        .asString())
                .isEqualTo(read.json().path("nik").asString());
        // nothing was written, and each probe left a line for the province to see
        assertThat(jdbc.sql("SELECT count(*) FROM participant WHERE full_name = 'Coba'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(auditLines("petugas.ketapang", "LIST_READ"))
                .filteredOn(l -> l.startsWith("participant-nik"))
                .hasSize(4);

        // inside one's own scope the answer is as before: that NIK is there (the officer can search it anyway)
        Response inScope = as("petugas.ketapang")
                .post(
                        "/api/participants",
                        json(
                                "nik",
                                read.json().path("nik").asString(),
                                "fullName",
                                "Coba",
                                "birthDate",
                                read.json().path("birthDate").asString(),
                                "sex",
                                "L",
                                "regionCode",
                                KETAPANG_DESA));
        assertThat(errors(inScope).toString()).contains("nik.taken");
        // the province desk still registers a newcomer whose NIK another province issued (Kabupaten Bogor)
        LocalDate newcomer = birth();
        Response fromJava = ApiFixtures.register(
                as("petugas.kalbar"),
                Niks.nik("320101", newcomer, false),
                "Pendatang Baru",
                newcomer,
                "L",
                KETAPANG_DESA);
    }

    private static List<String> errors(Response r) {
        return r.json().path("errors").valueStream().map(JsonNode::toString).toList();
    }

    @Test
    void kabKotaReadersSeeNoOutOfScopeParticipantInTheKurLists(@Autowired KurImports imports) {
        // a Ketapang loan whose borrower lives, and is registered, in Pontianak
        LocalDate birth = birth();
        String nik = Niks.nik("610402", birth, false);
        Response moved =
                ApiFixtures.register(as("petugas.kalbar"), nik, "Peminjam Pindahan", birth, "L", PONTIANAK_DESA);
        long participant = moved.json().path("participant").path("id").asLong();
        String loanId = "RT-" + System.nanoTime() % 1_000_000;
        KurImportResult file = imports.importFile(
                "kur.csv",
                new ByteArrayInputStream(
                        ("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n"
                                        + "KALBAR;Ketapang;" + loanId + ";" + nik + ";Peminjam Bank;MIKRO;40000000;"
                                        + "2026-10-01;;61.04\n")
                                .getBytes(StandardCharsets.UTF_8)),
                OFFICER);
        assertThat(file.errors()).isEmpty();

        // the province sees the match
        JsonNode province = loan(as("admin").get("/api/kur/loans?size=200"), loanId);
        assertThat(province.path("participantId").asLong()).isEqualTo(participant);
        assertThat(province.path("matchStatus").asString()).isEqualTo("NOT_ENROLLED");

        // a Ketapang analyst sees that the registry knows the borrower, nothing more
        JsonNode ketapang = loan(as("analis.ketapang").get("/api/kur/loans?size=200"), loanId);
        assertThat(ketapang.path("matchStatus").asString()).isEqualTo("REGISTERED_ELSEWHERE");
        assertThat(ketapang.path("participantId").asLong(0)).isZero(); // null, or left out
        assertThat(ketapang.path("nameMismatch").asBoolean()).isFalse();
        assertThat(ketapang.path("birthMismatch").asBoolean()).isFalse();
        assertThat(ketapang.path("enrolledAtDisbursement").asBoolean()).isFalse();
        // nor does a status filter, the work list or the page give the status away
        assertThat(as("analis.ketapang")
                        .get("/api/kur/loans?size=200&status=NOT_ENROLLED")
                        .json()
                        .path("items")
                        .findValues("loanId")
                        .stream()
                        .map(JsonNode::asString))
                .doesNotContain(loanId);
        assertThat(as("analis.ketapang").get("/api/kur/work-list?size=200").text())
                .doesNotContain(loanId);
        String page = as("analis.ketapang").getPage("/kur/peminjam").text();
        assertThat(page)
                .contains(loanId)
                .contains("Terdaftar di wilayah lain")
                .doesNotContain("/peserta/" + participant + "\"");
        assertThat(as("analis.ketapang").getPage("/kur/peminjam.csv").text())
                .contains(loanId)
                .contains("REGISTERED_ELSEWHERE")
                .doesNotContain(";" + participant + "\n");
    }

    private static JsonNode loan(Response r, String loanId) {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json()
                .path("items")
                .valueStream()
                .filter(l -> l.path("loanId").asString().equals(loanId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(loanId + " not in " + r.text()));
    }
}
