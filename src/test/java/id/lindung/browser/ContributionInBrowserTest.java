package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;
import com.microsoft.playwright.options.WaitForSelectorState;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.support.Accessibility;
import id.lindung.support.ApiClient;
import id.lindung.support.BrowserSession;
import id.lindung.support.InBrowser;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Enrolment and contributions end to end in a real browser: a province officer enrols a registered worker as BPU
 * (first with an income below the floor, which the form refuses next to the field), bills the start month on the
 * billing page, pays the bill on the statement page (a double click, then the very same form posted once more: one
 * payment; a fresh form posted twice at the same moment: one more), sees the worker protected, and downloads the
 * statement as XLSX and CSV; a bank payment file with a bad row is refused naming the row and column. A Ketapang
 * officer registers an employer through the cascading region pickers and enrols a wage earner with it. Over plain
 * HTTP: a Ketapang officer gets 404 for a Pontianak membership's statement, exactly as for one that does not
 * exist.
 *
 * <p>Like {@link RegistrationInBrowserTest}: Debian's Chromium, no browser download; {@code LINDUNG_SKIP_BROWSER=1}
 * skips the browser part (the HTTP test still runs). Screenshot: {@code <build dir>/screenshots/contribution.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ContributionInBrowserTest extends InBrowser {

    private static final String OFFICER = "petugas.kalbar"; // province scope: may run billing
    private static final LindungUser PROVINCE_OFFICER =
            new LindungUser(OFFICER, "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final String PONTIANAK_DESA = "61.71.01.1002";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    private ParticipantManagement participants;

    @Autowired
    private EnrolmentManagement enrolment;

    @Autowired
    private Clock clock;

    @Override
    protected String screenshot() {
        return "contribution.png";
    }

    @Test
    void officerEnrolsBillsPaysOnceAndDownloadsTheStatement() throws Exception {
        openBrowser();
        long participantId = participant(KETAPANG_DESA, "610401", "Sri Wahyuni Uji Iuran");
        YearMonth month = YearMonth.now(clock);
        String monthName = month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.forLanguageTag("id-ID")));

        session.signIn(OFFICER); // a province officer

        // From the participant's page to their memberships: none yet.
        page.navigate("/peserta/" + participantId);
        page.locator("#memberships-link").click();
        page.waitForURL(Pattern.compile(".*/peserta/" + participantId + "/kepesertaan$"));
        assertThat(page.locator("#no-memberships")).isVisible();

        // Enrol as BPU with an income below the floor: refused next to the field, the rest kept.
        Locator form = page.locator("#enrolment-form");
        form.locator("select[name=segment]").selectOption("BPU");
        assertThat(form.locator("select[name=employerId]")).isHidden(); // PU only
        form.locator("input[name=baseAmount]").fill("500000");
        assertThat(form.locator("input[name=startMonth]")).hasValue(month.toString());
        form.locator("#enrol-submit").click();
        assertThat(page.locator("#baseAmount-error")).containsText("1.000.000");
        assertThat(form.locator("select[name=segment]")).hasValue("BPU");
        Accessibility.assertNoSeriousViolations(page, "enrolment form with a refused income");

        // A valid income: enrolled, not protected until paid.
        form.locator("input[name=baseAmount]").fill("1000000");
        form.locator("#enrol-submit").click();
        assertThat(page.locator("#flash")).containsText("Terdaftar");
        Locator row = page.locator("#memberships tr.membership");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("BPU");
        assertThat(row.locator(".membership-status")).containsText("Tidak terlindungi"); // loaded by htmx
        String statementPath = row.locator(".statement-link").getAttribute("href");
        long membershipId = Long.parseLong(statementPath.substring(statementPath.lastIndexOf('/') + 1));

        // Bill the start month.
        page.locator("#nav-contributions").click();
        page.locator("#tab-billing").click();
        page.locator("#billing-month").fill(month.toString());
        page.locator("#billing-run").click();
        assertThat(page.locator("#flash")).containsText("Penagihan " + monthName + " selesai");
        assertThat(page.locator("#billing-runs tr.billing-run").first()).containsText(monthName);

        // The statement: one open bill for the month, its lines with their legal basis.
        page.navigate(statementPath);
        Locator bill = page.locator("#bills tbody.bill");
        assertThat(bill).hasCount(1);
        assertThat(bill.locator(".bill-period")).hasText(monthName);
        assertThat(bill.locator(".bill-status")).hasText("Belum lunas");
        assertThat(page.locator("#status")).containsText("Tidak terlindungi");
        bill.locator("details.bill-lines summary").click();
        assertThat(bill.locator("tr.bill-line").first()).containsText("PP 44/2015");
        assertThat(bill.locator(".unconfirmed").first()).hasText("belum terkonfirmasi"); // BPU JKK 1% of income
        Accessibility.assertNoSeriousViolations(page, "statement with a bill's lines open");

        // Pay the bill with a double click: one payment.
        Locator payment = page.locator("#payment-form");
        String shown = payment.locator("input[name=amount]").inputValue(); // with thousands separators: 16.800
        assertThat(shown).matches("[1-9]\\d{0,2}(\\.\\d{3})*");
        String amount = shown.replace(".", ""); // what the form sends
        assertThat(Long.parseLong(amount)).isPositive();
        payment.locator("input[name=reference]").fill("KUITANSI-UJI-1");
        String key = payment.locator("input[name=idempotencyKey]").inputValue();
        String paidOn = payment.locator("input[name=paidOn]").inputValue();
        AtomicInteger posts = new AtomicInteger();
        page.onRequest(request -> {
            if (request.method().equals("POST") && request.url().contains("/bayar")) {
                posts.incrementAndGet();
            }
        });
        payment.locator("#pay-submit").dblclick();
        assertThat(page.locator("#flash")).isVisible();
        assertThat(page.locator("#payment-rows tr.payment")).hasCount(1);
        System.out.println("Payment form posts sent by the double click: " + posts.get());

        // The very same form once more (a resent form): recorded once, and the page says so. Sent from a second
        // sign-in of the same officer: the first session may still hold the flash message of a double-click answer
        // whose page the browser never loaded, and the next page would show that one.
        BrowserSession second = BrowserSession.open(port);
        try {
            second.signIn(OFFICER);
            second.page().navigate(statementPath);
            APIResponse again = second.page()
                    .request()
                    .post(
                            "/kepesertaan/" + membershipId + "/bayar",
                            RequestOptions.create()
                                    .setForm(FormData.create()
                                            .set(
                                                    "_csrf",
                                                    second.page()
                                                            .locator("#payment-form input[name=_csrf]")
                                                            .inputValue())
                                            .set("idempotencyKey", key)
                                            .set("amount", amount)
                                            .set("paidOn", paidOn)
                                            .set("reference", "KUITANSI-UJI-1")));
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.text()).contains("sudah tercatat sebelumnya");
        } finally {
            second.finish(ContributionInBrowserTest.class, "contribution-resent-form.png");
        }
        page.reload();
        assertThat(page.locator("#payment-rows tr.payment")).hasCount(1);
        assertThat(bill.locator(".bill-status")).hasText("Lunas");

        // A fresh form (a new key) sent twice at the same moment: one more payment, which pays ahead: next month is
        // billed and paid in part (a BPU member may pay ahead; the money is on the ledger, not loose credit).
        payment.locator("input[name=amount]").fill("5000");
        Object statuses = payment.evaluate("""
                async form => {
                  const body = new URLSearchParams(new FormData(form));
                  const send = () => fetch(form.action, {method: 'POST', body, redirect: 'manual'});
                  return (await Promise.all([send(), send()])).map(r => r.type);
                }""");
        assertThat(statuses).asString().contains("opaqueredirect"); // both answered with a redirect: accepted
        page.reload();
        assertThat(page.locator("#payment-rows tr.payment")).hasCount(2);
        assertThat(page.locator("#status-credit")).hasText("Rp0");
        assertThat(page.locator("#bills tbody.bill")).hasCount(2);
        assertThat(page.locator("#bills tbody.bill").nth(1).locator(".bill-status"))
                .hasText("Belum lunas");
        assertThat(page.locator("#status")).containsText("Terlindungi");
        assertThat(page.locator("#status .badge.protection")).hasText("Terlindungi");
        assertThat(page.locator("#status")).containsText("Lunas sampai " + monthName);

        // The enrolment page shows the same.
        page.navigate("/peserta/" + participantId + "/kepesertaan");
        assertThat(page.locator("#memberships .membership-status .badge")).hasText("Terlindungi");

        // Exports.
        page.navigate(statementPath);
        Download xlsx = page.waitForDownload(() -> page.locator("#export-xlsx").click());
        byte[] workbook = Files.readAllBytes(xlsx.path());
        assertThat(workbook.length).isGreaterThan(100);
        assertThat(new String(workbook, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        // named by the membership number the worker knows, not Lindung's internal id
        assertThat(xlsx.suggestedFilename())
                .matches("rekening-iuran-\\d{11}\\.xlsx")
                .isEqualTo(
                        "rekening-iuran-" + page.locator("#membership-number").textContent() + ".xlsx");
        APIResponse csv = page.request().get("/kepesertaan/" + membershipId + "/rekening.csv");
        assertThat(csv.status()).isEqualTo(200);
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csvText)
                .startsWith("\uFEFFBaris;Periode;")
                .contains("TAGIHAN;" + month + ";")
                .contains("PEMBAYARAN;")
                .contains("RINCIAN;" + month + ";");

        // A bank file with a bad amount is refused whole, naming the row and column.
        page.navigate("/iuran/tarif");
        page.locator("#tab-payment-files").click();
        page.locator("#payment-file")
                .setInputFiles(new FilePayload(
                        "bank.csv",
                        "text/csv",
                        ("reference;membership_id;amount;paid_on\nTRX-UJI-1;" + membershipId + ";12a00;" + paidOn
                                        + "\n")
                                .getBytes(StandardCharsets.UTF_8)));
        page.locator("#payment-file-submit").click();
        // line and column as the file names them, never the path rows[2].amount
        Locator refusal = page.locator("#payment-file-errors tr.file-error").first();
        assertThat(refusal.locator("td").nth(0)).hasText("2");
        assertThat(refusal.locator("td").nth(1)).hasText("amount");
        assertThat(page.locator("#file-errors")).not().containsText("rows[");
        assertThat(page.locator("#file-errors")).containsText("12a00");
    }

    @Test
    void kabKotaOfficerRegistersAnEmployerAndEnrolsAWageEarner() {
        openBrowser();
        long participantId = participant(KETAPANG_DESA, "610401", "Yohanes Pekerja Uji Upah");
        String npp = "UJI" + (System.nanoTime() % 1_000_000_000L);
        String employerName = "PT Sawit Uji Ketapang " + npp.substring(3);
        session.signIn("petugas.ketapang");

        // The only kab/kota in scope comes preselected; kecamatan and desa follow by htmx.
        page.navigate("/pemberi-kerja");
        Locator form = page.locator("#employer-form");
        assertThat(form.locator("#kabKota")).hasValue("61.04");
        form.locator("#kecamatan option[value='61.04.01']").waitFor(attached());
        form.locator("#kecamatan").selectOption("61.04.01");
        form.locator("#regionCode option[value='" + KETAPANG_DESA + "']").waitFor(attached());
        form.locator("#regionCode").selectOption(KETAPANG_DESA);
        form.locator("#npp").fill("ab");
        form.locator("#name").fill(employerName);
        form.locator("#riskClass").selectOption("2");
        form.locator("#employer-save").click();
        assertThat(page.locator("#npp-error")).isVisible();
        assertThat(form.locator("#regionCode")).hasValue(KETAPANG_DESA); // the region choices come back
        form.locator("#npp").fill(npp);
        form.locator("#employer-save").click();
        assertThat(page.locator("#flash")).containsText(employerName);
        assertThat(page.locator("#employers")).containsText(npp);

        // Enrol a wage earner with that employer, found by the list's filter.
        page.navigate("/peserta/" + participantId + "/kepesertaan");
        Locator enrol = page.locator("#enrolment-form");
        enrol.locator("select[name=segment]").selectOption("PU");
        enrol.locator("#employer-filter").fill(npp);
        enrol.locator("#employerId option:not([value=''])").first().waitFor(attached());
        assertThat(enrol.locator("#employerId option:not([value=''])")).hasCount(1);
        enrol.locator("#employerId").selectOption(new SelectOption().setLabel(employerName + " (" + npp + ")"));
        enrol.locator("input[name=baseAmount]").fill("3500000");
        enrol.locator("#enrol-submit").click();
        assertThat(page.locator("#flash")).containsText("Penerima Upah");
        assertThat(page.locator("#memberships tr.membership")).containsText(employerName);
        assertThat(page.locator("#memberships tr.membership")).containsText("JKK, JKM, JHT, JP, JKP");
    }

    @Test
    void aKetapangOfficerGetsNotFoundForAPontianakStatement() {
        long pontianakParticipant = participant(PONTIANAK_DESA, "617101", "Hendra Gunawan Uji Wilayah");
        Membership pontianak = enrolment.enrol(
                new EnrolmentRequest(
                        pontianakParticipant,
                        Segment.BPU,
                        Channel.SELF,
                        Set.of(),
                        null,
                        1_000_000L,
                        Sector.OTHER,
                        false,
                        YearMonth.now(clock),
                        null),
                PROVINCE_OFFICER);
        String statement = "/kepesertaan/" + pontianak.id();

        ApiClient ketapang = ApiClient.as(port, "petugas.ketapang");
        assertThat(ketapang.getPage(statement).status()).isEqualTo(404);
        assertThat(ketapang.getPage(statement + "/rekening.xlsx").status()).isEqualTo(404);
        assertThat(ketapang.getPage(statement + "/rekening.csv").status()).isEqualTo(404);
        assertThat(ketapang.getPage(statement + "/status").status()).isEqualTo(404);
        assertThat(ketapang.getPage("/peserta/" + pontianakParticipant + "/kepesertaan")
                        .status())
                .isEqualTo(404);
        // the registry's own pages answer the same (a page, not an error 500)
        ApiClient.Response participantPage = ketapang.getPage("/peserta/" + pontianakParticipant);
        assertThat(participantPage.status()).isEqualTo(404);
        assertThat(participantPage.text()).contains("Tidak ditemukan");
        // the same answer as for a membership that does not exist
        assertThat(ketapang.getPage("/kepesertaan/" + Long.MAX_VALUE).status()).isEqualTo(404);

        ApiClient.Response own = ApiClient.as(port, "petugas.pontianak").getPage(statement);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text()).contains("Hendra Gunawan Uji Wilayah");
    }

    private long participant(String desa, String kecamatanDigits, String name) {
        LocalDate birth = LocalDate.of(1985, 3, 1 + NAMES.incrementAndGet() % 27);
        return participants
                .register(
                        new ParticipantDetails(
                                Niks.nik(kecamatanDigits, birth, true),
                                name,
                                birth,
                                Sex.P,
                                desa,
                                null,
                                "Pedagang",
                                null),
                        PROVINCE_OFFICER)
                .participant()
                .id();
    }

    private static Locator.WaitForOptions attached() {
        return new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED);
    }
}
