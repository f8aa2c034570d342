/**
 * Enrolment in the five programmes (JKK, JKM, JHT, JP, JKP): memberships per segment (PU through an employer, BPU,
 * construction projects, PMI) with their channel, declared income or wage (dated), start and end. Segment rules
 * decide which programmes are mandatory, optional or unavailable. Every change is audited and published as an
 * event ({@link id.lindung.enrolment.MembershipStarted}, {@link id.lindung.enrolment.MembershipBaseChanged},
 * {@link id.lindung.enrolment.MembershipEnded}). For set-based work other modules read the SQL views
 * {@code enrolment_membership_v} and {@code enrolment_base_v}, never the tables. Applies the registry's retention
 * (participants anonymised only when no membership of theirs runs into the period), the one module that knows both.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Enrolment",
        allowedDependencies = {"participant", "region", "access", "privacy", "shared"})
@id.lindung.shared.SqlViews(
        publishes = {"enrolment_membership_v", "enrolment_base_v"},
        reads = "participant_identity_v")
@org.jspecify.annotations.NullMarked
package id.lindung.enrolment;
