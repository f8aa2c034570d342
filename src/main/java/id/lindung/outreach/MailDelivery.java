package id.lindung.outreach;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail through SMTP: Spring's JavaMailSender, present when {@code spring.mail.host} is set. */
@Component
class MailDelivery {

    private final ObjectProvider<JavaMailSender> sender;
    private final OutreachProperties properties;

    MailDelivery(ObjectProvider<JavaMailSender> sender, OutreachProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    void send(String to, String subject, String body) throws Dispatcher.DeliveryException {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            throw new Dispatcher.DeliveryException("SMTP not configured");
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.mailFrom());
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            mail.send(message);
        } catch (MailException e) {
            // the exception's text may name the address: only its kind is recorded
            throw new Dispatcher.DeliveryException("SMTP: " + e.getClass().getSimpleName());
        }
    }
}
