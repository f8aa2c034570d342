package id.lindung.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.Dues;
import id.lindung.contribution.snap.SimulatedBank;
import id.lindung.enrolment.MembershipId;
import id.lindung.outreach.OutreachRuns;
import id.lindung.selfservice.WorkerHttp.Answer;
import id.lindung.shared.Indonesian;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.CardTokens;
import id.lindung.support.MovableClock;
import id.lindung.support.Niks;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19's proof, end to end over real HTTP: a worker registers from a phone (the code arrives through the
 * outbox's dispatcher at a local SMS gateway that checks the webhook's signature), is shown the VA and amount; a
 * simulated bank inquires and pays that VA over SNAP (the same notification twice is one payment); the public check
 * says protected (and answers an unknown NIK as a wrong birth date); the worker's card statement verifies against
 * the published keys and states the protected-until date. Then the business clock moves past the paid month: the
 * month's billing run, the daily reminder run queues a "missed" SMS, the dispatcher delivers it signed; the worker
 * signs in again (the sign-in answers the same for an unknown NIK), stops reminders (the next day's run queues none,
 * a sign-in code still arrives); the bank pays again and the worker is protected again. The registry has no e-mail
 * address, so a member's reminders go by SMS only (docs/decisions.md, "Outreach"). The dispatcher runs on its
 * schedule (every second here); deliveries are polled for with a bounded wait.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lindung.outreach.dispatch-cron=* * * * * *")
@Import(MovableClock.Setup.class)
@ActiveProfiles("test")
class WorkerStoryTest {

    private static final String SECRET = "story-webhook-secret";
    private static final String DESA = "61.04.01.2011";
    private static final String PHONE = "081355550019";
    private static final String GATEWAY_PHONE = "6281355550019";
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LindungUser OPERATOR =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
    private static final List<JsonNode> SMS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger BAD_SIGNATURES = new AtomicInteger();
    private static final HttpServer GATEWAY;

    static {
        try {
            GATEWAY = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        GATEWAY.createContext("/sms", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String timestamp = exchange.getRequestHeaders().getFirst(OutreachRuns.TIMESTAMP);
            String signature = exchange.getRequestHeaders().getFirst(OutreachRuns.SIGNATURE);
            if (timestamp != null
                    && OutreachRuns.signature(SECRET, timestamp, body).equals(signature)) {
                SMS.add(JSON.readTree(body));
                exchange.sendResponseHeaders(200, -1);
            } else {
                BAD_SIGNATURES.incrementAndGet();
                exchange.sendResponseHeaders(401, -1);
            }
            exchange.close();
        });
        GATEWAY.start();
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add(
                "lindung.outreach.webhook-url",
                () -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/sms");
        registry.add("lindung.outreach.webhook-secret", () -> SECRET);
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dues dues;

    @Autowired
    BillingRuns billing;

    @Autowired
    id.lindung.contribution.snap.SnapClients snapClients;

    @Test
    void aWorkerRegistersIsPaidForByTheBankIsRemindedOfAMissedMonthAndPaysAgain() throws Exception {
        MovableClock time = (MovableClock) clock;
        SimulatedBank bank = new SimulatedBank(port, snapClients).on(clock);
        LocalDate birth = LocalDate.of(1993, 6, 14);
        String nik = Niks.nik(ApiFixtures.kecamatan(DESA), birth, false);

        // 7 December 2026: the worker registers from a phone; the code arrives by SMS through the gateway
        WorkerHttp worker = new WorkerHttp(port);
        worker.get("/saya/daftar");
        assertThat(worker.post("/saya/daftar", "phone", PHONE).status()).isEqualTo(302);
        String code = code(sms("worker-code-register", 1));
        assertThat(worker.post("/saya/daftar/kode", "code", code).status()).isEqualTo(302);
        worker.get("/saya/daftar/data");
        Answer registered = worker.post("/saya/daftar/data", WorkerSelfServiceAttackTest.fields(nik, "1.500.000"));
        assertThat(registered.status()).as(registered.text()).isEqualTo(302);
        Answer home = worker.get("/saya");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("Rudi Ojek", "Perlindungan mulai setelah pembayaran diterima.");
        long membership = Long.parseLong(find(home.text(), "id=\"membership-(\\d+)\""));
        String va = find(home.text(), "<dd class=\"va\">([^<]+)</dd>");
        String psid = va.substring(0, 8);
        String customerNo = va.substring(8);
        long owed = dues.dueNow(MembershipId.of(membership), LindungUser.SYSTEM).amount();
        assertThat(owed).isPositive();
        assertThat(find(home.text(), "<dd class=\"amount\">([^<]+)</dd>")).isEqualTo(Indonesian.rupiah(owed));

        // the bank: inquiry shows that amount; the payment notification, sent twice, is one payment
        String token = bank.token();
        SimulatedBank.Answer inquiry = bank.inquire(token, psid, customerNo);
        assertThat(inquiry.code()).as(inquiry.json().toString()).isEqualTo("2002400");
        assertThat(inquiry.json()
                        .path("virtualAccountData")
                        .path("totalAmount")
                        .path("value")
                        .asString())
                .isEqualTo(owed + ".00");
        String external = SimulatedBank.fresh();
        SimulatedBank.Answer paid = bank.pay(token, psid, customerNo, "story-1", owed, external);
        assertThat(paid.code()).as(paid.json().toString()).isEqualTo("2002500");
        SimulatedBank.Answer replayed = bank.pay(token, psid, customerNo, "story-1", owed, external);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(payments(membership)).isEqualTo(1);

        // the public check: protected to the end of the paid month; an unknown NIK answers as a wrong birth date
        assertThat(check(nik, birth)).contains("Terlindungi hari ini, sampai dengan 31 Desember 2026.");
        String unknownNik = Niks.nik(ApiFixtures.kecamatan(DESA), LocalDate.of(1970, 2, 2), false);
        assertThat(check(unknownNik, birth)).isEqualTo(check(nik, birth.plusDays(1)));

        // the worker's page and card: the QR statement verifies against the published keys
        assertThat(worker.get("/saya").text()).contains("Terlindungi sampai 31 Desember 2026.");
        JsonNode claims = cardClaims(worker, membership);
        assertThat(claims.path("until").asString()).isEqualTo("2026-12-31");
        assertThat(claims.path("ini").asString()).isEqualTo("R. O.");

        // 20 January 2027: January was billed on the 1st, due on the 15th, and not paid
        time.moveTo(LocalDateTime.of(2027, 1, 20, 9, 0));
        billing.run(YearMonth.of(2027, 1), OPERATOR);
        assertThat(OutreachRuns.remindToday(context)).isPositive();
        JsonNode reminder = sms("reminder-missed", 1);
        assertThat(reminder.path("text").asString()).contains("BERHENTI");
        assertThat(BAD_SIGNATURES).hasValue(0);

        // signing in again: the same answer for an unknown NIK, a wrong phone and the right pair
        List<String> answers = new java.util.ArrayList<>();
        for (String[] tried : new String[][] {{unknownNik, PHONE}, {nik, "081399999999"}, {nik, PHONE}}) {
            WorkerHttp browser = new WorkerHttp(port);
            browser.get("/saya/login");
            Answer asked = browser.post("/saya/login", "nik", tried[0], "phone", tried[1]);
            assertThat(asked.status()).isEqualTo(302);
            answers.add(browser.get("/saya/login/kode").text().replaceAll("name=\"_csrf\"\\s+value=\"[^\"]+\"", ""));
            worker = browser;
        }
        assertThat(answers).allMatch(a -> a.equals(answers.get(0)));
        assertThat(worker.post("/saya/login/kode", "code", code(sms("worker-code-sign-in", 1)))
                        .status())
                .isEqualTo(302);
        long owedNow =
                dues.dueNow(MembershipId.of(membership), LindungUser.SYSTEM).amount();
        assertThat(worker.get("/saya").text()).contains(Indonesian.rupiah(owedNow));

        // the worker stops reminders: the next day's run queues none for them, a sign-in code still arrives
        assertThat(worker.post("/saya/pengingat/berhenti").status()).isEqualTo(302);
        assertThat(worker.get("/saya?pengingat-berhenti").text()).contains("Pengingat lewat SMS dihentikan.");
        time.moveTo(LocalDateTime.of(2027, 1, 21, 9, 0));
        OutreachRuns.remindToday(context);
        assertThat(jdbc.sql("SELECT count(*) FROM outreach_message WHERE kind LIKE 'reminder-%'"
                                + " AND dedupe_key LIKE '%:2027-01-21'")
                        .query(Long.class)
                        .single())
                .isZero();
        WorkerHttp again = new WorkerHttp(port);
        again.get("/saya/login");
        again.post("/saya/login", "nik", nik, "phone", PHONE);
        assertThat(again.post("/saya/login/kode", "code", code(sms("worker-code-sign-in", 2)))
                        .status())
                .isEqualTo(302);

        // the bank pays what is owed now; protected again to the end of January
        token = bank.token();
        SimulatedBank.Answer paidAgain = bank.pay(token, psid, customerNo, "story-2", owedNow, SimulatedBank.fresh());
        assertThat(paidAgain.code()).as(paidAgain.json().toString()).isEqualTo("2002500");
        assertThat(payments(membership)).isEqualTo(2);
        assertThat(check(nik, birth)).contains("Terlindungi hari ini, sampai dengan 31 Januari 2027.");
        assertThat(again.get("/saya").text()).contains("Terlindungi sampai 31 Januari 2027.");
        assertThat(cardClaims(again, membership).path("until").asString()).isEqualTo("2027-01-31");
        assertThat(BAD_SIGNATURES).hasValue(0);
    }

    /** The SMS of this kind to the worker's phone, the {@code nth} one; waits for the dispatcher (bounded). */
    private static JsonNode sms(String kind, int nth) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> found = SMS.stream()
                    .filter(m -> m.path("kind").asString().equals(kind)
                            && m.path("to").asString().equals(GATEWAY_PHONE))
                    .toList();
            if (found.size() >= nth) {
                return found.get(nth - 1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + kind + " SMS #" + nth + " within " + DELIVERY_WAIT + "; got " + SMS);
    }

    private static String code(JsonNode sms) {
        return find(sms.path("text").asString(), SIX_DIGITS.pattern());
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as(regex).isTrue();
        return m.group(1);
    }

    /** The public check's page answer for a NIK and birth date (the answer's paragraph, the form's token left out). */
    private String check(String nik, LocalDate birth) {
        WorkerHttp visitor = new WorkerHttp(port);
        visitor.get("/cek-perlindungan");
        Answer answer = visitor.post("/cek-perlindungan", "nik", nik, "birthDate", birth.toString());
        assertThat(answer.status()).isEqualTo(200);
        return answer.text()
                .replaceAll("name=\"_csrf\"\\s+value=\"[^\"]+\"", "")
                .replace(nik, "")
                .replace(birth.toString(), "");
    }

    /** The claims of the card's QR statement, verified against the published keys; the PDF opens too. */
    private JsonNode cardClaims(WorkerHttp worker, long membership) throws Exception {
        Answer page = worker.get("/saya/kepesertaan/" + membership + "/kartu");
        assertThat(page.status()).isEqualTo(200);
        String png = find(page.text(), "src=\"data:image/png;base64,([^\"]+)\"");
        String url = CardTokens.readQr(
                ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png))));
        assertThat(url).startsWith("http://localhost:" + port + "/verifikasi-kartu#");
        JsonNode keys = ApiClient.anonymous(port).get("/api/public/kartu/kunci").json();
        Optional<JsonNode> claims = CardTokens.verify(url.substring(url.indexOf('#') + 1), keys);
        assertThat(claims).isPresent();
        Answer pdf = worker.get("/saya/kepesertaan/" + membership + "/kartu.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.text()).startsWith("%PDF");
        return claims.get();
    }

    private long payments(long membership) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE membership_id = ?")
                .param(membership)
                .query(Long.class)
                .single();
    }
}
