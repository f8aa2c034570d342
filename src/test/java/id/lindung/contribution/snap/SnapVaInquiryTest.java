package id.lindung.contribution.snap;

import static id.lindung.contribution.snap.SimulatedBank.fresh;
import static id.lindung.contribution.snap.SimulatedBank.headers;
import static id.lindung.contribution.snap.SimulatedBank.minutesAgo;
import static id.lindung.contribution.snap.SimulatedBank.now;
import static id.lindung.contribution.snap.SimulatedBank.rsa;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.contribution.Dues;
import id.lindung.contribution.VirtualAccounts;
import id.lindung.contribution.snap.SimulatedBank.Answer;
import id.lindung.enrolment.MembershipId;
import id.lindung.shared.Sha256;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 19 point 3, first slice, over HTTP: a simulated bank with its own RSA key pair and client secret asks for a
 * B2B access token and inquires a member's virtual account as a real bank would sign it; a wrong RSA signature, a
 * stale timestamp, a wrong HMAC, a replayed X-EXTERNAL-ID, an unknown VA and malformed bodies get SNAP's codes,
 * never a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SnapVaInquiryTest {

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

    private SimulatedBank bank;
    private String clientKey;
    private String secret;
    private KeyPair bankKeys;

    @BeforeEach
    void registerTheBank() throws Exception {
        bank = new SimulatedBank(port, clients);
        clientKey = bank.clientKey;
        secret = bank.secret;
        bankKeys = bank.keys;
    }

    @Test
    void theBankGetsATokenOnlyWithItsOwnFreshSignature() throws Exception {
        Answer ok = token(now(), bankKeys.getPrivate(), clientKey);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.code()).isEqualTo("2007300");
        assertThat(ok.json().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(ok.json().path("expiresIn").asString()).isEqualTo("900");
        String token = ok.json().path("accessToken").asString();
        assertThat(token).hasSizeGreaterThan(30);
        // only its hash is stored
        assertThat(jdbc.sql("SELECT count(*) FROM snap_token WHERE token_hash = ?")
                        .param(Sha256.of(token.getBytes(StandardCharsets.UTF_8)))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        KeyPair stranger = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        Answer wrongKey = token(now(), stranger.getPrivate(), clientKey);
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.code()).isEqualTo("4017300");
        Answer stale = token(minutesAgo(6), bankKeys.getPrivate(), clientKey);
        assertThat(stale.code()).isEqualTo("4017300");
        Answer unknown = token(now(), bankKeys.getPrivate(), "BANK-NOBODY");
        assertThat(unknown.code()).isEqualTo("4017300");

        // malformed requests: SNAP's 400 codes, never a 5xx
        assertThat(post(
                                "/snap/v1.0/access-token/b2b",
                                headers(
                                        "X-TIMESTAMP",
                                        now(),
                                        "X-CLIENT-KEY",
                                        clientKey,
                                        "X-SIGNATURE",
                                        "%%%not base64%%%"),
                                "{\"grantType\":\"client_credentials\"}")
                        .code())
                .isEqualTo("4017300");
        assertThat(post(
                                "/snap/v1.0/access-token/b2b",
                                headers("X-TIMESTAMP", now(), "X-CLIENT-KEY", clientKey),
                                "{\"grantType\":\"client_credentials\"}")
                        .code())
                .isEqualTo("4007302");
        String stamp = now();
        Map<String, String> signed = headers(
                "X-TIMESTAMP",
                stamp,
                "X-CLIENT-KEY",
                clientKey,
                "X-SIGNATURE",
                rsa(bankKeys.getPrivate(), clientKey + "|" + stamp));
        assertThat(post("/snap/v1.0/access-token/b2b", signed, "{\"grantType\":")
                        .code())
                .isEqualTo("4007300");
        assertThat(post("/snap/v1.0/access-token/b2b", signed, "{\"grantType\":\"password\"}")
                        .code())
                .isEqualTo("4007301");
        assertThat(post("/snap/v1.0/access-token/b2b", signed, "{}").code()).isEqualTo("4007302");
        assertThat(post(
                                "/snap/v1.0/access-token/b2b",
                                headers("X-TIMESTAMP", "yesterday", "X-CLIENT-KEY", clientKey, "X-SIGNATURE", "AAAA"),
                                "{\"grantType\":\"client_credentials\"}")
                        .code())
                .isEqualTo("4007301");
    }

    @Test
    void anInquiryAnswersTheMaskedNameAndTheAmountDueAndRefusesForgeriesAndReplays() throws Exception {
        String number = billedMember("Siti Rahmawati Ningsih");
        String token = token(now(), bankKeys.getPrivate(), clientKey)
                .json()
                .path("accessToken")
                .asString();
        String psid = virtualAccounts.partnerServiceId();
        String body = inquiryBody(psid, number);

        String external = UUID.randomUUID().toString().substring(0, 20);
        Answer ok = inquiry(token, secret, now(), external, body);
        assertThat(ok.status()).as(ok.json().toString()).isEqualTo(200);
        assertThat(ok.code()).isEqualTo("2002400");
        JsonNode va = ok.json().path("virtualAccountData");
        assertThat(va.path("virtualAccountNo").asString()).isEqualTo(virtualAccounts.number(number));
        assertThat(va.path("virtualAccountName").asString()).isEqualTo("Siti R. N.");
        // what the ledger says is due now (the BPU contribution on a declared Rp 1,000,000, after any discount)
        long due = dues.dueNow(new MembershipId(membershipOf(number)), LindungUser.SYSTEM)
                .amount();
        assertThat(due).isPositive();
        assertThat(va.path("totalAmount").path("value").asString()).isEqualTo(due + ".00");
        assertThat(va.path("totalAmount").path("currency").asString()).isEqualTo("IDR");
        assertThat(ok.json().toString()).doesNotContain("Rahmawati");

        // the same X-EXTERNAL-ID again today: conflict
        Answer replay = inquiry(token, secret, now(), external, body);
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.code()).isEqualTo("4092400");

        Answer wrongHmac = inquiry(token, "not-the-secret", now(), fresh(), body);
        assertThat(wrongHmac.status()).isEqualTo(401);
        assertThat(wrongHmac.code()).isEqualTo("4012400");
        Answer stale = inquiry(token, secret, minutesAgo(6), fresh(), body);
        assertThat(stale.code()).isEqualTo("4012400");
        Answer badToken = inquiry("no-such-token", secret, now(), fresh(), body);
        assertThat(badToken.code()).isEqualTo("4012401");

        // a VA nobody holds: SNAP's not-found code
        String nobody = number.substring(0, 10) + (char) ('0' + (number.charAt(10) - '0' + 1) % 10);
        Answer unknown = inquiry(token, secret, now(), fresh(), inquiryBody(psid, nobody));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("4042412");
        Answer foreign = inquiry(token, secret, now(), fresh(), inquiryBody("   99999", number));
        assertThat(foreign.code()).isEqualTo("4042412");

        // malformed bodies and headers: 400-class SNAP codes, never a 5xx
        assertThat(inquiry(token, secret, now(), fresh(), "{\"partnerServiceId\": [")
                        .code())
                .isEqualTo("4002400");
        assertThat(inquiry(token, secret, now(), fresh(), "{\"partnerServiceId\":\"" + psid + "\"}")
                        .code())
                .isEqualTo("4002402");
        String oversized = inquiryBody(psid, number, "x".repeat(200));
        assertThat(inquiry(token, secret, now(), fresh(), oversized).code()).isEqualTo("4002401");
        assertThat(inquiry(token, secret, now(), "x".repeat(40), body).code()).isEqualTo("4002401");
        Map<String, String> noChannel = inquiryHeaders(token, secret, now(), fresh(), body);
        noChannel.remove("CHANNEL-ID");
        assertThat(post("/snap/v1.0/transfer-va/inquiry", noChannel, body).code())
                .isEqualTo("4002402");
        Map<String, String> badSignature = inquiryHeaders(token, secret, now(), fresh(), body);
        badSignature.put("X-SIGNATURE", "***");
        assertThat(post("/snap/v1.0/transfer-va/inquiry", badSignature, body).code())
                .isEqualTo("4012400");
        // no session or cookie is handed out
        HttpResponse<String> raw = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + "/snap/v1.0/transfer-va/inquiry"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(raw.statusCode()).isBetween(400, 499);
        assertThat(raw.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private String billedMember(String name) {
        return SimulatedBank.billedMember(port, jdbc, name);
    }

    private long membershipOf(String number) {
        return SimulatedBank.membershipOf(jdbc, number);
    }

    private static String inquiryBody(String psid, String customerNo) {
        return inquiryBody(psid, customerNo, "inq-" + fresh());
    }

    private static String inquiryBody(String psid, String customerNo, String inquiryRequestId) {
        // as a bank sends it: pretty-printed; the signature is over the minified form
        return "{\n  \"partnerServiceId\": \"" + psid + "\",\n  \"customerNo\": \"" + customerNo
                + "\",\n  \"virtualAccountNo\": \"" + psid + customerNo
                + "\",\n  \"inquiryRequestId\": \"" + inquiryRequestId + "\"\n}";
    }

    private Answer token(String stamp, PrivateKey key, String asClient) throws Exception {
        return bank.token(stamp, key, asClient);
    }

    private Answer inquiry(String token, String withSecret, String stamp, String external, String body)
            throws Exception {
        return bank.call(SnapApi.INQUIRY_PATH, token, withSecret, stamp, external, body);
    }

    private Map<String, String> inquiryHeaders(
            String token, String withSecret, String stamp, String external, String body) throws Exception {
        return bank.signedHeaders(SnapApi.INQUIRY_PATH, token, withSecret, stamp, external, body);
    }

    private Answer post(String path, Map<String, String> headers, String body) throws Exception {
        return bank.post(path, headers, body);
    }
}
