package id.lindung.enrolment;

/**
 * The verified fact "this participant is the borrower of this loan of this bank, and the caller may act on that
 * loan" that the kur module's enrol action hands to {@link EnrolmentManagement#enrol(EnrolmentRequest, KurBorrower,
 * id.lindung.access.LindungUser)} after its own {@code KurPolicy} checked it (a bank's own matched loan, or a
 * work-list row handed to the agent). Bank officers enrol only with such a fact; enrolment never reads the kur
 * module's tables.
 */
public record KurBorrower(String bank, String loanId, long participantId) {}
