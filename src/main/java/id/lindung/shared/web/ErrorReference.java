package id.lindung.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * The reference of a failed request: shown on the error page (or in the API's problem details) and written in the
 * server log with what happened, so that support can find the stack trace from what the user reads out. One per
 * request, kept in a request attribute so the error page shows the one that was logged.
 */
final class ErrorReference {

    static final String ATTRIBUTE = ErrorReference.class.getName();
    /** Crockford's base 32: no I, L, O or U, easy to read out over the phone. */
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private ErrorReference() {}

    /** A new reference, e.g. {@code LND-7K3M9QXA}. */
    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[8];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return "LND-" + new String(chars);
    }

    /** The reference already given to this request, if any. */
    static @Nullable String of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof String reference ? reference : null;
    }

    /** This request's reference: the one given before or a new one, kept in the request. */
    static String assign(HttpServletRequest request) {
        String reference = of(request);
        if (reference == null) {
            reference = next();
            request.setAttribute(ATTRIBUTE, reference);
        }
        return reference;
    }
}
