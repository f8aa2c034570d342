package id.lindung.claim.benefit;

import id.lindung.enrolment.Segment;
import java.time.LocalDate;

/** Shared fixtures: the shipped rule rows and members. */
final class Benefits {

    static final BenefitRules RULES = BenefitRules.shipped();
    static final BenefitCalculator CALCULATOR = new BenefitCalculator(RULES);
    static final ScholarshipPlanner PLANNER = new ScholarshipPlanner(RULES);
    static final ServiceLevel SERVICE_LEVEL = new ServiceLevel(RULES);

    /** A date under PP 82/2019 and the Permenaker 5/2021 scholarship table. */
    static final LocalDate EVENT = LocalDate.of(2025, 3, 10);

    private Benefits() {}

    /** A BPU member protected under JKK and JKM, declaring {@code income}. */
    static MemberFacts bpu(long income, int contributionMonths) {
        return MemberFacts.protectedMember(Segment.BPU, income, contributionMonths);
    }

    static MemberFacts pu(long wage, int contributionMonths) {
        return MemberFacts.protectedMember(Segment.PU, wage, contributionMonths);
    }
}
