package id.lindung.interop;

import id.lindung.interop.DciPartners.Partner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The asynchronous answers ({@code on-search}) on their way to the partners' registered callback URLs
 * ({@code interop_callback}). A pass claims the due ones ({@code FOR UPDATE SKIP LOCKED}, then SENDING, committed at
 * once: two nodes never send one twice at the same time), signs each when it is sent (so a retry hours later carries
 * a fresh signature), POSTs it with Lindung's own bearer token and records the outcome: DELIVERED on any 2xx; else
 * QUEUED again after {@code first-retry} doubled per earlier failure, FAILED after {@code max-attempts}. A claim left
 * by a node that died is due again after {@link #CLAIM_TIMEOUT}. The body is erased once DELIVERED or FAILED.
 */
@Component
class DciCallbacks {

    private static final Logger log = LoggerFactory.getLogger(DciCallbacks.class);
    static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(5);
    private static final int BATCH = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Claimed(long id, long partnerId, String body, int attempts) {}

    private final JdbcClient jdbc;
    private final DciPartners partners;
    private final DciSearch search;
    private final DciKeys keys;
    private final InteropProperties properties;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    DciCallbacks(
            JdbcClient jdbc,
            DciPartners partners,
            DciSearch search,
            DciKeys keys,
            InteropProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.partners = partners;
        this.search = search;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues an answer (unsigned) for the partner's callback. */
    void enqueue(Partner partner, String messageId, ObjectNode unsigned) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                INSERT INTO interop_callback (partner_id, message_id, body, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(partner.id(), messageId, JSON.writeValueAsString(unsigned), now, now)
                .update();
    }

    /** One pass: sends the callbacks due; @return how many were delivered. */
    @Scheduled(cron = "${lindung.interop.dispatch-cron}", zone = "Asia/Pontianak")
    int dispatch() {
        int delivered = 0;
        for (Claimed c : claim()) {
            String error = send(c);
            Instant now = clock.instant();
            if (error == null) {
                delivered++;
                jdbc.sql("UPDATE interop_callback SET status = 'DELIVERED', body = NULL, last_error = NULL"
                                + " WHERE id = ?")
                        .param(c.id())
                        .update();
            } else if (c.attempts() >= properties.maxAttempts()) {
                jdbc.sql("UPDATE interop_callback SET status = 'FAILED', body = NULL, last_error = ? WHERE id = ?")
                        .params(error, c.id())
                        .update();
            } else {
                Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(c.attempts() - 1, 16));
                jdbc.sql("UPDATE interop_callback SET status = 'QUEUED', next_attempt_at = ?, last_error = ?"
                                + " WHERE id = ?")
                        .params(Timestamp.from(now.plus(wait)), error, c.id())
                        .update();
            }
        }
        return delivered;
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        jdbc.sql("UPDATE interop_callback SET status = 'QUEUED' WHERE status = 'SENDING' AND next_attempt_at < ?")
                .param(Timestamp.from(now))
                .update();
        return jdbc.sql("""
                        UPDATE interop_callback c
                           SET status = 'SENDING', attempts = c.attempts + 1, next_attempt_at = ?
                         WHERE c.id IN (SELECT id FROM interop_callback
                                         WHERE status = 'QUEUED' AND next_attempt_at <= ? AND body IS NOT NULL
                                         ORDER BY next_attempt_at, id
                                         LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING c.id, c.partner_id, c.body, c.attempts""")
                .params(Timestamp.from(now.plus(CLAIM_TIMEOUT)), Timestamp.from(now), BATCH)
                .query((rs, n) -> new Claimed(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    /** Sends one callback; @return what went wrong (the kind only, never the content), or null. */
    private @Nullable String send(Claimed c) {
        Partner partner = partners.find(c.partnerId()).orElse(null);
        URI url = partner == null ? null : partner.callbackUrl();
        if (partner == null || url == null || !partner.active()) {
            return "no callback URL or partner inactive";
        }
        try {
            ObjectNode signed = search.sign((ObjectNode) JSON.readTree(c.body()));
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token(partner))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(signed)))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            log.info(
                    "DCI callback {} to partner {} failed: {}",
                    c.id(),
                    partner.senderId(),
                    e.getClass().getName());
            return e.getClass().getSimpleName();
        }
    }

    /** Lindung's bearer token for a partner: EdDSA compact JWS, issuer Lindung, audience the partner, 5 minutes. */
    private String token(Partner partner) {
        DciKeys.Key key = keys.current();
        long now = clock.instant().getEpochSecond();
        String header = "{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"" + key.id() + "\"}";
        String claims = JSON.writeValueAsString(JSON.createObjectNode()
                .put("iss", properties.receiverId())
                .put("aud", partner.senderId())
                .put("iat", now)
                .put("exp", now + 300));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signed = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        return signed + "."
                + b64.encodeToString(
                        DciSignatures.signBytes(key.privateKey(), signed.getBytes(StandardCharsets.US_ASCII)));
    }
}
