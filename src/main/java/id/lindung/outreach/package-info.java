/**
 * Messages and reminders to members (issue 19 point 7): an outbox of e-mails and SMS/WhatsApp messages that other
 * modules fill through {@link id.lindung.outreach.Outbox}, delivered by a scheduled dispatcher (SMTP, or a signed
 * HTTPS webhook to an SMS/WhatsApp gateway) with retries and exponential backoff; opt-outs per recipient and channel;
 * the daily reminders in Bahasa Indonesia generated from the contribution ledger; and the deliveries page for
 * officers. Recipients are sealed by the Vault; a one-time code's body is erased once delivered or expired. Reads
 * the ledger only through published views ({@code contribution_bill_v}, {@code contribution_lapse_rule_v},
 * {@code contribution_payment_day_v}, {@code enrolment_membership_v}, {@code participant_contact_v},
 * {@code kur_unprotected_borrower_v}); other modules use outreach only through {@link id.lindung.outreach.Outbox} and the counts of
 * {@code outreach_reminder_effect_v} (reminded, paid within 7 and 30 days, per kab/kota and kind).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Outreach",
        allowedDependencies = {"participant", "enrolment", "contribution", "kur", "privacy", "access", "shared"})
@id.lindung.shared.SqlViews(
        publishes = "outreach_reminder_effect_v",
        reads = {
            "participant_contact_v",
            "enrolment_membership_v",
            "contribution_bill_v",
            "contribution_lapse_rule_v",
            "contribution_payment_day_v",
            "kur_unprotected_borrower_v"
        })
@org.jspecify.annotations.NullMarked
package id.lindung.outreach;
