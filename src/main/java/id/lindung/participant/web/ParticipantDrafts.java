package id.lindung.participant.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.access.SubmissionKeys;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.ParticipantPolicy;
import id.lindung.participant.RegistrationResult;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * A registration kept on the agent's device while the network was down, sent when it returns (issue 18;
 * docs/decisions.md, "Drafts on the agent's device"): the registration form's fields as the form posts them, and the
 * draft's key in {@code Idempotency-Key}. Checked as the form's own post is (role, scope, NIK rules, the NIK free);
 * the answer says what became of the draft: sent, a duplicate of a worker already registered, or refused with the
 * reasons per field.
 */
@RestController
class ParticipantDrafts {

    private final ParticipantManagement participants;
    private final ParticipantPolicy policy;
    private final SubmissionKeys keys;
    private final CurrentUser currentUser;
    private final PageMessages messages;

    ParticipantDrafts(
            ParticipantManagement participants,
            ParticipantPolicy policy,
            SubmissionKeys keys,
            CurrentUser currentUser,
            PageMessages messages) {
        this.participants = participants;
        this.policy = policy;
        this.keys = keys;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    @PostMapping("/api/drafts/participants")
    @Hidden // the installable app's own call (session and CSRF, form fields), not part of the API
    @Operation(
            summary = "Send a registration drafted offline",
            description = "The registration form's fields, the draft's UUID in the Idempotency-Key header: the same "
                    + "key again answers the same participant (200) without registering twice; another user's key "
                    + "is refused (403). A NIK registered already answers 409 DUPLICATE, with a link when the "
                    + "worker is inside the caller's scope.")
    ResponseEntity<DraftAnswer> register(
            @RequestHeader(name = DraftAnswer.KEY_HEADER, required = false) @Nullable String key,
            @ModelAttribute("form") ParticipantForm form,
            BindingResult binding) {
        LindungUser me = currentUser.require();
        try {
            policy.checkWrite(me);
            UUID draft = DraftAnswer.key(key);
            if (binding.hasErrors()) {
                return DraftAnswer.refused(binding, messages);
            }
            form.setStatus(null); // a registration starts active; the registration form has no status
            AtomicReference<String> name = new AtomicReference<>("");
            SubmissionKeys.Submission done = keys.once(draft, "participant", me, () -> {
                RegistrationResult result = participants.register(form.toDetails(), me);
                name.set(result.participant().fullName());
                return "/peserta/" + result.participant().id();
            });
            return DraftAnswer.sent(
                    done.replayed()
                            ? messages.message("draft.sent-before")
                            : messages.message("participant.registered", String.valueOf(name.get())),
                    done.result(),
                    done.replayed());
        } catch (InvalidInputException e) {
            if (e.issues().stream().anyMatch(i -> i.code().equals("nik.taken"))) {
                // inside the caller's scope (nik.taken says so): the link to the worker registered already
                String href = participants
                        .findByNik(String.valueOf(form.getNik()), me)
                        .map(p -> "/peserta/" + p.id())
                        .orElse(null);
                return DraftAnswer.duplicate(messages.message("draft.participant.duplicate"), href);
            }
            return DraftAnswer.refused(e, messages);
        } catch (ForbiddenException e) {
            return DraftAnswer.refused(e, messages);
        }
    }
}
