/**
 * Messages and reminders to members (issue 19 point 7): an outbox of e-mails and SMS/WhatsApp messages that other
 * modules fill through {@link id.lindung.outreach.Outbox}, delivered by a scheduled dispatcher (SMTP, or a signed
 * HTTPS webhook to an SMS/WhatsApp gateway) with retries and exponential backoff; opt-outs per recipient and channel;
 * the daily reminders in Bahasa Indonesia generated from the contribution ledger; and the deliveries page for
 * officers. Recipients are sealed by the Vault; a one-time code's body is erased once delivered or expired. Reads
 * the ledger only through the published views {@code contribution_bill_v}, {@code enrolment_membership_v} and
 * {@code participant_contact_v}; no module depends on outreach except through {@link id.lindung.outreach.Outbox}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Outreach",
        allowedDependencies = {"participant", "enrolment", "contribution", "access", "shared"})
@id.lindung.shared.SqlViews(reads = {"participant_contact_v", "enrolment_membership_v", "contribution_bill_v"})
@org.jspecify.annotations.NullMarked
package id.lindung.outreach;
