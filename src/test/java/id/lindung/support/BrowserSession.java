package id.lindung.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One browser test's Chromium: a page on the app under test (Indonesian locale, 1280×900 or a phone's size, downloads
 * accepted), the JavaScript errors the pages raised, sign-in through the login form, screenshots into the build
 * directory, and closing everything at the end.
 */
public final class BrowserSession {

    private final Playwright playwright;
    private final Browser browser;
    private final BrowserContext context;
    private final Page page;
    private final List<String> pageErrors = new ArrayList<>();

    private BrowserSession(int port, int width, int height) {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("id-ID")
                .setAcceptDownloads(true)
                .setViewportSize(width, height));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onPageError(pageErrors::add);
    }

    public static BrowserSession open(int port) {
        return new BrowserSession(port, 1280, 900);
    }

    /** A session whose window is that many CSS pixels wide and high (a phone: 375×812). */
    public static BrowserSession open(int port, int width, int height) {
        return new BrowserSession(port, width, height);
    }

    public Page page() {
        return page;
    }

    public BrowserContext context() {
        return context;
    }

    /** JavaScript errors raised in the pages so far. */
    public List<String> pageErrors() {
        return pageErrors;
    }

    /** Signs in through the login form with the demo password and waits for the home page. */
    public void signIn(String username) {
        page.navigate("/login");
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(ApiClient.DEMO_PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL(url -> url.endsWith("/"));
    }

    /** A full-page screenshot into {@code <build dir>/screenshots/<name>}. */
    public Path screenshot(Class<?> testClass, String name) {
        Path file = Chromium.buildDir(testClass).resolve("screenshots").resolve(name);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The last screenshot and the JavaScript errors to the test output, then closes the browser. */
    public void finish(Class<?> testClass, String screenshotName) {
        try {
            System.out.println("Browser screenshot: "
                    + screenshot(testClass, screenshotName).toAbsolutePath());
            if (!pageErrors.isEmpty()) {
                System.out.println("JavaScript errors in the page: " + pageErrors);
            }
        } finally {
            context.close();
            browser.close();
            playwright.close();
        }
    }
}
