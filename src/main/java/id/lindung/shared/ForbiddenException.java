package id.lindung.shared;

/** The caller may not do this (role, or a target outside the region scope). Carries a message code. */
public class ForbiddenException extends CodedException {

    public ForbiddenException(String code, Object... args) {
        super(code, args);
    }
}
