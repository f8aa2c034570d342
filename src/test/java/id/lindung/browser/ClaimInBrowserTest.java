package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import id.lindung.claim.Claim;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.Members;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.Accessibility;
import id.lindung.support.InBrowser;
import id.lindung.support.Intakes;
import id.lindung.support.Tags;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A death claim end to end in a real browser: a province officer opens a protected BPU member (Rp1.000.000 income,
 * January to June 2026 paid and billed), starts a claim "Meninggal dunia" from the participant page, first without
 * the event date (the form says so next to the field and keeps the rest; a medical claim tried before names the
 * invoice row without an amount), then with the work accident of 10 May 2026: JKK death, Rp48.000.000 +
 * Rp12.000.000 + Rp10.000.000 = Rp70.000.000 (domain reference §3a). The officer uploads the accident report, verifies the claim and approves it; above Rp50.000.000 the claim waits for a second
 * officer (a stale form meanwhile gets a message, not an error page); a Ketapang officer gives the second approval,
 * and the decision letter is a PDF.
 *
 * <p>Own context (and database): billing runs bill every membership there is. Like the other browser tests:
 * Debian's Chromium, {@code LINDUNG_SKIP_BROWSER=1} skips. Screenshot: {@code <build dir>/screenshots/claim.png}.
 */
@Tag(Tags.BROWSER)
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "lindung.claim.four-eyes-threshold=50000000",
            "lindung.claim.office-name=Kantor Cabang Ketapang (uji peramban)"
        })
@ActiveProfiles("test")
class ClaimInBrowserTest extends InBrowser {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    private ParticipantManagement participants;

    @Autowired
    private EnrolmentManagement enrolment;

    @Autowired
    private Payments payments;

    @Autowired
    private BillingRuns billing;

    @Autowired
    private id.lindung.claim.ClaimManagement claims;

    @Override
    protected String screenshot() {
        return "claim.png";
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void officerTakesInADeathClaim_twoOfficersApprove_andTheLetterIsAPdf() {
        long participantId = protectedBpuMember();
        openBrowser();
        session.signIn("petugas.kalbar");

        // From the participant page to their claims: none yet.
        page.navigate("/peserta/" + participantId);
        page.locator("#claims-link").click();
        page.waitForURL(Pattern.compile(".*/klaim\\?peserta=" + participantId + "$"));
        assertThat(page.locator("#no-claims")).isVisible();
        page.locator("#new-claim").click();

        // Only the sections of the chosen kind show. A medical claim without the event date and with an invoice
        // in the second row but no amount: each message next to its field, the row as the officer filled it.
        Locator form = page.locator("#claim-form");
        form.locator("#kind").selectOption("JKK_MEDICAL");
        assertThat(form.locator("#section-invoices")).isVisible();
        assertThat(form.locator("#section-heirs")).isHidden();
        form.locator("#cause").selectOption("WORK_ACCIDENT");
        form.locator("input[name='invoices[1].date']").fill("2026-05-11");
        form.locator("input[name='invoices[1].description']").fill("Rawat inap RSUD Agoesdjam");
        form.locator("#claim-submit").click();
        assertThat(page.locator("#eventDate-error")).hasText("Wajib diisi.");
        assertThat(page.locator("#invoices-1-amount-error")).hasText("Wajib diisi.");
        assertThat(page.locator("#invoices-0-amount-error")).hasCount(0);
        assertThat(form.locator("#kind")).hasValue("JKK_MEDICAL");
        assertThat(form.locator("input[name='invoices[1].description']")).hasValue("Rawat inap RSUD Agoesdjam");
        Accessibility.assertNoSeriousViolations(page, "claim form with refused fields");

        // It is a death: heirs instead of invoices, and still no date.
        form.locator("#kind").selectOption("DEATH");
        assertThat(form.locator("#section-heirs")).isVisible();
        assertThat(form.locator("#section-invoices")).isHidden();
        form.locator("input[name='heirs[0].name']").fill("Siti Aminah");
        form.locator("select[name='heirs[0].relation']").selectOption("SPOUSE");
        form.locator("input[name='heirs[0].bankAccount']").fill("BRI 0123");
        form.locator("#claim-submit").click();
        assertThat(page.locator("#eventDate-error")).hasText("Wajib diisi.");
        assertThat(form.locator("#kind")).hasValue("DEATH");
        assertThat(form.locator("input[name='heirs[0].name']")).hasValue("Siti Aminah");
        assertThat(form.locator("#section-invoices")).isHidden();

        // With the date: JKK death, 48 × Rp1.000.000 + Rp12.000.000 + Rp10.000.000.
        form.locator("#eventDate").fill("2026-05-10");
        form.locator("#claim-submit").click();
        page.waitForURL(Pattern.compile(".*/klaim/\\d+$"));
        String claimPath = page.url().substring(page.url().indexOf("/klaim/"));
        assertThat(page.locator("#flash")).containsText("diajukan");
        assertThat(page.locator("#claim-kind")).containsText("meninggal dunia akibat kecelakaan kerja");
        assertThat(page.locator("#claim-status")).hasText("Diajukan");
        assertThat(page.locator("#member-jkk")).hasText("Terlindungi");
        assertThat(page.locator("#benefit-lines tr.benefit-line").first()).containsText("Rp48.000.000");
        assertThat(page.locator("#benefit-lines tr.benefit-line").first()).containsText("PP 82/2019");
        assertThat(page.locator("#claim-total")).hasText("Rp70.000.000");

        // The accident report, then verification: documents complete on 20 May, 7 working days → 2 June.
        page.locator("#documentType").selectOption("LAPORAN_KECELAKAAN");
        page.locator("#document-file").setInputFiles(new FilePayload("laporan.pdf", "application/pdf", PDF));
        page.locator("#document-submit").click();
        assertThat(page.locator("#flash")).containsText("laporan.pdf");
        assertThat(page.locator("#documents tr.document")).hasCount(1);
        assertThat(page.locator("#documents tr.document")).containsText("Laporan kecelakaan kerja");
        page.locator("#documentsCompleteOn").fill("2026-05-20");
        page.locator("#verify-submit").click();
        assertThat(page.locator("#claim-status")).hasText("Terverifikasi");
        assertThat(page.locator("#claim-due")).hasText("2 Juni 2026");

        // Above Rp50.000.000: the first approval waits for a second officer.
        assertThat(page.locator("#four-eyes-note")).containsText("Rp50.000.000");
        String staleVersion = page.locator("#approve-form input[name=version]").inputValue();
        String csrf = page.locator("#approve-form input[name=_csrf]").inputValue();
        page.locator("#approve-submit").click();
        assertThat(page.locator("#claim-status")).hasText("Menunggu persetujuan kedua");
        assertThat(page.locator("#awaiting-second")).containsText("petugas lain");
        assertThat(page.locator("#approve-submit")).hasCount(0);

        // The same form sent again (an old tab): the claim page says it changed, no error page.
        APIResponse stale = page.request()
                .post(
                        claimPath + "/setujui",
                        RequestOptions.create()
                                .setForm(FormData.create().set("_csrf", csrf).set("version", staleVersion)));
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.text()).contains("telah diubah oleh petugas lain");

        // A second officer approves.
        session.context().clearCookies();
        session.signIn("petugas.ketapang");
        page.navigate(claimPath);
        assertThat(page.locator("#awaiting-second")).containsText("petugas.kalbar");
        page.locator("#approve-submit").click();
        assertThat(page.locator("#claim-status")).hasText("Disetujui");
        assertThat(page.locator("#flash")).containsText("disetujui");

        // The decision letter is a PDF.
        String letter = page.locator("#letter-link").getAttribute("href");
        assertThat(letter).endsWith("/letter.pdf");
        APIResponse pdf = page.request().get(letter);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(new String(pdf.body(), 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF");

        // The queue of approved claims lists it, and exports the same list.
        page.navigate("/klaim?status=APPROVED");
        String claimNumber = page.locator("#claims a.claim-link").first().textContent();
        assertThat(claimNumber).matches("KLM-2026-\\d{6}");
        assertThat(page.locator("#claims tr.claim-row").first()).containsText("Rp70.000.000");
        APIResponse csv = page.request().get("/klaim/ekspor.csv?status=APPROVED");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8))
                .startsWith("\uFEFFNomor klaim;")
                .contains(claimNumber + ";" + participantId + ";Budi Santoso;JKK_DEATH;2026-05-10;APPROVED;70000000;");
    }

    /**
     * A PU worker hurt in July 2026, in a month back-dated by the employer's enrolment today (not registered then,
     * not paid): the claim page shows the amounts and says the employer pays them, naming it and the legal basis.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aClaimTheEmployerOwes_saysSoOnItsPage() {
        Membership m = new Members(participants, enrolment).pu(YearMonth.of(2026, 6), 3_000_000, 1);
        Claim claim =
                claims.submit(Intakes.stmb(m.participantId(), java.time.LocalDate.of(2026, 7, 10), 2), Members.OFFICER);
        assertThat(claim.employerPays()).isTrue();
        openBrowser();
        session.signIn("petugas.kalbar");

        page.navigate("/klaim/" + claim.id());

        assertThat(page.locator("#employer-liable")).containsText("Dibayar oleh pemberi kerja");
        assertThat(page.locator("#employer-liable")).containsText("PT Sawit Ketapang");
        assertThat(page.locator("#employer-liable")).containsText("PP 44/2015 Pasal 59");
        assertThat(page.locator("#claim-total")).hasText("Rp6.000.000");
        assertThat(page.locator("#refusal")).hasCount(0);
    }

    /** BPU at Rp1.000.000 from January 2026, January to June paid on 10 January and billed: protected in May. */
    private long protectedBpuMember() {
        Membership m = new Members(participants, enrolment).bpu(YearMonth.of(2026, 1), 1_000_000);
        Members.payFirstHalf2026AheadAndBill(m, 16_800, "CLAIM-BROWSER-" + m.id(), payments, billing);
        return m.participantId();
    }
}
