package id.lindung.contribution;

import id.lindung.shared.Sha256;
import id.lindung.shared.crypto.Ed25519;
import id.lindung.shared.crypto.SealedColumn;
import id.lindung.shared.crypto.Vault;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Ed25519 keys that sign membership cards ({@code card_signing_key}, V77): one current key, made at the first
 * start (or the first card) when there is none, its private half sealed by the {@link Vault}; retired keys keep only
 * their public half, which stays published so that cards signed before a rotation still verify. A key's id
 * ({@code kid}) is the first 8 bytes of its RFC 7638 JWK thumbprint in base64url.
 */
@Component
class CardKeys {

    static final String COLUMN = "card_signing_key.private_key_enc";
    /** X.509 SubjectPublicKeyInfo of an Ed25519 key up to its 32 raw bytes (RFC 8410). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    /** The key that signs: its id and private half. */
    record SigningKey(String kid, PrivateKey key) {}

    /** A published public key: its id, its 32 raw bytes, and when it was made and retired. */
    record PublishedKey(
            String kid,
            byte[] x,
            Instant createdAt,
            @Nullable Instant retiredAt) {

        /** The key as a JWK (RFC 8037): OKP, Ed25519, for verification only. */
        Map<String, Object> jwk() {
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("x", base64url(x));
            jwk.put("kid", kid);
            jwk.put("alg", "EdDSA");
            jwk.put("use", "sig");
            return jwk;
        }
    }

    private final JdbcClient jdbc;
    private final Vault vault;
    private final TransactionTemplate transactions;
    private final Clock clock;

    CardKeys(JdbcClient jdbc, Vault vault, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** At start: the first key when there is none, so that the published set is never empty. */
    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        current();
    }

    /** The current signing key, made now if there is none (two instances racing keep the first one). */
    SigningKey current() {
        Optional<SigningKey> found = find();
        if (found.isPresent()) {
            return found.get();
        }
        transactions.executeWithoutResult(tx -> insert(Ed25519.generate(), "ON CONFLICT DO NOTHING"));
        return find().orElseThrow(() -> new IllegalStateException("no current card signing key"));
    }

    /** Retires the current key (its private half wiped, its public half kept) and makes a new one; the new kid. */
    String rotate() {
        KeyPair pair = Ed25519.generate();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("UPDATE card_signing_key SET retired_at = ?, private_key_enc = NULL WHERE retired_at IS NULL")
                    .param(Timestamp.from(clock.instant()))
                    .update();
            insert(pair, "");
        });
        return kidOf(raw(pair.getPublic()));
    }

    /** Every key a card may have been signed with, the current one first. */
    List<PublishedKey> published() {
        return jdbc.sql("SELECT kid, public_key, created_at, retired_at FROM card_signing_key"
                        + " ORDER BY retired_at DESC NULLS FIRST, id DESC")
                .query((rs, n) -> {
                    Timestamp retired = rs.getTimestamp(4);
                    return new PublishedKey(
                            rs.getString(1),
                            rs.getBytes(2),
                            rs.getTimestamp(3).toInstant(),
                            retired == null ? null : retired.toInstant());
                })
                .list();
    }

    private Optional<SigningKey> find() {
        return jdbc.sql("SELECT kid, private_key_enc FROM card_signing_key WHERE retired_at IS NULL")
                .query((rs, n) ->
                        new SigningKey(rs.getString(1), Ed25519.privateKey(vault.open(rs.getBytes(2), COLUMN))))
                .optional();
    }

    private void insert(KeyPair pair, String onConflict) {
        byte[] x = raw(pair.getPublic());
        jdbc.sql("INSERT INTO card_signing_key (kid, public_key, private_key_enc, created_at) VALUES (?, ?, ?, ?) "
                        + onConflict)
                .params(
                        kidOf(x),
                        x,
                        vault.seal(pair.getPrivate().getEncoded(), COLUMN),
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** The 32 raw bytes of an Ed25519 public key (the JWK's {@code x}). */
    static byte[] raw(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - 32, spki.length);
    }

    /** An Ed25519 public key from its 32 raw bytes. */
    static PublicKey publicKey(byte[] x) {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + x.length);
        System.arraycopy(x, 0, spki, SPKI_PREFIX.length, x.length);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The first 8 bytes of the key's RFC 7638 thumbprint, base64url. */
    static String kidOf(byte[] x) {
        String members = "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + base64url(x) + "\"}";
        return base64url(Arrays.copyOf(Sha256.of(members.getBytes(StandardCharsets.UTF_8)), 8));
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The sealed private keys, re-sealed by a Vault key rotation. */
    @Configuration(proxyBeanMethods = false)
    static class SealedCardKeys {

        @Bean
        SealedColumn cardSigningKey() {
            return SealedColumn.of("card_signing_key", "id", "private_key_enc");
        }
    }
}
