/**
 * Claims and benefits: intake of JKK and JKM claims (event, heirs, children, documents), eligibility at the event
 * date from the memberships and contributions, exact amounts from the pure benefit engine ({@code benefit}, the
 * rules valid at the event date, every line with its legal basis), verification, decision (four eyes above a
 * threshold, one winner when officers decide at once), payment with the 7-working-day service level and its late
 * compensation, the scholarship plan of the children, and the decision letter.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Claims",
        allowedDependencies = {"enrolment", "contribution", "participant", "region", "access", "privacy", "shared"})
@org.jspecify.annotations.NullMarked
package id.lindung.claim;
