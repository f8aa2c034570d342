/**
 * Contributions: dated rate rules with their legal basis (PU by risk class, BPU, construction tiers, PMI packages,
 * the PP 50/2025 discount, late fines), the monthly billing run (set-based, idempotent, resumable), payments single
 * and by bank file (idempotent), allocation oldest bill first with credit carried forward, BPU lapse after too many
 * unpaid months, and for any membership and date: protected or not, paid-up-to month and arrears. Reads memberships
 * through enrolment's published SQL views and its API; ends lapsed memberships through {@code EnrolmentManagement}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Contributions",
        allowedDependencies = {"enrolment", "participant", "region", "access", "privacy", "shared"})
@id.lindung.shared.SqlViews(
        publishes = {
            "contribution_bill_v",
            "contribution_protected_month_v",
            "contribution_protected_now_v",
            "contribution_lapse_rule_v",
            "contribution_payment_day_v",
            "contribution_protected_until_v"
        },
        reads = {"enrolment_membership_v", "enrolment_base_v", "participant_identity_v"})
@org.jspecify.annotations.NullMarked
package id.lindung.contribution;
