/**
 * Messages and reminders to members (issue 19 point 7): an outbox of e-mails and SMS/WhatsApp messages that other
 * modules fill through {@link id.lindung.outreach.Outbox}, delivered by a scheduled dispatcher (SMTP, or a signed
 * HTTPS webhook to an SMS/WhatsApp gateway) with retries and exponential backoff; opt-outs per recipient and channel;
 * the daily reminders in Bahasa Indonesia generated from the contribution ledger; and the deliveries page for
 * officers. Recipients are sealed by the Vault; a one-time code's body is erased once delivered or expired.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Outreach",
        allowedDependencies = {"shared"})
@org.jspecify.annotations.NullMarked
package id.lindung.outreach;
