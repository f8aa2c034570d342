package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.Dues;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.MembershipId;
import id.lindung.support.Accessibility;
import id.lindung.support.InBrowser;
import id.lindung.support.KurFiles;
import id.lindung.support.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The KUR channel in a real browser: a province officer uploads a Bank Kalbar disbursement file through the upload
 * page (sent by the page's script: the progress bar runs to its end, then the result) — three good rows, one of them
 * a KUR Kecil of Rp150.000.000 whose borrower must be enrolled, and one row with a plafond that is not a number,
 * refused naming its line. The same file sent again by the plain form changes nothing. On the work list the
 * mandatory borrower comes first; the officer enrols them (Daftarkan), sees the message and the row leaves the list.
 * The overview draws its charts and lists the numbers in its table; the exports answer.
 *
 * <p>Same context as the other browser tests (the database is shared: unique branch and loan ids). Debian's
 * Chromium, {@code LINDUNG_SKIP_BROWSER=1} skips. Screenshot: {@code <build dir>/screenshots/kur.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KurInBrowserTest extends InBrowser {

    private static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Payments payments;

    @Autowired
    private Dues dues;

    @Autowired
    private Clock clock;

    @Override
    protected String screenshot() {
        return "kur.png";
    }

    @Test
    void officerUploadsAFile_enrolsTheMandatoryBorrower_andSeesTheConversion() {
        String branch = "Sandai" + System.nanoTime() % 1_000_000_000L;
        String small = branch + "-1";
        String mandatory = branch + "-2";
        String csv = KurFiles.kalbar(branch, LocalDate.now(clock).minusDays(10));
        byte[] file = csv.getBytes(StandardCharsets.UTF_8);

        openBrowser();
        session.signIn("petugas.kalbar");

        // The KUR entry of the navigation, then the upload tab.
        page.locator("#nav-kur").click();
        page.waitForURL(Pattern.compile(".*/kur$"));
        page.locator("#tab-kur-upload").click();
        page.waitForURL(Pattern.compile(".*/kur/unggah$"));

        // Sent by the page's script: the bar runs to its end, then the result replaces the fragment.
        page.locator("#kur-file").setInputFiles(new FilePayload("kalbar-" + branch + ".csv", "text/csv", file));
        page.locator("#kur-upload-submit").click();
        assertThat(page.locator("#file-rejected")).hasText("1");
        assertThat(page.locator("#upload-status")).hasText("Selesai.");
        assertThat(page.locator("#upload-progress")).hasAttribute("data-done", "true");
        assertThat((Boolean) page.locator("#upload-progress").evaluate("p => p.value === p.max && p.max > 0"))
                .isTrue();
        assertThat(page).hasURL(Pattern.compile(".*/kur/unggah$"));
        assertThat(page.locator("#file-rows")).hasText("4");
        assertThat(page.locator("#file-inserted")).hasText("3");
        Locator error = page.locator("#file-errors tr.file-error");
        assertThat(error).hasCount(1);
        assertThat(error.locator("td").nth(0)).hasText("5");
        assertThat(error.locator("td").nth(1)).hasText("plafond");
        assertThat(error.locator("td").nth(2)).containsText("harus berupa angka rupiah");
        assertThat(page.locator("#recent-files tr.recent-file").first()).containsText("kalbar-" + branch + ".csv");
        Accessibility.assertNoSeriousViolations(page, "KUR upload result");
        screenshot("kur-upload.png");

        // The full error report, in the reader's language.
        String report = page.locator("#error-report").getAttribute("href");
        assertThat(report).matches(".*/api/kur/files/\\d+/errors\\.csv.*");
        APIResponse errors = page.request().get(report);
        assertThat(errors.status()).isEqualTo(200);
        assertThat(new String(errors.body(), StandardCharsets.UTF_8)).contains("5;plafond;kur.plafond.format;");

        // Without the script (plain form post): the whole page answers; the same file again changes nothing.
        String csrf = page.locator("#kur-upload-form input[name=_csrf]").inputValue();
        APIResponse again = page.request()
                .post(
                        "/kur/unggah",
                        RequestOptions.create()
                                .setMultipart(FormData.create()
                                        .set("_csrf", csrf)
                                        .set("file", new FilePayload("kalbar-" + branch + ".csv", "text/csv", file))));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text()).contains("id=\"kur-upload-form\"").contains("sudah pernah diunggah");

        // The work list of the branch: the mandatory borrower first, with the reason and what BPU costs.
        page.navigate("/kur/daftar-kerja?kelompok=branch&bank=KALBAR&cabang=" + branch);
        assertThat(page.locator("#bpu-cost")).containsText("Rp");
        assertThat(page.locator("#work-groups")).containsText(branch);
        Locator rows = page.locator("#work-list tr.work-row");
        assertThat(rows).hasCount(3);
        Locator first = rows.first();
        assertThat(first.locator(".loan-id")).hasText(mandatory);
        assertThat(first.locator(".reason")).hasText("Wajib, belum terdaftar");

        // Enrol them: the desa comes from the bank's data, income and month take their defaults.
        first.locator(".enrol-open").click();
        assertThat(first.locator("select.enrol-desa")).hasCount(0);
        first.locator(".enrol-submit").click();
        assertThat(page.locator("#flash")).containsText("Yohanes Ding");
        assertThat(page.locator("#flash")).containsText("didaftarkan");
        assertThat(page.locator("#kur-errors")).hasCount(0);
        // enrolled, not yet protected: the borrower stays on the list until the first contribution is paid
        assertThat(rows).hasCount(3);
        Locator enrolledRow = page.locator("#work-list tr.work-row[data-loan='" + mandatory + "']");
        assertThat(enrolledRow.locator(".reason")).hasText("Kepesertaan tidak aktif");
        // The kab/kota-level borrower needs a desa: without one the page says so (no error page) and the form
        // opens again; the desa list follows the kecamatan chosen.
        Locator kabKotaLevel = page.locator("#work-list tr.work-row[data-loan='" + small + "']");
        kabKotaLevel.locator(".enrol-open").click();
        assertThat(kabKotaLevel.locator("select.enrol-desa")).isVisible();
        kabKotaLevel.locator(".enrol-submit").click();
        assertThat(page.locator("#kur-errors")).containsText("Pilih desa/kelurahan");
        assertThat(kabKotaLevel.locator(".enrol-errors")).isVisible();
        assertThat(rows).hasCount(3);
        kabKotaLevel.locator("select[name=kecamatan]").selectOption("61.04.01");
        assertThat(kabKotaLevel.locator("select.enrol-desa option[value='61.04.01.2011']"))
                .hasCount(1);
        Accessibility.assertNoSeriousViolations(page, "KUR work list, an enrol form refused");
        screenshot("kur-worklist.png");

        // The agent collects what is due now; the payment protects the borrower, and the KUR match follows.
        long membership = jdbc.sql("SELECT m.id FROM kur_loan l JOIN membership m ON m.participant_id ="
                        + " l.participant_id WHERE l.bank_code = 'KALBAR' AND l.loan_id = ?")
                .param(mandatory)
                .query(Long.class)
                .single();
        payments.pay(
                new PaymentRequest(
                        "KUR-BROWSER-" + mandatory,
                        membership,
                        dues.dueNow(MembershipId.of(membership), OFFICER).amount(),
                        LocalDate.now(clock),
                        "setoran agen"),
                OFFICER);
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(15))
                .until(() -> new String(
                                page.request()
                                        .get("/kur/peminjam.csv?bank=KALBAR&status=PROTECTED")
                                        .body(),
                                StandardCharsets.UTF_8)
                        .contains(";" + mandatory + ";"));

        // The borrower is protected now: the loans export says so.
        APIResponse loans = page.request().get("/kur/peminjam.csv?bank=KALBAR&status=PROTECTED");
        assertThat(loans.status()).isEqualTo(200);
        assertThat(new String(loans.body(), StandardCharsets.UTF_8))
                .contains(";" + mandatory + ";")
                .doesNotContain(";" + small + ";");

        // The loans list: protected now, among those who must be enrolled.
        page.navigate("/kur/peminjam?bank=KALBAR&status=PROTECTED&wajib=true");
        assertThat(page.locator("#loans tr.loan-row")
                        .filter(new Locator.FilterOptions().setHasText(mandatory))
                        .locator(".match-status"))
                .hasText("Terlindungi");

        // The overview: the charts are drawn and the table lists the numbers.
        page.navigate("/kur?kelompok=scheme&bank=KALBAR");
        assertThat(page.locator("#conversion tr.conversion-row").first()).isVisible();
        assertThat(page.locator("#conversion")).containsText("KUR Kecil");
        assertThat(page.locator("#kur-chart svg")).hasCount(1);
        page.waitForFunction("() => document.querySelectorAll('#kur-chart svg path').length > 3");
        page.waitForFunction("() => document.querySelectorAll('#kur-chart-groups svg path').length > 1");
        assertThat(page.locator("#group-scheme")).hasClass(Pattern.compile(".*primary.*"));
        APIResponse xlsx = page.request().get("/kur/konversi.xlsx?kelompok=scheme&bank=KALBAR");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(new String(xlsx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        APIResponse conversionCsv = page.request().get("/kur/konversi.csv?kelompok=scheme&bank=KALBAR");
        assertThat(new String(conversionCsv.body(), StandardCharsets.UTF_8)).contains(";KECIL;KUR Kecil;");

        assertThat(session.pageErrors()).as("JavaScript errors in the pages").isEmpty();
    }

    private void screenshot(String name) {
        session.screenshot(KurInBrowserTest.class, name);
    }
}
