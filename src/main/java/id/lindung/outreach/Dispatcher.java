package id.lindung.outreach;

import id.lindung.shared.crypto.Vault;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued messages. A pass claims up to {@code batch-size} due messages of the channels that can go out
 * ({@code FOR UPDATE SKIP LOCKED}, then SENDING, committed at once: two nodes never claim one message), sends each
 * outside any transaction and records the outcome: DELIVERED; or QUEUED again after {@code first-retry} doubled per
 * earlier failure; or FAILED after {@code max-attempts}. A message claimed by a node that died before recording the
 * outcome is due again after {@link #CLAIM_TIMEOUT_MINUTES}. A recipient who opted out meanwhile: CANCELLED, not sent.
 * A sensitive body is erased when its message is delivered, fails for good, or expires. Neither recipient nor body is
 * ever logged; the recorded error names only the kind of failure.
 */
@Component
class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    static final int CLAIM_TIMEOUT_MINUTES = 10;

    /** A claimed message; {@code body} is null only for an erased sensitive body (never claimed). */
    record Claimed(
            long id,
            Channel channel,
            String kind,
            byte[] recipientEnc,
            String subject,
            @Nullable String body,
            boolean optedOut) {}

    private final JdbcClient jdbc;
    private final Vault vault;
    private final OutreachProperties properties;
    private final MailDelivery mail;
    private final WebhookDelivery webhook;

    Dispatcher(
            JdbcClient jdbc, Vault vault, OutreachProperties properties, MailDelivery mail, WebhookDelivery webhook) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.properties = properties;
        this.mail = mail;
        this.webhook = webhook;
    }

    @Scheduled(cron = "${lindung.outreach.dispatch-cron}", zone = "Asia/Pontianak")
    void scheduled() {
        int delivered = dispatch();
        if (delivered > 0) {
            log.info("Outreach: {} messages delivered", delivered);
        }
    }

    /** The channels that can go out now. */
    List<Channel> enabledChannels() {
        List<Channel> channels = new ArrayList<>();
        if (mail.configured()) {
            channels.add(Channel.EMAIL);
        }
        if (webhook.configured()) {
            channels.add(Channel.SMS);
        }
        return channels;
    }

    /** One pass over the due messages; the number delivered. */
    int dispatch() {
        expireSensitive();
        List<Channel> channels = enabledChannels();
        if (channels.isEmpty()) {
            return 0;
        }
        int delivered = 0;
        for (Claimed m : claim(channels)) {
            if (m.optedOut()) {
                finish(m.id(), "CANCELLED", "opted out");
                continue;
            }
            String recipient = vault.openText(m.recipientEnc(), Recipients.COLUMN);
            try {
                if (recipient == null || m.body() == null) {
                    throw new DeliveryException("nothing to send");
                }
                if (m.channel() == Channel.EMAIL) {
                    mail.send(m.id(), recipient, m.subject(), m.body());
                } else {
                    webhook.send(m.id(), m.kind(), recipient, m.body());
                }
                finish(m.id(), "DELIVERED", null);
                delivered++;
            } catch (DeliveryException | RuntimeException e) {
                failed(
                        m.id(),
                        e instanceof DeliveryException
                                ? e.getMessage()
                                : e.getClass().getSimpleName());
            }
        }
        return delivered;
    }

    private List<Claimed> claim(List<Channel> channels) {
        String[] names = channels.stream().map(Channel::name).toArray(String[]::new);
        // Claimed messages of a node that died are QUEUED again first (SENDING past its claim timeout).
        jdbc.sql("""
                UPDATE outreach_message SET status = 'QUEUED'
                 WHERE status = 'SENDING' AND next_attempt_at < lindung_now()""").update();
        return jdbc.sql("""
                        UPDATE outreach_message m
                           SET status = 'SENDING', attempts = m.attempts + 1,
                               next_attempt_at = lindung_now() + make_interval(mins => ?)
                         WHERE m.id IN (SELECT id FROM outreach_message
                                         WHERE status = 'QUEUED' AND next_attempt_at <= lindung_now()
                                           AND channel = ANY (?) AND body IS NOT NULL
                                         ORDER BY next_attempt_at, id
                                         LIMIT ? FOR UPDATE SKIP LOCKED)
                        RETURNING m.id, m.channel, m.kind, m.recipient_enc, m.subject, m.body,
                                  NOT m.sensitive AND EXISTS (SELECT 1 FROM outreach_opt_out o
                                           WHERE o.channel = m.channel AND o.recipient_hash = m.recipient_hash)
                                      AS opted_out""")
                .params(CLAIM_TIMEOUT_MINUTES, names, properties.batchSize())
                .query(Dispatcher::claimed)
                .list();
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(
                rs.getLong("id"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("kind"),
                rs.getBytes("recipient_enc"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getBoolean("opted_out"));
    }

    private void finish(long id, String status, @Nullable String error) {
        jdbc.sql("""
                UPDATE outreach_message
                   SET status = ?, last_error = ?,
                       delivered_at = CASE WHEN ? = 'DELIVERED' THEN lindung_now() END,
                       body = CASE WHEN sensitive THEN NULL ELSE body END
                 WHERE id = ?""").params(status, error, status, id).update();
    }

    private void failed(long id, @Nullable String error) {
        String reason = error == null ? "failed" : error.length() > 300 ? error.substring(0, 300) : error;
        jdbc.sql("""
                UPDATE outreach_message
                   SET status = CASE WHEN attempts >= ? THEN 'FAILED' ELSE 'QUEUED' END,
                       next_attempt_at = lindung_now()
                           + make_interval(secs => ? * power(2, least(attempts - 1, 20))),
                       last_error = ?,
                       body = CASE WHEN sensitive AND attempts >= ? THEN NULL ELSE body END
                 WHERE id = ?""")
                .params(
                        properties.maxAttempts(),
                        (double) properties.firstRetry().toSeconds(),
                        reason,
                        properties.maxAttempts(),
                        id)
                .update();
    }

    /** Sensitive messages past their lifetime: CANCELLED and their bodies erased. */
    int expireSensitive() {
        return jdbc.sql("""
                UPDATE outreach_message SET status = 'CANCELLED', body = NULL, last_error = 'expired'
                 WHERE sensitive AND status = 'QUEUED' AND expires_at < lindung_now()""").update();
    }

    /** A delivery that did not succeed; its message names the kind of failure only (no recipient, no body). */
    static final class DeliveryException extends Exception {
        DeliveryException(String message) {
            super(message);
        }
    }
}
