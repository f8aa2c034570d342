package id.lindung.kur.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.kur.KurBanks;
import id.lindung.kur.KurImportResult;
import id.lindung.kur.KurImports;
import id.lindung.kur.KurLoan;
import id.lindung.kur.KurLoans;
import id.lindung.kur.KurOutreach;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.PageResult;
import id.lindung.shared.tabular.CsvWriter;
import id.lindung.shared.web.UploadCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of the KUR channel. Banks send their disbursement files with their API token and read back their own
 * loans with the match against the registry; BPJS and government users read every bank's loans in their region.
 */
@RestController
@RequestMapping("/api/kur")
@Tag(name = "KUR", description = "KUR disbursement files from banks, borrowers matched against the registry")
@SecurityRequirement(name = "basicAuth")
class KurApi {

    /** An example answer of an import, for the OpenAPI document. */
    static final String KUR_FILE_EXAMPLE = """
            {"fileId": 42, "fileName": "kur-bank-kalbar-2026-11.csv", "format": "CSV", "uploadedByBank": "BKB",
             "rows": 1200, "inserted": 1187, "updated": 8, "unchanged": 4, "rejected": 1,
             "uploadedBy": "bank.kalbar", "uploadedAt": "2026-12-08T02:15:00Z", "replayed": false,
             "errors": [{"line": 17, "field": "nik", "code": "nik.format", "args": ["15"]}]}""";

    private final KurImports imports;
    private final KurLoans loans;
    private final KurBanks banks;
    private final KurOutreach outreach;
    private final MessageSource messages;
    private final CurrentUser currentUser;
    private final UploadCheck uploads;
    private final AuditTrail audit;
    private final BulkReads bulkReads;

    KurApi(
            KurImports imports,
            KurLoans loans,
            KurBanks banks,
            KurOutreach outreach,
            MessageSource messages,
            CurrentUser currentUser,
            UploadCheck uploads,
            AuditTrail audit,
            BulkReads bulkReads) {
        this.bulkReads = bulkReads;
        this.audit = audit;
        this.uploads = uploads;
        this.imports = imports;
        this.loans = loans;
        this.banks = banks;
        this.outreach = outreach;
        this.messages = messages;
        this.currentUser = currentUser;
    }

    @GetMapping("/banks")
    @Operation(summary = "The banks of the KUR channel")
    List<KurBanks.Bank> banks() {
        return banks.all();
    }

    @PostMapping(path = "/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(
            responseCode = "201",
            description = "Imported; Location: /api/kur/files/{fileId}; refused rows under errors",
            useReturnTypeSchema = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(name = "one row refused", value = KUR_FILE_EXAMPLE)))
    @Operation(
            summary =
                    "Import a disbursement file (CSV or XLSX, see docs/kur-file-format.md): bad rows are"
                            + " refused naming line and column, a bad file is refused whole, the same file twice changes nothing")
    ResponseEntity<KurImportResult> upload(@RequestPart("file") MultipartFile file) throws IOException {
        uploads.check(file, "file", "kur-file", UploadCheck.Content.CSV_OR_XLSX);
        try (InputStream in = file.getInputStream()) {
            KurImportResult r = imports.importFile(file.getOriginalFilename(), in, user());
            return ResponseEntity.created(URI.create("/api/kur/files/" + r.fileId()))
                    .body(r);
        }
    }

    @GetMapping("/files/{id}")
    @ApiResponse(
            responseCode = "200",
            description = "The import",
            useReturnTypeSchema = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            examples = @ExampleObject(name = "one row refused", value = KUR_FILE_EXAMPLE)))
    @Operation(summary = "One imported KUR file: counts and outcome")
    KurImportResult file(@PathVariable long id) {
        return imports.file(id, user());
    }

    @GetMapping(path = "/files/{id}/errors.csv", produces = "text/csv")
    @Operation(summary = "Error report of a file: line, column, reason (in the reader's language)")
    ResponseEntity<byte[]> errors(@PathVariable long id) {
        Locale locale = LocaleContextHolder.getLocale();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvWriter csv = CsvWriter.excel(bytes).row("line", "column", "code", "reason");
        LindungUser by = user();
        List<KurImportResult.RowError> errors = imports.errors(id, 1_000_000, by);
        audit.recordRead(
                AuditTrail.EXPORT_DOWNLOADED,
                "kur_file",
                Long.toString(id),
                by.scope().code(),
                Map.of("file", "errors.csv", "rows", errors.size()));
        for (KurImportResult.RowError e : errors) {
            String reason = messages.getMessage(e.code(), e.args().toArray(), e.code(), locale);
            csv.row(e.line(), e.field(), e.code(), reason);
        }
        csv.flush();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("kur-" + id + "-kesalahan.csv")
                                .build()
                                .toString())
                .body(bytes.toByteArray());
    }

    @GetMapping("/loans")
    @Operation(
            summary =
                    "Loans and their match: PROTECTED, LAPSED, NOT_ENROLLED or DECEASED; mandatory=true for the borrowers"
                            + " who must be enrolled (KUR Kecil and Khusus above Rp100,000,000)",
            description =
                    "A borrower matched "
                            + "to a participant outside the caller's region scope shows REGISTERED_ELSEWHERE and nothing of the "
                            + "participant. Each page is audited (LIST_READ) and counts against the caller's rows per hour (429).")
    PageResult<KurLoan> loans(
            @RequestParam(required = false) @Nullable String bank,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "false") boolean mandatory,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        LindungUser me = user();
        PageResult<KurLoan> result = loans.search(bank, status, mandatory, page, size, me);
        bulkReads.listed(
                "kur-loans",
                me.scope().code(),
                BulkReads.filter(
                        "view",
                        "api",
                        "bank",
                        bank,
                        "status",
                        status,
                        "mandatory",
                        mandatory,
                        "page",
                        page,
                        "size",
                        size),
                result.items().size());
        return result;
    }

    record Assignment(
            @Nullable String bank,
            @Nullable List<String> loanIds,
            @Nullable String agent) {}

    @GetMapping("/work-list")
    @Operation(
            summary = "Borrowers to contact, most urgent first (mandatory and not enrolled), with what a BPU"
                    + " membership would cost them; mine=true for a field agent's own list")
    KurOutreach.WorkList workList(
            @RequestParam(required = false) @Nullable String bank,
            @RequestParam(required = false) @Nullable String branch,
            @RequestParam(required = false) @Nullable String kabkota,
            @RequestParam(required = false) @Nullable String agent,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        LindungUser me = user();
        KurOutreach.WorkList list = outreach.workList(bank, branch, kabkota, agent, mine, page, size, me);
        bulkReads.listed(
                "kur-work-list",
                me.scope().code(),
                BulkReads.filter(
                        "view", "api", "bank", bank, "branch", branch, "kabkota", kabkota, "agent", agent, "mine", mine,
                        "page", page, "size", size),
                list.items().items().size());
        return list;
    }

    @GetMapping("/work-groups")
    @Operation(summary = "Work list counts per branch, kabkota or agent")
    List<KurOutreach.WorkGroup> workGroups(
            @RequestParam(defaultValue = "kabkota") String groupBy,
            @RequestParam(required = false) @Nullable String bank) {
        return outreach.workGroups(groupBy, bank, user());
    }

    @PostMapping("/assignments")
    @Operation(summary = "Hand loans to a field agent (empty agent: take them back)")
    Map<String, Integer> assign(@RequestBody Assignment a) {
        if (a.bank() == null || a.loanIds() == null || a.loanIds().isEmpty()) {
            throw new InvalidInputException(FieldIssue.error(a.bank() == null ? "bank" : "loanIds", "field.required"));
        }
        return Map.of("assigned", outreach.assign(a.bank(), a.loanIds(), a.agent(), user()));
    }

    @PostMapping("/loans/{bank}/{loanId}/enrol")
    @Operation(summary = "Enrol the borrower as BPU (JKK, JKM) through the KUR channel, registering them if needed")
    KurLoan enrol(
            @PathVariable String bank,
            @PathVariable String loanId,
            @RequestBody(required = false) KurOutreach.@Nullable EnrolRequest request) {
        KurLoan loan = outreach.enrol(
                bank, loanId, request == null ? new KurOutreach.EnrolRequest(null, null, null) : request, user());
        return loan.disclosedTo(user());
    }

    @GetMapping("/conversion")
    @Operation(
            summary = "Per disbursement month and bank, scheme or kabkota: borrowers, enrolled at disbursement,"
                    + " protected now")
    List<KurOutreach.Conversion> conversion(
            @RequestParam(defaultValue = "bank") String groupBy,
            @RequestParam(required = false) @Nullable String bank) {
        return outreach.conversion(groupBy, bank, user());
    }

    private LindungUser user() {
        return currentUser.require();
    }
}
