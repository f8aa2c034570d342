package id.lindung.interop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner programme as a DCI client would be written from the standard and docs/decisions.md, independently of
 * Lindung's own code: its Ed25519 key pair, its bearer token (EdDSA compact JWS) and its message signatures (the
 * canonical JSON made by Jackson's sorted maps, not by Lindung's canonicaliser). Registered through
 * {@link DciPartners}. Used by the interop tests and {@code bench.DciBenchmark}.
 */
public final class SimulatedPartner {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public final String senderId;
    public final KeyPair keys;
    final int port;
    final Clock clock;
    final String receiverId;

    /** A partner's answer from Lindung. */
    public record Answer(int status, JsonNode json, String text) {}

    /**
     * Registers a new partner with its own key pair.
     *
     * @param fields the agreement's fields: REGISTERED, PROGRAMMES, PROTECTED_UNTIL
     * @param idTypes NIK, MEMBERSHIP_NUMBER
     */
    public SimulatedPartner(
            ApplicationContext context,
            int port,
            String senderId,
            Set<String> fields,
            Set<String> idTypes,
            int maxBatch,
            int lookupsPerHour,
            @Nullable URI callback) {
        this.senderId = senderId;
        this.port = port;
        this.clock = context.getBean(Clock.class);
        this.receiverId = context.getBean(InteropProperties.class).receiverId();
        this.keys = ed25519();
        Set<DciPartners.Field> f = EnumSet.noneOf(DciPartners.Field.class);
        fields.forEach(n -> f.add(DciPartners.Field.valueOf(n)));
        Set<DciPartners.IdType> t = EnumSet.noneOf(DciPartners.IdType.class);
        idTypes.forEach(n -> t.add(DciPartners.IdType.valueOf(n)));
        context.getBean(DciPartners.class)
                .register(senderId, senderId, keys.getPublic(), callback, f, t, maxBatch, lookupsPerHour, true);
    }

    /** Every field and identifier type, batches up to 1,000, a million look-ups an hour, no callback. */
    public static SimulatedPartner full(ApplicationContext context, int port, String senderId) {
        return new SimulatedPartner(
                context,
                port,
                senderId,
                Set.of("REGISTERED", "PROGRAMMES", "PROTECTED_UNTIL"),
                Set.of("NIK", "MEMBERSHIP_NUMBER"),
                1000,
                1_000_000,
                null);
    }

    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A search message ({@code header} and {@code message}, unsigned): each query {reference_id, type, value}. */
    public ObjectNode search(String messageId, List<String[]> queries) {
        String now = stamp(0);
        ObjectNode request = JSON.createObjectNode();
        ObjectNode header = request.putObject("header");
        header.put("version", "1.0.0");
        header.put("message_id", messageId);
        header.put("message_ts", now);
        header.put("action", "search");
        header.put("sender_id", senderId);
        header.put("receiver_id", receiverId);
        header.put("total_count", queries.size());
        header.put("is_msg_encrypted", false);
        ObjectNode message = request.putObject("message");
        message.put("transaction_id", "T-" + messageId);
        ArrayNode items = message.putArray("search_request");
        for (String[] q : queries) {
            ObjectNode item = items.addObject();
            item.put("reference_id", q[0]);
            item.put("timestamp", now);
            ObjectNode criteria = item.putObject("search_criteria");
            criteria.put("version", "1.0.0");
            criteria.put("reg_type", "lindung:RegistryType:SocialSecurity");
            criteria.put("query_type", "idtype-value");
            criteria.putObject("query").put("type", q[1]).put("value", q[2]);
            item.put("locale", "ind");
        }
        return request;
    }

    /** The message with its signature, created {@code ageSeconds} ago and valid five minutes from then. */
    public String signed(ObjectNode request, long ageSeconds) {
        return signedBy(request, keys.getPrivate(), ageSeconds);
    }

    public String signed(ObjectNode request) {
        return signed(request, 0);
    }

    public String signedBy(ObjectNode request, PrivateKey key, long ageSeconds) {
        long created = clock.instant().getEpochSecond() - ageSeconds;
        long expires = created + 300;
        byte[] content = content(created, expires, request.path("header"), request.path("message"));
        String signature = "Signature: namespace=\"spdci\", kidId=\"" + senderId + "|k1|ed25519\","
                + " algorithm=\"ed25519\", created=\"" + created + "\", expires=\"" + expires + "\","
                + " headers=\"(created) (expires) digest\", signature=\""
                + Base64.getEncoder().encodeToString(sign(key, content)) + "\"";
        ObjectNode copy = request.deepCopy();
        copy.put("signature", signature);
        return JSON.writeValueAsString(copy);
    }

    /** The bearer token: issuer this partner, audience Lindung, valid five minutes. */
    public String token() {
        return tokenBy(keys.getPrivate(), senderId, receiverId);
    }

    public String tokenBy(PrivateKey key, String issuer, String audience) {
        long now = clock.instant().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(
                JSON.writeValueAsBytes(Map.of("iss", issuer, "aud", audience, "iat", now, "exp", now + 300)));
        String signed = header + "." + claims;
        return signed + "." + b64.encodeToString(sign(key, signed.getBytes(StandardCharsets.US_ASCII)));
    }

    /** POSTs a body to a path with a bearer token (none when null). */
    public Answer post(String path, String body, @Nullable String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (RuntimeException e) {
                json = JSON.missingNode();
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether a {@code MsgSignature} signs this header and message under {@code key} (the partner's check). */
    public static boolean verifies(String signature, JsonNode header, JsonNode message, PublicKey key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                        "created=\"(\\d+)\".*expires=\"(\\d+)\".*signature=\"([^\"]+)\"")
                .matcher(signature);
        if (!m.find()) {
            return false;
        }
        byte[] content = content(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), header, message);
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(content);
            return s.verify(Base64.getDecoder().decode(m.group(3)));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** ISO 8601 with offset, {@code ageSeconds} ago on Lindung's clock, as a partner in WIB would write it. */
    public String stamp(long ageSeconds) {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.ofHours(7)))
                .minusSeconds(ageSeconds)
                .truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static byte[] content(long created, long expires, JsonNode header, JsonNode message) {
        Map<String, Object> body =
                Map.of("header", JSON.treeToValue(header, Map.class), "message", JSON.treeToValue(message, Map.class));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SORTED.writeValueAsBytes(body));
            return ("(created): " + created + "\n(expires): " + expires + "\ndigest: SHA-256="
                            + Base64.getEncoder().encodeToString(digest))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sign(PrivateKey key, byte[] content) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(content);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
