package id.lindung.shared.tabular;

import java.io.IOException;
import java.util.List;

/**
 * An uploaded XLSX workbook refused before it was parsed: it passes a limit of {@link XlsxLimits} or is not a
 * workbook Lindung reads. {@link #code()} is a message key ({@code upload.xlsx.*}), {@link #args()} its arguments
 * (the limit); no library text is in it, so callers may show it as it is.
 */
public final class XlsxRefusedException extends IOException {

    private final String code;
    private final List<Object> args;

    XlsxRefusedException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = List.of(args);
    }

    /** The message key, e.g. {@code upload.xlsx.ratio}. */
    public String code() {
        return code;
    }

    /** The message's arguments. */
    public Object[] args() {
        return args.toArray();
    }
}
