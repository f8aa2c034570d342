/**
 * Personal data protection (UU 27/2022): the dated retention rules per data category (period, legal basis or
 * reason, unconfirmed where no regulation gives a number) with the nightly retention job that asks each module
 * holding the data to delete or anonymise what is past its period ({@link id.lindung.shared.retention.ExpiringData})
 * and audits what it did; and a participant's data report for a subject-access request: every category of data
 * Lindung holds about them with its purpose and legal basis, source, since when and retention period, and the audit
 * lines about them (who read or changed their data), as a page, PDF and JSON.
 *
 * <p>Reads the other modules only through their public services ({@code ParticipantManagement},
 * {@code EnrolmentManagement}, {@code Statements}, {@code ClaimManagement}, {@code KurLoans},
 * {@code SponsorshipBeneficiaries}, {@code AuditTrail}) and the published view {@code enrolment_membership_v}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Personal data protection",
        allowedDependencies = {"participant", "enrolment", "contribution", "claim", "kur", "sponsorship", "region",
                "access", "shared"})
@id.lindung.shared.SqlViews(reads = "enrolment_membership_v")
package id.lindung.privacy;
