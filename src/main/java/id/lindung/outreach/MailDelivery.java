package id.lindung.outreach;

import id.lindung.shared.crypto.Vault;
import java.net.URI;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * E-mail through SMTP: Spring's JavaMailSender, present when {@code spring.mail.host} is set. With
 * {@code lindung.outreach.public-url} set, each e-mail ends with its signed unsubscribe link (in Indonesian, as the
 * reminders are).
 */
@Component
class MailDelivery {

    private final ObjectProvider<JavaMailSender> sender;
    private final OutreachProperties properties;
    private final Vault vault;
    private final MessageSource messages;

    MailDelivery(
            ObjectProvider<JavaMailSender> sender, OutreachProperties properties, Vault vault, MessageSource messages) {
        this.sender = sender;
        this.properties = properties;
        this.vault = vault;
        this.messages = messages;
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    void send(long id, String to, String subject, String body) throws Dispatcher.DeliveryException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new Dispatcher.DeliveryException("SMTP not configured");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        URI site = properties.publicUrl();
        message.setText(
                site == null
                        ? body
                        : body + "\n\n"
                                + messages.getMessage(
                                        "outreach.unsubscribe.footer",
                                        new Object[] {unsubscribeLink(site, id)},
                                        Locale.forLanguageTag("id")));
        try {
            mail.send(message);
        } catch (MailException e) {
            // the exception's text may name the address: only its kind is recorded
            throw new Dispatcher.DeliveryException("SMTP: " + e.getClass().getSimpleName());
        }
    }

    /** The message's unsubscribe link under the public address. */
    String unsubscribeLink(URI site, long id) {
        String base = site.toString().replaceAll("/+$", "");
        return base + "/api/public/pesan/berhenti?m=" + id + "&t=" + InboundOptOuts.token(vault, id);
    }
}
