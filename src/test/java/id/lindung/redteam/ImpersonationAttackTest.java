package id.lindung.redteam;

import static id.lindung.contribution.Members.OFFICER;
import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.claim.Claim;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.ClaimStatus;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.Members;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Intakes;
import id.lindung.support.MigratedDatabase;
import id.lindung.support.Niks;
import id.lindung.support.RedTeamIdentityContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Red team, issue 16 point 3 ("people act as themselves"), from the attacker's side: an administrator or officer
 * who may use the API tries to act as someone else — mint a token for another officer, give both approvals of a
 * four-eyes claim or start correction alone (session + token, two tokens), hide behind a token in the audit trail,
 * widen a token beyond their scope, or keep using a token issued for someone else before the fix.
 */
@RedTeamIdentityContext
class ImpersonationAttackTest {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ClaimManagement claims;

    @Autowired
    BillingRuns billing;

    @Autowired
    Payments payments;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    ParticipantManagement participants;

    private ApiClient as(String user) {
        return ApiClient.as(port, user).inEnglish();
    }

    /** {@code user} issues a token for themselves over HTTP Basic: the legitimate way. */
    private ApiClient ownToken(String user, String name) {
        Response issued = as(user).post("/api/tokens", json("name", name + " " + SERIAL.incrementAndGet()));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        assertThat(issued.json().path("username").asString()).isEqualTo(user);
        return ApiClient.withBearer(port, issued.json().path("token").asString())
                .inEnglish();
    }

    private long tokenId(String name) {
        return jdbc.sql("SELECT id FROM api_token WHERE name LIKE ? ORDER BY id DESC LIMIT 1")
                .param(name + "%")
                .query(Long.class)
                .single();
    }

    /** A death claim of Rp70.000.000 (above the four-eyes threshold) of a Ketapang worker, verified. */
    private Claim verifiedClaimAboveThreshold() {
        Membership m = new Members(participants, enrolment).bpu(YearMonth.of(2026, 1), 1_000_000);
        Members.payFirstHalf2026AheadAndBill(m, 16_800, "REDTEAM-ID-" + System.nanoTime(), payments, billing);
        Claim claim = claims.submit(
                Intakes.death(m.participantId(), "WORK_ACCIDENT", LocalDate.of(2026, 5, 10), List.of()), OFFICER);
        Claim withDocument =
                claims.addDocument(ClaimId.of(claim.id()), "LAPORAN_KECELAKAAN", "laporan.pdf", PDF, OFFICER);
        Claim verified =
                claims.verify(ClaimId.of(claim.id()), withDocument.version(), LocalDate.of(2026, 5, 20), OFFICER);
        assertThat(verified.total()).isGreaterThan(claims.fourEyesThreshold());
        return verified;
    }

    @Test
    void anAdministratorCannotMintATokenThatActsAsAnotherOfficer() {
        for (String victim : List.of("petugas.ketapang", "petugas.kalbar", "bank.kalbar", " petugas.ketapang ")) {
            Response minted = as("admin").post("/api/tokens", json("username", victim, "name", "bantuan"));
            assertThat(minted.status()).as(victim + ": " + minted.text()).isEqualTo(422);
            assertThat(minted.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("username");
            assertThat(minted.json().has("token")).isFalse();
        }
        // an officer neither, and a token cannot mint tokens (not even for its own creator)
        assertThat(as("petugas.kalbar")
                        .post("/api/tokens", json("username", "petugas.ketapang", "name", "x"))
                        .status())
                .isEqualTo(422);
        ApiClient adminToken = ownToken("admin", "admin H2H");
        Response chained = adminToken.post("/api/tokens", json("name", "from a token"));
        assertThat(chained.status()).as(chained.text()).isEqualTo(403);
        assertThat(chained.json().path("detail").asString()).contains("own password");
        // no live token of anyone was created by someone else, and the database refuses one outright
        assertThat(jdbc.sql("SELECT count(*) FROM api_token WHERE username <> created_by AND revoked_at IS NULL")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO api_token (username, name, token_hash, prefix, created_by, created_at)
                VALUES ('petugas.ketapang', 'forged', repeat('a', 64), 'lkt_aaaa', 'admin', lindung_now())""").update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void oneOfficerCannotGiveBothApprovals_neitherWithSessionAndToken_norWithTwoTokens() {
        Claim claim = verifiedClaimAboveThreshold();
        ApiClient kalbarToken = ownToken("petugas.kalbar", "kalbar H2H");
        ApiClient kalbarSecondToken = ownToken("petugas.kalbar", "kalbar H2H kedua");

        // a token gives no approval at all, not even the first
        Response byToken = kalbarToken.post("/api/claims/" + claim.id() + "/approve", json("version", claim.version()));
        assertThat(byToken.status()).as(byToken.text()).isEqualTo(403);
        assertThat(byToken.json().path("detail").asString()).contains("not with an API token");

        Response first =
                as("petugas.kalbar").post("/api/claims/" + claim.id() + "/approve", json("version", claim.version()));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().path("status").asString()).isEqualTo(ClaimStatus.AWAITING_SECOND.name());
        int version = first.json().path("version").asInt();

        // the same person again: through either of their tokens, and through their password
        for (ApiClient again : List.of(kalbarToken, kalbarSecondToken, as("petugas.kalbar"))) {
            Response second = again.post("/api/claims/" + claim.id() + "/approve", json("version", version));
            assertThat(second.status()).as(second.text()).isEqualTo(403);
        }
        // another officer's token cannot give the second approval either: a second person must be present
        Response otherToken = ownToken("petugas.ketapang", "ketapang H2H")
                .post("/api/claims/" + claim.id() + "/approve", json("version", version));
        assertThat(otherToken.status()).as(otherToken.text()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT status FROM claim WHERE id = ?")
                        .param(claim.id())
                        .query(String.class)
                        .single())
                .isEqualTo("AWAITING_SECOND");

        Response second =
                as("petugas.ketapang").post("/api/claims/" + claim.id() + "/approve", json("version", version));
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(second.json().path("status").asString()).isEqualTo("APPROVED");
        // the trail names the two real people, neither through a token
        assertThat(jdbc.sql("""
                SELECT actor || ' ' || action || ' ' || coalesce(via_token_id::text, '-') FROM audit_log
                 WHERE entity_type = 'claim' AND entity_id = ? AND action IN ('CLAIM_FIRST_APPROVAL', 'CLAIM_APPROVED')
                 ORDER BY id""")
                        .param(Long.toString(claim.id()))
                        .query(String.class)
                        .list())
                .containsExactly("petugas.kalbar CLAIM_FIRST_APPROVAL -", "petugas.ketapang CLAIM_APPROVED -");
    }

    @Test
    void aStartCorrectionCannotBeRequestedOrApprovedThroughAToken() {
        Membership m = new Members(participants, enrolment).bpu(YearMonth.of(2026, 10), 1_000_000);
        String request = json("startMonth", "2025-06", "reason", "Terdaftar sejak Juni 2025 menurut kartu lama");
        Response byToken = ownToken("petugas.kalbar", "kalbar koreksi")
                .post("/api/memberships/" + m.id() + "/start-corrections", request);
        assertThat(byToken.status()).as(byToken.text()).isEqualTo(403);

        Response requested = as("petugas.kalbar").post("/api/memberships/" + m.id() + "/start-corrections", request);
        assertThat(requested.status()).as(requested.text()).isEqualTo(201);
        long id = requested.json().path("id").asLong();
        // the requester's own token, and another officer's token: both refused; the correction stays pending
        for (ApiClient token :
                List.of(ownToken("petugas.kalbar", "kalbar setuju"), ownToken("petugas.ketapang", "ketapang setuju"))) {
            assertThat(token.post("/api/start-corrections/" + id + "/approve", "{}")
                            .status())
                    .isEqualTo(403);
            assertThat(token.post("/api/start-corrections/" + id + "/reject", "{}")
                            .status())
                    .isEqualTo(403);
        }
        assertThat(jdbc.sql("SELECT status FROM membership_start_correction WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        Response approved = as("petugas.ketapang").post("/api/start-corrections/" + id + "/approve", "{}");
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    }

    @Test
    void whatATokenDoesIsTheCreatorsAndTheTrailSaysItWasThroughThatToken() {
        ApiClient token = ownToken("petugas.kalbar", "Integrasi Disnaker");
        long tokenId = tokenId("Integrasi Disnaker");
        LocalDate birth = LocalDate.of(1991, 3, 14);
        Response registered = ApiFixtures.register(
                token, Niks.nik("610401", birth, true), "Dewi Lestari Token", birth, "P", Members.KETAPANG_DESA);
        long participant = registered.json().path("participant").path("id").asLong();

        assertThat(jdbc.sql("""
                SELECT actor || ' ' || via_token_id || ' ' || via_token_name FROM audit_log
                 WHERE entity_type = 'participant' AND entity_id = ? AND action = 'PARTICIPANT_REGISTERED'""")
                        .param(Long.toString(participant))
                        .query(String.class)
                        .single())
                .startsWith("petugas.kalbar " + tokenId + " Integrasi Disnaker");
        // the history shows it too, to whoever reads it
        Response history = as("admin").get("/api/participants/" + participant + "/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get(0).path("actor").asString()).isEqualTo("petugas.kalbar");
        assertThat(history.json().get(0).path("viaToken").path("id").asLong()).isEqualTo(tokenId);
        assertThat(as("admin").getPage("/peserta/" + participant).text())
                .contains("petugas.kalbar via token " + tokenId + " (Integrasi Disnaker ");
        // the same person through their password: the person alone, no token on the line
        LocalDate other = LocalDate.of(1992, 7, 9);
        Response byPassword = ApiFixtures.register(
                as("petugas.kalbar"),
                Niks.nik("610401", other, false),
                "Agus Tanpa Token",
                other,
                "L",
                Members.KETAPANG_DESA);
        JsonNode line = as("admin")
                .get("/api/participants/"
                        + byPassword.json().path("participant").path("id").asLong() + "/history")
                .json()
                .get(0);
        assertThat(line.path("actor").asString()).isEqualTo("petugas.kalbar");
        assertThat(line.path("viaToken").isNull() || line.path("viaToken").isMissingNode())
                .as(line.toString())
                .isTrue();
        // reads through a password (the history in the API, the page) are the person alone
        assertThat(jdbc.sql("""
                SELECT count(*) FILTER (WHERE via_token_id IS NULL) || '/' || count(*) FROM audit_log
                 WHERE entity_type = 'participant' AND entity_id = ? AND action = 'PARTICIPANT_VIEWED'
                   AND actor = 'admin'""")
                        .param(Long.toString(participant))
                        .query(String.class)
                        .single())
                .isEqualTo("2/2");
    }

    @Test
    void aTokenIsNeverWiderThanItsCreator_andANarrowedOneStaysNarrow() {
        // a kab/kota officer asks for the province, a region elsewhere, or garbage
        for (String scope : List.of("61", "61.71", "6", "61.04'--")) {
            Response wider = as("petugas.ketapang").post("/api/tokens", json("name", "lebar", "scope", scope));
            assertThat(wider.status()).as(scope + ": " + wider.text()).isEqualTo(422);
            assertThat(wider.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("scope");
        }
        // a province officer narrows a token to Ketapang: a Pontianak participant is then out of its reach
        LocalDate birth = LocalDate.of(1987, 8, 1);
        Response pontianak = ApiFixtures.register(
                as("petugas.kalbar"), Niks.nik("617101", birth, true), "Rina Pontianak", birth, "P", "61.71.01.1002");
        long id = pontianak.json().path("participant").path("id").asLong();
        Response issued = as("petugas.kalbar").post("/api/tokens", json("name", "Ketapang saja", "scope", "61.04"));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        assertThat(issued.json().path("scope").asString()).isEqualTo("61.04");
        ApiClient narrow =
                ApiClient.withBearer(port, issued.json().path("token").asString());
        assertThat(narrow.get("/api/participants/" + id).status()).isEqualTo(404);
        assertThat(as("petugas.kalbar").get("/api/participants/" + id).status()).isEqualTo(200);
    }

    @Test
    void tokensIssuedForSomeoneElseBeforeTheFixAreRevokedByTheMigration(
            @Autowired DataSource appDataSource, @Autowired List<JavaMigration> javaMigrations) {
        try (MigratedDatabase old = MigratedDatabase.create(appDataSource, javaMigrations, "tokens")) {
            old.migrateTo("47"); // the last version before V50 on main when this was written
            JdbcClient db = old.jdbc();
            db.sql("""
                    INSERT INTO app_user (username, password_hash, display_name, role, region_scope) VALUES
                      ('admin', 'x', 'Admin', 'ADMIN', '61'), ('petugas.ketapang', 'x', 'Petugas', 'OFFICER', '61.04')
                    """).update();
            db.sql("""
                    INSERT INTO api_token (username, name, token_hash, prefix, created_by, created_at) VALUES
                      ('petugas.ketapang', 'made by admin', repeat('a', 64), 'lkt_aaaa', 'admin', now()),
                      ('admin', 'own', repeat('b', 64), 'lkt_bbbb', 'admin', now())""").update();
            old.migrateTo("latest");
            assertThat(db.sql("SELECT name || ' ' || (revoked_at IS NOT NULL) FROM api_token ORDER BY id")
                            .query(String.class)
                            .list())
                    .containsExactly("made by admin true", "own false");
            assertThat(db.sql("""
                    SELECT actor || ' ' || action || ' ' || region_code || ' ' || (changes->>'createdBy')
                      FROM audit_log WHERE entity_type = 'api_token'""").query(String.class).list()).containsExactly("system API_TOKEN_REVOKED 61.04 admin");
        }
    }
}
