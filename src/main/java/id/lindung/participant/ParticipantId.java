package id.lindung.participant;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import id.lindung.shared.TypedIds;

/**
 * A participant's id as other modules pass it, so that it cannot be swapped with another kind of id. On the wire,
 * in logs and in audit entity ids it is the plain number ({@link #toString()}, JSON). docs/decisions.md, "Typed ids
 * at module APIs"; the checks are {@link TypedIds}.
 */
public record ParticipantId(@JsonValue long value) {

    public ParticipantId {
        TypedIds.requirePositive("participant", value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ParticipantId of(long value) {
        return new ParticipantId(value);
    }

    /** An id as a request names it (path, form, body): one that cannot exist is not found, like one that does not. */
    public static ParticipantId ofRequest(long value) {
        return new ParticipantId(TypedIds.requested("participant", value));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
