/**
 * Personal data protection (UU 27/2022): the dated retention rules per data category (period, legal basis or
 * reason, unconfirmed where no regulation gives a number) with the nightly retention job that asks each module
 * holding the data to delete or anonymise what is past its period ({@link id.lindung.shared.retention.ExpiringData})
 * and audits what it did; and a participant's data report for a subject-access request: every category of data
 * Lindung holds about them with its purpose and legal basis, source, since when and retention period, and the audit
 * lines about them (who read or changed their data), as a page, PDF and JSON.
 *
 * <p>Depends on no module that holds the data: each of them writes its own sections of the report through the
 * published {@link id.lindung.privacy.PersonalDataHolder} (the registry also finds the subject,
 * {@link id.lindung.privacy.DataSubjects}), as each applies its own retention through
 * {@link id.lindung.shared.retention.ExpiringData}. Reads the audit trail ({@code AuditTrail}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Personal data protection",
        allowedDependencies = {"access", "shared"})
@org.jspecify.annotations.NullMarked
package id.lindung.privacy;
