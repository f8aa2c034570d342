/**
 * The participant registry: workers identified by a validated NIK, their heirs and children, and UMKM businesses
 * (NIB) they own. Registration checks the NIK rules, keeps NIKs unique, flags possible duplicates (same name and
 * birth date, different NIK) for review, confines every read and write to the caller's region scope and writes
 * the audit trail. Publishes {@link id.lindung.participant.ParticipantRegistered}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Participant registry",
        allowedDependencies = {"region", "access", "privacy", "shared"})
@id.lindung.shared.SqlViews(publishes = {"participant_identity_v", "participant_contact_v"})
@org.jspecify.annotations.NullMarked
package id.lindung.participant;
