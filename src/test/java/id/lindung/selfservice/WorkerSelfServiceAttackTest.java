package id.lindung.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.contribution.Dues;
import id.lindung.enrolment.MembershipId;
import id.lindung.selfservice.WorkerHttp.Answer;
import id.lindung.shared.Indonesian;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Workers' sign-in with a one-time code and self-registration (issue 19) as an attacker and as the worker try them
 * over real HTTP. Codes are read where delivery takes them: the outbox's sensitive SMS. One test method: the limits
 * are per address, and every request here comes from the same one (kept well under them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkerSelfServiceAttackTest {

    private static final String DESA = "61.04.01.2011";
    private static final String NEWEST_CODE_SMS = "SELECT body FROM outreach_message WHERE dedupe_key ="
            + " (SELECT 'worker-code:' || max(id) FROM worker_code WHERE subject = ?)";
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkerCodes codes;

    @Autowired
    Dues dues;

    /** The code of the newest code row of a subject, as the SMS in the outbox says it. */
    private String codeOf(String subject) {
        String body =
                jdbc.sql(NEWEST_CODE_SMS).param(subject).query(String.class).single();
        assertThat(jdbc.sql("SELECT sensitive FROM outreach_message WHERE body = ?")
                        .param(body)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        Matcher m = SIX_DIGITS.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private long codeMessages() {
        return jdbc.sql("SELECT count(*) FROM outreach_message WHERE dedupe_key LIKE 'worker-code:%'")
                .query(Long.class)
                .single();
    }

    private static String pathOf(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }

    /** A worker session that asked for a sign-in code for a NIK and phone: on the code page. */
    private WorkerHttp asked(String nik, String phone) {
        WorkerHttp browser = new WorkerHttp(port);
        browser.get("/saya/login");
        Answer asked = browser.post("/saya/login", "nik", nik, "phone", phone);
        assertThat(asked.status()).as(asked.text()).isEqualTo(302);
        assertThat(pathOf(asked.location())).isEqualTo("/saya/login/kode");
        return browser;
    }

    @Test
    void codesSignInOnlyTheirWorker_onceWithinFiveMinutesAndFiveTries_andWorkerAndStaffStayApart() {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        LocalDate birthA = LocalDate.of(1988, 4, 12);
        String nikA = Niks.nik(ApiFixtures.kecamatan(DESA), birthA, false);
        long a = ApiFixtures.participantId(
                ApiFixtures.register(officer, nikA, "Agus Pekerja", birthA, "L", DESA, "phone", "0812-3456-0001"));
        long membershipA = ApiFixtures.enrolBpu(officer, a, 1_000_000, "2026-12");
        LocalDate birthB = LocalDate.of(1991, 9, 30);
        String nikB = Niks.nik(ApiFixtures.kecamatan(DESA), birthB, true);
        long b = ApiFixtures.participantId(
                ApiFixtures.register(officer, nikB, "Bunga Pekerja", birthB, "P", DESA, "phone", "081234560002"));
        long membershipB = ApiFixtures.enrolBpu(officer, b, 1_000_000, "2026-12");
        String unknownNik = Niks.nik(ApiFixtures.kecamatan(DESA), LocalDate.of(1980, 1, 1), false);

        // the same answer whether the NIK is unknown, the phone is not the registered one, or both match
        long before = codeMessages();
        List<String> pages = new ArrayList<>();
        for (String[] tried :
                new String[][] {{unknownNik, "081234560001"}, {nikA, "081299999999"}, {nikA, "+6281234560001"}}) {
            WorkerHttp browser = asked(tried[0], tried[1]);
            Answer page = browser.get("/saya/login/kode");
            assertThat(page.status()).isEqualTo(200);
            pages.add(page.text().replaceAll("name=\"_csrf\"\\s+value=\"[^\"]+\"", ""));
        }
        assertThat(pages.get(0)).contains("Jika data cocok, kode dikirim ke nomor terdaftar.");
        assertThat(pages).allMatch(p -> p.equals(pages.get(0)));
        // a code went out for the matching pair only, to the number on the record, and none is stored in clear
        assertThat(codeMessages() - before).isEqualTo(1);
        String subjectA = WorkerCodes.participantSubject(a);
        String firstCodeA = codeOf(subjectA);
        assertThat(jdbc.sql("SELECT count(*) FROM worker_code WHERE encode(code_hash, 'escape') LIKE ?")
                        .param("%" + firstCodeA + "%")
                        .query(Long.class)
                        .single())
                .isZero();

        // the right code signs A in, in a new session (no fixation), on A's own page
        WorkerHttp workerA = asked(nikA, "081234560001");
        String codeA = codeOf(subjectA);
        String sessionBefore = workerA.sessionId();
        Answer signedIn = workerA.post("/saya/login/kode", "code", codeA);
        assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(302);
        assertThat(pathOf(signedIn.location())).isEqualTo("/saya");
        assertThat(workerA.sessionId()).isNotEmpty().isNotEqualTo(sessionBefore);
        Answer home = workerA.get("/saya");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Agus Pekerja", "•••001").doesNotContain(nikA, "Bunga");
        long owedA =
                dues.dueNow(MembershipId.of(membershipA), LindungUser.SYSTEM).amount();
        assertThat(owedA).isPositive();
        assertThat(home.text()).contains(Indonesian.rupiah(owedA));
        assertThat(home.text()).contains("Perlindungan mulai setelah pembayaran diterima.");

        // the code once used: refused the second time
        WorkerHttp replay = asked(nikA, "081234560001");
        String codeA2 = codeOf(subjectA);
        assertThat(replay.post("/saya/login/kode", "code", codeA).status()).isEqualTo(422);
        assertThat(replay.post("/saya/login/kode", "code", codeA2).status()).isEqualTo(302);

        // another's membership by changing the id: not found; one's own: shown
        assertThat(workerA.get("/saya/kepesertaan/" + membershipB).status()).isEqualTo(404);
        assertThat(workerA.get("/saya/kepesertaan/99999999").status()).isEqualTo(404);
        assertThat(workerA.get("/saya/kepesertaan/" + membershipA).status()).isEqualTo(200);
        // "Kartu saya" likewise: another's card (page or PDF) is not found, and none is issued for it
        assertThat(workerA.get("/saya/kepesertaan/" + membershipB + "/kartu").status())
                .isEqualTo(404);
        assertThat(workerA.get("/saya/kepesertaan/" + membershipB + "/kartu.pdf")
                        .status())
                .isEqualTo(404);
        assertThat(workerA.get("/saya/kepesertaan/99999999/kartu").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'MEMBERSHIP_CARD_ISSUED' AND entity_id = ?")
                        .param(Long.toString(membershipB))
                        .query(Long.class)
                        .single())
                .isZero();
        Answer card = workerA.get("/saya/kepesertaan/" + membershipA + "/kartu");
        assertThat(card.status()).isEqualTo(200);
        assertThat(card.text())
                .contains("Tidak terlindungi hari ini", "id=\"card-qr\"")
                .doesNotContain(nikA);
        assertThat(workerA.get("/saya/kepesertaan/" + membershipA + "/kartu.pdf")
                        .status())
                .isEqualTo(200);

        // five wrong tries void B's code: the right one then fails too
        String subjectB = WorkerCodes.participantSubject(b);
        WorkerHttp bruteForce = asked(nikB, "081234560002");
        String codeB = codeOf(subjectB);
        String wrong = codeB.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            Answer refused = bruteForce.post("/saya/login/kode", "code", wrong);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.text()).contains("Kode salah atau sudah tidak berlaku.");
        }
        assertThat(bruteForce.post("/saya/login/kode", "code", codeB).status()).isEqualTo(422);

        // an expired code (five minutes passed) is refused
        WorkerHttp late = asked(nikB, "081234560002");
        String lateCode = codeOf(subjectB);
        jdbc.sql("UPDATE worker_code SET expires_at = created_at - interval '1 second' WHERE subject = ?"
                        + " AND spent_at IS NULL")
                .param(subjectB)
                .update();
        assertThat(late.post("/saya/login/kode", "code", lateCode).status()).isEqualTo(422);

        // A's code does not sign in B: the code belongs to A's record
        WorkerHttp asB = asked(nikB, "081234560002");
        asked(nikA, "081234560001");
        String codeForA = codeOf(subjectA);
        assertThat(asB.post("/saya/login/kode", "code", codeForA).status()).isEqualTo(422);
        assertThat(asB.get("/saya").status()).isEqualTo(302);

        // the worker's session opens no staff page or API
        List<String> opened = new ArrayList<>();
        for (String[] row : staffEndpoints()) {
            String path = row[1].replaceAll("\\{[^}]+}", "1").replace("/**", "/x");
            Answer answer =
                    row[0].equals("GET") ? workerA.get(path) : workerA.send(row[0], path, "application/json", "{}");
            boolean refused = answer.status() == 401
                    || answer.status() == 403
                    || (answer.status() == 302
                            && pathOf(answer.location()).replaceAll("\\?.*", "").equals("/login"));
            if (!refused) {
                opened.add(row[0] + " " + path + " -> " + answer.status() + " " + answer.location());
            }
        }
        assertThat(opened).isEmpty();
        assertThat(workerA.get("/saya").status()).isEqualTo(200);

        // a staff session is refused on the workers' pages, sign-in included
        WorkerHttp staff = WorkerHttp.staff(port, "petugas.ketapang");
        assertThat(staff.get("/").status()).isEqualTo(200);
        assertThat(staff.get("/saya").status()).isEqualTo(403);
        assertThat(staff.get("/saya/login").status()).isEqualTo(403);
        assertThat(staff.get("/saya/kepesertaan/" + membershipA).status()).isEqualTo(403);
        assertThat(staff.post("/saya/login", "nik", nikA, "phone", "081234560001")
                        .status())
                .isEqualTo(403);

        // without a CSRF token nothing is posted; signing out ends the worker's session
        assertThat(new WorkerHttp(port)
                        .post("/saya/login", "nik", nikA, "phone", "081234560001")
                        .status())
                .isEqualTo(403);
        Answer out = workerA.post("/saya/keluar");
        assertThat(out.status()).isEqualTo(302);
        assertThat(pathOf(out.location())).isEqualTo("/saya/login?keluar");
        Answer after = workerA.get("/saya");
        assertThat(after.status()).isEqualTo(302);
        assertThat(pathOf(after.location())).isEqualTo("/saya/login");
    }

    @Test
    void aWorkerRegistersFromAPhone_provedByACode_andSeesTheBillAndVirtualAccount_butNeverASecondRecord() {
        String phone = "081377770001";
        WorkerHttp browser = new WorkerHttp(port);
        assertThat(browser.get("/saya/daftar/data").status()).isEqualTo(302); // no phone proved yet
        browser.get("/saya/daftar");
        Answer sent = browser.post("/saya/daftar", "phone", phone);
        assertThat(pathOf(sent.location())).isEqualTo("/saya/daftar/kode");
        String subject = codes.phoneSubject(phone);
        Answer wrongCode = browser.post("/saya/daftar/kode", "code", "12345x");
        assertThat(wrongCode.status()).isEqualTo(422);
        Answer proved = browser.post("/saya/daftar/kode", "code", codeOf(subject));
        assertThat(pathOf(proved.location())).isEqualTo("/saya/daftar/data");
        Answer form = browser.get("/saya/daftar/data");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("name=\"declaredIncome\"", "Ketapang");

        LocalDate birth = LocalDate.of(1995, 3, 21);
        String nik = Niks.nik(ApiFixtures.kecamatan(DESA), birth, false);
        // below the floor: refused, nothing written
        long participantsBefore = count("participant");
        Answer low = browser.post("/saya/daftar/data", fields(nik, "500000"));
        assertThat(low.status()).isEqualTo(422);
        assertThat(count("participant")).isEqualTo(participantsBefore);

        Answer registered = browser.post("/saya/daftar/data", fields(nik, "1.500.000"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(302);
        assertThat(pathOf(registered.location())).isEqualTo("/saya?terdaftar");
        var row = jdbc.sql("""
                SELECT p.id, p.birth_date, p.sex, m.id, m.channel, m.sector, m.membership_number
                  FROM participant p JOIN membership m ON m.participant_id = p.id
                 WHERE p.id = (SELECT max(id) FROM participant)""")
                .query((rs, i) -> List.of(
                        rs.getLong(1),
                        rs.getObject(2).toString(),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .single();
        assertThat(row.get(1)).isEqualTo("1995-03-21");
        assertThat(row.get(2)).isEqualTo("L");
        assertThat(row.get(4)).isEqualTo("SELF");
        assertThat(row.get(5)).isEqualTo("TRANSPORT");
        // audited with the worker as actor
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = ? AND entity_id = ?")
                        .params("pekerja:" + row.get(0), row.get(3).toString())
                        .query(Long.class)
                        .single())
                .isPositive();

        Answer home = browser.get("/saya?terdaftar");
        assertThat(home.status()).isEqualTo(200);
        long owed = dues.dueNow(MembershipId.of((Long) row.get(3)), LindungUser.SYSTEM)
                .amount();
        assertThat(home.text())
                .contains("Perlindungan mulai setelah pembayaran diterima.")
                .contains(row.get(6).toString())
                .contains(Indonesian.rupiah(owed));

        // the same NIK from another proved phone: "already registered", no second record
        WorkerHttp other = new WorkerHttp(port);
        other.get("/saya/daftar");
        other.post("/saya/daftar", "phone", "081377770002");
        other.post("/saya/daftar/kode", "code", codeOf(codes.phoneSubject("081377770002")));
        long before = count("participant");
        Answer again = other.post("/saya/daftar/data", fields(nik, "1500000"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text()).contains("sudah terdaftar");
        assertThat(count("participant")).isEqualTo(before);
    }

    static String[] fields(String nik, String income) {
        return new String[] {
            "nik",
            nik,
            "fullName",
            "Rudi Ojek",
            "kabKota",
            "61.04",
            "kecamatan",
            "61.04.01",
            "regionCode",
            DESA,
            "occupation",
            "Pengemudi ojek",
            "sector",
            "TRANSPORT",
            "declaredIncome",
            income
        };
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** The rows of the authorization table that need a staff sign-in: method and pattern (not the workers' own). */
    static List<String[]> staffEndpoints() {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = WorkerSelfServiceAttackTest.class.getResourceAsStream("/authz/endpoints.csv")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.startsWith("#") || line.startsWith("method,") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", 9);
                if (cells[0].equals("*") || cells[1].startsWith("/saya") || !cells[7].equals("login")) {
                    continue;
                }
                rows.add(new String[] {cells[0], cells[1]});
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(rows).hasSizeGreaterThan(100);
        return rows;
    }
}
