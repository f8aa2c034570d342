package id.lindung.enrolment.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.enrolment.ConstructionProject;
import id.lindung.enrolment.Employer;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.NewEmployer;
import id.lindung.enrolment.NewProject;
import id.lindung.enrolment.StartCorrection;
import id.lindung.enrolment.StartCorrections;
import id.lindung.participant.ParticipantId;
import id.lindung.shared.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** REST API of enrolment: employers, construction projects, memberships. Confined to the caller's region scope. */
@RestController
@RequestMapping("/api")
@Tag(name = "Kepesertaan", description = "Enrolment in JKK, JKM, JHT, JP, JKP: employers, projects, memberships")
@SecurityRequirement(name = "basicAuth")
class EnrolmentApi {

    private final EnrolmentManagement enrolment;
    private final CurrentUser currentUser;
    private final StartCorrections corrections;

    EnrolmentApi(EnrolmentManagement enrolment, CurrentUser currentUser, StartCorrections corrections) {
        this.enrolment = enrolment;
        this.currentUser = currentUser;
        this.corrections = corrections;
    }

    record BaseChange(@Nullable Long amount, @Nullable YearMonth effectiveFrom) {}

    record EndRequest(
            @Nullable YearMonth lastMonth, @Nullable EndReason reason) {}

    @PostMapping("/employers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an employer (NPP, name, JKK risk class 1-5, region)")
    ResponseEntity<Employer> registerEmployer(@RequestBody NewEmployer employer) {
        Employer saved = enrolment.registerEmployer(employer, user());
        return ResponseEntity.created(URI.create("/api/employers/" + saved.id()))
                .body(saved);
    }

    @GetMapping("/employers")
    @Operation(summary = "Employers in the caller's scope, by NPP or part of the name")
    PageResult<Employer> employers(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return enrolment.searchEmployers(q, page, size, user());
    }

    @GetMapping("/employers/{id}")
    @Operation(summary = "One employer")
    Employer employer(@PathVariable long id) {
        return enrolment.employer(id, user());
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Register a construction project and its JKK+JKM membership (contributions from the "
                    + "contract value, billed once)")
    ResponseEntity<Membership> registerProject(@RequestBody NewProject project) {
        Membership saved = enrolment.registerProject(project, user());
        return ResponseEntity.created(URI.create("/api/memberships/" + saved.id()))
                .body(saved);
    }

    @GetMapping("/projects/{id}")
    @Operation(summary = "One construction project")
    ConstructionProject project(@PathVariable long id) {
        return enrolment.project(id, user());
    }

    @PostMapping("/memberships")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Enrol a participant",
            description = "BPU: JKK and JKM, JHT optional, declared income at "
                    + "least the floor; PU: all five programmes through an employer, reported wage; PMI: JKK and JKM for the "
                    + "contract, JHT optional with a chosen amount. Mandatory programmes are added; unavailable ones are "
                    + "refused (422 naming 'programmes').")
    ResponseEntity<Membership> enrol(@RequestBody EnrolmentRequest request) {
        Membership saved = enrolment.enrol(request, user());
        return ResponseEntity.created(URI.create("/api/memberships/" + saved.id()))
                .body(saved);
    }

    @GetMapping("/memberships/{id}")
    @Operation(summary = "One membership")
    Membership membership(@PathVariable long id) {
        return enrolment.membership(MembershipId.ofRequest(id), user());
    }

    @GetMapping("/participants/{id}/memberships")
    @Operation(summary = "Every membership of a participant")
    List<Membership> membershipsOf(@PathVariable long id) {
        return enrolment.membershipsOf(ParticipantId.ofRequest(id), user());
    }

    @PutMapping("/memberships/{id}/base")
    @Operation(summary = "Change declared income (BPU), wage (PU) or chosen JHT amount (PMI) from a month on")
    Membership changeBase(@PathVariable long id, @RequestBody BaseChange change) {
        return enrolment.changeBase(MembershipId.ofRequest(id), change.amount(), change.effectiveFrom(), user());
    }

    @PostMapping("/memberships/{id}/end")
    @Operation(
            summary = "End a membership after its last protected month (reason REQUESTED, CONTRACT_ENDED or "
                    + "DECEASED; lapse for arrears is set by the billing run)")
    Membership end(@PathVariable long id, @RequestBody EndRequest request) {
        return enrolment.end(MembershipId.ofRequest(id), request.lastMonth(), request.reason(), user());
    }

    @PostMapping("/memberships/{id}/start-corrections")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Request an earlier start (beyond what the enrolling role may back-date)",
            description =
                    "Officers and administrators, with a reason of at least 10 characters; a second officer approves. "
                            + "Back-dating is arrears, not protection: the months in between become owed.")
    ResponseEntity<StartCorrection> requestStartCorrection(
            @PathVariable long id, @RequestBody StartCorrectionRequest request) {
        StartCorrection saved =
                corrections.request(MembershipId.ofRequest(id), request.startMonth(), request.reason(), user());
        return ResponseEntity.created(URI.create("/api/memberships/" + id + "/start-corrections"))
                .body(saved);
    }

    @GetMapping("/memberships/{id}/start-corrections")
    @Operation(summary = "A membership's start corrections")
    List<StartCorrection> startCorrections(@PathVariable long id) {
        return corrections.ofMembership(MembershipId.ofRequest(id), user());
    }

    @PostMapping("/start-corrections/{id}/approve")
    @Operation(summary = "Approve a start correction (a second officer: never the one who requested it)")
    StartCorrection approveStartCorrection(@PathVariable long id) {
        return corrections.approve(id, user());
    }

    @PostMapping("/start-corrections/{id}/reject")
    @Operation(summary = "Reject a start correction")
    StartCorrection rejectStartCorrection(@PathVariable long id) {
        return corrections.reject(id, user());
    }

    record StartCorrectionRequest(
            @Nullable YearMonth startMonth, @Nullable String reason) {}

    private LindungUser user() {
        return currentUser.require();
    }
}
