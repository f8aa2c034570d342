package id.lindung.claim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import id.lindung.shared.TypedIds;

/**
 * A claim's id at the claim module's API, so that it cannot be swapped with another kind of id. On the wire, in
 * logs and in audit entity ids it is the plain number ({@link #toString()}, JSON). docs/decisions.md, "Typed ids at
 * module APIs"; the checks are {@link TypedIds}.
 */
public record ClaimId(@JsonValue long value) {

    public ClaimId {
        TypedIds.requirePositive("claim", value);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ClaimId of(long value) {
        return new ClaimId(value);
    }

    /** An id as a request names it (path, form, body): one that cannot exist is not found, like one that does not. */
    public static ClaimId ofRequest(long value) {
        return new ClaimId(TypedIds.requested("claim", value));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
