package id.lindung.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import id.lindung.support.HomeContext;
import id.lindung.support.HomeFixtures;
import id.lindung.support.InBrowser;
import id.lindung.support.Tags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;

/**
 * Issue 18, point 6: every page reads in Indonesian. Each demo role signs in (Indonesian locale) and visits every page
 * of its navigation, each section's tabs and the first detail page of every list; the visible text of each page
 * (outside {@code code}, {@code pre}, scripts and attribute values) must hold no raw code (a token such as
 * {@code BANK_OFFICER}, or a constant of one of Lindung's enums) and no word of a short list of English UI words.
 * The data are {@link HomeFixtures} ({@link HomeContext}, shared with the home page tests).
 */
@Tag(Tags.BROWSER)
@HomeContext
class LanguageInBrowserTest extends InBrowser {

    static final List<String> USERS =
            List.of("admin", "petugas.kalbar", "analis.provinsi", "bank.kalbar", "agen.ketapang");

    /** Codes written in capitals on purpose: programme and segment acronyms, school levels, funding sources, SMS. */
    static final Set<String> ACRONYMS = Set.of(
            String.join(" ", "PU BPU JAKON PMI JKK JKM JHT JP JKP TK SD SMP SMA APBD KUR CSV PDF API NIK NIB SMS")
                    .split(" "));

    /** English words a page in Indonesian should not show. */
    static final Set<String> ENGLISH = Set.of(String.join(
                    " ",
                    "the and of with from is are for this not see until unconfirmed rate rates source note",
                    "notes save cancel submit search upload download delete edit back next previous loading",
                    "error warning required optional paid unpaid pending active inactive approved rejected",
                    "submitted verified employer participant participants member members month year name date",
                    "amount yes none changed created updated history retention days years")
            .split(" "));

    private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z0-9]+)+\\b");
    private static final Pattern CAPITAL_WORD = Pattern.compile("\\b[A-Z]{2,}\\b");
    private static final Pattern WORD = Pattern.compile("\\b[A-Za-z]+\\b");

    /** Visible text nodes of the page, outside code, pre, scripts and styles; option texts of visible selects. */
    private static final String VISIBLE_TEXT = """
            () => {
              const skip = new Set(['CODE', 'PRE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'KBD', 'SAMP']);
              const out = [];
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              let node;
              while ((node = walker.nextNode())) {
                const text = node.nodeValue.trim();
                if (!text) continue;
                let skipped = false;
                for (let e = node.parentElement; e; e = e.parentElement) {
                  if (skip.has(e.tagName)) { skipped = true; break; }
                }
                if (skipped) continue;
                const option = node.parentElement.closest('option, optgroup');
                const select = option && option.closest('select');
                const shown = option ? select !== null && select.checkVisibility()
                    : node.parentElement.checkVisibility();
                if (shown) out.push(text);
              }
              return out;
            }""";

    @Autowired
    ApplicationContext context;

    private final List<String> problems = new ArrayList<>();
    private Set<String> enumConstants;

    @Override
    protected String screenshot() {
        return "language-last.png";
    }

    @Test
    void everyPageOfEveryRoleReadsInIndonesian() {
        HomeFixtures.of(context);
        enumConstants = enumConstants();
        openBrowser();
        int pages = 0;
        for (String user : USERS) {
            session.context().clearCookies();
            session.signIn(user);
            Set<String> visited = new LinkedHashSet<>();
            List<String> sections = links("nav.mainnav a[href]");
            for (String section : sections) {
                if (!visit(user, section, visited)) {
                    continue;
                }
                List<String> tabs = links("main nav.actions a[href]");
                firstDetail(user, visited);
                for (String tab : tabs) {
                    if (visit(user, tab, visited)) {
                        firstDetail(user, visited);
                    }
                }
            }
            pages += visited.size();
        }
        System.out.println("Language scan: " + pages + " pages, " + problems.size() + " findings");
        assertThat(problems).as("raw codes or English on the pages").isEmpty();
    }

    /** Opens the page and scans it, unless already seen, a download or outside the application's pages. */
    private boolean visit(String user, String path, Set<String> visited) {
        if (path == null
                || path.startsWith("/api")
                || path.startsWith("/swagger")
                || path.startsWith("/logout")
                || path.matches(".*\\.(csv|pdf|xlsx|json)(\\?.*)?")
                || path.contains("/unduh")
                || !visited.add(path)) {
            return false;
        }
        page.navigate(path);
        scan(user, path);
        return true;
    }

    /** The first row's link of the page's first list, if it has one, opened and scanned, and the same on it. */
    private void firstDetail(String user, Set<String> visited) {
        for (int depth = 0; depth < 2; depth++) {
            List<String> rows = links("main table tbody tr:first-child a[href]");
            if (rows.isEmpty() || !visit(user, rows.get(0), visited)) {
                return;
            }
        }
    }

    private List<String> links(String selector) {
        Locator found = page.locator(selector);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < found.count(); i++) {
            String href = found.nth(i).getAttribute("href");
            if (href != null && href.startsWith("/") && !href.startsWith("//")) {
                out.add(href);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private void scan(String user, String path) {
        List<String> texts = (List<String>) page.evaluate(VISIBLE_TEXT);
        Set<String> found = new TreeSet<>();
        for (String text : texts) {
            Matcher raw = RAW_CODE.matcher(text);
            while (raw.find()) {
                found.add("code " + raw.group() + " in \"" + shorten(text) + "\"");
            }
            Matcher capital = CAPITAL_WORD.matcher(text);
            while (capital.find()) {
                String token = capital.group();
                if (enumConstants.contains(token) && !ACRONYMS.contains(token)) {
                    found.add("code " + token + " in \"" + shorten(text) + "\"");
                }
            }
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                if (ENGLISH.contains(word.group().toLowerCase(Locale.ROOT))) {
                    found.add("English \"" + word.group() + "\" in \"" + shorten(text) + "\"");
                }
            }
        }
        for (String f : found) {
            problems.add(user + " " + path + ": " + f);
        }
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() > 100 ? one.substring(0, 100) + "…" : one;
    }

    /** The constants of every enum of the application, as the raw codes a page could show. */
    static Set<String> enumConstants() {
        Set<String> constants = new TreeSet<>();
        var resolver = new PathMatchingResourcePatternResolver();
        var readers = new SimpleMetadataReaderFactory(resolver);
        try {
            for (Resource r : resolver.getResources("classpath*:id/lindung/**/*.class")) {
                MetadataReader reader = readers.getMetadataReader(r);
                if (!"java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName())) {
                    continue;
                }
                Class<?> type = Class.forName(reader.getClassMetadata().getClassName());
                for (Object constant : type.getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    if (name.length() >= 2 && name.equals(name.toUpperCase(Locale.ROOT))) {
                        constants.add(name);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return constants;
    }
}
