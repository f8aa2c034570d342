package id.lindung.outreach;

import id.lindung.shared.crypto.Vault;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues messages for the dispatcher. Idempotent by the message's dedupe key; a recipient who opted out of the channel
 * gets nothing. The recipient is sealed by the Vault; neither recipient nor a sensitive body is logged.
 */
@Service
public class Outbox {

    private final JdbcClient jdbc;
    private final Vault vault;
    private final Clock clock;
    private final OutreachProperties properties;

    Outbox(JdbcClient jdbc, Vault vault, Clock clock, OutreachProperties properties) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Queues {@code m}: true when queued; false when a message with its dedupe key is already in the outbox (whatever
     * its status) or the recipient opted out of the channel. An opt-out does not stop a sensitive message: a one-time
     * code goes only to whoever just asked for it, and stopping it would lock the worker out. Refuses
     * (IllegalArgumentException) a recipient that is
     * not an e-mail address or phone number, an empty kind, key or body.
     */
    @Transactional
    public boolean enqueue(OutgoingMessage m) {
        String recipient = Recipients.normalized(m.channel(), m.recipient());
        if (m.kind().isBlank() || m.kind().length() > 40) {
            throw new IllegalArgumentException("kind empty or longer than 40");
        }
        if (m.dedupeKey().isBlank() || m.dedupeKey().length() > 200) {
            throw new IllegalArgumentException("dedupe key empty or longer than 200");
        }
        if (m.body().isBlank() || m.subject().length() > 200) {
            throw new IllegalArgumentException("empty body or subject longer than 200");
        }
        if (!m.sensitive() && optedOut(m.channel(), recipient)) {
            return false;
        }
        @Nullable
        Timestamp expires = m.sensitive() ? Timestamp.from(clock.instant().plus(properties.sensitiveLifetime())) : null;
        return jdbc.sql("""
                        INSERT INTO outreach_message (channel, kind, dedupe_key, recipient_enc, recipient_hash, subject,
                                                      body, sensitive, expires_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                        .params(
                                m.channel().name(),
                                m.kind(),
                                m.dedupeKey(),
                                vault.seal(recipient.getBytes(StandardCharsets.UTF_8), Recipients.COLUMN),
                                Recipients.index(vault, recipient),
                                m.subject(),
                                m.body(),
                                m.sensitive(),
                                expires)
                        .update()
                == 1;
    }

    /** Whether the recipient (as written anyhow) opted out of the channel. */
    public boolean hasOptedOut(Channel channel, String recipient) {
        return optedOut(channel, Recipients.normalized(channel, recipient));
    }

    /** Whether the recipient (normalized) opted out of the channel. */
    boolean optedOut(Channel channel, String normalized) {
        List<byte[]> hashes = Recipients.indexes(vault, normalized);
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM outreach_opt_out WHERE channel = ? AND recipient_hash = ANY (?))")
                .params(channel.name(), hashes.toArray(new byte[0][]))
                .query(Boolean.class)
                .single();
    }

    /**
     * Records that {@code recipient} wants no more messages on {@code channel} (idempotent); queued messages to them
     * are cancelled when the dispatcher reaches them.
     */
    public void optOut(Channel channel, String recipient) {
        String normalized = Recipients.normalized(channel, recipient);
        if (optedOut(channel, normalized)) {
            return;
        }
        jdbc.sql("""
                INSERT INTO outreach_opt_out (channel, recipient_enc, recipient_hash) VALUES (?, ?, ?)
                ON CONFLICT (recipient_hash, channel) DO NOTHING""")
                .params(
                        channel.name(),
                        vault.seal(normalized.getBytes(StandardCharsets.UTF_8), Recipients.OPT_OUT_COLUMN),
                        Recipients.index(vault, normalized))
                .update();
    }
}
