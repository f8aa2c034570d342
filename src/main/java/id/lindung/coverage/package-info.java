/**
 * UCJ coverage: protected workers per region, segment (formal, informal, construction), channel and month, against
 * the working population (denominators per region, year and segment, with their source; estimates flagged) and the
 * targets per region and year (set, interpolated between dated targets or carried forward). A worker counts in a
 * month only when the contribution ledger protects that month ({@code contribution_protected_month_v}, the rule of
 * the status API). A read model kept current by enrolment and contribution events, with a full set-wise rebuild that
 * gives the same answer; months that have ended are published and later changes recorded as dated revisions; the
 * dashboard (map, ranking, trend against the target, breakdowns, gap in workers, forecast) and its exports. Reads
 * enrolment through {@code enrolment_membership_v}, the ledger through {@code contribution_protected_month_v} and
 * KUR through {@code kur_borrower_coverage_v}, and what reminders do (paid within 7 and 30 days of a reminder) through
 * outreach's {@code outreach_reminder_effect_v}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "UCJ coverage",
        allowedDependencies = {"enrolment", "contribution", "kur", "outreach", "region", "access", "shared"})
@id.lindung.shared.SqlViews(
        reads = {
            "enrolment_membership_v",
            "contribution_protected_month_v",
            "kur_borrower_coverage_v",
            "outreach_reminder_effect_v"
        })
@org.jspecify.annotations.NullMarked
package id.lindung.coverage;
