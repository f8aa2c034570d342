package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitForSelectorState;
import id.lindung.support.Accessibility;
import id.lindung.support.Chromium;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * End to end in a real browser: an officer of Kabupaten Ketapang signs in, registers a participant (first with a NIK
 * the form must reject, then a valid one), finds them in the search and switches the UI to English. Runs the whole
 * application on a random port with the test profile's throw-away embedded PostgreSQL.
 *
 * <p>The browser is Debian's Chromium ({@code apt-get install chromium}, see {@code .ci/run}); Playwright downloads
 * none ({@code PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1}). Without Chromium this test <em>fails</em>. To skip it on purpose
 * (e.g. on a machine without a browser) set the environment variable {@code LINDUNG_SKIP_BROWSER=1}.
 *
 * <p>A screenshot of the last page is written to {@code <build dir>/screenshots/registration.png}, also when the test
 * fails.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistrationInBrowserTest {

    private static final String USERNAME = "petugas.ketapang";
    private static final String PASSWORD = "lindung2026";
    private static final String KAB_KOTA = "61.04"; // Kabupaten Ketapang
    private static final String KECAMATAN = "61.04.01";
    private static final String NAME = "Budi Santoso Uji Peramban";
    private static final String BIRTH_DATE = "1990-05-17";

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    private int port;

    private BrowserContext context;
    private Page page;
    private final List<String> pageErrors = new ArrayList<>();

    @BeforeAll
    static void launchBrowser() {
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setLocale("id-ID")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        page = context.newPage();
        page.onPageError(error -> pageErrors.add(error));
    }

    @AfterEach
    void screenshotAndClose() throws Exception {
        if (page != null) {
            Path file = Chromium.buildDir(RegistrationInBrowserTest.class)
                    .resolve("screenshots")
                    .resolve("registration.png");
            Files.createDirectories(file.getParent());
            page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
            System.out.println("Browser screenshot: " + file.toAbsolutePath());
        }
        if (!pageErrors.isEmpty()) {
            System.out.println("JavaScript errors in the page: " + pageErrors);
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void officerRegistersParticipantFindsThemAndSwitchesToEnglish() {
        // A man born 17 May 1990, first registered in kecamatan 61.04.01: 610401 170590 + serial (never 0000).
        String nik = Niks.nik("610401", LocalDate.of(1990, 5, 17), false);
        String zeroSerialNik = "6104011705900000";

        // Sign in.
        page.navigate("/login");
        page.locator("input[name=username]").fill(USERNAME);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL(url -> URI.create(url).getPath().equals("/"));
        assertThat(page.locator("body")).containsText("Beranda");

        // The registration form, first with a NIK whose serial is 0000.
        page.navigate("/peserta/baru");
        Locator form = page.locator("#participant-form");
        assertThat(form).isVisible();
        form.locator("[name=nik]").fill(zeroSerialNik);
        form.locator("[name=fullName]").fill(NAME);
        assertThat(form.locator("input[name=birthDate]")).hasAttribute("type", "date");
        form.locator("input[name=birthDate]").fill(BIRTH_DATE);
        form.locator("select[name=sex]").selectOption("L");
        String desa = chooseRegion(form);
        form.locator("[name=phone]").fill("081234567890");
        form.locator("[name=occupation]").fill("Nelayan");
        form.locator("#save").click();

        assertThat(page.locator("#nik-error")).containsText("0000");
        Accessibility.assertNoSeriousViolations(page, "registration form with a refused NIK");
        // The rest of what was entered survives the round trip.
        assertThat(form.locator("[name=fullName]")).hasValue(NAME);
        assertThat(form.locator("input[name=birthDate]")).hasValue(BIRTH_DATE);
        assertThat(form.locator("select[name=regionCode]")).hasValue(desa);

        // Correct the NIK and save: on to the participant's page.
        form.locator("[name=nik]").fill(nik);
        form.locator("#save").click();
        page.waitForURL(Pattern.compile(".*/peserta/(?!baru\\b)[^/?#]+([?#].*)?$"));
        assertThat(page.locator("#participant-nik")).containsText(nik);
        assertThat(page.locator("#participant-name")).containsText(NAME);

        // Find them by a name prefix.
        page.navigate("/peserta");
        page.locator("#search-name").fill("Budi Santoso Uji");
        page.locator("#search").click();
        assertThat(page.locator("#results tr").filter(new Locator.FilterOptions().setHasText(nik)))
                .hasCount(1);

        // Switch the interface to English.
        assertThat(page.locator("html")).hasAttribute("lang", "id");
        assertThat(page.locator("body")).not().containsText("Participants");
        page.locator("#lang-en").click();
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("body")).containsText("Participants");
        // still the same search, now in English
        assertThat(page.locator("#results tr").filter(new Locator.FilterOptions().setHasText(nik)))
                .hasCount(1);
        Accessibility.assertNoSeriousViolations(page, "participant search in English");
    }

    @Test
    void theNikFillsBirthDateAndSexAndAMismatchIsAWarningNotAnOverwrite() {
        // A woman born 9 March 1985: day 09 + 40 = 49 in the NIK.
        String nik = Niks.nik("610401", LocalDate.of(1985, 3, 9), true);
        page.navigate("/login");
        page.locator("input[name=username]").fill(USERNAME);
        page.locator("input[name=password]").fill(PASSWORD);
        page.locator("#login-submit").click();
        page.waitForURL(url -> URI.create(url).getPath().equals("/"));
        page.navigate("/peserta/baru");
        Locator form = page.locator("#participant-form");

        // typed into empty fields: both filled, and said so
        form.locator("[name=nik]").pressSequentially(nik);
        assertThat(form.locator("input[name=birthDate]")).hasValue("1985-03-09");
        assertThat(form.locator("select[name=sex]")).hasValue("P");
        assertThat(page.locator("#nik-derived")).isVisible();

        // what the user enters stays; a mismatch is a warning naming the NIK's digits
        form.locator("input[name=birthDate]").fill("1985-03-10");
        form.locator("input[name=birthDate]").dispatchEvent("change");
        assertThat(form.locator("input[name=birthDate]")).hasValue("1985-03-10");
        assertThat(page.locator("#nik-derived")).hasClass(Pattern.compile("warn"));
        assertThat(page.locator("#nik-derived")).containsText("490385");
        form.locator("select[name=sex]").selectOption("L");
        assertThat(form.locator("select[name=sex]")).hasValue("L");
        assertThat(page.locator("#nik-derived")).containsText("perempuan");
        org.assertj.core.api.Assertions.assertThat(pageErrors).isEmpty();
    }

    /**
     * Chooses Kabupaten Ketapang, kecamatan 61.04.01 and its first desa, waiting for htmx to fill each list.
     * Returns the desa code.
     */
    private String chooseRegion(Locator form) {
        Locator kabKota = form.locator("#kabKota");
        // An officer scoped to one kab/kota may find it preselected or fixed.
        if (kabKota.isEnabled() && !KAB_KOTA.equals(kabKota.inputValue())) {
            kabKota.selectOption(KAB_KOTA);
        }
        assertThat(kabKota).hasValue(KAB_KOTA);
        page.waitForSelector(
                "#kecamatan option[value='" + KECAMATAN + "']",
                new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
        form.locator("#kecamatan").selectOption(KECAMATAN);
        Locator firstDesa =
                form.locator("#desa option[value^='" + KECAMATAN + ".']").first();
        firstDesa.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        String desa = firstDesa.getAttribute("value");
        Locator desaSelect = form.locator("select#desa[name=regionCode]");
        desaSelect.selectOption(desa);
        assertThat(desaSelect).hasValue(desa);
        return desa;
    }
}
