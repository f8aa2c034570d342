package id.lindung.coverage.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboards;
import id.lindung.coverage.CoverageDenominators;
import id.lindung.coverage.CoverageDenominators.Denominator;
import id.lindung.coverage.report.CoverageReportPdf;
import id.lindung.coverage.report.CoverageReportTexts;
import id.lindung.coverage.report.CoverageWorkbook;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.web.XlsxDownload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Exports of the coverage dashboard: {@code /cakupan/ekspor.xlsx} (workbook, {@link CoverageWorkbook}) and
 * {@code /cakupan/laporan.pdf} (report with map, ranking and trend, {@link CoverageReportPdf}), both for
 * {@code ?wilayah=61.04&bulan=2026-10} (either may be left out: the user's own scope, the latest month; a month not
 * written {@code yyyy-MM} answers 400), in the user's language, downloaded as {@code cakupan-61.04-2026-10.xlsx} /
 * {@code .pdf}. The region scope is the service's: a region outside it answers "not found" like the dashboard.
 * Every export is audited (EXPORT_DOWNLOADED, with the region and month) before it is sent.
 */
@Controller
class CoverageReports {

    private static final MediaType XLSX = MediaType.parseMediaType(XlsxDownload.CONTENT_TYPE);

    private final CoverageDashboards dashboards;
    private final CoverageDenominators denominators;
    private final RegionDirectory regions;
    private final CoverageReportPdf reports;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Clock clock;
    private final AuditTrail audit;

    CoverageReports(
            CoverageDashboards dashboards,
            CoverageDenominators denominators,
            RegionDirectory regions,
            CoverageReportPdf reports,
            CurrentUser currentUser,
            MessageSource messages,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.dashboards = dashboards;
        this.denominators = denominators;
        this.regions = regions;
        this.reports = reports;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/cakupan/ekspor.xlsx")
    ResponseEntity<byte[]> workbook(
            @RequestParam(name = "wilayah", required = false) @Nullable String region,
            @RequestParam(name = "bulan", required = false) @Nullable YearMonth month)
            throws IOException {
        LindungUser me = currentUser.require();
        Locale locale = LocaleContextHolder.getLocale();
        CoverageDashboard d = dashboards.dashboard(blank(region), month, me);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        CoverageWorkbook.write(d, sources(d, me), Instant.now(clock), new CoverageReportTexts(messages, locale), out);
        exported("coverage.xlsx", d);
        return download(out.toByteArray(), XLSX, fileName(d, "xlsx"));
    }

    @GetMapping("/cakupan/laporan.pdf")
    ResponseEntity<byte[]> report(
            @RequestParam(name = "wilayah", required = false) @Nullable String region,
            @RequestParam(name = "bulan", required = false) @Nullable YearMonth month) {
        LindungUser me = currentUser.require();
        Locale locale = LocaleContextHolder.getLocale();
        CoverageDashboard d = dashboards.dashboard(blank(region), month, me);
        String boundaries = CoverageDashboards.NATIONAL.equals(d.region().code())
                ? null // no province outlines are held
                : regions.kabKotaBoundaries(d.region().code().substring(0, 2)).orElse(null);
        byte[] pdf = reports.render(d, boundaries, sources(d, me), Instant.now(clock), locale);
        exported("coverage.pdf", d);
        return download(pdf, MediaType.APPLICATION_PDF, fileName(d, "pdf"));
    }

    private void exported(String file, CoverageDashboard d) {
        audit.recordExport(
                file,
                d.region().code(),
                java.util.Map.of("region", d.region().code(), "month", d.month().toString()));
    }

    /** The denominator rows of the region and the regions one level down for the year the figures use. */
    private List<Denominator> sources(CoverageDashboard d, LindungUser me) {
        Integer year = d.total().denominatorYear();
        if (year == null) {
            return List.of();
        }
        Set<String> codes = new HashSet<>();
        codes.add(d.region().code());
        d.children().forEach(c -> codes.add(c.region().code()));
        try {
            return denominators.list(year, me).stream()
                    .filter(n -> codes.contains(n.regionCode()))
                    .toList();
        } catch (ForbiddenException e) {
            return List.of(); // a role that may not read the denominators gets the report without their sources
        }
    }

    /** {@code cakupan-61.04-2026-10.xlsx}. */
    static String fileName(CoverageDashboard d, String extension) {
        return "cakupan-" + d.region().code() + "-" + d.month() + "." + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(fileName)
                                .build()
                                .toString())
                .body(body);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
