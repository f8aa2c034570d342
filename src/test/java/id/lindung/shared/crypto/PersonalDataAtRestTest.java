package id.lindung.shared.crypto;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.participant.IdentityView;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Specific personal data is not in the database in clear: a worker's NIK, a child's identity, an heir's NIK and bank
 * account, what a claim says and its documents, a KUR borrower's NIK — looked for in every column of every table
 * after they went in through the API. NIKs are shown masked to roles that do not need them, lookups by NIK still
 * work, and a new key re-encrypts everything while matches by NIK keep holding. Own context and database: the
 * rotation leaves data the application's keyring cannot open.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lindung.test.context=personal-data-at-rest")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PersonalDataAtRestTest {

    static final String DESA = "61.04.01.2011";
    static final String ACCOUNT = "0123-01-998877-50-1";
    static final String DIAGNOSIS = "Fraktur-vertebra-lumbal-RSUD";
    static final String CHILD = "Maria Goreti Ransa";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Vault vault;

    @Autowired
    List<SealedColumn> sealedColumns;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${lindung.crypto.keyring}")
    Path keyring;

    String nik;
    String childNik;
    String spouseNik;
    String borrowerNik;
    long participantId;

    @BeforeAll
    void personalDataGoesInThroughTheApi() {
        LocalDate birth = LocalDate.of(1979, 2, 14);
        nik = Niks.nik("610401", birth, false);
        childNik = Niks.nik("610401", LocalDate.of(2015, 8, 17), true);
        spouseNik = Niks.nik("610401", LocalDate.of(1982, 3, 3), true);
        borrowerNik = Niks.nik("610401", LocalDate.of(1988, 12, 1), false);
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");

        Response registered = ApiFixtures.register(officer, nik, "Yohanes Ransa", birth, "L", DESA);
        participantId = registered.json().path("participant").path("id").asLong();
        Response child = officer.post(
                "/api/participants/" + participantId + "/relatives",
                ApiFixtures.relative("CHILD", CHILD, childNik, "2015-08-17", "P", false));
        assertThat(child.status()).as(child.text()).isEqualTo(201);

        Response claim = officer.post(
                "/api/claims",
                ApiFixtures.workAccidentClaim(
                        participantId,
                        "DEATH",
                        "2026-10-01",
                        "note",
                        DIAGNOSIS,
                        "wage",
                        3_000_000,
                        "heirs",
                        List.of(Map.of(
                                "name", "Agnes Ransa", "relation", "SPOUSE", "nik", spouseNik, "bankAccount", ACCOUNT)),
                        "children",
                        List.of(Map.of(
                                "name",
                                CHILD,
                                "birthDate",
                                "2015-08-17",
                                "level",
                                "SD",
                                "yearInLevel",
                                5,
                                "married",
                                false,
                                "working",
                                false,
                                "named",
                                true))));
        assertThat(claim.status()).as(claim.text()).isEqualTo(201);
        long claimId = claim.json().path("id").asLong();
        byte[] pdf = ("%PDF-1.4\n% " + DIAGNOSIS + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        Response document =
                ApiFixtures.claimDocument(officer, claimId, "LAINNYA", "surat-dokter.pdf", pdf, "application/pdf");
        assertThat(document.status()).as(document.text()).isEqualTo(200);
        // read back through the application: opened again
        long documentId = document.json().path("documents").get(0).path("id").asLong();
        assertThat(officer.getBytes("/api/claims/" + claimId + "/documents/" + documentId)
                        .body())
                .isEqualTo(pdf);
        assertThat(officer.get("/api/claims/" + claimId).text()).contains(ACCOUNT, CHILD, spouseNik);

        Response kur = ApiClient.as(port, "bank.kalbar")
                .postMultipart(
                        "/api/kur/files",
                        Map.of(),
                        "file",
                        "kur.csv",
                        ("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n"
                                        + "KALBAR;Ketapang;AT-REST-1;" + borrowerNik
                                        + ";Debitur Rahasia;MIKRO;50000000;2026-10-02;"
                                        + "Perdagangan;61.04\n"
                                        + "KALBAR;Ketapang;AT-REST-2;" + nik
                                        + ";Yohanes Ransa;MIKRO;25000000;2026-10-03;;61.04\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(kur.status()).as(kur.text()).isEqualTo(201);
    }

    /** Every (table.column) holding a value, as text columns of the row or anywhere inside a bytea column. */
    private List<String> whereInClear(String secret) {
        List<String> found = new ArrayList<>();
        List<Map<String, Object>> columns = jdbc.sql("""
                SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
                  JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                 WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
                 ORDER BY 1, 2""").query().listOfRows();
        for (Map<String, Object> c : columns) {
            String table = (String) c.get("table_name");
            String column = (String) c.get("column_name");
            String test = "bytea".equals(c.get("data_type"))
                    ? "position(convert_to(?, 'UTF8') in \"" + column + "\") > 0"
                    : "strpos(\"" + column + "\"::text, ?) > 0";
            long n = jdbc.sql("SELECT count(*) FROM \"" + table + "\" WHERE " + test)
                    .param(secret)
                    .query(Long.class)
                    .single();
            if (n > 0) {
                found.add(table + "." + column);
            }
        }
        return found;
    }

    @Test
    @Order(1)
    void noSpecificPersonalDataIsStoredInClear() {
        // the check sees clear text where there is some: the worker's name is not specific data and stays searchable
        assertThat(whereInClear("Yohanes Ransa")).contains("participant.full_name");

        Map<String, List<String>> inClear = new LinkedHashMap<>();
        for (String secret : List.of(nik, childNik, spouseNik, borrowerNik, ACCOUNT, DIAGNOSIS, CHILD)) {
            List<String> where = whereInClear(secret);
            if (!where.isEmpty()) {
                inClear.put(secret, where);
            }
        }
        assertThat(inClear).as("specific personal data in clear").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM participant WHERE nik_hash = ?")
                        .param(vault.index(IdentityView.NIK_INDEX, nik))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void nikIsShownInFullToOfficers_maskedToOthers_andFindableByAll() {
        String masked = nik.substring(0, 6) + "******" + nik.substring(12);
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        ApiClient analyst = ApiClient.as(port, "analis.ketapang");
        ApiClient agent = ApiClient.as(port, "agen.ketapang");

        assertThat(officer.get("/api/participants/" + participantId)
                        .json()
                        .path("nik")
                        .asString())
                .isEqualTo(nik);
        assertThat(analyst.get("/api/participants/" + participantId)
                        .json()
                        .path("nik")
                        .asString())
                .isEqualTo(masked);
        Response found = analyst.get("/api/participants?nik=" + nik);
        assertThat(found.json().path("total").asLong()).isEqualTo(1);
        assertThat(found.text()).contains(masked).doesNotContain(nik);
        assertThat(agent.get("/api/participants/" + participantId + "/relatives")
                        .text())
                .contains(childNik.substring(0, 6) + "******")
                .doesNotContain(childNik);
        assertThat(officer.get("/api/participants/" + participantId + "/relatives")
                        .text())
                .contains(childNik);
        assertThat(analyst.getPage("/peserta/" + participantId).text())
                .contains(masked)
                .doesNotContain(nik);
        assertThat(officer.getPage("/peserta/" + participantId).text()).contains(nik);
        assertThat(new String(analyst.getBytes("/peserta/ekspor.csv?nik=" + nik).body(), StandardCharsets.UTF_8))
                .contains(masked)
                .doesNotContain(nik);
        // the audit trail keeps the NIK masked for everyone
        assertThat(officer.get("/api/participants/" + participantId + "/history")
                        .text())
                .contains(masked)
                .doesNotContain(nik);
        // the edit form shows what the user may see; sent back masked (and the birth date, which an agent sees as
        // its year, left out), the identity stays as it was
        Response kept = agent.put(
                "/api/participants/" + participantId,
                json(
                        "nik",
                        masked,
                        "fullName",
                        "Yohanes Ransa",
                        "sex",
                        "L",
                        "regionCode",
                        DESA,
                        "phone",
                        "081234567890"));
        assertThat(kept.status()).as(kept.text()).isEqualTo(200);
        assertThat(officer.get("/api/participants/" + participantId)
                        .json()
                        .path("nik")
                        .asString())
                .isEqualTo(nik);
    }

    @Test
    @Order(3)
    void theKeyApiIsForProvinceAdministrators_andNothingIsStaleUnderTheCurrentKey() {
        ApiClient admin = ApiClient.as(port, "admin");
        Response status = admin.get("/api/admin/keys");
        assertThat(status.status()).as(status.text()).isEqualTo(200);
        assertThat(status.json().path("currentDataKey").asInt()).isEqualTo(1);
        assertThat(status.json()
                        .path("valuesPerKey")
                        .path("participant.nik_enc")
                        .path("data key 1")
                        .asLong())
                .isGreaterThanOrEqualTo(1);
        assertThat(ApiClient.as(port, "petugas.kalbar").get("/api/admin/keys").status())
                .isEqualTo(403);
        assertThat(ApiClient.as(port, "petugas.kalbar")
                        .post("/api/admin/keys/rotation", "{}")
                        .status())
                .isEqualTo(403);
        Response nothing = admin.post("/api/admin/keys/rotation", "{}");
        assertThat(nothing.status()).as(nothing.text()).isEqualTo(200);
        nothing.json()
                .properties()
                .forEach(e -> assertThat(e.getValue().asLong()).as(e.getKey()).isZero());
    }

    @Test
    @Order(4)
    void aNewKeyReEncryptsEverything_onceOnly_andMatchesByNikStillHold(@TempDir Path dir) throws Exception {
        Path next = dir.resolve("keyring.properties");
        Files.writeString(
                next,
                Files.readString(keyring)
                                .replace("data.current=1", "data.current=2")
                                .replace("index.current=1", "index.current=2")
                        + "data.2=" + key() + "\nindex.2=" + key() + "\n");
        Vault rotated = new Vault(Keyring.load(next, false));
        KeyRotation rotation = new KeyRotation(rotated, sealedColumns, jdbc, new TransactionTemplate(transactions));
        long matchedBefore = matchedLoans();
        assertThat(matchedBefore).isEqualTo(1);

        Map<String, Long> rewritten = rotation.run();

        assertThat(rewritten)
                .containsKeys(
                        "participant.nik_enc",
                        "participant_relative.identity_enc",
                        "claim.intake_enc",
                        "claim_document.content",
                        "kur_loan.nik_enc");
        rotation.census()
                .forEach((column, perKey) ->
                        assertThat(perKey.keySet()).as(column).allMatch(k -> k.endsWith(" 2")));
        assertThat(rewritten.get("participant.nik_enc"))
                .isEqualTo(jdbc.sql("SELECT count(*) FROM participant")
                        .query(Long.class)
                        .single());
        assertThat(rotation.run().values()).allMatch(n -> n == 0);
        // the new key opens what is there; lookups and matches by the NIK's index hold
        byte[] sealed = jdbc.sql("SELECT nik_enc FROM participant WHERE id = ?")
                .param(participantId)
                .query(byte[].class)
                .single();
        assertThat(Vault.keyOf(sealed)).isEqualTo(2);
        assertThat(rotated.openText(sealed, IdentityView.NIK_COLUMN)).isEqualTo(nik);
        assertThat(jdbc.sql("SELECT count(*) FROM participant WHERE nik_hash = ANY (?::bytea[])")
                        .param(rotated.indexes(IdentityView.NIK_INDEX, nik).toArray(byte[][]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // and so does the search by the NIK's last digits: its index is recomputed under the new key too
        assertThat(jdbc.sql("SELECT count(*) FROM participant WHERE id = ? AND nik_tail_hash = ?")
                        .params(participantId, rotated.index("nik_tail", nik.substring(nik.length() - 4)))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(matchedLoans()).isEqualTo(matchedBefore);
        assertThat(whereInClear(nik)).isEmpty();
    }

    private long matchedLoans() {
        return jdbc.sql("SELECT count(*) FROM kur_loan l JOIN participant_identity_v p ON p.nik_hash = l.nik_hash")
                .query(Long.class)
                .single();
    }

    private static String key() {
        byte[] b = new byte[32];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
    }
}
