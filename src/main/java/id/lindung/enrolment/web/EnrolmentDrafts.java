package id.lindung.enrolment.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.access.SubmissionKeys;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentPolicy;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.web.EnrolmentPages.EnrolmentForm;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.web.DraftAnswer;
import id.lindung.shared.web.PageMessages;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An enrolment kept on the agent's device while the network was down, sent when it returns (issue 18;
 * docs/decisions.md, "Drafts on the agent's device"): the enrolment form's fields as the form posts them, the
 * draft's key in {@code Idempotency-Key}. Checked as the form's own post is, now: the role and channel, the
 * participant in scope and active, the start month against today's back-dating limit (a draft kept over a month's
 * end may be refused), the income floor. A membership protects only from the months paid for, so a start in the past
 * protects nobody until it is paid. The answer: sent, a duplicate (already enrolled in the segment), or refused.
 */
@RestController
class EnrolmentDrafts {

    private final EnrolmentManagement enrolment;
    private final ParticipantManagement participants;
    private final EnrolmentPolicy policy;
    private final SubmissionKeys keys;
    private final CurrentUser currentUser;
    private final PageMessages messages;

    EnrolmentDrafts(
            EnrolmentManagement enrolment,
            ParticipantManagement participants,
            EnrolmentPolicy policy,
            SubmissionKeys keys,
            CurrentUser currentUser,
            PageMessages messages) {
        this.enrolment = enrolment;
        this.participants = participants;
        this.policy = policy;
        this.keys = keys;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @PostMapping("/api/drafts/participants/{id}/memberships")
    @Hidden // the installable app's own call (session and CSRF, form fields), not part of the API
    @Operation(
            summary = "Send an enrolment drafted offline",
            description = "The enrolment form's fields, the draft's UUID in the Idempotency-Key header: the same key "
                    + "again answers the same membership (200) without enrolling twice; another user's key is "
                    + "refused (403). Enrolled already in the segment: 409 DUPLICATE.")
    ResponseEntity<DraftAnswer> enrol(
            @PathVariable long id,
            @RequestHeader(name = DraftAnswer.KEY_HEADER, required = false) @Nullable String key,
            @ModelAttribute("enrolmentForm") EnrolmentForm form,
            BindingResult binding) {
        LindungUser me = currentUser.require();
        participants.get(ParticipantId.ofRequest(id), me); // 404 outside the caller's scope
        String memberships = "/peserta/" + id + "/kepesertaan";
        try {
            if (!policy.mayEnrolDirectly(me)) {
                throw new ForbiddenException("draft.role");
            }
            UUID draft = DraftAnswer.key(key);
            if (binding.hasErrors()) {
                return DraftAnswer.refused(binding, messages);
            }
            AtomicReference<String> what = new AtomicReference<>("");
            SubmissionKeys.Submission done = keys.once(draft, "membership", me, () -> {
                Membership m = enrolment.enrol(form.toRequest(id), me);
                what.set(messages.message(
                        "draft.membership.sent", messages.message("segment." + m.segment()), m.startMonth()));
                return memberships + "#membership-" + m.id();
            });
            return DraftAnswer.sent(
                    done.replayed() ? messages.message("draft.sent-before") : String.valueOf(what.get()),
                    done.result(),
                    done.replayed());
        } catch (InvalidInputException e) {
            if (e.issues().stream().anyMatch(i -> i.code().equals("enrolment.already"))) {
                return DraftAnswer.duplicate(messages.message("draft.membership.duplicate"), memberships);
            }
            return DraftAnswer.refused(e, messages);
        } catch (ForbiddenException e) {
            return DraftAnswer.refused(e, messages);
        }
    }
}
