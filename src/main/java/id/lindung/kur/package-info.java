/**
 * The KUR channel: banks' disbursement files (CSV, XLSX) and API, each row checked and stored by (bank, loan id),
 * every borrower matched against the registry by NIK (protected / lapsed / not enrolled, enrolment mandatory for KUR
 * Kecil and Khusus above Rp100,000,000, name and birth date mismatches flagged for review). Set-based reads of other
 * modules go through their published SQL views: {@code participant_identity_v}, {@code enrolment_membership_v},
 * {@code contribution_protected_now_v}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "KUR channel",
        allowedDependencies = {"participant", "enrolment", "contribution", "region", "access", "privacy", "shared"})
@id.lindung.shared.SqlViews(
        publishes = {"kur_borrower_coverage_v", "kur_unprotected_borrower_v"},
        reads = {
            "participant_identity_v",
            "enrolment_membership_v",
            "contribution_protected_now_v",
            "contribution_protected_month_v"
        })
@org.jspecify.annotations.NullMarked
package id.lindung.kur;
