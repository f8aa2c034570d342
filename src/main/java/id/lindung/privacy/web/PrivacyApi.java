package id.lindung.privacy.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.privacy.DataReport;
import id.lindung.privacy.DataReports;
import id.lindung.privacy.RetentionJob;
import id.lindung.privacy.RetentionPolicy;
import id.lindung.shared.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST API of personal data protection: a participant's data report and the retention policy. */
@RestController
@RequestMapping("/api")
@Tag(name = "Privasi", description = "Personal data protection (UU 27/2022): data reports, retention")
@SecurityRequirement(name = "basicAuth")
class PrivacyApi {

    private final DataReports reports;
    private final RetentionPolicy policy;
    private final RetentionJob job;
    private final CurrentUser currentUser;

    PrivacyApi(DataReports reports, RetentionPolicy policy, RetentionJob job, CurrentUser currentUser) {
        this.reports = reports;
        this.policy = policy;
        this.job = job;
        this.currentUser = currentUser;
    }

    @GetMapping("/participants/{id}/data-report")
    @Operation(
            summary = "What Lindung holds about a participant (subject-access request)",
            description = "Every "
                    + "category of data with purpose, legal basis, source, since when and retention period, and the audit "
                    + "lines about the participant's records. BPJS officers and administrators, participants in their scope "
                    + "(404 outside it). Producing it is audited (DATA_REPORT_PRODUCED). The PDF: "
                    + "/peserta/{id}/data-pribadi.pdf.")
    DataReport report(@PathVariable long id) {
        return reports.report(id, "json", currentUser.require());
    }

    @GetMapping("/privacy/retention")
    @Operation(
            summary = "Retention categories: period, action, legal basis (unconfirmed where no regulation gives "
                    + "a number), whether the nightly job applies it, its last run")
    RetentionPolicy.Overview retention() {
        currentUser.require();
        return policy.overview();
    }

    @PostMapping("/privacy/retention/run")
    @Operation(summary = "Run the retention job now (administrators); unconfirmed periods only if configured")
    RetentionJob.Run run() {
        LindungUser me = currentUser.require();
        if (me.role() != Role.ADMIN) {
            throw new ForbiddenException("privacy.retention.admin", me.role().name());
        }
        return job.run();
    }
}
