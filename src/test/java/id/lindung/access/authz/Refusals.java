package id.lindung.access.authz;

import id.lindung.access.authz.MatrixClient.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Tells what an answer means for authorization. The API refuses with 401, 403, or a 422 whose error is a refusal
 * code; pages refuse with 403, the login page, or — where a form catches the refusal — the refusal's message on the
 * page it shows or redirects to. The refusal codes are read from the application itself: every code main code
 * throws a {@code ForbiddenException} with or names as a workflow rule answered with 403, and the message codes of
 * region-scope refusals ({@code *.scope}) that some imports report per field.
 */
public final class Refusals {

    /** What an answer means. */
    public enum Outcome {
        ALLOWED,
        REFUSED,
        NOT_FOUND,
        LOGIN,
        ERROR
    }

    private static final Pattern FORBIDDEN = Pattern.compile("new ForbiddenException\\(\\s*\"([^\"]+)\"");
    /** A workflow rule answered with 403 ({@code Decision.Spec.of("code", FORBIDDEN)}, e.g. {@code ClaimRule}). */
    private static final Pattern FORBIDDEN_RULE =
            Pattern.compile("\\bof(?:Input)?\\(\\s*\"([^\"]+)\",\\s*(?:Decision\\.Answer\\.)?FORBIDDEN\\s*\\)");

    private static final Pattern SCOPE_KEY = Pattern.compile("(?m)^([a-z][A-Za-z0-9.-]*\\.scope)=");
    private static final Pattern ERROR_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"");
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private final Set<String> codes;
    private final List<Pattern> texts = new ArrayList<>();
    private final Pattern notFound;

    public Refusals(MessageSource messages) {
        this.codes = scan();
        for (String code : codes) {
            String marker = "\u0001";
            String text = messages.getMessage(code, new Object[] {marker, marker, marker, marker}, code, INDONESIAN);
            StringBuilder regex = new StringBuilder();
            for (String part : text.split(marker, -1)) {
                regex.append(regex.isEmpty() ? "" : ".{0,200}?").append(Pattern.quote(part.strip()));
            }
            texts.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
        }
        this.notFound = Pattern.compile(
                ">\\s*" + Pattern.quote(messages.getMessage("problem.not-found", null, INDONESIAN)) + "\\.?\\s*<");
    }

    /** The refusal codes: read from main code, so a refusal added tomorrow is recognised too. */
    public Set<String> codes() {
        return codes;
    }

    private static Set<String> scan() {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern refusal : List.of(FORBIDDEN, FORBIDDEN_RULE)) {
                    Matcher m = refusal.matcher(source);
                    while (m.find()) {
                        found.add(m.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "main sources not found from " + Path.of("").toAbsolutePath(), e);
        }
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                Matcher m = SCOPE_KEY.matcher(Files.readString(file));
                while (m.find()) {
                    found.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (found.size() < 10) {
            throw new IllegalStateException("only " + found.size() + " refusal codes found: " + found);
        }
        return found;
    }

    /**
     * The outcome of one request. {@code followed}: for a page's form post that redirected, the page it redirected
     * to (which shows the flash message), or null.
     */
    public Outcome classify(boolean api, boolean write, Answer answer, @Nullable Answer followed) {
        int status = answer.status();
        if (status == 401) {
            return Outcome.LOGIN;
        }
        if (status == 403) {
            return Outcome.REFUSED;
        }
        if (status == 404) {
            return Outcome.NOT_FOUND;
        }
        if (status >= 500 || status == 429) {
            return Outcome.ERROR;
        }
        if (api) {
            if (status == 422) {
                Matcher m = ERROR_CODE.matcher(answer.text());
                while (m.find()) {
                    if (codes.contains(m.group(1))) {
                        return Outcome.REFUSED;
                    }
                }
            }
            return Outcome.ALLOWED;
        }
        if ((status == 302 || status == 303)
                && answer.location().replaceAll("\\?.*", "").endsWith("/login")) {
            return Outcome.LOGIN;
        }
        if (!write) {
            return Outcome.ALLOWED; // a page that shows itself: what it says is no refusal of this request
        }
        String shown = answer.text();
        if (followed != null) {
            if (followed.status() == 403) {
                return Outcome.REFUSED;
            }
            if (followed.status() == 404) {
                return Outcome.NOT_FOUND;
            }
            shown = shown + followed.text();
        }
        String text = unescape(shown);
        for (Pattern refusal : texts) {
            if (refusal.matcher(text).find()) {
                return Outcome.REFUSED;
            }
        }
        if (notFound.matcher(text).find()) {
            return Outcome.NOT_FOUND;
        }
        return Outcome.ALLOWED;
    }

    /** The refusal message in a page, for a failure's description; empty when none. */
    public String refusalIn(String html) {
        String text = unescape(html);
        for (Pattern refusal : texts) {
            Matcher m = refusal.matcher(text);
            if (m.find()) {
                return m.group();
            }
        }
        return "";
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replaceAll("\\s+", " ");
    }
}
