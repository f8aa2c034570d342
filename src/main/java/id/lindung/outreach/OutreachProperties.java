package id.lindung.outreach;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Messages and reminders. E-mail goes out when Spring's {@code spring.mail.host} is set, SMS/WhatsApp when the
 * webhook URL and secret are; a channel without them keeps its messages queued (the deliveries page says why).
 *
 * @param webhookUrl the SMS/WhatsApp gateway's HTTPS endpoint that receives each message as a signed JSON POST
 *        (http only for localhost); empty: SMS stays queued
 * @param webhookSecret the shared secret of the webhook's HMAC-SHA256 signature over timestamp, a dot and the body
 * @param mailFrom the sender address of e-mails
 * @param dispatchCron when the dispatcher looks for due messages; {@code -} turns it off (tests call it directly).
 *        Its default is in application.properties: {@code @Scheduled} reads it from there
 * @param reminderCron when the day's reminders are generated (WIB); {@code -} turns it off. Its default is in
 *        application.properties: {@code @Scheduled} reads it from there
 * @param batchSize messages one dispatcher pass claims
 * @param maxAttempts deliveries tried before a message is FAILED
 * @param firstRetry the wait after the first failed attempt; each further failure doubles it
 * @param sensitiveLifetime how long a sensitive message (a one-time code) may wait; then it is cancelled and erased
 * @param publicUrl the address members reach Lindung at (e.g. {@code https://peserta.example.go.id}); each e-mail
 *        then ends with its signed unsubscribe link there; empty: e-mails go without the link
 */
@ConfigurationProperties("lindung.outreach")
record OutreachProperties(
        @Nullable URI webhookUrl,
        @Nullable String webhookSecret,
        @DefaultValue("no-reply@localhost") String mailFrom,
        @Nullable String dispatchCron,
        @Nullable String reminderCron,
        @DefaultValue("100") int batchSize,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("1m") Duration firstRetry,
        @DefaultValue("10m") Duration sensitiveLifetime,
        @Nullable URI publicUrl) {

    OutreachProperties {
        if (webhookUrl != null) {
            boolean local = "localhost".equals(webhookUrl.getHost()) || "127.0.0.1".equals(webhookUrl.getHost());
            if (!"https".equals(webhookUrl.getScheme()) && !(local && "http".equals(webhookUrl.getScheme()))) {
                throw new IllegalArgumentException(
                        "lindung.outreach.webhook-url must be https (http only for localhost)");
            }
        }
        if (batchSize < 1 || maxAttempts < 1 || firstRetry.isNegative() || sensitiveLifetime.isNegative()) {
            throw new IllegalArgumentException(
                    "lindung.outreach: batch-size and max-attempts at least 1, durations not negative");
        }
    }

    /** Whether SMS can go out: a webhook URL and a secret. */
    boolean webhookConfigured() {
        return webhookUrl != null && webhookSecret != null && !webhookSecret.isBlank();
    }
}
