package id.lindung.contribution.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.contribution.BillingRunResult;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.DueNow;
import id.lindung.contribution.Dues;
import id.lindung.contribution.MembershipStatus;
import id.lindung.contribution.PaymentFileResult;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.PaymentResult;
import id.lindung.contribution.Payments;
import id.lindung.contribution.Quote;
import id.lindung.contribution.QuoteRequest;
import id.lindung.contribution.Quotes;
import id.lindung.contribution.RateBook;
import id.lindung.contribution.RateRule;
import id.lindung.contribution.Statement;
import id.lindung.contribution.Statements;
import id.lindung.enrolment.MembershipId;
import id.lindung.participant.ParticipantId;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.web.UploadCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST API of contributions: statements and status, payments, bank files, billing runs, rules and quotes. */
@RestController
@RequestMapping("/api")
@Tag(name = "Iuran", description = "Contributions: bills, payments, arrears, protection status, rates")
@SecurityRequirement(name = "basicAuth")
class ContributionApi {

    private final Statements statements;
    private final Dues dues;
    private final Payments payments;
    private final BillingRuns billing;
    private final RateBook rates;
    private final Quotes quotes;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final UploadCheck uploads;
    private final AuditTrail audit;

    ContributionApi(
            Statements statements,
            Payments payments,
            BillingRuns billing,
            RateBook rates,
            Quotes quotes,
            CurrentUser currentUser,
            Clock clock,
            UploadCheck uploads,
            AuditTrail audit,
            Dues dues) {
        this.dues = dues;
        this.audit = audit;
        this.uploads = uploads;
        this.statements = statements;
        this.payments = payments;
        this.billing = billing;
        this.rates = rates;
        this.quotes = quotes;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    record BillingRunRequest(@Nullable YearMonth period) {}

    record RuleCorrection(
            @Nullable BigDecimal value, @Nullable String note) {}

    @GetMapping("/memberships/{id}/statement")
    @Operation(
            summary = "Bills (with every line and its legal basis), payments and the status on a date "
                    + "(default today); the read is audited (STATEMENT_VIEWED)")
    Statement statement(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        LocalDate on = date == null ? LocalDate.now(clock) : date;
        Statement statement = statements.statement(MembershipId.ofRequest(id), on, user());
        audit.recordRead(
                AuditTrail.STATEMENT_VIEWED,
                "membership",
                Long.toString(id),
                statement.membership().regionCode(),
                Map.of("view", "api", "date", on.toString()));
        return statement;
    }

    @GetMapping("/memberships/{id}/status")
    @Operation(summary = "Protected or not on a date, paid-up-to month, arrears, credit")
    MembershipStatus status(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return statements.status(MembershipId.ofRequest(id), date == null ? LocalDate.now(clock) : date, user());
    }

    @GetMapping("/memberships/{id}/due")
    @Operation(
            summary = "What the member owes now: every owed month up to the current one not yet paid, after "
                    + "credit (no billing run needed; nothing is written)")
    DueNow due(@PathVariable long id) {
        return dues.dueNow(MembershipId.ofRequest(id), user());
    }

    @GetMapping("/participants/{id}/status")
    @Operation(summary = "Status of each of a participant's memberships on a date")
    List<MembershipStatus> participantStatus(
            @PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return statements.statusOfParticipant(
                ParticipantId.ofRequest(id), date == null ? LocalDate.now(clock) : date, user());
    }

    @PostMapping("/payments")
    @ApiResponse(
            responseCode = "201",
            description = "Recorded; Location: /api/payments/{key}",
            useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "The same again: the first answer, nothing changed",
            useReturnTypeSchema = true)
    @Operation(
            summary = "Record a payment exactly once",
            description = "The idempotency key (body field or "
                    + "Idempotency-Key header) identifies the payment: the same payment again answers 200 with the first "
                    + "result and changes nothing; the same key with other data is refused (422). Allocated to open bills "
                    + "oldest first; the rest stays as credit.")
    ResponseEntity<PaymentResult> pay(
            @RequestBody PaymentRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String headerKey) {
        PaymentRequest withKey = request.idempotencyKey() == null && headerKey != null
                ? new PaymentRequest(
                        headerKey, request.membershipId(), request.amount(), request.paidOn(), request.reference())
                : request;
        PaymentResult result = payments.pay(withKey, user());
        if (result.replayed()) {
            return ResponseEntity.ok(result);
        }
        // the key is the caller's text (quotes, spaces, unicode): encoded, or the Location fails after the payment
        URI location = org.springframework.web.util.UriComponentsBuilder.fromPath("/api/payments/{key}")
                .buildAndExpand(result.idempotencyKey())
                .encode()
                .toUri();
        return ResponseEntity.created(location).body(result);
    }

    @GetMapping("/payments/{key}")
    @Operation(summary = "A recorded payment by its idempotency key")
    PaymentResult payment(@PathVariable String key) {
        return payments.find(key, user()).orElseThrow(() -> new NotFoundException("payment " + key));
    }

    @PostMapping(path = "/payment-files", consumes = "multipart/form-data")
    @Operation(
            summary = "Apply a bank payment file",
            description = "CSV with header reference;membership_number;amount;paid_on (instead of membership_number: "
                    + "virtual_account, nik or the internal membership_id; comma or semicolon; dates yyyy-MM-dd or dd/MM/yyyy). Checked whole first: any bad row "
                    + "and nothing is written (422 naming rows[line].column). The same file again changes nothing.")
    PaymentFileResult paymentFile(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException(FieldIssue.error("file", "payment-file.empty"));
        }
        uploads.check(file, "file", "payment-file", UploadCheck.Content.CSV);
        try (InputStream in = file.getInputStream()) {
            return payments.applyFile(
                    file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename(), in, user());
        }
    }

    @PostMapping("/billing-runs")
    @Operation(summary = "Bill a month (or finish its interrupted run); running a billed month creates nothing")
    BillingRunResult runBilling(@RequestBody BillingRunRequest request) {
        if (request.period() == null) {
            throw new InvalidInputException(FieldIssue.error("period", "field.required"));
        }
        return billing.run(request.period(), user());
    }

    @GetMapping("/billing-runs")
    @Operation(summary = "The latest billing runs (up to 24)")
    List<BillingRunResult> billingRuns() {
        return billing.recent(24);
    }

    @GetMapping("/contribution-rules")
    @Operation(summary = "Every dated contribution rule with its legal basis; unconfirmed figures are flagged")
    List<RateRule> rules() {
        return rates.all();
    }

    @PutMapping("/contribution-rules/{ref}")
    @Operation(summary = "Correct an unconfirmed figure (administrators)")
    RateRule correctRule(@PathVariable String ref, @RequestBody RuleCorrection correction) {
        return rates.correct(ref, correction.value(), correction.note(), user());
    }

    @PostMapping("/quotes")
    @Operation(
            summary = "What a membership would pay in a month, line by line, by the billing rules",
            description = "Refused (422, naming the field) exactly where enrolment would refuse the same terms:"
                    + " income below the BPU floor, PU without riskClass, programmes the segment cannot have,"
                    + " construction without contractValue, PMI without contractMonths. Construction and PMI quotes"
                    + " include the one-off part unless firstMonth is false.")
    Quote quote(@RequestBody QuoteRequest request) {
        user();
        return quotes.quote(request);
    }

    private LindungUser user() {
        return currentUser.require();
    }
}
