package id.lindung.contribution.snap;

import id.lindung.access.LindungUser;
import id.lindung.contribution.DueNow;
import id.lindung.contribution.Dues;
import id.lindung.contribution.VirtualAccounts;
import id.lindung.enrolment.MembershipId;
import id.lindung.shared.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bank Indonesia's SNAP for banks collecting contributions by virtual account (issue 19 point 3): the B2B access token
 * (SHA256withRSA over client key and timestamp) and the transfer-VA inquiry (HMAC-SHA512 over method, path, token,
 * body hash and timestamp; X-EXTERNAL-ID once per partner per day). Every refusal is a SNAP response code (HTTP status,
 * service code, case), never a 5xx; nothing is read from a session. docs/decisions.md, "SNAP for banks".
 */
@RestController
class SnapApi {

    static final String TOKEN_PATH = "/snap/v1.0/access-token/b2b";
    static final String INQUIRY_PATH = "/snap/v1.0/transfer-va/inquiry";
    static final Duration TIMESTAMP_WINDOW = Duration.ofMinutes(5);
    private static final int MAX_BODY = 4096;
    private static final String TOKEN_SERVICE = "73";
    private static final String INQUIRY_SERVICE = "24";

    private final SnapClients clients;
    private final VirtualAccounts virtualAccounts;
    private final Dues dues;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    SnapApi(SnapClients clients, VirtualAccounts virtualAccounts, Dues dues, JdbcClient jdbc, Clock clock) {
        this.clients = clients;
        this.virtualAccounts = virtualAccounts;
        this.dues = dues;
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().build();
        this.clock = clock;
    }

    /** A refusal: the SNAP response code and message. */
    private static final class Refusal extends RuntimeException {
        final String code;

        Refusal(String status, String service, String kase, String message) {
            super(message, null, false, false);
            this.code = status + service + kase;
        }
    }

    @PostMapping(path = TOKEN_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> accessToken(
            @RequestHeader(name = "X-TIMESTAMP", required = false) @Nullable String timestamp,
            @RequestHeader(name = "X-CLIENT-KEY", required = false) @Nullable String clientKey,
            @RequestHeader(name = "X-SIGNATURE", required = false) @Nullable String signature,
            @RequestBody(required = false) @Nullable String body) {
        try {
            String key = mandatory(clientKey, "X-CLIENT-KEY", 64, TOKEN_SERVICE);
            String stamp = mandatory(timestamp, "X-TIMESTAMP", 40, TOKEN_SERVICE);
            String signed = mandatory(signature, "X-SIGNATURE", 1024, TOKEN_SERVICE);
            JsonNode request = parse(body, TOKEN_SERVICE);
            String grantType = field(request, "grantType", 32, TOKEN_SERVICE);
            if (!"client_credentials".equals(grantType)) {
                throw new Refusal("400", TOKEN_SERVICE, "01", "Invalid Field Format [grantType]");
            }
            checkTimestamp(stamp, TOKEN_SERVICE);
            SnapClients.Client client =
                    clients.byKey(key).orElseThrow(() -> unauthorized(TOKEN_SERVICE, "00", "Unknown Client"));
            if (!rsaVerifies(client.publicKeyPem(), key + "|" + stamp, signed)) {
                throw unauthorized(TOKEN_SERVICE, "00", "Signature");
            }
            Map<String, Object> answer = answer("200", TOKEN_SERVICE, "00", "Successful");
            answer.put("accessToken", clients.issueToken(client));
            answer.put("tokenType", "Bearer");
            answer.put("expiresIn", Long.toString(SnapClients.TOKEN_LIFETIME.toSeconds()));
            return ResponseEntity.ok(answer);
        } catch (Refusal r) {
            return refused(r);
        }
    }

    @PostMapping(path = INQUIRY_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, Object>> inquiry(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestHeader(name = "X-TIMESTAMP", required = false) @Nullable String timestamp,
            @RequestHeader(name = "X-SIGNATURE", required = false) @Nullable String signature,
            @RequestHeader(name = "X-PARTNER-ID", required = false) @Nullable String partnerId,
            @RequestHeader(name = "X-EXTERNAL-ID", required = false) @Nullable String externalId,
            @RequestHeader(name = "CHANNEL-ID", required = false) @Nullable String channelId,
            @RequestBody(required = false) @Nullable String body) {
        String s = INQUIRY_SERVICE;
        try {
            String bearer = mandatory(authorization, "Authorization", 200, s);
            if (!bearer.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw unauthorized(s, "01", "Invalid Token (B2B)");
            }
            String token = bearer.substring(7).strip();
            String stamp = mandatory(timestamp, "X-TIMESTAMP", 40, s);
            String signed = mandatory(signature, "X-SIGNATURE", 1024, s);
            String partner = mandatory(partnerId, "X-PARTNER-ID", 64, s);
            String external = mandatory(externalId, "X-EXTERNAL-ID", 36, s);
            mandatory(channelId, "CHANNEL-ID", 5, s);
            JsonNode request = parse(body, s);
            String partnerServiceId = field(request, "partnerServiceId", 8, s);
            String customerNo = field(request, "customerNo", 20, s);
            String vaNo = field(request, "virtualAccountNo", 28, s);
            String inquiryRequestId = field(request, "inquiryRequestId", 128, s);
            checkTimestamp(stamp, s);
            SnapClients.Client client =
                    clients.byToken(token).orElseThrow(() -> unauthorized(s, "01", "Invalid Token (B2B)"));
            if (!partner.equals(client.clientKey())) {
                throw unauthorized(s, "00", "Unknown Partner");
            }
            String stringToSign = "POST:" + INQUIRY_PATH + ":" + token + ":"
                    + Sha256.hex(minify(body == null ? "" : body).getBytes(StandardCharsets.UTF_8)) + ":" + stamp;
            if (!hmacVerifies(client.secret(), stringToSign, signed)) {
                throw unauthorized(s, "00", "Signature");
            }
            if (!clients.firstUseToday(client, external)) {
                throw new Refusal("409", s, "00", "Conflict");
            }
            return ResponseEntity.ok(inquiryAnswer(partnerServiceId, customerNo, vaNo, inquiryRequestId));
        } catch (Refusal r) {
            return refused(r);
        }
    }

    private Map<String, Object> inquiryAnswer(
            String partnerServiceId, String customerNo, String vaNo, String inquiryRequestId) {
        // the partner service id as SNAP pads it or without its spaces, as some banks send it
        Optional<String> number = virtualAccounts
                .membershipNumberOf(vaNo)
                .filter(n -> n.equals(customerNo)
                        && partnerServiceId
                                .strip()
                                .equals(virtualAccounts.partnerServiceId().strip()));
        if (number.isEmpty()) {
            throw new Refusal("404", INQUIRY_SERVICE, "12", "Invalid Bill/Virtual Account [Not Found]");
        }
        record Holder(long membership, @Nullable String name) {}
        Holder holder = jdbc.sql("""
                        SELECT v.membership_id, p.full_name FROM enrolment_membership_v v
                          JOIN participant_identity_v p ON p.participant_id = v.participant_id
                         WHERE v.membership_number = ? AND v.end_month IS NULL""")
                .param(number.get())
                .query((rs, n) -> new Holder(rs.getLong(1), rs.getString(2)))
                .optional()
                .orElseThrow(
                        () -> new Refusal("404", INQUIRY_SERVICE, "12", "Invalid Bill/Virtual Account [Not Found]"));
        DueNow due = dues.dueNow(new MembershipId(holder.membership()), LindungUser.SYSTEM);
        if (due.amount() <= 0) {
            throw new Refusal("404", INQUIRY_SERVICE, "14", "Paid Bill");
        }
        Map<String, Object> va = new LinkedHashMap<>();
        va.put("partnerServiceId", virtualAccounts.partnerServiceId());
        va.put("customerNo", customerNo);
        va.put("virtualAccountNo", virtualAccounts.number(customerNo));
        va.put("virtualAccountName", shownName(holder.name()));
        va.put("inquiryRequestId", inquiryRequestId);
        va.put("totalAmount", Map.of("value", due.amount() + ".00", "currency", "IDR"));
        va.put("inquiryStatus", "00");
        va.put("inquiryReason", Map.of("english", "Success", "indonesia", "Sukses"));
        Map<String, Object> answer = answer("200", INQUIRY_SERVICE, "00", "Successful");
        answer.put("virtualAccountData", va);
        return answer;
    }

    /**
     * The name a bank app shows before the payer confirms: the first word in full, the others as initials ("Siti
     * Rahmawati" becomes "Siti R."), enough to recognise one's own account and little to a stranger guessing numbers.
     */
    static String shownName(@Nullable String fullName) {
        String[] words = (fullName == null ? "" : fullName).strip().split("\\s+");
        StringBuilder shown = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            shown.append(' ').appendCodePoint(words[i].codePointAt(0)).append('.');
        }
        return shown.length() > 255 ? shown.substring(0, 255) : shown.toString();
    }

    private void checkTimestamp(String stamp, String service) {
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(stamp);
        } catch (DateTimeParseException e) {
            throw new Refusal("400", service, "01", "Invalid Field Format [X-TIMESTAMP]");
        }
        Duration off = Duration.between(at.toInstant(), clock.instant()).abs();
        if (off.compareTo(TIMESTAMP_WINDOW) > 0) {
            throw unauthorized(service, "00", "Stale Timestamp");
        }
    }

    private JsonNode parse(@Nullable String body, String service) {
        if (body == null || body.isBlank()) {
            throw new Refusal("400", service, "02", "Invalid Mandatory Field [body]");
        }
        if (body.length() > MAX_BODY) {
            throw new Refusal("400", service, "00", "Bad Request [body too large]");
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new Refusal("400", service, "00", "Bad Request [not a JSON object]");
            }
            return node;
        } catch (JacksonException e) {
            throw new Refusal("400", service, "00", "Bad Request [malformed JSON]");
        }
    }

    private static String field(JsonNode request, String name, int maxLength, String service) {
        JsonNode value = request.get(name);
        if (value == null
                || value.isNull()
                || (value.isString() && value.asString().isBlank())) {
            throw new Refusal("400", service, "02", "Invalid Mandatory Field [" + name + "]");
        }
        if (!value.isString() || value.asString().length() > maxLength) {
            throw new Refusal("400", service, "01", "Invalid Field Format [" + name + "]");
        }
        return value.asString();
    }

    private static String mandatory(@Nullable String header, String name, int maxLength, String service) {
        if (header == null || header.isBlank()) {
            throw new Refusal("400", service, "02", "Invalid Mandatory Field [" + name + "]");
        }
        if (header.length() > maxLength) {
            throw new Refusal("400", service, "01", "Invalid Field Format [" + name + "]");
        }
        return header.strip();
    }

    private static Refusal unauthorized(String service, String kase, String reason) {
        return new Refusal("401", service, kase, "Unauthorized. [" + reason + "]");
    }

    private static boolean rsaVerifies(String publicKeyPem, String text, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(SnapClients.publicKey(publicKeyPem));
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // bad base64 or a signature of the wrong length
        }
    }

    private static boolean hmacVerifies(byte[] secret, String text, String signatureBase64) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(secret, "HmacSHA512"));
            byte[] expected = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The body without the whitespace outside its strings, as SNAP's body hash is taken over it. */
    static String minify(String body) {
        StringBuilder out = new StringBuilder(body.length());
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < body.length()) {
                    out.append(body.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static Map<String, Object> answer(String status, String service, String kase, String message) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("responseCode", status + service + kase);
        answer.put("responseMessage", message);
        return answer;
    }

    private static ResponseEntity<Map<String, Object>> refused(Refusal r) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("responseCode", r.code);
        answer.put("responseMessage", r.getMessage());
        return ResponseEntity.status(Integer.parseInt(r.code.substring(0, 3)))
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer);
    }
}
