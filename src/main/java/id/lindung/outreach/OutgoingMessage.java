package id.lindung.outreach;

/**
 * A message to queue: its channel and recipient (an e-mail address, or a phone number for {@link Channel#SMS}), its
 * kind (e.g. {@code sign-in-code}, {@code reminder-missed}), the key that makes it unique (a second message with the
 * same key is not queued), subject (e-mail only; may be empty) and body. {@code sensitive}: the body holds a secret
 * such as a one-time code; it is erased once delivered or expired and never logged.
 */
public record OutgoingMessage(
        Channel channel,
        String recipient,
        String kind,
        String dedupeKey,
        String subject,
        String body,
        boolean sensitive) {

    @Override
    public String toString() {
        return "OutgoingMessage[" + channel + ", " + kind + ", " + dedupeKey + (sensitive ? ", sensitive]" : "]");
    }
}
