package id.lindung.contribution.snap;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank as SNAP tests simulate it: its own RSA key pair and client secret, registered through
 * {@link SnapClients#register}; it asks for tokens and signs transfer-VA calls as a real bank would, stamped by the
 * test clock (or the application's, {@link #on}). Every answer is checked to be below 500. Public for the stories
 * told across modules (selfservice.WorkerStoryTest).
 */
public final class SimulatedBank {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String KETAPANG_DESA = "61.04.01.2011";

    final String clientKey;
    final String secret;
    final KeyPair keys;
    private final int port;
    private Clock clock = TestClock.CLOCK;
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    public record Answer(int status, JsonNode json) {
        public String code() {
            return json.path("responseCode").asString();
        }
    }

    /** A new bank with a fresh key pair and secret, registered through {@link SnapClients#register}. */
    public SimulatedBank(int port, SnapClients clients) throws Exception {
        this(
                port,
                "BANK-" + UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID().toString(),
                newKeys());
        clients.register(clientKey, "Bank Uji", pem(keys), secret);
    }

    private SimulatedBank(int port, String clientKey, String secret, KeyPair keys) {
        this.port = port;
        this.clientKey = clientKey;
        this.secret = secret;
        this.keys = keys;
    }

    /** A bank registered elsewhere (e.g. on the page) with this key, secret and key pair. */
    static SimulatedBank as(int port, String clientKey, String secret, KeyPair keys) {
        return new SimulatedBank(port, clientKey, secret, keys);
    }

    private static KeyPair newKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    static String pem(KeyPair keys) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /** Stamps its calls by {@code clock} (the application's, when a test moves it); this bank. */
    public SimulatedBank on(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** A fresh access token of this bank. */
    public String token() throws Exception {
        return token(stamp(), keys.getPrivate(), clientKey)
                .json()
                .path("accessToken")
                .asString();
    }

    Answer token(String stamp, PrivateKey key, String asClient) throws Exception {
        return post(
                SnapApi.TOKEN_PATH,
                headers(
                        "X-TIMESTAMP",
                        stamp,
                        "X-CLIENT-KEY",
                        asClient,
                        "X-SIGNATURE",
                        rsa(key, asClient + "|" + stamp)),
                "{\"grantType\":\"client_credentials\"}");
    }

    /** A transfer-VA call signed with this bank's secret (or another) and a fresh X-EXTERNAL-ID. */
    Answer call(String path, String token, String body) throws Exception {
        return call(path, token, secret, stamp(), fresh(), body);
    }

    /** The transfer-VA inquiry of a VA ({@code partnerServiceId} and customer number), as a teller's screen asks. */
    public Answer inquire(String token, String psid, String customerNo) throws Exception {
        return call(SnapApi.INQUIRY_PATH, token, inquiryBody(psid, customerNo));
    }

    /** The payment notification of {@code amount} paid to a VA, under {@code externalId} (repeat it to replay). */
    public Answer pay(
            String token, String psid, String customerNo, String paymentRequestId, long amount, String externalId)
            throws Exception {
        return call(
                SnapApi.PAYMENT_PATH,
                token,
                secret,
                stamp(),
                externalId,
                paymentBody(psid, customerNo, paymentRequestId, amount, stamp()));
    }

    /** A payment notification's body, paid at {@code trxDateTime}. */
    static String paymentBody(
            String psid, String customerNo, String paymentRequestId, long amount, String trxDateTime) {
        return "{\"partnerServiceId\":\"" + psid + "\",\"customerNo\":\"" + customerNo + "\",\"virtualAccountNo\":\""
                + psid + customerNo + "\",\"virtualAccountName\":\"Budi S.\",\"paymentRequestId\":\""
                + paymentRequestId + "\",\"paidAmount\":{\"value\":\"" + amount
                + ".00\",\"currency\":\"IDR\"},\"trxDateTime\":\"" + trxDateTime + "\",\"referenceNo\":\"REF"
                + fresh().substring(0, 8) + "\"}";
    }

    /** An inquiry's body with a fresh inquiryRequestId. */
    static String inquiryBody(String psid, String customerNo) {
        return "{\"partnerServiceId\":\"" + psid + "\",\"customerNo\":\"" + customerNo + "\",\"virtualAccountNo\":\""
                + psid + customerNo + "\",\"inquiryRequestId\":\"" + fresh() + "\"}";
    }

    private String stamp() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(STAMP);
    }

    Answer call(String path, String token, String withSecret, String stamp, String external, String body)
            throws Exception {
        return post(path, signedHeaders(path, token, withSecret, stamp, external, body), body);
    }

    Map<String, String> signedHeaders(
            String path, String token, String withSecret, String stamp, String external, String body) throws Exception {
        String minified = body.replaceAll("\\s+(?=([^\"]*\"[^\"]*\")*[^\"]*$)", "");
        String bodyHash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(minified.getBytes(StandardCharsets.UTF_8)));
        String toSign = "POST:" + path + ":" + token + ":" + bodyHash + ":" + stamp;
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(withSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        String signature = Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
        return headers(
                "Authorization", "Bearer " + token,
                "X-TIMESTAMP", stamp,
                "X-SIGNATURE", signature,
                "X-PARTNER-ID", clientKey,
                "X-EXTERNAL-ID", external,
                "CHANNEL-ID", "95221");
    }

    Answer post(String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    /** A member enrolled as BPU on a declared Rp 1,000,000 this month, billed: its membership number. */
    static String billedMember(int port, JdbcClient jdbc, String name) {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        LocalDate birth = LocalDate.of(1985, 1, 1).plusDays(System.nanoTime() % 3000);
        String nik = Niks.nik(ApiFixtures.kecamatan(KETAPANG_DESA), birth, false);
        long participant =
                ApiFixtures.participantId(ApiFixtures.register(officer, nik, name, birth, "L", KETAPANG_DESA));
        String month = LocalDate.now(TestClock.CLOCK).toString().substring(0, 7);
        long membership = ApiFixtures.enrolBpu(officer, participant, 1_000_000, month);
        return jdbc.sql("SELECT membership_number FROM membership WHERE id = ?")
                .param(membership)
                .query(String.class)
                .single();
    }

    static long membershipOf(JdbcClient jdbc, String number) {
        return jdbc.sql("SELECT id FROM membership WHERE membership_number = ?")
                .param(number)
                .query(Long.class)
                .single();
    }

    public static String fresh() {
        return UUID.randomUUID().toString().substring(0, 30);
    }

    static String now() {
        return minutesAgo(0);
    }

    static String minutesAgo(int minutes) {
        return OffsetDateTime.now(TestClock.CLOCK)
                .minusMinutes(minutes)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(STAMP);
    }

    static String rsa(PrivateKey key, String text) throws Exception {
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    static Map<String, String> headers(String... namesAndValues) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }
}
