package id.lindung.contribution.snap;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.authz.MatrixClient;
import id.lindung.contribution.Dues;
import id.lindung.contribution.VirtualAccounts;
import id.lindung.contribution.snap.SimulatedBank.Answer;
import id.lindung.enrolment.MembershipId;
import id.lindung.support.ApiClient;
import id.lindung.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The SNAP pages: an administrator registers a bank (its PEM checked, the secret shown once and working at once) and
 * disables it; officers see the day's SNAP payments per bank with rupiah totals and download them as CSV and XLSX;
 * other roles are refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SnapPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    SnapClients clients;

    @Autowired
    VirtualAccounts virtualAccounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Dues dues;

    @Test
    void anAdministratorRegistersABankWhoseSecretIsShownOnceAndWorksAndDisablesIt() throws Exception {
        ApiClient admin = ApiClient.as(port, "admin");
        String key = "PAGE-" + UUID.randomUUID().toString().substring(0, 8);
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();

        MatrixClient.Answer bad = form(
                "admin", "/iuran/snap/bank", Map.of("name", "Bank Kalbar", "clientKey", key, "publicKey", "not a key"));
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.text()).contains("publicKey-error").doesNotContain("snap-secret-value");
        var small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        assertThat(form(
                                "admin",
                                "/iuran/snap/bank",
                                Map.of(
                                        "name",
                                        "Bank Kalbar",
                                        "clientKey",
                                        key,
                                        "publicKey",
                                        SimulatedBank.pem(small.generateKeyPair())))
                        .text())
                .contains("publicKey-error");
        assertThat(clients.registered()).noneMatch(b -> b.clientKey().equals(key));

        MatrixClient.Answer ok = form(
                "admin",
                "/iuran/snap/bank",
                Map.of("name", "Bank Kalbar", "clientKey", key, "publicKey", SimulatedBank.pem(pair)));
        assertThat(ok.status()).isEqualTo(200);
        String secret = ok.text().replaceAll("(?s).*id=\"snap-secret-value\">([^<]+)<.*", "$1");
        assertThat(secret).hasSizeGreaterThan(30).doesNotContain("<");
        // the secret is not shown again
        assertThat(admin.getPage("/iuran/snap/bank").text()).contains(key).doesNotContain(secret);
        // and it works: the bank signs with it
        SimulatedBank bank = SimulatedBank.as(port, key, secret, pair);
        String token = bank.token();
        assertThat(token).isNotBlank();
        String inquiry = "{\"partnerServiceId\":\"" + virtualAccounts.partnerServiceId()
                + "\",\"customerNo\":\"99000000001\",\"virtualAccountNo\":\"" + virtualAccounts.partnerServiceId()
                + "99000000001\",\"inquiryRequestId\":\"p-1\"}";
        assertThat(bank.call(SnapApi.INQUIRY_PATH, token, inquiry).code()).isEqualTo("4042412");

        long id = clients.registered().stream()
                .filter(b -> b.clientKey().equals(key))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(form("petugas.kalbar", "/iuran/snap/bank/nonaktif", Map.of("id", Long.toString(id)))
                        .status())
                .isEqualTo(403);
        assertThat(form("admin", "/iuran/snap/bank/nonaktif", Map.of("id", Long.toString(id)))
                        .status())
                .isEqualTo(302);
        assertThat(clients.registered()).anyMatch(b -> b.clientKey().equals(key) && !b.active());
        assertThat(bank.call(SnapApi.INQUIRY_PATH, token, inquiry).code()).isEqualTo("4012401");

        for (String user : new String[] {"petugas.kalbar", "analis.provinsi", "bank.kalbar", "agen.ketapang"}) {
            assertThat(ApiClient.as(port, user).getPage("/iuran/snap/bank").status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(form(
                                    user,
                                    "/iuran/snap/bank",
                                    Map.of("name", "X", "clientKey", "X-" + user, "publicKey", SimulatedBank.pem(pair)))
                            .status())
                    .as(user)
                    .isEqualTo(403);
        }
        assertThat(clients.registered()).noneMatch(b -> b.clientKey().startsWith("X-"));
    }

    @Test
    void officersReconcileTheDaysSnapPaymentsPerBankAndOtherRolesAreRefused() throws Exception {
        SimulatedBank bank = new SimulatedBank(port, clients);
        String number = SimulatedBank.billedMember(port, jdbc, "Rina Marlina");
        long due = dues.dueNow(new MembershipId(SimulatedBank.membershipOf(jdbc, number)), LindungUser.SYSTEM)
                .amount();
        String psid = virtualAccounts.partnerServiceId();
        Answer paid = bank.call(
                SnapApi.PAYMENT_PATH,
                bank.token(),
                "{\"partnerServiceId\":\"" + psid + "\",\"customerNo\":\"" + number + "\",\"virtualAccountNo\":\""
                        + psid + number + "\",\"paymentRequestId\":\"rec-1\",\"paidAmount\":{\"value\":\"" + due
                        + ".00\",\"currency\":\"IDR\"},\"trxDateTime\":\"" + SimulatedBank.now()
                        + "\",\"referenceNo\":\"REF-REC-1\"}");
        assertThat(paid.code()).isEqualTo("2002500");
        long bankId = clients.registered().stream()
                .filter(b -> b.clientKey().equals(bank.clientKey))
                .findFirst()
                .orElseThrow()
                .id();
        LocalDate today = LocalDate.now(TestClock.CLOCK);
        String query = "?tanggal=" + today + "&bank=" + bankId;

        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        ApiClient.Response page = officer.getPage("/iuran/snap/rekonsiliasi" + query);
        assertThat(page.status()).isEqualTo(200);
        String rupiah = "Rp" + String.format(java.util.Locale.ROOT, "%,d", due).replace(',', '.');
        assertThat(page.text())
                .contains("Rekonsiliasi pembayaran VA bank")
                .contains("REF-REC-1")
                .contains(psid.strip() + number)
                .contains(rupiah)
                .contains("id=\"snap-count\">1<");
        // another day: nothing
        assertThat(officer.getPage("/iuran/snap/rekonsiliasi?tanggal=" + today.minusDays(1) + "&bank=" + bankId)
                        .text())
                .doesNotContain("REF-REC-1");
        // a day that is not a date: today, and the page says so
        assertThat(officer.getPage("/iuran/snap/rekonsiliasi?tanggal=kemarin").text())
                .contains("date-error");

        var csv = officer.getBytes("/iuran/snap/rekonsiliasi.csv" + query);
        assertThat(csv.statusCode()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("rec-1").contains("REF-REC-1").contains(Long.toString(due));

        // the bank chooses paymentRequestId and referenceNo: a formula there arrives in the CSV neutralised
        String second = SimulatedBank.billedMember(port, jdbc, "Rumus Hakim");
        long secondDue = dues.dueNow(new MembershipId(SimulatedBank.membershipOf(jdbc, second)), LindungUser.SYSTEM)
                .amount();
        Answer formula = bank.call(
                SnapApi.PAYMENT_PATH,
                bank.token(),
                "{\"partnerServiceId\":\"" + psid + "\",\"customerNo\":\"" + second + "\",\"virtualAccountNo\":\""
                        + psid + second + "\",\"paymentRequestId\":\"=1+2\",\"paidAmount\":{\"value\":\""
                        + secondDue + ".00\",\"currency\":\"IDR\"},\"trxDateTime\":\"" + SimulatedBank.now()
                        + "\",\"referenceNo\":\"@SUM(A1)\"}");
        assertThat(formula.code()).isEqualTo("2002500");
        String withFormula = new String(
                officer.getBytes("/iuran/snap/rekonsiliasi.csv" + query).body(), StandardCharsets.UTF_8);
        assertThat(withFormula)
                .contains(";'=1+2;")
                .contains(";'@SUM(A1);")
                .doesNotContain(";=1+2;")
                .doesNotContain(";@SUM(A1);");
        var xlsx = officer.getBytes("/iuran/snap/rekonsiliasi.xlsx" + query);
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        assertThat(ApiClient.as(port, "admin")
                        .getPage("/iuran/snap/rekonsiliasi" + query)
                        .text())
                .contains("REF-REC-1");

        for (String user : new String[] {"analis.provinsi", "bank.kalbar", "agen.ketapang"}) {
            ApiClient other = ApiClient.as(port, user);
            assertThat(other.getPage("/iuran/snap/rekonsiliasi" + query).status())
                    .as(user)
                    .isEqualTo(403);
            assertThat(other.getBytes("/iuran/snap/rekonsiliasi.csv" + query).statusCode())
                    .as(user)
                    .isEqualTo(403);
        }
    }

    /** A form posted as a signed-in browser would (session and CSRF token). */
    private MatrixClient.Answer form(String user, String path, Map<String, String> fields) {
        return MatrixClient.signedIn(
                        port, user, ApiClient.DEMO_PASSWORD, MatrixClient.basic(user, ApiClient.DEMO_PASSWORD))
                .send("POST", path, MatrixClient.Body.form(fields), false);
    }
}
