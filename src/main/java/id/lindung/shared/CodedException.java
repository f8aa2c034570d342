package id.lindung.shared;

/** A refusal that carries a message code and its arguments, for the reader's language. */
public abstract class CodedException extends RuntimeException {

    private final String code;
    private final Object[] args;

    protected CodedException(String code, Object... args) {
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
