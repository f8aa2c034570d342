package id.lindung.contribution.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.contribution.ContributionPolicy;
import id.lindung.contribution.HistoryImportResult;
import id.lindung.contribution.HistoryImports;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.progress.OperationProgress;
import id.lindung.shared.progress.Progress;
import id.lindung.shared.tabular.RowRefusal;
import id.lindung.shared.web.PageMessages;
import id.lindung.shared.web.UploadCheck;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The contribution history import page ({@code /iuran/riwayat}): the upload form (sent with a progress bar by
 * {@code upload-progress.js}, or as a plain form), the result or the refused rows by line and column, and the latest
 * imports. BPJS officers and administrators only.
 */
@Controller
class HistoryImportPages {

    private final ContributionPolicy policy;
    private final HistoryImports imports;
    private final CurrentUser currentUser;
    private final UploadCheck uploads;
    private final PageMessages messages;
    private final OperationProgress progresses;

    HistoryImportPages(
            OperationProgress progresses,
            HistoryImports imports,
            CurrentUser currentUser,
            UploadCheck uploads,
            PageMessages messages,
            ContributionPolicy policy) {
        this.progresses = progresses;
        this.policy = policy;
        this.imports = imports;
        this.currentUser = currentUser;
        this.uploads = uploads;
        this.messages = messages;
    }

    @GetMapping("/iuran/riwayat")
    String page(Model model) {
        return page(model, requireImporter());
    }

    @PostMapping("/iuran/riwayat")
    String upload(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestHeader(name = "X-Requested-With", required = false) @Nullable String requestedWith,
            @RequestParam(name = "operation", required = false) @Nullable String operation,
            Model model)
            throws IOException {
        LindungUser me = requireImporter();
        if (file == null
                || file.isEmpty()
                        && (file.getOriginalFilename() == null
                                || file.getOriginalFilename().isBlank())) {
            model.addAttribute("uploadErrors", List.of(new RowRefusal(null, "", message("history.page.choose"))));
        } else {
            model.addAttribute("fileName", file.getOriginalFilename());
            Progress progress = progresses.start(me.username(), operation);
            try (InputStream in = progress.reading(file.getInputStream(), file.getSize(), HistoryImports.FILE_STEPS)) {
                uploads.check(file, "file", "history-file", UploadCheck.Content.CSV_OR_XLSX);
                model.addAttribute("result", imports.importFile(file.getOriginalFilename(), in, me, progress));
                progress.finish();
            } catch (InvalidInputException e) {
                model.addAttribute(
                        "uploadErrors",
                        e.issues().stream()
                                .filter(FieldIssue::isError)
                                .map(i -> RowRefusal.of(
                                        i, message(i.code(), i.args().toArray())))
                                .toList());
            }
        }
        page(model, me);
        return "XMLHttpRequest".equals(requestedWith) ? "contribution/history :: result" : "contribution/history";
    }

    private String page(Model model, LindungUser me) {
        List<HistoryImportResult> recent = imports.recent(10, me);
        model.addAttribute("recent", recent);
        model.addAttribute("ui", new ContributionPages.Ui());
        return "contribution/history";
    }

    private LindungUser requireImporter() {
        LindungUser me = currentUser.require();
        if (!policy.mayImport(me)) {
            throw new ForbiddenException("history.role", me.role().name());
        }
        return me;
    }

    private String message(String code, Object... args) {
        return messages.message(code, args);
    }
}
