package id.lindung.claim.letter;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import id.lindung.shared.web.Formats;
import id.lindung.support.Accessibility;
import id.lindung.support.Chromium;
import id.lindung.support.Tags;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The decision letter's XHTML (what openhtmltopdf lays out as the PDF) in Chromium under axe-core, an approval and a
 * rejection: no critical or serious violation ({@link Accessibility}). The PDF itself is not checked: axe reads HTML
 * only (docs/decisions.md, "Accessibility").
 */
@Tag(Tags.BROWSER)
class DecisionLetterAccessibilityTest {

    private final DecisionLetters letters = new DecisionLetters(DecisionLettersTest.engine(), new Formats());

    @Test
    void theLettersHtmlHasNoCriticalOrSeriousViolation() {
        try (Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            Page page = browser.newPage();
            page.setContent(letters.xhtml(
                    DecisionLettersTest.approval(DecisionLettersTest.deathLines(), true, "petugas.kalbar"),
                    DecisionLettersTest.INDONESIAN));
            Accessibility.assertNoSeriousViolations(page, "decision letter, approval");
            page.setContent(letters.xhtml(DecisionLettersTest.rejection(), DecisionLettersTest.INDONESIAN));
            Accessibility.assertNoSeriousViolations(page, "decision letter, rejection");
        }
    }
}
