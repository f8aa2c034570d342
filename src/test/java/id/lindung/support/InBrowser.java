package id.lindung.support;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every browser test of a running application has: its port, a Chromium session opened by {@link #openBrowser}
 * (one per test), and after each test a screenshot of the last page in the build directory and everything closed.
 */
public abstract class InBrowser {

    @LocalServerPort
    protected int port;

    protected BrowserSession session;
    protected Page page;

    /** The screenshot's file name. */
    protected abstract String screenshot();

    protected void openBrowser() {
        session = BrowserSession.open(port);
        page = session.page();
    }

    /** A session with a window of that size in CSS pixels (a phone: 375×812). */
    protected void openBrowser(int width, int height) {
        session = BrowserSession.open(port, width, height);
        page = session.page();
    }

    @AfterEach
    void screenshotAndClose() {
        if (session != null) {
            session.finish(getClass(), screenshot());
            session = null;
        }
    }
}
