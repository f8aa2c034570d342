package id.lindung.paritrana.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.paritrana.Entrant;
import id.lindung.paritrana.ParitranaCycles;
import id.lindung.paritrana.ParitranaRanking;
import id.lindung.paritrana.Ranking;
import id.lindung.paritrana.report.CertificatePdf;
import id.lindung.paritrana.report.ParitranaTexts;
import id.lindung.paritrana.report.RankingWorkbook;
import id.lindung.shared.web.XlsxDownload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Exports of the Paritrana Award, in the reader's language: a cycle's ranking as XLSX
 * ({@code /paritrana/{id}/peringkat.xlsx}, {@link RankingWorkbook}) and an entrant's certificate as PDF
 * ({@code /paritrana/peserta/{id}/sertifikat.pdf}, {@link CertificatePdf}). Everyone signed in may read a ranking,
 * so both are open to every role; each download is audited (EXPORT_DOWNLOADED) before it is sent.
 */
@Controller
class ParitranaExports {

    private static final MediaType XLSX = MediaType.parseMediaType(XlsxDownload.CONTENT_TYPE);

    private final ParitranaCycles cycles;
    private final ParitranaRanking rankings;
    private final CertificatePdf certificates;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Clock clock;
    private final AuditTrail audit;

    ParitranaExports(
            ParitranaCycles cycles,
            ParitranaRanking rankings,
            CertificatePdf certificates,
            CurrentUser currentUser,
            MessageSource messages,
            Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.cycles = cycles;
        this.rankings = rankings;
        this.certificates = certificates;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/paritrana/{id}/peringkat.xlsx")
    ResponseEntity<byte[]> ranking(@PathVariable long id) throws IOException {
        currentUser.require();
        Ranking ranking = rankings.ranking(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        RankingWorkbook.write(
                ranking, Instant.now(clock), new ParitranaTexts(messages, LocaleContextHolder.getLocale()), out);
        audit.recordRead(
                AuditTrail.EXPORT_DOWNLOADED,
                "paritrana_cycle",
                Long.toString(id),
                null,
                java.util.Map.of("file", "ranking.xlsx", "rows", ranking.rows().size()));
        return download(
                out.toByteArray(),
                XLSX,
                "paritrana-" + ranking.cycle().year() + "-"
                        + ranking.cycle().category().name().toLowerCase(java.util.Locale.ROOT) + ".xlsx");
    }

    @GetMapping("/paritrana/peserta/{id}/sertifikat.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable long id) {
        currentUser.require();
        Entrant entrant = cycles.entrant(id);
        Ranking ranking = rankings.ranking(entrant.cycleId());
        Ranking.Row row = ranking.rows().stream()
                .filter(r -> r.entrant().id() == id)
                .findFirst()
                .orElseThrow();
        byte[] pdf = certificates.render(ranking, row, Instant.now(clock), LocaleContextHolder.getLocale());
        audit.recordRead(
                AuditTrail.EXPORT_DOWNLOADED,
                "paritrana_participant",
                Long.toString(id),
                entrant.regionCode(),
                java.util.Map.of("file", "certificate.pdf", "cycle", entrant.cycleId()));
        return download(
                pdf, MediaType.APPLICATION_PDF, "paritrana-" + ranking.cycle().year() + "-sertifikat-" + id + ".pdf");
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
}
