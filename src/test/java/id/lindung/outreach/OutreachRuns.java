package id.lindung.outreach;

import org.springframework.context.ApplicationContext;

/**
 * The outreach module's scheduled work and webhook signature for tests of other packages that tell a story across
 * modules (selfservice.WorkerStoryTest): the day's reminder run as its cron would start it, and the signature a
 * gateway checks.
 */
public final class OutreachRuns {

    public static final String TIMESTAMP = WebhookDelivery.TIMESTAMP;
    public static final String SIGNATURE = WebhookDelivery.SIGNATURE;

    private OutreachRuns() {}

    /** Today's reminders (business clock), as the daily run queues them; the number queued. */
    public static int remindToday(ApplicationContext context) {
        return context.getBean(Reminders.class).generate();
    }

    /** The {@code X-Lindung-Signature} value a webhook call with this timestamp and body must carry. */
    public static String signature(String secret, String timestamp, byte[] body) {
        return "sha256=" + WebhookDelivery.signature(secret, timestamp, body);
    }
}
