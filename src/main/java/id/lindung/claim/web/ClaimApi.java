package id.lindung.claim.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimIntake;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.ClaimSummary;
import id.lindung.claim.ScholarshipYearRequest;
import id.lindung.claim.benefit.BenefitRule;
import id.lindung.claim.benefit.BenefitRules;
import id.lindung.claim.benefit.DisabilityRow;
import id.lindung.claim.internal.Holidays;
import id.lindung.claim.letter.DecisionLetters;
import id.lindung.claim.workflow.ClaimWorkflow;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.Bounds;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of claims: intake, documents, the work queue, verification, decision, payment, the decision letter,
 * the benefit rules and the holiday calendar of the service level. Every change carries the {@code version} the
 * caller saw; a claim changed meanwhile answers 409.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Klaim", description = "Claims: JKK and JKM benefits, workflow, decision letters")
@SecurityRequirement(name = "basicAuth")
class ClaimApi {

    private final ClaimWorkflow workflow;
    private final ClaimManagement claims;
    private final ParticipantManagement participants;
    private final DecisionLetters letters;
    private final ClaimTexts texts;
    private final BenefitRules rules;
    private final Holidays holidays;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final Bounds bounds;
    private final BulkReads bulkReads;

    ClaimApi(
            ClaimManagement claims,
            ParticipantManagement participants,
            DecisionLetters letters,
            ClaimTexts texts,
            BenefitRules rules,
            Holidays holidays,
            CurrentUser currentUser,
            AuditTrail audit,
            Bounds bounds,
            BulkReads bulkReads,
            ClaimWorkflow workflow) {
        this.workflow = workflow;
        this.bounds = bounds;
        this.bulkReads = bulkReads;
        this.audit = audit;
        this.claims = claims;
        this.participants = participants;
        this.letters = letters;
        this.texts = texts;
        this.rules = rules;
        this.holidays = holidays;
        this.currentUser = currentUser;
    }

    record Change(@Nullable Integer version) {}

    record Verification(@Nullable Integer version, @Nullable LocalDate documentsCompleteOn) {}

    record Rejection(@Nullable Integer version, @Nullable String reason) {}

    record PaymentRecord(
            @Nullable Integer version,
            @Nullable LocalDate paidOn,
            @Nullable String reference) {}

    record DeathCorrection(@Nullable String reason) {}

    record ChildrenChoice(
            @Nullable Integer version, @Nullable List<String> chosen) {}

    record HolidayEntry(@Nullable String name, @Nullable String source) {}

    @PostMapping("/claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take a claim in; the answer has the amounts computed with the rules of the event date")
    ResponseEntity<Claim> submit(@RequestBody ClaimIntake intake) {
        Claim claim = claims.submit(intake, user());
        return ResponseEntity.created(URI.create("/api/claims/" + claim.id())).body(claim);
    }

    @GetMapping("/claims")
    @Operation(summary = "Work queue in your region: open claims (or one status), yours only with mine=true")
    PageResult<ClaimSummary> queue(
            @RequestParam(required = false) @Nullable ClaimStatus status,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        LindungUser me = user();
        PageResult<ClaimSummary> result = claims.queue(status, mine, q, page, size, me);
        bulkReads.listed(
                "claims",
                me.scope().code(),
                ClaimQueuePages.queueFilter("api", status, mine, q, page, size),
                result.items().size());
        return result;
    }

    @GetMapping("/claims/{id}")
    @Operation(summary = "One claim with its health details, heirs and documents (the read is audited: CLAIM_VIEWED)")
    Claim get(@PathVariable long id) {
        Claim claim = claims.get(ClaimId.ofRequest(id), user());
        audit.recordRead(
                AuditTrail.CLAIM_VIEWED, "claim", Long.toString(id), claim.regionCode(), Map.of("view", "api"));
        return claim;
    }

    @GetMapping("/participants/{id}/claims")
    @Operation(summary = "A participant's claims (the read is audited: CLAIM_VIEWED on the participant)")
    List<Claim> ofParticipant(@PathVariable long id) {
        LindungUser by = user();
        ParticipantId participant = ParticipantId.ofRequest(id);
        List<Claim> found = claims.ofParticipant(participant, by);
        audit.recordRead(
                AuditTrail.CLAIM_VIEWED,
                "participant",
                Long.toString(id),
                participants.get(participant, by).regionCode(),
                Map.of(
                        "view",
                        "api-participant-claims",
                        "claims",
                        found.stream().map(Claim::id).toList()));
        return found;
    }

    @PostMapping(path = "/claims/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Add a document (PDF, JPEG or PNG, recognised from the content; the same file is kept once)")
    Claim addDocument(
            @PathVariable long id,
            @RequestParam("documentType") String documentType,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        return claims.addDocument(
                ClaimId.ofRequest(id), documentType, file.getOriginalFilename(), file.getBytes(), user());
    }

    @GetMapping("/claims/{id}/documents/{documentId}")
    @Operation(summary = "A claim document's content (the download is audited: CLAIM_DOCUMENT_VIEWED)")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable long documentId) {
        ClaimId claim = ClaimId.ofRequest(id);
        ClaimManagement.StoredDocument d = claims.document(claim, documentId, user());
        audit.recordRead(
                AuditTrail.CLAIM_DOCUMENT_VIEWED,
                "claim",
                Long.toString(id),
                claims.get(claim, user()).regionCode(),
                Map.of("documentId", documentId));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(d.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(d.fileName())
                                .build()
                                .toString())
                .body(d.content());
    }

    @PostMapping("/claims/{id}/assign")
    @Operation(summary = "Take the claim into your own queue")
    Claim assign(@PathVariable long id, @RequestBody Change change) {
        return claims.assign(ClaimId.ofRequest(id), version(change.version()), user());
    }

    @PostMapping("/claims/{id}/verify")
    @Operation(summary = "Documents complete and checked: the 7-working-day service level starts that day")
    Claim verify(@PathVariable long id, @RequestBody Verification v) {
        return claims.verify(ClaimId.ofRequest(id), version(v.version()), v.documentsCompleteOn(), user());
    }

    @PostMapping("/claims/{id}/approve")
    @Operation(summary = "Approve the computed amounts (above the four-eyes threshold a second officer must too)")
    Claim approve(@PathVariable long id, @RequestBody Change change) {
        return claims.approve(ClaimId.ofRequest(id), version(change.version()), user());
    }

    @PostMapping("/claims/{id}/reject")
    @Operation(summary = "Reject a claim, giving the reason")
    Claim reject(@PathVariable long id, @RequestBody Rejection r) {
        return claims.reject(ClaimId.ofRequest(id), version(r.version()), r.reason(), user());
    }

    @PostMapping("/claims/{id}/payment")
    @Operation(summary = "Record the payment; a JKK benefit paid late adds 1% of the benefit per day")
    Claim pay(@PathVariable long id, @RequestBody PaymentRecord p) {
        return claims.recordPayment(ClaimId.ofRequest(id), version(p.version()), p.paidOn(), p.reference(), user());
    }

    @PutMapping("/claims/{id}/scholarship-children")
    @Operation(
            summary = "Choose the children who get the scholarship plan (child-1, …; at most two; none: the"
                    + " default — the youngest in school) on a claim not yet approved")
    Claim chooseChildren(@PathVariable long id, @RequestBody ChildrenChoice choice) {
        return claims.chooseChildren(ClaimId.ofRequest(id), choice.version(), choice.chosen(), user());
    }

    @PostMapping("/claims/{id}/death-correction")
    @Operation(
            summary = "Correct a death recorded in error: the participant's status and memberships are put back"
                    + " (officers and administrators, with a reason; audited as DEATH_CORRECTED)")
    Claim correctDeath(@PathVariable long id, @RequestBody DeathCorrection correction) {
        return claims.correctDeath(ClaimId.ofRequest(id), correction.reason(), user());
    }

    @PostMapping("/claims/{id}/scholarship-years")
    @Operation(summary = "A yearly scholarship on proof of enrolment: the amount paid, or the refusal naming its rule")
    ClaimManagement.ScholarshipYearDecision scholarshipYear(
            @PathVariable long id, @RequestBody ScholarshipYearRequest request) {
        return claims.scholarshipYear(ClaimId.ofRequest(id), request, user());
    }

    @GetMapping(path = "/claims/{id}/letter.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The decision letter of an approved, paid or rejected claim")
    ResponseEntity<byte[]> letter(@PathVariable long id) {
        LindungUser by = user();
        Claim claim = claims.get(ClaimId.ofRequest(id), by);
        if (claim.status().open()) {
            throw new ConflictException("claim.letter.undecided", claim.claimNumber());
        }
        Locale locale = LocaleContextHolder.getLocale();
        byte[] pdf = letters.render(
                texts.letter(claim, participants.get(ParticipantId.of(claim.participantId()), by), locale), locale);
        audit.recordRead(
                AuditTrail.EXPORT_DOWNLOADED,
                "claim",
                Long.toString(id),
                claim.regionCode(),
                ClaimDetailPages.withHeirsShown(
                        Map.of("file", "letter.pdf", "claimNumber", claim.claimNumber()),
                        ClaimTexts.heirsOf(claim).size(),
                        claim.status() != ClaimStatus.REJECTED,
                        by));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(claim.claimNumber() + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @GetMapping("/claim-rules")
    @Operation(summary = "The benefit rules: dated rows with legal basis, source and whether they are unconfirmed")
    List<BenefitRule> rules() {
        return rules.rules();
    }

    @GetMapping("/claim-rules/disability")
    @Operation(summary = "The partial-disability table: each body part and its percentage, with legal basis")
    List<DisabilityRow> disabilityTable() {
        return rules.disabilityTable();
    }

    @GetMapping("/holidays")
    @Operation(summary = "Public holidays between two dates (they do not count as working days)")
    List<Holidays.Holiday> holidays(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        List<FieldIssue> issues = new java.util.ArrayList<>();
        bounds.checkQueryDate("from", from, issues);
        bounds.checkQueryDate("to", to, issues);
        Bounds.throwIfAny(issues);
        return holidays.between(from, to);
    }

    @PutMapping("/holidays/{day}")
    @Operation(summary = "Add or confirm a holiday (administrators)")
    List<Holidays.Holiday> putHoliday(
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @RequestBody HolidayEntry entry) {
        requireAdmin();
        List<FieldIssue> issues = new java.util.ArrayList<>();
        bounds.checkCalendarDay("day", day, issues);
        Bounds.throwIfAny(issues);
        if (entry.name() == null || entry.name().isBlank()) {
            throw new InvalidInputException(FieldIssue.error("name", "field.required"));
        }
        if (entry.name().trim().length() > 120) {
            throw new InvalidInputException(FieldIssue.error("name", "field.too-long", 120));
        }
        if (entry.source() != null && entry.source().trim().length() > 200) {
            throw new InvalidInputException(FieldIssue.error("source", "field.too-long", 200));
        }
        holidays.put(
                day,
                entry.name().trim(),
                entry.source() == null || entry.source().isBlank()
                        ? "admin " + user().username()
                        : entry.source().trim());
        return holidays.between(day, day);
    }

    @DeleteMapping("/holidays/{day}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a holiday (administrators)")
    ResponseEntity<Void> deleteHoliday(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        requireAdmin();
        if (!holidays.remove(day)) {
            throw new NotFoundException("holiday " + day); // problem details, as every other 404
        }
        return ResponseEntity.noContent().build();
    }

    private void requireAdmin() {
        if (!workflow.mayKeepHolidays(user())) {
            throw new ForbiddenException("claim.holiday.admin", user().role().name());
        }
    }

    private static int version(@Nullable Integer version) {
        if (version == null) {
            throw new InvalidInputException(FieldIssue.error("version", "field.required"));
        }
        return version;
    }

    private LindungUser user() {
        return currentUser.require();
    }
}
