package id.lindung.claim.benefit;

import java.util.Optional;

/** The refusals shared by the calculator and the scholarship planner. */
final class Eligibility {

    private Eligibility() {
    }

    /**
     * Which programme applies and whether it protected the member: JKK kinds need a work accident or occupational
     * disease and JKK protection on the event date; a JKM death needs another cause and JKM protection.
     */
    static Optional<Refusal> check(ClaimFacts f) {
        switch (f.kind().programme()) {
            case JKK:
                if (!f.cause().workRelated()) {
                    return Optional.of(Refusal.of(RefusalCode.NOT_WORK_RELATED, f.kind().name()));
                }
                if (!f.member().jkkProtected()) {
                    return Optional.of(Refusal.of(RefusalCode.NOT_PROTECTED_JKK, f.eventDate()));
                }
                return Optional.empty();
            case JKM:
                if (f.cause().workRelated()) {
                    return Optional.of(Refusal.of(RefusalCode.DEATH_IS_JKK));
                }
                if (!f.member().jkmProtected()) {
                    return Optional.of(Refusal.of(RefusalCode.NOT_PROTECTED_JKM, f.eventDate()));
                }
                return Optional.empty();
            default:
                throw new IllegalStateException("no benefit rules for " + f.kind().programme());
        }
    }

    /**
     * Whether the claim opens the children's scholarship: its kind (JKK death, total permanent disability, JKM
     * death), the claim's own eligibility, scholarship rules valid at the event date, and under JKM at least
     * {@link RuleKey#SCHOLARSHIP_JKM_MIN_CONTRIBUTION_MONTHS} of contributions (no minimum under JKK).
     */
    static Optional<Refusal> scholarshipBasis(BenefitRules rules, ClaimFacts f) {
        if (!f.kind().grantsScholarship()) {
            return Optional.of(Refusal.of(RefusalCode.SCHOLARSHIP_NOT_FOR_CLAIM_KIND, f.kind().name()));
        }
        Optional<Refusal> refused = check(f);
        if (refused.isPresent()) {
            return refused;
        }
        try {
            for (EducationLevel level : EducationLevel.values()) {
                rules.rule(level.yearly(), f.eventDate());
                rules.rule(level.maxYears(), f.eventDate());
            }
            rules.rule(RuleKey.SCHOLARSHIP_MAX_PER_CHILD, f.eventDate());
            rules.rule(RuleKey.SCHOLARSHIP_MAX_CHILDREN, f.eventDate());
            rules.rule(RuleKey.SCHOLARSHIP_AGE_LIMIT, f.eventDate());
            if (f.kind() == ClaimKind.JKM_DEATH) {
                BenefitRule min = rules.rule(RuleKey.SCHOLARSHIP_JKM_MIN_CONTRIBUTION_MONTHS, f.eventDate());
                if (f.member().contributionMonths() < min.intValue()) {
                    return Optional.of(Refusal.byRule(RefusalCode.SCHOLARSHIP_MIN_CONTRIBUTION, min,
                            f.member().contributionMonths(), min.intValue()));
                }
            }
        } catch (MissingRuleException e) {
            return Optional.of(Refusal.ruleMissing(e));
        }
        return Optional.empty();
    }
}
