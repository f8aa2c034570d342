package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.InBrowser;
import id.lindung.support.Tags;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Cek perlindungan" (issue 19) on a phone, 375×812, without signing in: reached from the login page, the form fits
 * the screen with tap targets of at least 44 px, and a NIK no one holds answers "not found". Screenshot:
 * {@code check-phone.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProtectionCheckInBrowserTest extends InBrowser {

    @Override
    protected String screenshot() {
        return "check-phone.png";
    }

    @Test
    void anyoneChecksFromAPhone() {
        openBrowser(375, 812);
        page.navigate("/login");
        page.locator("#login-check").click();
        page.waitForURL(url -> url.endsWith("/cek-perlindungan"));
        page.locator("#nik").fill("6104014508850099");
        page.locator("#birthDate").fill("1985-08-05");
        for (String target : new String[] {"#nik", "#birthDate", "#check-submit"}) {
            assertThat(page.locator(target).boundingBox().height).as(target).isGreaterThanOrEqualTo(44);
        }
        page.locator("#check-submit").click();
        assertThat(page.locator("#check-answer"))
                .hasText("Tidak ditemukan data perlindungan yang cocok: tidak terlindungi hari ini.");
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(375);
    }
}
