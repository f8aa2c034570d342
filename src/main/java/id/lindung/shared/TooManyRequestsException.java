package id.lindung.shared;

/**
 * The caller has used up a budget for now (HTTP 429): e.g. the rows of personal data a user may read per hour. Carries
 * a message code and when to try again ({@code Retry-After}).
 */
public class TooManyRequestsException extends CodedException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(long retryAfterSeconds, String code, Object... args) {
        super(code, args);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
