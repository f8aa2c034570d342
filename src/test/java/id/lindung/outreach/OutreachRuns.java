package id.lindung.outreach;

import org.springframework.context.ApplicationContext;

/**
 * The outreach jobs and the webhook's headers for the benchmark in another package (bench.OutreachBenchmark): the
 * day's reminder generation and one dispatcher pass, as their schedules call them.
 */
public final class OutreachRuns {

    public static final String TIMESTAMP = WebhookDelivery.TIMESTAMP;
    public static final String SIGNATURE = WebhookDelivery.SIGNATURE;

    private OutreachRuns() {}

    /** Generates and queues today's reminders; the number queued. */
    public static int generateReminders(ApplicationContext context) {
        return context.getBean(Reminders.class).generate();
    }

    /** One dispatcher pass; the number delivered. */
    public static int dispatch(ApplicationContext context) {
        return context.getBean(Dispatcher.class).dispatch();
    }

    /** Whether a webhook call carries the right signature of its timestamp and body. */
    public static boolean signed(String secret, String timestamp, byte[] body, String signature) {
        return ("sha256=" + WebhookDelivery.signature(secret, timestamp, body)).equals(signature);
    }
}
