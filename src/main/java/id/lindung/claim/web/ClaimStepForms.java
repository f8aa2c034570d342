package id.lindung.claim.web;

import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimManagement;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.web.PageMessages;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a claim page's form runs a workflow step: the step is done and its confirmation flashed, or what refuses it
 * (a claim changed meanwhile, a refused step, a missing field) comes back to the claim page as a message, never as
 * an error page. Every step posts the claim's {@code version}.
 */
@Component
class ClaimStepForms {

    private final ClaimManagement claims;
    private final CurrentUser currentUser;
    private final PageMessages messages;

    ClaimStepForms(ClaimManagement claims, CurrentUser currentUser, PageMessages messages) {
        this.claims = claims;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    interface Step {
        /** The flash message, or null when the step put its own outcome in the flash. */
        @Nullable
        String run(LindungUser me) throws IOException;
    }

    /** Runs a step of claim {@code id} and goes back to its page at {@code anchor}. */
    String act(long id, RedirectAttributes redirect, String anchor, Step step) throws IOException {
        LindungUser me = currentUser.require();
        claims.get(ClaimId.ofRequest(id), me); // not in scope: "not found", as for the page itself
        try {
            String done = step.run(me);
            if (done != null) {
                redirect.addFlashAttribute("flashMessage", done);
            }
        } catch (ConflictException e) {
            redirect.addFlashAttribute("claimConflict", message(e.code(), e.args()));
        } catch (ForbiddenException e) {
            redirect.addFlashAttribute("claimErrors", List.of(message(e.code(), e.args())));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "claimErrors",
                    e.issues().stream()
                            .filter(FieldIssue::isError)
                            .map(i -> fieldLabel(i.field(), anchor) + ": "
                                    + message(i.code(), i.args().toArray()))
                            .toList());
        }
        return "redirect:/klaim/" + id + anchor;
    }

    String message(String code, Object... args) {
        return messages.message(code, args);
    }

    private String fieldLabel(String field, String anchor) {
        if (anchor.equals("#death") && field.equals("reason")) {
            return message("claim.page.field.correctionReason");
        }
        if (field.equals("chosen")) {
            return message("claim.page.field.named");
        }
        return field.equals("childId") ? message("claim.page.scholarship.child") : message("claim.page.field." + field);
    }

    static int version(@Nullable Integer version) {
        if (version == null) {
            throw new InvalidInputException(FieldIssue.error("version", "field.required"));
        }
        return version;
    }

    static @Nullable LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(FieldIssue.error(field, "claim.page.date.invalid", value));
        }
    }
}
