package id.lindung.interop;

/**
 * A message refused as a whole, answered with its HTTP status and the standard's code ({@code err.*} of the
 * {@code Error} schema, or {@code rjct.*} of {@code MsgHeaderStatusReasonCode}) in the {@code HttpErrorResponse} shape.
 */
final class DciRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    DciRefusal(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static DciRefusal bad(String code, String message) {
        return new DciRefusal(400, code, message);
    }

    static DciRefusal unauthorized(String code, String message) {
        return new DciRefusal(401, code, message);
    }
}
