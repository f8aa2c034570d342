package id.lindung.shared;

/** The caller may not do this (role, or a target outside the region scope). Carries a message code. */
public class ForbiddenException extends RuntimeException {

    private final String code;
    private final Object[] args;

    public ForbiddenException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
