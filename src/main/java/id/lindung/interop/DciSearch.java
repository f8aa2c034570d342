package id.lindung.interop;

import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.interop.DciPartners.Field;
import id.lindung.interop.DciPartners.IdType;
import id.lindung.interop.DciPartners.Partner;
import id.lindung.interop.DciRegistry.Found;
import id.lindung.interop.DciRegistry.Query;
import id.lindung.participant.NikRules;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DCI search message from receipt to answer: the sender authenticated by its bearer token, the message by its
 * signature (each verified once per message), the header checked (action, version, message_ts within
 * {@code clock-skew}, the batch within the partner's {@code max_batch} and hourly budget, the message_id never seen
 * before), then every query answered by one look-up ({@link DciRegistry}) and shaped by the partner's agreement: a
 * field the agreement does not name is never written, and an unknown person answers in the same shape as a known one.
 * One audit line per message, with counts only.
 */
@Component
class DciSearch {

    static final String VERSION = "1.0.0";
    static final String REG_TYPE = "lindung:RegistryType:SocialSecurity";
    static final String RECORD_TYPE = "lindung:ProtectionStatus";
    static final List<String> PROGRAMMES = List.of("JKK", "JKM", "JHT", "JP", "JKP");
    static final String AUDITED_AS = "dci-search";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MEMBERSHIP_NUMBER = Pattern.compile("2\\d{10}");
    private static final Pattern NIK = Pattern.compile("\\d{16}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Pontianak");
    private static final int MAX_ID_LENGTH = 100;

    /** A message that passed every check: who sent it and what it asks. */
    record Verified(Partner partner, JsonNode header, JsonNode message) {

        String messageId() {
            return header.path("message_id").asString();
        }
    }

    private final DciPartners partners;
    private final DciRegistry registry;
    private final DciKeys keys;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final InteropProperties properties;
    private final Clock clock;
    /** Look-ups per partner in the current hour: {hour, count}. */
    private final Map<Long, long[]> budgets = new ConcurrentHashMap<>();

    DciSearch(
            DciPartners partners,
            DciRegistry registry,
            DciKeys keys,
            AuditTrail audit,
            JdbcClient jdbc,
            InteropProperties properties,
            Clock clock) {
        this.partners = partners;
        this.registry = registry;
        this.keys = keys;
        this.audit = audit;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Authenticates and checks a search message; @throws DciRefusal when it is refused as a whole. */
    Verified verify(@Nullable String authorization, @Nullable String body) {
        JsonNode request = parse(body);
        JsonNode header = request.path("header");
        JsonNode message = request.path("message");
        if (!header.isObject() || !message.isObject()) {
            throw DciRefusal.bad("err.request.bad", "header and message are required objects");
        }
        Partner partner = authenticate(authorization);
        Instant now = clock.instant();
        String senderId = text(header, "sender_id");
        if (!partner.senderId().equals(senderId)) {
            throw DciRefusal.unauthorized("err.sender_id.invalid", "sender_id is not the token's issuer");
        }
        String receiver = text(header, "receiver_id");
        if (receiver != null && !receiver.equals(properties.receiverId())) {
            throw DciRefusal.bad("err.receiver_id.invalid", "receiver_id is not " + properties.receiverId());
        }
        checkSignature(request.path("signature"), partner, header, message, now);
        if (!"search".equals(text(header, "action"))) {
            throw DciRefusal.bad("rjct.action.invalid", "action must be search");
        }
        String version = text(header, "version");
        if (version != null && !version.equals(VERSION)) {
            throw DciRefusal.bad("rjct.version.invalid", "version " + VERSION + " only");
        }
        checkTimestamp(text(header, "message_ts"), now, "rjct.message_ts.invalid", "message_ts");
        String messageId = text(header, "message_id");
        if (messageId == null || messageId.isBlank() || messageId.length() > MAX_ID_LENGTH) {
            throw DciRefusal.bad("err.request.bad", "message_id: 1 to " + MAX_ID_LENGTH + " characters");
        }
        if (header.path("is_msg_encrypted").asBoolean(false)) {
            throw DciRefusal.bad("err.encryption.invalid", "encrypted messages are not accepted");
        }
        JsonNode items = message.path("search_request");
        String transactionId = text(message, "transaction_id");
        if (!items.isArray() || items.isEmpty() || transactionId == null || transactionId.length() > 99) {
            throw DciRefusal.bad("err.request.bad", "transaction_id and a non-empty search_request are required");
        }
        if (items.size() > partner.maxBatch()) {
            throw new DciRefusal(
                    413, "rjct.total_count.limit_exceeded", "at most " + partner.maxBatch() + " queries per message");
        }
        if (!header.path("total_count").isIntegralNumber()
                || header.path("total_count").asInt() != items.size()) {
            throw DciRefusal.bad("rjct.total_count.invalid", "total_count must be the number of queries");
        }
        spend(partner, items.size(), now);
        int fresh = jdbc.sql("INSERT INTO interop_message (partner_id, message_id, received_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING")
                .params(partner.id(), messageId, Timestamp.from(now))
                .update();
        if (fresh == 0) {
            throw new DciRefusal(409, "rjct.message_id.duplicate", "message_id already received");
        }
        return new Verified(partner, header, message);
    }

    /**
     * The on-search answer to a verified message, signed: header ({@code MsgCallbackHeader}), message
     * ({@code SearchResponse}) and signature. Audited before it leaves.
     */
    ObjectNode answer(Verified v, String mode) {
        ObjectNode unsigned = unsignedAnswer(v, mode);
        return sign(unsigned);
    }

    /** The answer without its signature (queued for a callback, signed when sent). */
    ObjectNode unsignedAnswer(Verified v, String mode) {
        Partner partner = v.partner();
        JsonNode items = v.message().path("search_request");
        List<Query> queries = new ArrayList<>(items.size());
        List<@Nullable String> refusals = new ArrayList<>(items.size());
        Set<String> references = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String reference = text(item, "reference_id");
            String refusal = null;
            if (reference == null || reference.isEmpty() || reference.length() > MAX_ID_LENGTH) {
                refusal = "rjct.reference_id.invalid";
            } else if (!references.add(reference)) {
                refusal = "rjct.reference_id.duplicate";
            } else {
                Query q = query(i, item.path("search_criteria"), partner);
                if (q == null) {
                    refusal = "rjct.search_criteria.invalid";
                } else {
                    queries.add(q);
                }
            }
            refusals.add(refusal);
        }
        Map<Integer, Found> found = registry.find(queries);
        String now = stamp();
        ArrayNode responses = JSON.createArrayNode();
        int answered = 0;
        int registered = 0;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            ObjectNode r = responses.addObject();
            String reference = text(item, "reference_id");
            r.put("reference_id", reference == null ? "" : reference);
            r.put("timestamp", now);
            String refusal = refusals.get(i);
            if (refusal != null) {
                r.put("status", "rjct");
                r.put("status_reason_code", refusal);
                r.put("status_reason_message", reason(refusal));
                continue;
            }
            answered++;
            Found f = found.getOrDefault(i, Found.NOBODY);
            registered += f.registered() ? 1 : 0;
            r.put("status", "succ");
            ObjectNode data = r.putObject("data");
            data.put("version", VERSION);
            data.put("reg_type", REG_TYPE);
            data.put("reg_record_type", RECORD_TYPE);
            record(f, partner.fields(), data.putObject("reg_records"));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("sender", partner.senderId());
        details.put("mode", mode);
        details.put("messageId", v.messageId());
        details.put("queries", items.size());
        details.put("answered", answered);
        details.put("refused", items.size() - answered);
        details.put("registered", registered);
        details.put("fields", partner.fields().toString());
        audit.recordRead(BulkReads.LIST_READ, AUDITED_AS, Long.toString(partner.id()), null, details);

        ObjectNode out = JSON.createObjectNode();
        ObjectNode header = out.putObject("header");
        header.put("version", VERSION);
        header.put("message_id", UUID.randomUUID().toString());
        header.put("message_ts", now);
        header.put("action", "on-search");
        header.put("status", "succ");
        header.put("total_count", items.size());
        header.put("completed_count", items.size());
        header.put("sender_id", properties.receiverId());
        header.put("receiver_id", partner.senderId());
        header.put("is_msg_encrypted", false);
        ObjectNode message = out.putObject("message");
        message.put("transaction_id", text(v.message(), "transaction_id"));
        message.put("correlation_id", UUID.randomUUID().toString());
        message.set("search_response", responses);
        return out;
    }

    /** Now on the business clock, ISO 8601 with its offset, to the second. */
    String stamp() {
        return OffsetDateTime.now(clock.withZone(BUSINESS_ZONE))
                .truncatedTo(ChronoUnit.SECONDS)
                .format(STAMP);
    }

    /** The answer with Lindung's signature over its header and message, valid for the clock skew. */
    ObjectNode sign(ObjectNode unsigned) {
        DciKeys.Key key = keys.current();
        long created = clock.instant().getEpochSecond();
        ObjectNode out = JSON.createObjectNode();
        out.put(
                "signature",
                DciSignatures.sign(
                        properties.receiverId(),
                        key.id(),
                        key.privateKey(),
                        created,
                        created + properties.clockSkew().toSeconds(),
                        unsigned.path("header"),
                        unsigned.path("message")));
        out.set("header", unsigned.path("header"));
        out.set("message", unsigned.path("message"));
        return out;
    }

    /** Only the fields of the agreement; each in the same shape whether the person is known or not. */
    private static void record(Found f, Set<Field> fields, ObjectNode out) {
        if (fields.contains(Field.REGISTERED)) {
            out.put("registered", f.registered());
        }
        if (fields.contains(Field.PROGRAMMES)) {
            ObjectNode programmes = out.putObject("programmes");
            for (String p : PROGRAMMES) {
                programmes.put(p, f.programmes().contains(p));
            }
        }
        if (fields.contains(Field.PROTECTED_UNTIL)) {
            // protected today, and the last day covered (null when not protected)
            LocalDate until = f.protectedUntil();
            out.put("protected", until != null);
            if (until == null) {
                out.putNull("protected_until");
            } else {
                out.put("protected_until", until.toString());
            }
        }
    }

    private static @Nullable Query query(int ord, JsonNode criteria, Partner partner) {
        if (!"idtype-value".equals(text(criteria, "query_type"))) {
            return null;
        }
        JsonNode query = criteria.path("query");
        String type = text(query, "type");
        String value = text(query, "value");
        IdType idType = type == null ? null : IdType.of(type);
        if (idType == null || value == null || !partner.idTypes().contains(idType)) {
            return null;
        }
        if (idType == IdType.NIK) {
            String nik = NikRules.canonical(value);
            return nik != null && NIK.matcher(nik).matches() ? new Query(ord, idType, nik) : null;
        }
        String number = value.strip();
        return MEMBERSHIP_NUMBER.matcher(number).matches() ? new Query(ord, idType, number) : null;
    }

    private static String reason(String code) {
        return switch (code) {
            case "rjct.reference_id.duplicate" -> "reference_id used twice in this message";
            case "rjct.reference_id.invalid" -> "reference_id: 1 to " + MAX_ID_LENGTH + " characters";
            default -> "query_type idtype-value with a type and a well-formed value this partner may search by";
        };
    }

    private Partner authenticate(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw DciRefusal.unauthorized("err.request.unauthorized", "a bearer token is required");
        }
        DciSignatures.Token token =
                DciSignatures.token(authorization.substring(7).strip());
        if (token == null) {
            throw DciRefusal.unauthorized("err.request.unauthorized", "the bearer token is not a compact JWS");
        }
        JsonNode tokenHeader;
        JsonNode claims;
        try {
            tokenHeader = JSON.readTree(token.headerJson());
            claims = JSON.readTree(token.claimsJson());
        } catch (JacksonException e) {
            throw DciRefusal.unauthorized("err.request.unauthorized", "the bearer token is not a compact JWS");
        }
        String issuer = text(claims, "iss");
        Partner partner = issuer == null ? null : partners.find(issuer).orElse(null);
        if (partner == null || !partner.active()) {
            throw DciRefusal.unauthorized("err.sender_id.invalid", "unknown sender");
        }
        long now = clock.instant().getEpochSecond();
        long skew = properties.clockSkew().toSeconds();
        JsonNode audience = claims.path("aud");
        boolean forUs = audience.isArray()
                ? audience.valueStream().anyMatch(a -> properties.receiverId().equals(a.asString()))
                : properties.receiverId().equals(audience.asString());
        long exp = claims.path("exp").asLong(0);
        long iat = claims.path("iat").asLong(0);
        if (!"EdDSA".equals(text(tokenHeader, "alg"))
                || !forUs
                || exp < now - skew
                || iat > now + skew
                || exp - iat > Duration.ofHours(1).toSeconds()
                || !DciSignatures.verifiesToken(token, partner.publicKey())) {
            throw DciRefusal.unauthorized("err.request.unauthorized", "the bearer token is invalid or expired");
        }
        return partner;
    }

    private void checkSignature(JsonNode signature, Partner partner, JsonNode header, JsonNode message, Instant now) {
        if (!signature.isString() || signature.asString().isBlank()) {
            throw DciRefusal.unauthorized("err.signature.missing", "the message is not signed");
        }
        DciSignatures.Parsed parsed = DciSignatures.parse(signature.asString());
        long skew = properties.clockSkew().toSeconds();
        long seconds = now.getEpochSecond();
        if (parsed == null
                || !parsed.senderId().equals(partner.senderId())
                || parsed.created() > seconds + skew
                || parsed.created() < seconds - skew
                || parsed.expires() < seconds
                || parsed.expires() < parsed.created()
                || !DciSignatures.verifies(parsed, header, message, partner.publicKey())) {
            throw DciRefusal.unauthorized("err.signature.invalid", "the signature does not verify or is stale");
        }
    }

    private void checkTimestamp(@Nullable String value, Instant now, String code, String name) {
        try {
            Instant ts =
                    value == null ? null : OffsetDateTime.parse(value, STAMP).toInstant();
            if (ts != null && Duration.between(ts, now).abs().compareTo(properties.clockSkew()) <= 0) {
                return;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw DciRefusal.bad(code, name + " must be ISO 8601 with offset, within " + properties.clockSkew());
    }

    /** Counts the look-ups against the partner's hourly budget; @throws DciRefusal (429) past it. */
    private void spend(Partner partner, int lookups, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        long[] budget = budgets.compute(partner.id(), (id, b) -> b == null || b[0] != hour ? new long[] {hour, 0} : b);
        synchronized (budget) {
            if (budget[1] + lookups > partner.lookupsPerHour()) {
                throw new DciRefusal(
                        429,
                        "err.request.too_many_requests",
                        "at most " + partner.lookupsPerHour() + " look-ups an hour");
            }
            budget[1] += lookups;
        }
    }

    /** The message ids past the replay window are forgotten, nightly. */
    @Scheduled(cron = "0 30 2 * * *", zone = "Asia/Pontianak")
    void forgetOldMessageIds() {
        jdbc.sql("DELETE FROM interop_message WHERE received_at < ?")
                .param(Timestamp.from(clock.instant().minus(Duration.ofDays(properties.replayDays()))))
                .update();
    }

    private static JsonNode parse(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw DciRefusal.bad("err.request.bad", "the body must be a JSON object");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw DciRefusal.bad("err.request.bad", "the body must be a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw DciRefusal.bad("err.request.bad", "the body is not well-formed JSON");
        }
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.asString() : null;
    }
}
