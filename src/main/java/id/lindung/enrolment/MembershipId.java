package id.lindung.enrolment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import id.lindung.shared.TypedIds;

/**
 * A membership's id as other modules pass it, so that it cannot be swapped with another kind of id. On the wire,
 * in logs and in audit entity ids it is the plain number ({@link #toString()}, JSON). docs/decisions.md, "Typed ids
 * at module APIs"; the checks are {@link TypedIds}.
 */
public record MembershipId(@JsonValue long value) {

    public MembershipId {
        TypedIds.requirePositive("membership", value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MembershipId of(long value) {
        return new MembershipId(value);
    }

    /** An id as a request names it (path, form, body): one that cannot exist is not found, like one that does not. */
    public static MembershipId ofRequest(long value) {
        return new MembershipId(TypedIds.requested("membership", value));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
