package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import id.lindung.contribution.snap.SimulatedBank;
import id.lindung.contribution.snap.SnapClients;
import id.lindung.support.CardTokens;
import id.lindung.support.InBrowser;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 19's story as the worker sees it on a phone, 375×812: registers (the code read from the outbox, where
 * delivery takes it), sees the VA and amount; the bank pays that VA over SNAP from the test; then /saya says
 * protected, "Kartu saya" opens, and the QR code's link verifies at /verifikasi-kartu. The whole story over HTTP,
 * with reminders and a moved clock, is selfservice.WorkerStoryTest. Screenshot: {@code worker-story-phone.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkerStoryInBrowserTest extends InBrowser {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SnapClients snapClients;

    @Override
    protected String screenshot() {
        return "worker-story-phone.png";
    }

    @Test
    void registersIsPaidForByTheBankAndShowsAVerifiedCard() throws Exception {
        openBrowser(375, 812);
        page.navigate("/saya/daftar");
        page.locator("#phone").fill("0813 5555 0202");
        page.locator("#phone-submit").click();
        page.waitForURL(url -> url.endsWith("/saya/daftar/kode"));
        page.locator("#code").fill(WorkerSelfServiceInBrowserTest.code(jdbc, "purpose = ?", "REGISTER"));
        page.locator("#code-submit").click();
        page.waitForURL(url -> url.endsWith("/saya/daftar/data"));
        page.locator("#nik").fill(Niks.nik("610401", LocalDate.of(1990, 8, 17), false));
        page.locator("#fullName").fill("Dedi Nelayan");
        WorkerSelfServiceInBrowserTest.pickKetapangDesa(page);
        page.locator("#occupation").fill("Nelayan");
        page.locator("#sector").selectOption("OTHER");
        page.locator("#declaredIncome").fill("1500000");
        page.locator("#register-submit").click();
        page.waitForURL(url -> url.contains("/saya?terdaftar"));

        Locator membership = page.locator(".membership");
        assertThat(membership.locator(".protection")).hasText("Perlindungan mulai setelah pembayaran diterima.");
        String va = membership.locator(".va").textContent();
        long amount = Long.parseLong(membership.locator(".amount").textContent().replaceAll("[^0-9]", ""));
        assertThat(amount).isPositive();
        WorkerSelfServiceInBrowserTest.fitsTheScreen(page);

        // the bank, over SNAP from the test: inquiry, then the payment of the amount shown
        SimulatedBank bank = new SimulatedBank(port, snapClients);
        String token = bank.token();
        assertThat(bank.inquire(token, va.substring(0, 8), va.substring(8)).code())
                .isEqualTo("2002400");
        assertThat(bank.pay(token, va.substring(0, 8), va.substring(8), "browser-1", amount, SimulatedBank.fresh())
                        .code())
                .isEqualTo("2002500");

        page.navigate("/saya");
        assertThat(membership.locator(".protection")).hasText("Terlindungi sampai 31 Desember 2026.");
        assertThat(membership.locator(".amount")).hasCount(0);
        membership.locator(".card-link").click();
        page.waitForURL(url -> url.endsWith("/kartu"));
        assertThat(page.locator("#card-status")).hasText("Terlindungi sampai 31 Desember 2026");
        assertThat(page.locator("#card-initials")).hasText("D. N.");
        assertThat(page.locator("#card-qr")).isVisible();
        assertThat(page.locator("#card-pdf")).isVisible();
        WorkerSelfServiceInBrowserTest.fitsTheScreen(page);
        String src = page.locator("#card-qr").getAttribute("src");
        String url = CardTokens.readQr(ImageIO.read(
                new ByteArrayInputStream(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)))));
        assertThat(url).contains("/verifikasi-kartu#");

        page.navigate(url);
        Locator verdict = page.locator("#verdict");
        assertThat(verdict).hasAttribute("data-state", "valid");
        assertThat(verdict).hasText("Kartu sah: terlindungi sampai 31 Desember 2026.");
        assertThat(page.locator("#statement-initials")).hasText("D. N.");
        WorkerSelfServiceInBrowserTest.fitsTheScreen(page);
        assertThat(session.pageErrors()).isEmpty();
    }
}
