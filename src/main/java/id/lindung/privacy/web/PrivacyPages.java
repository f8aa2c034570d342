package id.lindung.privacy.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.privacy.DataReport;
import id.lindung.privacy.DataReports;
import id.lindung.privacy.RetentionJob;
import id.lindung.privacy.RetentionPolicy;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.web.Formats;
import id.lindung.shared.web.XhtmlPdf;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.thymeleaf.ITemplateEngine;

/**
 * Pages of personal data protection: a participant's data report ({@code /peserta/{id}/data-pribadi}, and as PDF
 * {@code .pdf}) for BPJS officers and administrators, and the retention rules ({@code /privasi/retensi}) for
 * administrators, who may also run the job there.
 */
@Controller
class PrivacyPages {

    static final String PDF_TEMPLATE = "privacy/report.xhtml";

    private final DataReports reports;
    private final RetentionPolicy policy;
    private final RetentionJob job;
    private final CurrentUser currentUser;
    private final ITemplateEngine templates;
    private final Formats formats;
    private final MessageSource messages;

    PrivacyPages(
            DataReports reports,
            RetentionPolicy policy,
            RetentionJob job,
            CurrentUser currentUser,
            ITemplateEngine templates,
            Formats formats,
            MessageSource messages) {
        this.reports = reports;
        this.policy = policy;
        this.job = job;
        this.currentUser = currentUser;
        this.templates = templates;
        this.formats = formats;
        this.messages = messages;
    }

    @GetMapping("/peserta/{id}/data-pribadi")
    String report(@PathVariable long id, Model model) {
        model.addAttribute("r", reports.report(id, "page", currentUser.require()));
        return "privacy/report";
    }

    @GetMapping("/peserta/{id}/data-pribadi.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        DataReport report = reports.report(id, "pdf", currentUser.require());
        Locale locale = LocaleContextHolder.getLocale();
        byte[] pdf = XhtmlPdf.toPdf(
                XhtmlPdf.xhtml(templates, PDF_TEMPLATE, locale, Map.of("r", report, "fmt", formats)), "data report");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("data-pribadi-" + id + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }

    @GetMapping("/privasi/retensi")
    String retention(Model model) {
        requireAdmin();
        model.addAttribute("policy", policy.overview());
        return "privacy/retention";
    }

    @PostMapping("/privasi/retensi/jalankan")
    String run(RedirectAttributes redirect) {
        requireAdmin();
        RetentionJob.Run run = job.run();
        long removed =
                run.outcomes().stream().mapToLong(RetentionJob.Outcome::removed).sum();
        long failed = run.outcomes().stream()
                .filter(o -> o.status() == RetentionJob.Status.FAILED)
                .count();
        redirect.addFlashAttribute(
                "flashMessage",
                messages.getMessage(
                        "privacy.retention.ran", new Object[] {removed, failed}, LocaleContextHolder.getLocale()));
        return "redirect:/privasi/retensi";
    }

    private void requireAdmin() {
        LindungUser me = currentUser.require();
        if (me.role() != Role.ADMIN) {
            throw new ForbiddenException("privacy.retention.admin", me.role().name());
        }
    }
}
