package id.lindung.coverage.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboards;
import id.lindung.coverage.CoverageDenominators;
import id.lindung.coverage.CoveragePolicy;
import id.lindung.coverage.CoverageReadModel;
import id.lindung.coverage.CoverageTargets;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.web.UploadCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

/** REST API of UCJ coverage: the dashboard's figures, denominators, targets, and the read model's rebuild. */
@RestController
@RequestMapping("/api/coverage")
@Tag(name = "Coverage", description = "UCJ coverage per region, segment, channel and month against targets")
@SecurityRequirement(name = "basicAuth")
class CoverageApi {

    private final CoverageDashboards dashboards;
    private final CoverageDenominators denominators;
    private final CoverageTargets targets;
    private final CoverageReadModel readModel;
    private final CurrentUser currentUser;
    private final UploadCheck uploads;

    CoverageApi(
            CoverageDashboards dashboards,
            CoverageDenominators denominators,
            CoverageTargets targets,
            CoverageReadModel readModel,
            CurrentUser currentUser,
            UploadCheck uploads) {
        this.uploads = uploads;
        this.dashboards = dashboards;
        this.denominators = denominators;
        this.targets = targets;
        this.readModel = readModel;
        this.currentUser = currentUser;
    }

    /** A target as the API takes it: basis points (5956 = 59.56%) and the source. */
    record TargetRequest(int target, @Nullable String source) {}

    @GetMapping
    @Operation(
            summary =
                    "Coverage of a region (province, kab/kota, kecamatan; default: your scope) in a month"
                            + " (YYYY-MM; default: the latest): total, segments, channels, next level down, trend, forecast, KUR")
    CoverageDashboard dashboard(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String month) {
        return dashboards.dashboard(region, month(month), user());
    }

    @GetMapping("/denominators")
    @Operation(summary = "Denominators (workers per region and segment) of a year, or of every year")
    List<CoverageDenominators.Denominator> denominators(@RequestParam(required = false) @Nullable Integer year) {
        return denominators.list(year, user());
    }

    @PostMapping(path = "/denominators", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import denominators from CSV (region_code;year;segment;workers;source;source_date):"
                    + " all rows or none")
    CoverageDenominators.ImportResult importDenominators(@RequestPart("file") MultipartFile file) throws IOException {
        uploads.check(file, "file", "denominators", UploadCheck.Content.CSV);
        try (InputStream in = file.getInputStream()) {
            return denominators.importCsv(in, user());
        }
    }

    @PostMapping(
            path = "/denominators",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    CoverageDenominators.ImportResult importDenominatorsBody(@RequestBody byte[] csv) {
        return denominators.importCsv(new ByteArrayInputStream(csv), user());
    }

    @GetMapping("/targets")
    @Operation(summary = "Coverage targets per region and year")
    List<CoverageTargets.Target> targets() {
        return targets.list(user());
    }

    @PutMapping("/targets/{region}/{year}")
    @Operation(summary = "Set a region's coverage target for a year, with its source")
    CoverageTargets.Target putTarget(
            @PathVariable String region, @PathVariable int year, @RequestBody TargetRequest request) {
        return targets.put(region, year, request.target(), request.source(), user());
    }

    @DeleteMapping("/targets/{region}/{year}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a region's coverage target for a year")
    ResponseEntity<Void> removeTarget(@PathVariable String region, @PathVariable int year) {
        targets.remove(region, year, user());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/rebuild")
    @Operation(summary = "Rebuild the read model from enrolment (administrators)")
    CoverageReadModel.RebuildResult rebuild() {
        LindungUser by = user();
        if (!CoveragePolicy.mayRebuild(by)) {
            throw new ForbiddenException("coverage.rebuild.role", by.role().name());
        }
        return readModel.rebuild();
    }

    static @Nullable YearMonth month(@Nullable String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldIssue.error("month", "coverage.month.format", month.trim()));
        }
    }

    private LindungUser user() {
        return currentUser.require();
    }
}
