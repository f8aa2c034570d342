package id.lindung.enrolment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import id.lindung.shared.NotFoundException;

/**
 * A membership's id as other modules pass it, so that it cannot be swapped with another kind of id. On the wire,
 * in logs and in audit entity ids it is the plain number ({@link #toString()}, JSON). docs/decisions.md, "Typed ids
 * at module APIs".
 */
public record MembershipId(long value) {

    public MembershipId {
        if (value <= 0) {
            throw new IllegalArgumentException("membership id must be positive: " + value);
        }
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static MembershipId of(long value) {
        return new MembershipId(value);
    }

    /** An id as a request names it (path, form, body): one that cannot exist is not found, like one that does not. */
    public static MembershipId ofRequest(long value) {
        if (value <= 0) {
            throw new NotFoundException("membership " + value);
        }
        return new MembershipId(value);
    }

    @JsonValue
    @Override
    public long value() {
        return value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
