package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.BillingRuns;
import id.lindung.coverage.CoverageReadModel;
import id.lindung.support.InBrowser;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 7 in a real browser: the province officer notes Ketapang's active workers on the coverage dashboard, creates
 * a Kabupaten Ketapang programme through the form (a budget that is not a number is refused next to its field
 * first; "1.500.000" with dots is taken), uploads a list of three new beneficiaries (3 enrolled; not yet protected,
 * so Ketapang's dashboard does not count them yet). A simulation of three Ketapang workers for three months costs
 * 3 × 3 × Rp16.800. After the month's billing run the programme page shows the consolidated bill, paid once through
 * its form; then Ketapang's protected workers are up by three; the programme is ended with a hand-over.
 *
 * <p>Same context as the other browser tests; the coverage read model is rebuilt first so the count starts from a
 * known state. Debian's Chromium, {@code LINDUNG_SKIP_BROWSER=1} skips. Screenshots:
 * {@code <build dir>/screenshots/sponsorship*.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SponsorshipInBrowserTest extends InBrowser {

    private static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    private static final String DESA = "61.04.01.2011"; // Kecamatan Delta Pawan, Kabupaten Ketapang
    private static final long PER_WORKER = 16_800; // BPU JKK 1% of Rp1,000,000 + JKM Rp6,800, paid by the government

    @Autowired
    private CoverageReadModel readModel;

    @Autowired
    private BillingRuns billing;

    @Autowired
    private Clock clock;

    @Override
    protected String screenshot() {
        return "sponsorship.png";
    }

    @Test
    void aProgrammeFromAnImportedList_raisesKetapangsCoverage_andTheSimulationCostsWhatItShould() {
        YearMonth now = YearMonth.now(clock);
        readModel.rebuild();
        openBrowser();
        session.signIn("petugas.kalbar");

        page.navigate("/cakupan?wilayah=61.04");
        assertThat(page.locator("#coverage-title")).containsText("Kabupaten Ketapang");
        long before = activeWorkers();

        // The programme, through the form: a refused budget first, named next to its field.
        page.locator("#nav-sponsorship").click();
        page.waitForURL(Pattern.compile(".*/bantuan-iuran$"));
        String name = "Uji peramban Ketapang " + System.nanoTime() % 1_000_000;
        page.locator("#name").fill(name);
        page.locator("#sponsorRegion").selectOption("61.04");
        page.locator("#legalBasis").fill("Perbup Ketapang 83/2023");
        page.locator("#fundingSource").selectOption("DBH_SAWIT");
        page.locator("#budget").fill("satu juta");
        page.locator("#startMonth").fill(now.toString());
        page.locator("#endMonth").fill(now.plusMonths(2).toString());
        page.locator("#eligibility").fill("Petani sawit swadaya dan nelayan");
        page.locator("#programme-submit").click();
        assertThat(page.locator("#budget-error")).containsText("satu juta");
        assertThat(page.locator("#form-errors")).containsText("Anggaran");
        assertThat(page.locator("#name")).hasValue(name);
        page.locator("#budget").fill("1.500.000");
        page.locator("#programme-submit").click();
        page.waitForURL(Pattern.compile(".*/bantuan-iuran/\\d+$"));
        assertThat(page.locator("#flash")).containsText(name);
        assertThat(page.locator("#programme-title")).hasText(name);
        assertThat(page.locator("#programme-sponsor")).containsText("Kabupaten Ketapang");
        assertThat(page.locator("#budget-budget")).hasText("Rp1.500.000");
        assertThat(page.locator("#no-beneficiaries")).isVisible();
        String programmeUrl = page.url();

        // Three new workers from a file.
        String csv = "nik;name;birth_date;desa_code;occupation;phone\n"
                + Niks.nik("610401", LocalDate.of(1984, 4, 4), true) + ";Sri Wahyuni;;" + DESA + ";Petani sawit;\n"
                + Niks.nik("610401", LocalDate.of(1985, 5, 5), false) + ";Antonius Jalung;;" + DESA
                + ";Nelayan;081234567890\n"
                + Niks.nik("610401", LocalDate.of(1986, 6, 6), true) + ";Maria Ulin;1986-06-06;" + DESA
                + ";Penoreh karet;\n";
        assertThat(page.locator("#csv-example")).containsText("nik;name;birth_date;desa_code;occupation;phone");
        page.locator("#beneficiary-file")
                .setInputFiles(new FilePayload("penerima.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.locator("#beneficiary-upload-submit").click();
        assertThat(page.locator("#upload-added")).hasText("3");
        // sent by the page's script (issue 18: busy button, progress from the server): the result replaces its section
        assertThat(page).hasURL(Pattern.compile(".*/bantuan-iuran/\\d+$"));
        assertThat(page.locator("#upload-status")).hasText("Selesai.");
        assertThat(page.locator("#beneficiary-upload-submit")).isEnabled();
        assertThat(page.locator("#upload-elsewhere")).hasText("0");
        assertThat(page.locator("#beneficiaries tr.beneficiary-row")).hasCount(3);
        assertThat(page.locator("#beneficiaries")).containsText("Antonius Jalung");
        assertThat(page.locator("#budget-monthly")).containsText("Rp50.400");
        assertThat(page.locator("#budget-panel .budget-status")).hasAttribute("data-status", "OK");
        session.screenshot(SponsorshipInBrowserTest.class, "sponsorship-programme.png");

        // Ketapang's dashboard: enrolled but not yet paid, so not yet protected (coverage counts the protected).
        page.locator("#to-coverage").click();
        page.waitForURL(Pattern.compile(".*/cakupan\\?wilayah=61\\.04$"));
        assertThat(activeWorkers()).isEqualTo(before);

        // The simulation: three Ketapang workers for three months.
        page.navigate("/bantuan-iuran");
        page.locator("#tab-sponsorship-simulation").click();
        page.waitForURL(Pattern.compile(".*/bantuan-iuran/simulasi$"));
        page.locator("#sim-region-0").selectOption("61.04");
        page.locator("#sim-workers-0").fill("3");
        page.locator("#sim-months").fill("3");
        page.locator("#sim-start").fill(now.toString());
        page.locator("#simulation-submit").click();
        assertThat(page.locator("#simulation-cost")).hasText(rupiah(3 * 3 * PER_WORKER));
        assertThat(page.locator("#simulation-per-worker")).hasText(rupiah(PER_WORKER));
        Locator ketapang = page.locator("#simulation-effects tr.effect-row[data-region='61.04']");
        assertThat(ketapang.locator(".effect-cost")).hasText(rupiah(3 * 3 * PER_WORKER));
        assertThat(page.locator("#effect-province")).containsText("Kalimantan Barat");
        assertThat(page.locator("#effect-province .effect-coverage"))
                .hasText(Pattern.compile("\\d+,\\d\\d% → \\d+,\\d\\d%"));
        session.screenshot(SponsorshipInBrowserTest.class, "sponsorship-simulation.png");

        // The month's consolidated bill, paid once; then the programme ends with a hand-over.
        billing.run(now, OFFICER);
        page.navigate(programmeUrl + "?bulan=" + now);
        assertThat(page.locator("#bill-members")).hasText("3");
        assertThat(page.locator("#bill-amount")).hasText(rupiah(3 * PER_WORKER));
        assertThat(page.locator("#bill-lines tr.bill-line")).hasCount(3);
        page.locator("#pay-reference").fill("SP2D 001/2026");
        page.locator("#pay-submit").click();
        assertThat(page.locator("#flash")).containsText("3 tagihan penerima");
        assertThat(page.locator("#bill-open")).hasText("Rp0");
        assertThat(page.locator("#pay-form")).hasCount(0);
        assertThat(page.locator("#budget-paid")).hasText(rupiah(3 * PER_WORKER));
        // Paid: three more protected workers on Ketapang's dashboard (a rebuild reads the ledger here; the
        // contribution module's ProtectionChanged events will bring each payment in as it is made).
        readModel.rebuild();
        page.navigate("/cakupan?wilayah=61.04");
        assertThat(activeWorkers()).isEqualTo(before + 3);
        page.navigate(programmeUrl + "?bulan=" + now);
        page.locator("#end-month").fill(now.toString());
        page.locator("#end-action").selectOption("HAND_OVER");
        page.locator("#end-submit").click();
        assertThat(page.locator("#flash")).containsText("peserta mandiri");
        assertThat(page.locator("#programme-ended")).isVisible();
        assertThat(page.locator("#end-section")).hasCount(0);
        assertThat(page.locator("#upload-section")).hasCount(0);

        assertThat(session.pageErrors()).as("JavaScript errors in the pages").isEmpty();
    }

    /** The active workers tile of the coverage dashboard shown ("1.234" → 1234). */
    private long activeWorkers() {
        return Long.parseLong(
                page.locator("#total-active").innerText().replace(".", "").trim());
    }

    private static String rupiah(long amount) {
        return "Rp" + String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.');
    }
}
