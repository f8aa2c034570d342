package id.lindung.contribution.snap;

import id.lindung.shared.Sha256;
import id.lindung.shared.crypto.SealedColumn;
import id.lindung.shared.crypto.Vault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The banks that call Lindung's SNAP services: registration (RSA public key and client secret), B2B access tokens
 * (random, kept as SHA-256 hashes, valid {@link #TOKEN_LIFETIME}) and the once-per-day use of an X-EXTERNAL-ID.
 */
@Component
public class SnapClients {

    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(900);
    /** Days an X-EXTERNAL-ID or inquiryRequestId is kept: a replay guard and a week for investigating a bank's calls. */
    static final int REPLAY_DAYS = 7;

    private static final String SECRET_COLUMN = "snap_client.secret_enc";

    /** A registered, active bank. */
    record Client(long id, String clientKey, String publicKeyPem, byte[] secret) {}

    /** A registered bank as its page lists it. */
    record Registered(long id, String clientKey, String name, boolean active) {}

    private final JdbcClient jdbc;
    private final Vault vault;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * How long a token found stays in memory: a bank's calls within seconds need not read its token and open its
     * secret each time. Registering or deactivating a bank empties it here; another instance sees a deactivation
     * within this time (decisions.md, SNAP load).
     */
    static final Duration CACHED = Duration.ofSeconds(10);

    private record Cached(Client client, Instant until) {}

    /** Tokens found, by hash (only tokens that exist: a guess is never kept). */
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();

    SnapClients(JdbcClient jdbc, Vault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    /** Registers a bank (or replaces its key and secret): its X-CLIENT-KEY, RSA public key (PEM) and client secret. */
    public void register(String clientKey, String name, String publicKeyPem, String clientSecret) {
        publicKey(publicKeyPem); // refuses a key that does not parse
        byte[] sealed = vault.seal(clientSecret.getBytes(StandardCharsets.UTF_8), SECRET_COLUMN);
        jdbc.sql("""
                INSERT INTO snap_client (client_key, name, public_key_pem, secret_enc) VALUES (?, ?, ?, ?)
                ON CONFLICT (client_key) DO UPDATE SET name = EXCLUDED.name, public_key_pem = EXCLUDED.public_key_pem,
                       secret_enc = EXCLUDED.secret_enc, active = TRUE""").params(clientKey, name, publicKeyPem, sealed).update();
        forgetTokens();
    }

    /** Stops a bank's access: no new tokens, and its tokens are no longer accepted. */
    public void deactivate(String clientKey) {
        jdbc.sql("UPDATE snap_client SET active = FALSE WHERE client_key = ?")
                .param(clientKey)
                .update();
        forgetTokens();
    }

    /** Empties the tokens kept in memory, now and (inside a transaction) again after it commits. */
    void forgetTokens() {
        tokens.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    tokens.clear();
                }
            });
        }
    }

    /** Every registered bank, by name. */
    List<Registered> registered() {
        return jdbc.sql("SELECT id, client_key, name, active FROM snap_client ORDER BY name, id")
                .query((rs, n) -> new Registered(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    Optional<Client> byKey(String clientKey) {
        return jdbc.sql("SELECT id, client_key, public_key_pem, secret_enc FROM snap_client"
                        + " WHERE client_key = ? AND active")
                .param(clientKey)
                .query(this::client)
                .optional();
    }

    private Client client(ResultSet rs, int row) throws SQLException {
        return new Client(
                rs.getLong("id"),
                rs.getString("client_key"),
                rs.getString("public_key_pem"),
                vault.open(rs.getBytes("secret_enc"), SECRET_COLUMN));
    }

    /** A new access token for the client. */
    String issueToken(Client client) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("DELETE FROM snap_token WHERE expires_at < ?")
                .param(Timestamp.from(clock.instant()))
                .update();
        purgeReplayGuards();
        jdbc.sql("INSERT INTO snap_token (token_hash, client_id, expires_at) VALUES (?, ?, ?)")
                .params(
                        sha256(token),
                        client.id(),
                        Timestamp.from(clock.instant().plus(TOKEN_LIFETIME)))
                .update();
        return token;
    }

    /** The active client a live token belongs to. */
    Optional<Client> byToken(String token) {
        byte[] hash = sha256(token);
        String key = HexFormat.of().formatHex(hash);
        Instant now = clock.instant();
        Cached cached = tokens.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.client());
        }
        record Found(Client client, Instant expires) {}
        Optional<Found> found = jdbc.sql("""
                        SELECT c.id, c.client_key, c.public_key_pem, c.secret_enc, t.expires_at
                          FROM snap_token t JOIN snap_client c ON c.id = t.client_id
                         WHERE t.token_hash = ? AND t.expires_at > ? AND c.active""")
                .params(hash, Timestamp.from(now))
                .query((rs, n) ->
                        new Found(client(rs, n), rs.getTimestamp("expires_at").toInstant()))
                .optional();
        found.ifPresentOrElse(
                f -> {
                    if (tokens.size() > 10_000) {
                        tokens.clear();
                    }
                    Instant until = now.plus(CACHED);
                    tokens.put(key, new Cached(f.client(), until.isBefore(f.expires()) ? until : f.expires()));
                },
                () -> tokens.remove(key));
        return found.map(Found::client);
    }

    /** True the first time the client uses this X-EXTERNAL-ID today, false for a replay. */
    boolean firstUseToday(Client client, String externalId) {
        return jdbc.sql("""
                        INSERT INTO snap_external_id (client_id, day, external_id) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                        .params(client.id(), java.sql.Date.valueOf(LocalDate.now(clock)), externalId)
                        .update()
                == 1;
    }

    /** True the first time the client uses this inquiryRequestId (while it is kept), false for a repeat. */
    boolean firstInquiry(Client client, String inquiryRequestId) {
        return jdbc.sql("""
                        INSERT INTO snap_inquiry_id (client_id, inquiry_request_id, day) VALUES (?, ?, ?)
                        ON CONFLICT DO NOTHING""")
                        .params(client.id(), inquiryRequestId, java.sql.Date.valueOf(LocalDate.now(clock)))
                        .update()
                == 1;
    }

    /**
     * Deletes X-EXTERNAL-ID and inquiryRequestId rows older than {@link #REPLAY_DAYS} days: run whenever a token is
     * issued (every bank asks for one at least every {@link #TOKEN_LIFETIME}), like the expired tokens.
     *
     * @return how many rows were deleted
     */
    int purgeReplayGuards() {
        java.sql.Date before = java.sql.Date.valueOf(LocalDate.now(clock).minusDays(REPLAY_DAYS));
        return jdbc.sql("DELETE FROM snap_external_id WHERE day < ?")
                        .param(before)
                        .update()
                + jdbc.sql("DELETE FROM snap_inquiry_id WHERE day < ?")
                        .param(before)
                        .update();
    }

    static PublicKey publicKey(String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an RSA public key in PEM", e);
        }
    }

    private static byte[] sha256(String token) {
        return Sha256.of(token.getBytes(StandardCharsets.UTF_8));
    }

    /** The sealed client secrets, re-sealed by a key rotation. */
    @Configuration(proxyBeanMethods = false)
    static class SealedSnapColumns {

        @Bean
        SealedColumn snapClientSecret() {
            return SealedColumn.of("snap_client", "id", "secret_enc");
        }
    }
}
