package id.lindung.selfservice;

import id.lindung.outreach.Channel;
import id.lindung.outreach.Outbox;
import id.lindung.outreach.OutgoingMessage;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One-time codes leave as sensitive SMS through the outreach module's outbox (its body erased once delivered or
 * expired), in Bahasa Indonesia. A number that opted out of SMS (reminders) still gets the codes it asks for.
 */
@Component
class OutboxDelivery implements CodeDelivery {

    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final Outbox outbox;
    private final MessageSource messages;

    OutboxDelivery(Outbox outbox, MessageSource messages) {
        this.outbox = outbox;
        this.messages = messages;
    }

    @Override
    public void send(WorkerCodes.Purpose purpose, String phone, String dedupeKey, String code) {
        String kind = purpose.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String body = messages.getMessage(
                "selfservice.sms." + kind, new Object[] {code, WorkerCodes.VALID.toMinutes()}, INDONESIAN);
        outbox.enqueue(new OutgoingMessage(Channel.SMS, phone, "worker-code-" + kind, dedupeKey, "", body, true));
    }
}
