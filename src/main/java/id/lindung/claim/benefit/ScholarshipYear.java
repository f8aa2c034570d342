package id.lindung.claim.benefit;

/** One yearly entitlement of a schedule: the school year (2024 = 2024/2025), the level and its year, the line. */
public record ScholarshipYear(int schoolYear, EducationLevel level, int yearInLevel, BenefitLine line) {

    public long amount() {
        return line.amount();
    }
}
