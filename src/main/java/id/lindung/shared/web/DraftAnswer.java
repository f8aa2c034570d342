package id.lindung.shared.web;

import id.lindung.shared.CodedException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindingResult;

/**
 * The server's answer to a draft sent from the agent's device (issue 18; docs/decisions.md, "Drafts on the agent's
 * device"), which the device shows next to the draft: {@code SENT} (with a link to what it made; {@code replayed}
 * when an earlier submission of the same key made it), {@code DUPLICATE} (the worker or membership exists already;
 * the link only when the existing one is inside the caller's scope) or {@code REFUSED} (the reasons, per field as the
 * form would show them).
 */
public record DraftAnswer(
        State state, String message, @Nullable String href, boolean replayed, List<FieldMessage> errors) {

    /** The request header that carries the draft's key. */
    public static final String KEY_HEADER = "Idempotency-Key";

    public enum State {
        SENT,
        DUPLICATE,
        REFUSED
    }

    /** A reason for a refusal: the form's field (or an empty field for the whole draft) and the message. */
    public record FieldMessage(String field, String message) {}

    /** Made now (201) or by an earlier submission of the key (200). */
    public static ResponseEntity<DraftAnswer> sent(String message, String href, boolean replayed) {
        return ResponseEntity.status(replayed ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new DraftAnswer(State.SENT, message, href, replayed, List.of()));
    }

    /** There already (409). */
    public static ResponseEntity<DraftAnswer> duplicate(String message, @Nullable String href) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(new DraftAnswer(State.DUPLICATE, message, href, false, List.of()));
    }

    /** The binding's errors (a value that is no date or number), as the form shows them (422). */
    public static ResponseEntity<DraftAnswer> refused(BindingResult binding, PageMessages messages) {
        List<FieldMessage> errors = new ArrayList<>();
        binding.getFieldErrors().forEach(e -> errors.add(new FieldMessage(e.getField(), messages.message(e))));
        binding.getGlobalErrors().forEach(e -> errors.add(new FieldMessage("", messages.message(e))));
        return refused(HttpStatus.UNPROCESSABLE_ENTITY, errors, messages);
    }

    /** The service's refusal of the input: its errors, each on its field (422). */
    public static ResponseEntity<DraftAnswer> refused(InvalidInputException e, PageMessages messages) {
        List<FieldMessage> errors = new ArrayList<>();
        for (FieldIssue issue : e.issues()) {
            if (issue.isError()) {
                errors.add(new FieldMessage(
                        issue.field(),
                        messages.message(issue.code(), issue.args().toArray())));
            }
        }
        return refused(HttpStatus.UNPROCESSABLE_ENTITY, errors, messages);
    }

    /** Any other coded refusal (the caller may not; a key of someone else's): its reason (403). */
    public static ResponseEntity<DraftAnswer> refused(CodedException e, PageMessages messages) {
        return refused(
                HttpStatus.FORBIDDEN, List.of(new FieldMessage("", messages.message(e.code(), e.args()))), messages);
    }

    /** The draft's key from {@link #KEY_HEADER}: a UUID the device made; refused (422) when missing or not one. */
    public static UUID key(@Nullable String header) {
        try {
            if (header != null) {
                return UUID.fromString(header.trim());
            }
        } catch (IllegalArgumentException notAUuid) {
            // refused below
        }
        throw new InvalidInputException(FieldIssue.error(KEY_HEADER, "draft.key.missing"));
    }

    private static ResponseEntity<DraftAnswer> refused(
            HttpStatus status, List<FieldMessage> errors, PageMessages messages) {
        return ResponseEntity.status(status)
                .body(new DraftAnswer(State.REFUSED, messages.message("draft.refused"), null, false, errors));
    }
}
