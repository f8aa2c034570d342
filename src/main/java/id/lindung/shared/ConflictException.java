package id.lindung.shared;

/**
 * The request is valid but clashes with work in progress or with a change made meanwhile (HTTP 409): a billing run
 * already running, a decision already taken by someone else. Carries a message code.
 */
public class ConflictException extends CodedException {

    public ConflictException(String code, Object... args) {
        super(code, args);
    }
}
