package id.lindung.shared;

/**
 * The thing asked for does not exist, or exists outside the caller's region scope: the two are not told apart,
 * so a scoped user cannot probe for records elsewhere.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
