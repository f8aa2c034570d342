package id.lindung.claim;

import id.lindung.access.Disclosure;
import id.lindung.access.LindungUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A claim with everything its page shows: the facts established at the event date, the computed lines (each with
 * its formula, legal basis and the rule rows used; {@code total} is their sum), a refusal naming its rule when the
 * claim is not payable, the children's scholarship plan, documents, and the history of steps. {@code version}
 * guards every change (optimistic locking).
 *
 * <p>One event pays once: {@code caseNumber} names the JKK case (the accident: same participant, same accident date;
 * the first claim's number) and {@code caseClaims} its other claims with what each holds; {@code death} is the death
 * this claim recorded on approval (participant DECEASED, memberships ended) and its correction, if any.
 * {@code scholarshipChoice}: how the scholarship children were chosen (CHOSEN at intake, or DEFAULT).
 * {@code employerLiability}: an eligible claim the employer pays, not BPJS.
 */
public record Claim(
        long id,
        String claimNumber,
        long participantId,
        @Nullable Long membershipId,
        String kind,
        String cause,
        LocalDate eventDate,
        ClaimStatus status,
        Member member,
        @Nullable Refusal refusal,
        long total,
        boolean unconfirmedRules,
        List<Line> lines,
        List<ScholarshipYear> scholarship,
        List<ScholarshipNote> scholarshipNotes,
        String regionCode,
        @Nullable String assignedTo,
        @Nullable LocalDate documentsCompleteOn,
        @Nullable LocalDate dueDate,
        String submittedBy,
        Instant submittedAt,
        @Nullable String verifiedBy,
        @Nullable String firstApprover,
        @Nullable String decidedBy,
        @Nullable Instant decidedAt,
        @Nullable String rejectionReason,
        @Nullable LocalDate paidOn,
        @Nullable String paymentReference,
        @Nullable Integer lateDays,
        @Nullable Long lateAmount,
        ClaimIntake intake,
        List<Document> documents,
        List<Step> steps,
        List<ScholarshipPaid> scholarshipPaid,
        @Nullable String caseNumber,
        List<CaseClaim> caseClaims,
        @Nullable String scholarshipChoice,
        @Nullable Death death,
        @Nullable EmployerLiability employerLiability,
        int version) {

    public Claim {
        caseClaims = List.copyOf(caseClaims);
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
     * The claim as {@code reader} may see it ({@link Disclosure}): for those who do not see identities (field agents,
     * who take claims in), heirs' NIKs masked and bank accounts cut to their last four digits, children's birth dates
     * left out, and no health details — invoice and transport descriptions, the intake note, workflow notes, and
     * the lines' references to them. Administrators and officers get the claim as it is.
     */
    public Claim disclosedTo(LindungUser reader) {
        if (Disclosure.seesIdentity(reader)) {
            return this;
        }
        ClaimIntake in = intake;
        java.util.Set<String> described = new java.util.HashSet<>();
        List<ClaimIntake.InvoiceItem> invoices = null;
        if (in.invoices() != null) {
            in.invoices().forEach(i -> described.add(String.valueOf(i.description())));
            invoices = in.invoices().stream()
                    .map(i -> new ClaimIntake.InvoiceItem(i.date(), null, i.amount()))
                    .toList();
        }
        List<ClaimIntake.TransportItem> transport = null;
        if (in.transport() != null) {
            in.transport().forEach(t -> described.add(String.valueOf(t.description())));
            transport = in.transport().stream()
                    .map(t -> new ClaimIntake.TransportItem(t.mode(), t.date(), null, t.amount()))
                    .toList();
        }
        List<ClaimIntake.Heir> heirs = in.heirs() == null
                ? null
                : in.heirs().stream()
                        .map(h -> new ClaimIntake.Heir(
                                h.name(),
                                h.relation(),
                                Disclosure.nik(h.nik(), reader),
                                Disclosure.bankAccount(h.bankAccount(), reader)))
                        .toList();
        List<ClaimIntake.ChildItem> children = in.children() == null
                ? null
                : in.children().stream()
                        .map(c -> new ClaimIntake.ChildItem(
                                c.name(), null, c.level(), c.yearInLevel(), c.married(), c.working(), c.named()))
                        .toList();
        ClaimIntake shown = new ClaimIntake(
                in.participantId(),
                in.kind(),
                in.cause(),
                in.eventDate(),
                invoices,
                in.homeCareStart(),
                transport,
                in.stmbMonths(),
                in.disabilityCodes(),
                in.functionLosses(),
                in.wage(),
                heirs,
                children,
                null);
        List<Line> shownLines = lines.stream()
                .map(l -> new Line(
                        l.lineNo(),
                        l.code(),
                        l.messageKey(),
                        l.args().stream()
                                .map(a -> described.contains(a) ? "–" : a)
                                .toList(),
                        l.amount(),
                        l.formula(),
                        l.legalBasis(),
                        l.ruleValidFrom(),
                        l.unconfirmed(),
                        l.ruleRefs()))
                .toList();
        List<Step> shownSteps = steps.stream()
                .map(st -> new Step(st.at(), st.actor(), st.status(), null))
                .toList();
        return new Claim(
                id,
                claimNumber,
                participantId,
                membershipId,
                kind,
                cause,
                eventDate,
                status,
                member,
                refusal,
                total,
                unconfirmedRules,
                shownLines,
                scholarship,
                scholarshipNotes,
                regionCode,
                assignedTo,
                documentsCompleteOn,
                dueDate,
                submittedBy,
                submittedAt,
                verifiedBy,
                firstApprover,
                decidedBy,
                decidedAt,
                rejectionReason,
                paidOn,
                paymentReference,
                lateDays,
                lateAmount,
                shown,
                documents,
                shownSteps,
                scholarshipPaid,
                caseNumber,
                caseClaims,
                scholarshipChoice,
                death,
                employerLiability,
                version);
    }

    /** Who pays an eligible claim: the employer when {@link #employerLiability()} says so, else BPJS. */
    public boolean employerPays() {
        return employerLiability != null;
    }

    /**
     * The employer owes this claim: the worker was not protected on the event date because the employer had not
     * registered them yet ({@code UNREGISTERED}) or was beyond the arrears grace ({@code ARREARS}); the amounts are
     * the programme's, by the rule row {@code ruleRef}. {@code employer}: "NPP name", null when unknown.
     */
    public record EmployerLiability(
            String reason,
            String legalBasis,
            boolean unconfirmed,
            String ruleRef,
            @Nullable String employer) {}

    /**
     * The member at the event date: segment, protection under JKK and JKM (with the contribution module's reason),
     * months of contributions paid, and the monthly wage (or declared income) the amounts are based on.
     */
    public record Member(
            String segment,
            boolean jkkProtected,
            boolean jkmProtected,
            String protectionReason,
            int contributionMonths,
            long wage) {}

    /** Why the claim is not payable: the rule's message key and arguments, and its legal basis. */
    public record Refusal(String code, String messageKey, List<String> args, String legalBasis) {}

    /** One amount; {@code args} fill the message (dates as ISO yyyy-MM-dd). */
    public record Line(
            int lineNo,
            String code,
            String messageKey,
            List<String> args,
            long amount,
            String formula,
            String legalBasis,
            LocalDate ruleValidFrom,
            boolean unconfirmed,
            String ruleRefs) {}

    public record ScholarshipYear(
            String childId, String childName, int schoolYear, String level, int yearInLevel, long amount) {}

    /** Why the claim opens no scholarship ({@code childName} null) or why a child gets none. */
    public record ScholarshipNote(
            @Nullable String childName, String code, String messageKey, List<String> args, String legalBasis) {}

    /** A scholarship year paid on proof of enrolment. */
    public record ScholarshipPaid(
            String childId,
            String childName,
            int schoolYear,
            String level,
            long amount,
            String formula,
            String legalBasis,
            String decidedBy,
            Instant decidedAt) {}

    /** Another claim of the same accident case, with the total it holds (0 when refused or rejected). */
    public record CaseClaim(
            long id, String claimNumber, String kind, ClaimStatus status, boolean eligible, long total) {}

    /**
     * The death this claim recorded on approval: the participant marked DECEASED and these memberships ended; a
     * correction (who, when, why) put them back.
     */
    public record Death(
            LocalDate dateOfDeath,
            String recordedBy,
            Instant recordedAt,
            @Nullable String correctedBy,
            @Nullable Instant correctedAt,
            @Nullable String correctionReason,
            List<Long> membershipIds) {

        public Death {
            membershipIds = List.copyOf(membershipIds);
        }

        public boolean inForce() {
            return correctedAt == null;
        }
    }

    public record Document(
            long id,
            String documentType,
            String fileName,
            String contentType,
            int sizeBytes,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {}

    public record Step(
            Instant at,
            String actor,
            ClaimStatus status,
            @Nullable String note) {}
}
