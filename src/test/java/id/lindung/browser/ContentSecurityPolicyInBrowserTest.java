package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import id.lindung.support.InBrowser;
import id.lindung.support.Tags;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Content-Security-Policy ({@code script-src 'self'}, no inline script) in a real browser: the main pages,
 * Swagger UI included, load and run their scripts — charts drawn, region pickers filled by htmx — without a single
 * CSP violation (listened for as {@code securitypolicyviolation} events and as console errors) or JavaScript error.
 * And the rule behind it, checked in the sources: no template has an inline script or an {@code on…} attribute.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContentSecurityPolicyInBrowserTest extends InBrowser {

    private static final String LISTEN = """
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__csp.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' @' + e.lineNumber));
            """;

    @Override
    protected String screenshot() {
        return "csp.png";
    }

    @Test
    void theMainPagesRunTheirScriptsWithoutACspViolation() {
        openBrowser();
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type()) && !m.text().contains("Failed to load resource")) {
                problems.add("console: " + m.text());
            }
        });
        session.context().addInitScript(LISTEN);

        page.navigate("/login");
        collect(page, "/login", problems);
        session.signIn("admin");
        // home: both charts drawn by the external script from the table's data attributes
        page.locator("#chart canvas").waitFor();
        page.locator("#map canvas").waitFor();
        collect(page, "/", problems);

        // participant form and employers: the region pickers, filled by htmx from an external script
        page.navigate("/pemberi-kerja");
        page.locator("#kabKota").selectOption("61.04");
        page.waitForFunction("() => document.querySelectorAll('#kecamatan option').length > 1");
        collect(page, "/pemberi-kerja", problems);

        for (String path : List.of(
                "/peserta/baru",
                "/peserta",
                "/cakupan",
                "/kur",
                "/kur/unggah",
                "/iuran/tarif",
                "/bantuan-iuran",
                "/paritrana",
                "/klaim",
                "/privasi/retensi")) {
            page.navigate(path);
            page.waitForLoadState();
            collect(page, path, problems);
        }
        page.navigate("/cakupan");
        page.locator("#coverage-map[data-ready=true]").waitFor();
        collect(page, "/cakupan (map)", problems);

        page.navigate("/swagger-ui.html");
        page.waitForURL(Pattern.compile(".*/swagger-ui/index.html.*"));
        // the first /v3/api-docs is generated on demand: seconds on a busy 2-core machine
        assertThat(page.locator(".opblock-tag").first())
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(60_000));
        collect(page, "/swagger-ui", problems);

        assertThat(problems).isEmpty();
        assertThat(session.pageErrors()).isEmpty();
    }

    @Test
    void noTemplateHasAnInlineScriptOrAnEventHandlerAttribute() throws IOException {
        Pattern inlineScript =
                Pattern.compile("<script(?![^>]*\\bth:src=|[^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
        Pattern handler = Pattern.compile("\\s(th:)?on[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern javascriptUrl = Pattern.compile("javascript:", Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                for (Pattern p : List.of(inlineScript, handler, javascriptUrl)) {
                    var m = p.matcher(html);
                    while (m.find()) {
                        found.add(file + ": " + m.group());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void collect(Page page, String where, List<String> problems) {
        Object violations = page.evaluate("() => window.__csp || []");
        for (Object v : (List<Object>) violations) {
            problems.add(where + ": " + v);
        }
    }
}
