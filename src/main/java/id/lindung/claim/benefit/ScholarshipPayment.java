package id.lindung.claim.benefit;

/** A scholarship year already paid to a child. */
public record ScholarshipPayment(int schoolYear, EducationLevel level, long amount) {}
