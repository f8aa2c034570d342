/**
 * Government sponsorship of vulnerable workers: programmes of a regional government (legal basis, funding source,
 * budget, period), their beneficiaries (from a CSV file or the registry) enrolled as BPU JKK+JKM with the channel
 * "government sponsor" and paid from the budget, one consolidated monthly bill per programme and its payment, budget
 * tracking with a warning before it runs out, the end or hand-over of the memberships, and the "what if" simulation
 * of cost and coverage. Reads bills through {@code contribution_bill_v}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Government sponsorship",
        allowedDependencies = {
            "participant",
            "enrolment",
            "contribution",
            "coverage",
            "region",
            "access",
            "privacy",
            "shared"
        })
@id.lindung.shared.SqlViews(reads = {"participant_identity_v", "enrolment_membership_v", "contribution_bill_v"})
@org.jspecify.annotations.NullMarked
package id.lindung.sponsorship;
