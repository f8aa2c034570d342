package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import id.lindung.support.InBrowser;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A worker registers themselves as BPU on a phone, 375×812 (issue 19): the phone proved by a code, the form, then
 * the page with the pending membership, the amount and the virtual account; signs out, and signs in again with a
 * code sent to the registered phone. Codes are read from the outbox, where delivery takes them. Screenshot:
 * {@code worker-phone.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkerSelfServiceInBrowserTest extends InBrowser {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    JdbcClient jdbc;

    @Override
    protected String screenshot() {
        return "worker-phone.png";
    }

    /** The code of the newest code row matching the condition, as its SMS in the outbox says it. */
    private String code(String where, Object value) {
        return code(jdbc, where, value);
    }

    /** The same for any browser test of the workers' pages. */
    static String code(JdbcClient jdbc, String where, Object value) {
        String body = jdbc.sql("SELECT body FROM outreach_message WHERE dedupe_key ="
                        + " (SELECT 'worker-code:' || max(id) FROM worker_code WHERE " + where + ")")
                .param(value)
                .query(String.class)
                .single();
        Matcher m = SIX_DIGITS.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private void fitsTheScreen() {
        fitsTheScreen(page);
    }

    static void fitsTheScreen(Page page) {
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(375);
    }

    /** Picks the desa 61.04.01.2011 (Ketapang) in the registration form's pickers, waiting for each list. */
    static void pickKetapangDesa(Page page) {
        page.locator("#kabKota").selectOption("61.04");
        page.locator("#kecamatan option[value='61.04.01']")
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.locator("#kecamatan").selectOption("61.04.01");
        page.locator("#desa option[value='61.04.01.2011']")
                .waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                        .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        page.locator("#desa").selectOption("61.04.01.2011");
    }

    @Test
    void registersFromAPhone_seesWhatToPay_signsOutAndInAgainWithACode() {
        openBrowser(375, 812);
        page.navigate("/saya/login");
        page.locator("#to-register").click();
        page.waitForURL(url -> url.endsWith("/saya/daftar"));
        page.locator("#phone").fill("0813 5555 0101");
        page.locator("#phone-submit").click();
        page.waitForURL(url -> url.endsWith("/saya/daftar/kode"));
        fitsTheScreen();
        page.locator("#code").fill(code("purpose = ?", "REGISTER"));
        page.locator("#code-submit").click();
        page.waitForURL(url -> url.endsWith("/saya/daftar/data"));

        String nik = Niks.nik("610401", LocalDate.of(1993, 6, 15), true);
        page.locator("#nik").fill(nik);
        page.locator("#fullName").fill("Wati Kurir");
        pickKetapangDesa(page);
        page.locator("#occupation").fill("Kurir");
        page.locator("#sector").selectOption("TRANSPORT");
        page.locator("#declaredIncome").fill("1500000");
        fitsTheScreen();
        page.locator("#register-submit").click();
        page.waitForURL(url -> url.contains("/saya?terdaftar"));

        assertThat(page.locator("#registered")).isVisible();
        assertThat(page.locator(".membership .protection")).hasText("Perlindungan mulai setelah pembayaran diterima.");
        assertThat(page.locator(".membership .amount")).containsText("Rp");
        assertThat(page.locator(".membership .va"))
                .containsText(jdbc.sql("SELECT membership_number FROM membership WHERE participant_id ="
                                + " (SELECT max(id) FROM participant)")
                        .query(String.class)
                        .single());
        assertThat(page.locator("#worker-nik")).not().hasText(nik);
        fitsTheScreen();
        long participant =
                jdbc.sql("SELECT max(id) FROM participant").query(Long.class).single();

        page.locator("#sign-out").click();
        page.waitForURL(url -> url.contains("/saya/login?keluar"));
        page.navigate("/saya");
        page.waitForURL(url -> url.endsWith("/saya/login"));

        page.locator("#nik").fill(nik);
        page.locator("#phone").fill("081355550101");
        page.locator("#sign-in-submit").click();
        page.waitForURL(url -> url.endsWith("/saya/login/kode"));
        assertThat(page.locator("#code-sent")).hasText("Jika data cocok, kode dikirim ke nomor terdaftar.");
        page.locator("#code").fill(code("subject = ?", "p:" + participant));
        page.locator("#code-submit").click();
        page.waitForURL(url -> url.endsWith("/saya"));
        assertThat(page.locator("#worker-name")).hasText("Wati Kurir");
        assertThat(page.locator(".membership .va")).isVisible();
        fitsTheScreen();
    }
}
