/**
 * UCJ coverage: active memberships per region, segment (formal, informal, construction), channel and month, against
 * the working population (denominators per region, year and segment, with their source; estimates flagged) and the
 * targets per region and year. A read model kept current by enrolment events, with a full set-wise rebuild that
 * gives the same answer; the dashboard (map, ranking, trend against the target, breakdowns, gap in workers,
 * forecast) and its exports. Reads enrolment through {@code enrolment_membership_v} and KUR through
 * {@code kur_borrower_coverage_v}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "UCJ coverage",
        allowedDependencies = {"enrolment", "region", "access", "shared"})
package id.lindung.coverage;
