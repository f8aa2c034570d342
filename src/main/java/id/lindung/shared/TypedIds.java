package id.lindung.shared;

/**
 * The checks the typed ids at module APIs share (participant, membership, claim; docs/decisions.md, "Typed ids at
 * module APIs"): each record stays its own type in its module and asks here whether a number can be an id.
 */
public final class TypedIds {

    private TypedIds() {}

    /**
     * Refuses a value of 0 or less, which no id has, with an {@link IllegalArgumentException} that names the kind
     * ("claim id must be positive: 0").
     */
    public static void requirePositive(String kind, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(kind + " id must be positive: " + value);
        }
    }

    /**
     * The value a request named (path, form, body), when it can be an id; one of 0 or less is not found
     * ({@link NotFoundException} "claim 0"), like an id that does not exist.
     */
    public static long requested(String kind, long value) {
        if (value <= 0) {
            throw new NotFoundException(kind + " " + value);
        }
        return value;
    }
}
