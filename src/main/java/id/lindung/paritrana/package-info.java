/**
 * Paritrana Award: award cycles per year and category (province, kab/kota; large, medium and small-micro
 * businesses), their indicators with editable weights (Lindung's defaults, unconfirmed: the published weights are
 * unknown), entrants, evidence entered by the regional governments, jury scores, and the ranking per cycle with each
 * entrant's score explained indicator by indicator. Coverage rate, its growth and the vulnerable workers sponsored are
 * computed from the coverage module ({@code CoverageDashboards}), not typed in, and frozen when a cycle closes; the
 * sponsored workers are those of enrolment's channel {@code Channel.GOV_SPONSOR} (the enum, not its name as text).
 * Exports: the ranking as XLSX and a certificate per entrant as PDF.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Paritrana Award",
        allowedDependencies = {"coverage", "enrolment", "region", "access", "shared"})
@org.jspecify.annotations.NullMarked
package id.lindung.paritrana;
