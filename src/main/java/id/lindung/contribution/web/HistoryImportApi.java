package id.lindung.contribution.web;

import id.lindung.access.CurrentUser;
import id.lindung.contribution.HistoryImportResult;
import id.lindung.contribution.HistoryImports;
import id.lindung.shared.web.UploadCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Contribution history import (opening balances) over the API: a file of paid months from BPJS's existing system
 * (docs/contribution-history-format.md), all or nothing. A refusal is a 422 problem whose {@code errors} name each
 * refused row and column ({@code rows[12].amount}).
 */
@RestController
@RequestMapping("/api/contribution-history")
@Tag(name = "Iuran", description = "Contributions: bills, payments, arrears, protection status, rates")
@SecurityRequirement(name = "basicAuth")
class HistoryImportApi {

    private final HistoryImports imports;
    private final CurrentUser currentUser;
    private final UploadCheck uploads;

    HistoryImportApi(HistoryImports imports, CurrentUser currentUser, UploadCheck uploads) {
        this.imports = imports;
        this.currentUser = currentUser;
        this.uploads = uploads;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ApiResponse(responseCode = "201", description = "Imported", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "200",
            description = "The same again: the first answer, nothing changed",
            useReturnTypeSchema = true)
    @Operation(
            summary = "Import paid months (CSV or XLSX: nik or membership_id, month, programme, amount, paid_on):"
                    + " every row checked against the ledger's bill of its month, all or nothing; the same file again"
                    + " changes nothing (replayed=true). BPJS officers and administrators; rows outside the importer's"
                    + " region are refused by row")
    ResponseEntity<HistoryImportResult> upload(@RequestPart("file") MultipartFile file) throws IOException {
        uploads.check(file, "file", "history-file", UploadCheck.Content.CSV_OR_XLSX);
        try (InputStream in = file.getInputStream()) {
            HistoryImportResult r = imports.importFile(file.getOriginalFilename(), in, currentUser.require());
            return r.replayed()
                    ? ResponseEntity.ok(r)
                    : ResponseEntity.created(URI.create("/api/contribution-history?id=" + r.importId()))
                            .body(r);
        }
    }

    @GetMapping
    @Operation(summary = "The latest imports (newest first); with id, that one import")
    List<HistoryImportResult> recent(
            @RequestParam(required = false) Long id, @RequestParam(defaultValue = "20") int limit) {
        return id == null
                ? imports.recent(limit, currentUser.require())
                : List.of(imports.find(id, currentUser.require()));
    }
}
