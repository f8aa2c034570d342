package id.lindung.claim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A claim with everything its page shows: the facts established at the event date, the computed lines (each with
 * its formula, legal basis and the rule rows used; {@code total} is their sum), a refusal naming its rule when the
 * claim is not payable, the children's scholarship plan, documents, and the history of steps. {@code version}
 * guards every change (optimistic locking).
 */
public record Claim(long id, String claimNumber, long participantId, @Nullable Long membershipId, String kind,
        String cause, LocalDate eventDate, ClaimStatus status, Member member, @Nullable Refusal refusal, long total,
        boolean unconfirmedRules, List<Line> lines, List<ScholarshipYear> scholarship,
        List<ScholarshipNote> scholarshipNotes, String regionCode,
        @Nullable String assignedTo, @Nullable LocalDate documentsCompleteOn, @Nullable LocalDate dueDate,
        String submittedBy, Instant submittedAt, @Nullable String verifiedBy, @Nullable String firstApprover,
        @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String rejectionReason,
        @Nullable LocalDate paidOn, @Nullable String paymentReference, @Nullable Integer lateDays,
        @Nullable Long lateAmount, ClaimIntake intake, List<Document> documents, List<Step> steps,
        List<ScholarshipPaid> scholarshipPaid, int version) {

    public Claim {
        lines = List.copyOf(lines);
        scholarship = List.copyOf(scholarship);
        scholarshipNotes = List.copyOf(scholarshipNotes);
        documents = List.copyOf(documents);
        steps = List.copyOf(steps);
        scholarshipPaid = List.copyOf(scholarshipPaid);
    }

    public boolean eligible() {
        return refusal == null;
    }

    /**
     * The member at the event date: segment, protection under JKK and JKM (with the contribution module's reason),
     * months of contributions paid, and the monthly wage (or declared income) the amounts are based on.
     */
    public record Member(String segment, boolean jkkProtected, boolean jkmProtected, String protectionReason,
            int contributionMonths, long wage) {
    }

    /** Why the claim is not payable: the rule's message key and arguments, and its legal basis. */
    public record Refusal(String code, String messageKey, List<String> args, String legalBasis) {
    }

    /** One amount; {@code args} fill the message (dates as ISO yyyy-MM-dd). */
    public record Line(int lineNo, String code, String messageKey, List<String> args, long amount, String formula,
            String legalBasis, LocalDate ruleValidFrom, boolean unconfirmed, String ruleRefs) {
    }

    public record ScholarshipYear(String childId, String childName, int schoolYear, String level, int yearInLevel,
            long amount) {
    }

    /** Why the claim opens no scholarship ({@code childName} null) or why a child gets none. */
    public record ScholarshipNote(@Nullable String childName, String code, String messageKey, List<String> args,
            String legalBasis) {
    }

    /** A scholarship year paid on proof of enrolment. */
    public record ScholarshipPaid(String childId, String childName, int schoolYear, String level, long amount,
            String formula, String legalBasis, String decidedBy, Instant decidedAt) {
    }

    public record Document(long id, String documentType, String fileName, String contentType, int sizeBytes,
            String sha256, String uploadedBy, Instant uploadedAt) {
    }

    public record Step(Instant at, String actor, ClaimStatus status, @Nullable String note) {
    }
}
