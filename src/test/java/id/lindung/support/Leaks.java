package id.lindung.support;

import java.util.Arrays;

/** Words that would show a stack trace, the framework or SQL in an answer: a user is never shown any of them. */
public final class Leaks {

    private static final String[] INTERNALS = {
        "Exception",
        "exception",
        "at id.lindung",
        "org.springframework",
        "java.",
        "org.postgresql",
        "PSQL",
        "SELECT ",
        "INSERT ",
        "SQL",
        "trace",
        "\tat "
    };

    private Leaks() {}

    /**
     * A page without its random tokens (the CSRF token of its forms, script nonces): a random token may spell "SQL"
     * or "trace" (seen once: "...5SQLCeZ..." in a CSRF token), which shows nothing of the server.
     */
    public static String withoutTokens(String html) {
        return html.replaceAll("(name=\"_csrf\" value=\")[^\"]*\"", "$1\"")
                .replaceAll("(nonce=\")[^\"]*\"", "$1\"")
                .replaceAll("(name=\"_csrf\" content=\")[^\"]*\"", "$1\"");
    }

    /** Those words, and any more a test looks for (a fresh array, for {@code doesNotContain}). */
    public static String[] internalsAnd(String... more) {
        String[] all = Arrays.copyOf(INTERNALS, INTERNALS.length + more.length);
        System.arraycopy(more, 0, all, INTERNALS.length, more.length);
        return all;
    }
}
