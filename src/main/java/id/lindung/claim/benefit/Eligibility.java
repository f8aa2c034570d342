package id.lindung.claim.benefit;

import id.lindung.enrolment.Segment;
import java.util.Optional;

/** The refusals shared by the calculator and the scholarship planner. */
final class Eligibility {

    private Eligibility() {}

    /**
     * Which programme applies and whether it protected the member: JKK kinds need a work accident or occupational
     * disease and JKK protection on the event date; a JKM death needs another cause and JKM protection.
     */
    static Optional<Refusal> check(ClaimFacts f) {
        switch (f.kind().programme()) {
            case JKK:
                if (!f.cause().workRelated()) {
                    return Optional.of(
                            Refusal.of(RefusalCode.NOT_WORK_RELATED, f.kind().name()));
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
                throw new IllegalStateException(
                        "no benefit rules for " + f.kind().programme());
        }
    }

    /**
     * Whether the employer owes what the programme refuses: a PU worker not protected on the event date because of
     * the employer ({@link MemberFacts#employerDefault()}), and a rule row valid that day saying the employer pays
     * (value 1). Any other refusal, or no such row, and the refusal stands.
     */
    static Optional<EmployerLiability> employerLiability(BenefitRules rules, ClaimFacts f, Refusal refusal) {
        MemberFacts m = f.member();
        if (m.segment() != Segment.PU
                || m.employerDefault() == MemberFacts.EmployerDefault.NONE
                || !(refusal.is(RefusalCode.NOT_PROTECTED_JKK) || refusal.is(RefusalCode.NOT_PROTECTED_JKM))) {
            return Optional.empty();
        }
        RuleKey key = m.employerDefault() == MemberFacts.EmployerDefault.UNREGISTERED
                ? RuleKey.EMPLOYER_LIABLE_UNREGISTERED
                : RuleKey.EMPLOYER_LIABLE_ARREARS;
        try {
            BenefitRule rule = rules.rule(key, f.eventDate());
            if (rule.intValue() != 1) {
                return Optional.empty();
            }
            return Optional.of(
                    new EmployerLiability(m.employerDefault(), rule.legalBasis(), rule.unconfirmed(), rule.ref()));
        } catch (MissingRuleException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether the claim opens the children's scholarship: its kind (JKK death, total permanent disability, JKM
     * death), the claim's own eligibility (or the employer's liability for it), scholarship rules valid at the event date, and under JKM at least
     * {@link RuleKey#SCHOLARSHIP_JKM_MIN_CONTRIBUTION_MONTHS} of contributions (no minimum under JKK).
     */
    static Optional<Refusal> scholarshipBasis(BenefitRules rules, ClaimFacts f) {
        if (!f.kind().grantsScholarship()) {
            return Optional.of(Refusal.of(
                    RefusalCode.SCHOLARSHIP_NOT_FOR_CLAIM_KIND, f.kind().name()));
        }
        Optional<Refusal> refused = check(f);
        if (refused.isPresent() && employerLiability(rules, f, refused.get()).isEmpty()) {
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
                    return Optional.of(Refusal.byRule(
                            RefusalCode.SCHOLARSHIP_MIN_CONTRIBUTION,
                            min,
                            f.member().contributionMonths(),
                            min.intValue()));
                }
            }
        } catch (MissingRuleException e) {
            return Optional.of(Refusal.ruleMissing(e));
        }
        return Optional.empty();
    }
}
