package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.FilePayload;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.InBrowser;
import id.lindung.support.PaymentFiles;
import id.lindung.support.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Busy state and progress from the server in a real browser (issue 18, point 8): an officer uploads a bank payment
 * file of 30,000 rows on the payment file page; while the server applies it the button is disabled and the bar moves
 * by what the server reports (a value between empty and full is seen, with the step's words in the status line that
 * screen readers read out); then the page shows the result. Screenshot: {@code <build dir>/screenshots/progress.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProgressInBrowserTest extends InBrowser {

    @Autowired
    private ParticipantManagement participants;

    @Autowired
    private EnrolmentManagement enrolment;

    @Autowired
    private Clock clock;

    @Override
    protected String screenshot() {
        return "progress.png";
    }

    /** What the page showed at one change: the bar's share, whether the server set it, the button, the status. */
    record Shown(double value, boolean fromServer, boolean busy, String text) {}

    @Test
    void theBarFollowsTheServerWhileAPaymentFileIsApplied() {
        long membership = PaymentFiles.newBpuMembership(participants, enrolment, clock);
        byte[] csv = PaymentFiles.csv(membership, 30_000, LocalDate.now(clock));
        openBrowser();
        session.signIn("petugas.kalbar");
        page.navigate("/iuran/berkas-pembayaran");
        Locator button = page.locator("#payment-file-submit");
        Locator status = page.locator("#upload-status");
        assertThat(page.locator("#upload-progress-box")).isHidden();
        assertThat(status).hasAttribute("aria-live", "polite");
        List<String> polls = new CopyOnWriteArrayList<>();
        page.onResponse(r -> {
            if (r.url().contains("/ui/progress/")) {
                polls.add(r.status() + " " + r.url().replaceAll(".*/", ""));
            }
        });
        // While the form posts, Playwright does not look into the page (it waits for the navigation): the page tells
        // what it shows instead, at every change of the bar, the status line or the button.
        List<Shown> shown = new CopyOnWriteArrayList<>();
        page.exposeFunction("progressShown", args -> {
            shown.add(new Shown(
                    ((Number) args[0]).doubleValue(),
                    "true".equals(args[1]),
                    Boolean.TRUE.equals(args[2]),
                    String.valueOf(args[3])));
            return null;
        });
        page.evaluate("""
                () => {
                  const bar = document.getElementById('upload-progress');
                  const status = document.getElementById('upload-status');
                  const button = document.getElementById('payment-file-submit');
                  const tell = () => window.progressShown(
                      bar.value / bar.max, bar.dataset.server || '', button.disabled, status.textContent);
                  new MutationObserver(tell).observe(document.getElementById('payment-file-form').parentNode,
                      {attributes: true, childList: true, characterData: true, subtree: true});
                }""");

        page.locator("#payment-file").setInputFiles(new FilePayload("bank-besar.csv", "text/csv", csv));
        // clicked from the page: Playwright's own click would wait until the answer's page has loaded
        button.evaluate("b => setTimeout(() => b.click(), 0)");

        // the answer: the page with the result, the form usable again
        assertThat(page.locator("#file-result"))
                .containsText("30.000", new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        assertThat(page.locator("#payment-file-submit")).isEnabled();
        assertThat(page.locator("#upload-progress-box")).isHidden();
        assertThat(polls).anyMatch(p -> p.startsWith("200 "));
        assertThat(shown)
                .as("the button disabled at once")
                .first()
                .satisfies(s -> assertThat(s.busy()).isTrue());
        // a value the server reported, between empty and full, while the button was disabled, and its words
        assertThat(shown)
                .filteredOn(s -> s.fromServer() && s.value() > 0 && s.value() < 1)
                .isNotEmpty()
                .allSatisfy(s -> {
                    assertThat(s.busy()).isTrue();
                    assertThat(s.text()).startsWith("Langkah ").contains(" dari 4: ");
                });
        List<Double> values =
                shown.stream().filter(Shown::fromServer).map(Shown::value).toList();
        assertThat(values).isSortedAccordingTo(Double::compare);
        assertThat(session.pageErrors()).isEmpty();
    }
}
