package id.lindung.participant;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.kur.KurImportResult;
import id.lindung.kur.KurImports;
import id.lindung.participant.internal.ParticipantRepository;
import id.lindung.shared.crypto.Vault;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.MigratedDatabase;
import id.lindung.support.Niks;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 point 9, one canonical NIK: white space around a NIK (blank, tab, no-break space…) is removed before the
 * rules, storage, uniqueness and search, through the API, the bulk loader and a KUR file; white space or other
 * characters inside are refused naming the field; migration V32 makes stored NIKs canonical and puts the records it
 * cannot (their NIK belongs to another) in the duplicates review queue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CanonicalNikTest {

    private static final String DESA = "61.04.01.2011";
    private static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));

    @LocalServerPort
    int port;

    @Autowired
    DataSource appDataSource;

    @Autowired
    List<JavaMigration> javaMigrations;

    @Autowired
    Vault vault;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ParticipantBulkLoader bulkLoader;

    @Autowired
    KurImports kurImports;

    private final LocalDate birth = LocalDate.of(1979, 2, 17);

    private ApiClient officer() {
        return ApiClient.as(port, "petugas.kalbar");
    }

    private Response register(String nik) {
        return officer().post("/api/participants", ApiFixtures.worker(nik, "Yohanes Ransa", birth, "L", DESA));
    }

    private Response searchByNik(String nik) {
        return officer().get("/api/participants?nik=" + URLEncoder.encode(nik, StandardCharsets.UTF_8));
    }

    private String openNik(long participantId) {
        return vault.openText(
                jdbc.sql("SELECT nik_enc FROM participant WHERE id = ?")
                        .param(participantId)
                        .query(byte[].class)
                        .single(),
                IdentityView.NIK_COLUMN);
    }

    @Test
    void aNikWithWhiteSpaceAroundIsStoredCanonical_theSameNikAgainIsTaken_andSearchWithSpacesFindsIt() {
        String nik = Niks.nik("610401", birth, false);
        Response first = register(" " + nik + " \t\u00A0");
        assertThat(first.status()).as(first.text()).isEqualTo(201);
        long id = first.json().path("participant").path("id").asLong();
        assertThat(first.json().path("participant").path("nik").asString()).isEqualTo(nik);
        assertThat(openNik(id)).isEqualTo(nik);

        Response second = register(nik);
        assertThat(second.status()).as(second.text()).isEqualTo(422);
        assertThat(second.json().path("errors").get(0).path("field").asString()).isEqualTo("nik");
        assertThat(second.json().path("errors").get(0).path("code").asString()).isEqualTo("nik.taken");
        Response third = register("\u3000" + nik + "\r\n");
        assertThat(third.json().path("errors").get(0).path("code").asString()).isEqualTo("nik.taken");

        for (String typed : List.of(nik, " " + nik + "  ", "\t" + nik, nik + "\u00A0", "\u200B" + nik)) {
            Response found = searchByNik(typed);
            assertThat(found.status()).as(found.text()).isEqualTo(200);
            assertThat(found.json().path("items"))
                    .as("search by %s", typed.codePoints().boxed().toList())
                    .hasSize(1);
            assertThat(found.json().path("items").get(0).path("id").asLong()).isEqualTo(id);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM participant WHERE nik_hash = ANY (?::bytea[])")
                        .param(vault.indexes(IdentityView.NIK_INDEX, nik).toArray(byte[][]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void whiteSpaceOrAnyOtherCharacterInsideTheNikIsRefusedNamingTheField() {
        String nik = Niks.nik("610401", birth, false);
        Response inner = register(nik.substring(0, 6) + " " + nik.substring(6));
        assertThat(inner.status()).as(inner.text()).isEqualTo(422);
        assertThat(inner.json().path("errors").get(0).path("field").asString()).isEqualTo("nik");
        assertThat(inner.json().path("errors").get(0).path("code").asString()).isEqualTo("nik.space");
        assertThat(inner.json().path("errors").get(0).path("message").asString())
                .isEqualTo("NIK tidak boleh berisi spasi atau tab di antara angkanya (karakter ke-7).");
        Response dash = register(nik.substring(0, 6) + "-" + nik.substring(7));
        assertThat(dash.json().path("errors").get(0).path("code").asString()).isEqualTo("nik.not-digit");
        Response english = officer()
                .inEnglish()
                .post(
                        "/api/participants",
                        ApiFixtures.worker(nik.substring(0, 15) + "O", "Yohanes Ransa", birth, "L", DESA));
        assertThat(english.json().path("errors").get(0).path("message").asString())
                .isEqualTo("A NIK has only the digits 0-9; character 16 is not a digit.");
    }

    @Test
    void updatesRelativesBulkLoadsAndKurFilesTakeTheCanonicalNikToo() {
        String nik = Niks.nik("610401", birth, false);
        long id = register(nik).json().path("participant").path("id").asLong();
        // an update with spaces around the same NIK changes nothing; another participant's NIK with spaces is taken
        Response update = officer()
                .put(
                        "/api/participants/" + id,
                        ApiFixtures.worker("  " + nik + "\u00A0", "Yohanes Ransa", birth, "L", DESA));
        assertThat(update.status()).as(update.text()).isEqualTo(200);
        assertThat(openNik(id)).isEqualTo(nik);
        String childNik = Niks.nik("610401", LocalDate.of(2015, 8, 17), true);
        Response child = officer()
                .post(
                        "/api/participants/" + id + "/relatives",
                        ApiFixtures.relative("CHILD", "Maria Ransa", "\t" + childNik + " ", "2015-08-17", "P", false));
        assertThat(child.status()).as(child.text()).isEqualTo(201);
        assertThat(child.json().path("nik").asString()).isEqualTo(childNik);

        String bulkNik = Niks.nik("610401", birth, false);
        BulkLoadResult loaded = bulkLoader.load(
                Stream.of(new BulkParticipant(
                        "\u00A0" + bulkNik + " ", "Paulus Ransa", birth, Sex.L, DESA, null, null, List.of(), null)),
                "test",
                OFFICER);
        assertThat(loaded.participants()).isEqualTo(1);
        Response taken = register(bulkNik);
        assertThat(taken.json().path("errors").get(0).path("code").asString()).isEqualTo("nik.taken");

        String loanId = "CN-" + System.nanoTime() % 1_000_000;
        KurImportResult kur = kurImports.importFile(
                "kur.csv",
                new ByteArrayInputStream(
                        ("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n"
                                        + "KALBAR;Ketapang;" + loanId + ";\u00A0" + nik
                                        + "\u00A0;Yohanes Ransa;MIKRO;40000000;"
                                        + "2026-10-01;;61.04\n")
                                .getBytes(StandardCharsets.UTF_8)),
                OFFICER);
        assertThat(kur.errors()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM kur_loan l JOIN participant_identity_v p ON p.nik_hash = l.nik_hash"
                                + " WHERE l.loan_id = ? AND p.participant_id = ?")
                        .params(loanId, id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRecordTheMigrationLeftWithSpacesCanStillBeEdited_butNotGivenAnotherParticipantsNik() {
        String nik = Niks.nik("610401", birth, false);
        long holder = register(nik).json().path("participant").path("id").asLong();
        long spaced = insert(jdbc, " " + nik, "Yohanes Ransa");
        // as V32 leaves such a pair: in the review queue with its reason, on the page and in the API
        jdbc.sql("INSERT INTO participant_duplicate (participant_id, other_id, reason) VALUES (?, ?, 'NIK_WHITESPACE')"
                        + " ON CONFLICT (participant_id, other_id) DO UPDATE SET reason = EXCLUDED.reason")
                .params(spaced, holder)
                .update();
        assertThat(officer().getPage("/peserta/duplikat").text())
                .contains("NIK sama, hanya berbeda spasi di awal atau akhir");
        Response queue = officer().get("/api/participants/duplicates?size=200");
        assertThat(queue.json().path("items").findValues("reason").stream().map(JsonNode::asString))
                .contains("NIK_WHITESPACE");
        // retired by the officer who reviewed the pair, the form sending the NIK back as shown
        Response retired = officer()
                .put(
                        "/api/participants/" + spaced,
                        ApiFixtures.worker(" " + nik, "Yohanes Ransa", birth, "L", DESA, "status", "INACTIVE"));
        assertThat(retired.status()).as(retired.text()).isEqualTo(200);
        assertThat(retired.json().path("status").asString()).isEqualTo("INACTIVE");
        assertThat(openNik(spaced)).isEqualTo(" " + nik);
        assertThat(openNik(holder)).isEqualTo(nik);
        Response other = officer()
                .put(
                        "/api/participants/" + spaced,
                        ApiFixtures.worker(Niks.nik("610401", birth, false), "Yohanes Ransa", birth, "L", DESA));
        assertThat(other.status()).as(other.text()).isEqualTo(200);
        Response taken = officer()
                .put(
                        "/api/participants/" + holder,
                        ApiFixtures.worker(" " + openNik(spaced) + " ", "Yohanes Ransa", birth, "L", DESA));
        assertThat(taken.json().path("errors").get(0).path("code").asString())
                .as(taken.text())
                .isEqualTo("nik.taken");
    }

    @Test
    void migrationV32MakesStoredNiksCanonical_andQueuesTheRecordsThatCollide() {
        try (MigratedDatabase old = MigratedDatabase.create(appDataSource, javaMigrations, "canonical_nik")) {
            old.migrateTo("31");
            JdbcClient db = old.jdbc();
            String a = "6104011702790001";
            String b = "6104015702790002";
            long canonicalA = insert(db, a, "Yohanes Ransa");
            long spacedA = insert(db, " " + a + "\t", "Yohanes Ransa"); // collides with canonicalA
            long spacedB = insert(db, "\u00A0" + b + " ", "Maria Ransa"); // nobody holds b: made canonical
            long spacedBAgain = insert(db, b + "  ", "Maria Ransa"); // then collides with spacedB
            long clean = insert(db, "6104011702790003", "Paulus Ransa");
            // an officer had dismissed the name-and-birth-date pair as two people, not seeing the NIKs agree
            db.sql("INSERT INTO participant_duplicate (participant_id, other_id, status) VALUES (?, ?, 'DISMISSED')")
                    .params(spacedA, canonicalA)
                    .update();
            db.sql("INSERT INTO participant_relative (participant_id, relation, identity_enc) VALUES (?, 'CHILD', ?)")
                    .params(
                            clean,
                            vault.seal(
                                    ("Anak Ransa\u001f 6104015708150002\u00A0\u001f2015-08-17\u001fP")
                                            .getBytes(StandardCharsets.UTF_8),
                                    "participant_relative.identity_enc"))
                    .update();

            old.migrateTo("latest");

            assertThat(nikOf(db, canonicalA)).isEqualTo(a);
            assertThat(nikOf(db, spacedB)).isEqualTo(b);
            assertThat(nikOf(db, clean)).isEqualTo("6104011702790003");
            // left as they were: their canonical NIK belongs to another participant
            assertThat(nikOf(db, spacedA)).isEqualTo(" " + a + "\t");
            assertThat(nikOf(db, spacedBAgain)).isEqualTo(b + "  ");
            assertThat(holdersOf(db, a)).containsExactly(canonicalA);
            assertThat(holdersOf(db, b)).containsExactly(spacedB);
            assertThat(db.sql("SELECT participant_id || '>' || other_id || ' ' || reason || ' ' || status"
                                    + " FROM participant_duplicate ORDER BY 1")
                            .query(String.class)
                            .list())
                    .containsExactly(
                            spacedA + ">" + canonicalA + " NIK_WHITESPACE OPEN",
                            spacedBAgain + ">" + spacedB + " NIK_WHITESPACE OPEN");
            assertThat(db.sql("SELECT action || ' ' || entity_id FROM audit_log WHERE actor = 'system' ORDER BY id")
                            .query(String.class)
                            .list())
                    .containsExactly(
                            "DUPLICATE_FLAGGED " + spacedA,
                            "PARTICIPANT_NIK_CANONICAL " + spacedB,
                            "DUPLICATE_FLAGGED " + spacedBAgain);
            assertThat(vault.openText(
                            db.sql("SELECT identity_enc FROM participant_relative")
                                    .query(byte[].class)
                                    .single(),
                            "participant_relative.identity_enc"))
                    .isEqualTo("Anak Ransa\u001f6104015708150002\u001f2015-08-17\u001fP");
        }
    }

    /** A participant written as older versions did; with the NIK-ending index once the schema has it (V65). */
    private long insert(JdbcClient db, String nik, String name) {
        boolean tail = db.sql("""
                        SELECT EXISTS (SELECT 1 FROM information_schema.columns
                                        WHERE table_name = 'participant' AND column_name = 'nik_tail_hash')""").query(Boolean.class).single();
        List<Object> params = new ArrayList<>(List.of(
                vault.seal(nik.getBytes(StandardCharsets.UTF_8), IdentityView.NIK_COLUMN),
                vault.index(IdentityView.NIK_INDEX, nik)));
        if (tail) {
            params.add(vault.index(ParticipantRepository.NIK_TAIL_INDEX, nik.substring(nik.length() - 4)));
        }
        params.addAll(List.of(name, name, DESA));
        return db.sql("INSERT INTO participant (nik_enc, nik_hash, " + (tail ? "nik_tail_hash, " : "")
                        + "full_name, name_key, birth_date, sex, region_code) VALUES (?, ?, " + (tail ? "?, " : "")
                        + "?, upper(?), '1979-02-17', 'L', ?) RETURNING id")
                .params(params)
                .query(Long.class)
                .single();
    }

    private String nikOf(JdbcClient db, long id) {
        return vault.openText(
                db.sql("SELECT nik_enc FROM participant WHERE id = ?")
                        .param(id)
                        .query(byte[].class)
                        .single(),
                IdentityView.NIK_COLUMN);
    }

    private List<Long> holdersOf(JdbcClient db, String nik) {
        return db.sql("SELECT id FROM participant WHERE nik_hash = ANY (?::bytea[]) ORDER BY id")
                .param(vault.indexes(IdentityView.NIK_INDEX, nik).toArray(byte[][]::new))
                .query(Long.class)
                .list();
    }
}
