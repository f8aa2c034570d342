package id.lindung.outreach;

/** How a message reaches its recipient. */
public enum Channel {
    /** By e-mail, through the configured SMTP server. */
    EMAIL,
    /** By SMS or WhatsApp: delivered through the signed HTTPS webhook to the configured gateway. */
    SMS
}
