package id.lindung.interop;

import id.lindung.shared.Sha256;
import id.lindung.shared.crypto.Ed25519;
import id.lindung.shared.crypto.SealedColumn;
import id.lindung.shared.crypto.Vault;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lindung's Ed25519 key for its DCI answers and callbacks ({@code interop_signing_key}): made when first needed, the
 * private half sealed by the {@link Vault}. Its key id is the hex of the first 8 bytes of the SHA-256 of the public
 * key's X.509 encoding; partners get the public key when they are registered.
 */
@Component
class DciKeys {

    static final String COLUMN = "interop_signing_key.private_key_enc";

    /** The key that signs, with its id and public half. */
    record Key(String id, PrivateKey privateKey, PublicKey publicKey) {}

    private final JdbcClient jdbc;
    private final Vault vault;
    private final Clock clock;
    private volatile @Nullable Key cached;

    DciKeys(JdbcClient jdbc, Vault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    Key current() {
        Key key = cached;
        if (key != null) {
            return key;
        }
        if (load() == null) {
            KeyPair pair = Ed25519.generate();
            jdbc.sql("INSERT INTO interop_signing_key (id, public_key, private_key_enc, created_at)"
                            + " VALUES (1, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(
                            pair.getPublic().getEncoded(),
                            vault.seal(pair.getPrivate().getEncoded(), COLUMN),
                            Timestamp.from(clock.instant()))
                    .update();
        }
        key = load();
        if (key == null) {
            throw new IllegalStateException("no DCI signing key");
        }
        cached = key;
        return key;
    }

    private @Nullable Key load() {
        return jdbc.sql("SELECT public_key, private_key_enc FROM interop_signing_key WHERE id = 1")
                .query((rs, n) -> {
                    byte[] spki = rs.getBytes(1);
                    return new Key(
                            HexFormat.of().formatHex(Arrays.copyOf(Sha256.of(spki), 8)),
                            Ed25519.privateKey(vault.open(rs.getBytes(2), COLUMN)),
                            DciSignatures.publicKey(spki));
                })
                .optional()
                .orElse(null);
    }

    /** The sealed private key, re-sealed by a Vault key rotation. */
    @Configuration(proxyBeanMethods = false)
    static class SealedInteropKey {

        @Bean
        SealedColumn interopSigningKey() {
            return SealedColumn.of("interop_signing_key", "id", "private_key_enc");
        }
    }
}
