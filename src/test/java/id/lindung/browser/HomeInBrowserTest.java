package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import id.lindung.support.Chromium;
import id.lindung.support.HomeContext;
import id.lindung.support.HomeFixtures;
import id.lindung.support.InBrowser;
import id.lindung.support.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The home page of each role in a real browser, on a laptop (1366×768) and a phone (375×812): the five demo-style
 * users sign in and land on their own task lists ({@link HomeFixtures}), every task list fits the screen's width,
 * and no script fails. Screenshots of the viewport go to {@code <build dir>/screenshots/home-<role>-<size>.png};
 * with {@code -Dlindung.screenshots.write=true} also to {@code docs/screenshots}, the README's pictures.
 */
@Tag(Tags.BROWSER)
@HomeContext
class HomeInBrowserTest extends InBrowser {

    /** A demo user, the role's name in the screenshots, and the task lists their home shows. */
    record Visitor(String user, String role, List<String> tasks) {}

    static final List<Visitor> VISITORS = List.of(
            new Visitor("admin", "admin", List.of("#task-config", "#task-keys", "#counts")),
            new Visitor(
                    "petugas.kalbar", "officer", List.of("#task-claims", "#task-duplicates", "#task-payment-files")),
            new Visitor("analis.provinsi", "gov-analyst", List.of("#task-coverage", "#counts")),
            new Visitor("bank.kalbar", "bank-officer", List.of("#task-kur")),
            new Visitor("agen.ketapang", "agent", List.of("#task-dues")));

    @Autowired
    ApplicationContext context;

    @Override
    protected String screenshot() {
        return "home-last.png";
    }

    @Test
    void everyRoleLandsOnItsOwnTasks_onALaptopAndAPhone() throws Exception {
        HomeFixtures fixtures = HomeFixtures.of(context);
        openBrowser();
        for (Visitor v : VISITORS) {
            session.context().clearCookies();
            session.signIn(v.user());
            for (String size : List.of("desktop", "phone")) {
                if (size.equals("desktop")) {
                    page.setViewportSize(1366, 768);
                } else {
                    page.setViewportSize(375, 812);
                }
                page.navigate("/");
                for (String task : v.tasks()) {
                    assertThat(page.locator(task)).isVisible();
                }
                Locator blocks = page.locator("#home-tasks > .task");
                assertThat(blocks).hasCount((int)
                        v.tasks().stream().filter(t -> t.startsWith("#task-")).count());
                for (int i = 0; i < blocks.count(); i++) {
                    var box = blocks.nth(i).boundingBox();
                    assertThat(box.x + box.width)
                            .as("%s: task list %d within the %s screen", v.user(), i, size)
                            .isLessThanOrEqualTo(page.viewportSize().width);
                }
                save(page, "home-" + v.role() + "-" + size + ".png");
            }
        }
        assertThat(page.locator("#task-dues")).containsText(fixtures.ketapang.inArrearsName());
        assertThat(page.locator("#task-dues")).not().containsText(fixtures.pontianak.inArrearsName());
        assertThat(session.pageErrors()).isEmpty();
    }

    /** The viewport (not the whole page) into the build directory, and into docs/screenshots when asked. */
    private void save(Page page, String name) throws Exception {
        Path built = Chromium.buildDir(getClass()).resolve("screenshots").resolve(name);
        Files.createDirectories(built.getParent());
        page.screenshot(new Page.ScreenshotOptions().setPath(built).setFullPage(false));
        if (Boolean.getBoolean("lindung.screenshots.write")) {
            Path docs = Path.of("docs/screenshots").resolve(name);
            Files.createDirectories(docs.getParent());
            Files.copy(built, docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
