package id.lindung.support;

import static org.assertj.core.api.Assertions.fail;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * axe-core (Deque's accessibility rules, run inside the page by {@code com.deque.html.axe-core:playwright}) on the page
 * a browser test has open. axe's default rule set runs (its WCAG A and AA rules and best practices; colour contrast
 * at 4.5:1, 3:1 for large text); a violation of impact critical or serious fails, listed with the rule, its impact
 * and every element it found (CSS selector, HTML and what to fix). Each run prints one line: the page, how long axe
 * took, and its moderate and minor findings, which do not fail. docs/decisions.md, "Accessibility".
 */
public final class Accessibility {

    /** The impacts that fail a test. */
    static final Set<String> FAILING = Set.of("critical", "serious");

    private static final int MAX_HTML = 300;

    private Accessibility() {}

    /** Runs axe on the page as it is now and fails listing every critical or serious violation. */
    public static void assertNoSeriousViolations(Page page, String pageName) {
        List<String> found = seriousViolations(page, pageName);
        if (!found.isEmpty()) {
            fail(String.join("\n", found));
        }
    }

    /**
     * Runs axe on the page as it is now: an empty list, or one entry naming the page and its critical and serious
     * violations (for tests that visit many pages and fail once at the end).
     */
    public static List<String> seriousViolations(Page page, String pageName) {
        // legacy mode: axe runs in the page itself, without the blank page it otherwise opens to merge the results
        // of frames (the pages have none)
        long start = System.nanoTime();
        AxeResults results = new AxeBuilder(page).setLegacyMode(true).analyze();
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (results.isErrored()) {
            return List.of("axe could not run on " + pageName + ": " + results.getErrorMessage());
        }
        List<Rule> failing = results.getViolations().stream()
                .filter(r -> FAILING.contains(r.getImpact()))
                .toList();
        List<Rule> lesser = results.getViolations().stream()
                .filter(r -> !FAILING.contains(r.getImpact()))
                .toList();
        String notFailing = lesser.stream()
                .map(r -> r.getId() + " (" + r.getImpact() + ", " + r.getNodes().size() + ")")
                .collect(Collectors.joining(", "));
        System.out.println("axe, " + pageName + ", " + millis + " ms"
                + (notFailing.isEmpty() ? "" : ", not failing: " + notFailing));
        if (failing.isEmpty()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder()
                .append(failing.size())
                .append(" critical or serious accessibility violation(s) on ")
                .append(pageName)
                .append(" (")
                .append(page.url())
                .append("):");
        for (Rule rule : failing) {
            text.append("\n- ")
                    .append(rule.getId())
                    .append(" [")
                    .append(rule.getImpact())
                    .append("] ")
                    .append(rule.getHelp())
                    .append(" (")
                    .append(rule.getHelpUrl())
                    .append(")");
            for (CheckedNode node : rule.getNodes()) {
                text.append("\n    ")
                        .append(target(node.getTarget()))
                        .append("\n      ")
                        .append(html(node.getHtml()));
                if (node.getFailureSummary() != null) {
                    text.append("\n      ").append(node.getFailureSummary().replace("\n", "\n      "));
                }
            }
        }
        return List.of(text.toString());
    }

    /** axe's target: a list of selectors, nested lists for shadow DOM and frames. */
    private static String target(Object target) {
        if (target instanceof List<?> parts) {
            List<String> each = new ArrayList<>();
            for (Object part : parts) {
                each.add(target(part));
            }
            return String.join(" >> ", each);
        }
        return String.valueOf(target);
    }

    private static String html(String html) {
        if (html == null) {
            return "";
        }
        String flat = html.replaceAll("\\s+", " ");
        return flat.length() <= MAX_HTML ? flat : flat.substring(0, MAX_HTML) + "…";
    }
}
