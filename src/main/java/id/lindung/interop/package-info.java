/**
 * Interoperability (issue 20 point 1): the DCI (Digital Convergence Initiative) registry core API v1.0.0 for other
 * social programmes: synchronous {@code search} and asynchronous {@code search} with an {@code on-search} callback,
 * many queries per message, by NIK or membership number, answering registration, enrolment per programme and
 * "protected until" as each partner's agreement allows. Partners authenticate with an Ed25519-signed bearer token and
 * sign every message; stale, replayed and oversized messages are refused with the standard's codes. Answers only from
 * the other modules' published views ({@code participant_identity_v}, {@code enrolment_membership_v},
 * {@code contribution_protected_until_v}), never their tables; the NIK is matched by its blind index.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Interoperability (DCI)",
        allowedDependencies = {"participant", "enrolment", "contribution", "access", "shared"})
@id.lindung.shared.SqlViews(
        reads = {"participant_identity_v", "enrolment_membership_v", "contribution_protected_until_v"})
@org.jspecify.annotations.NullMarked
package id.lindung.interop;
