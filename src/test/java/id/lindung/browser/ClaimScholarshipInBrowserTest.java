package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimIntake;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.benefit.ScholarshipPlanner;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.Members;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.InBrowser;
import id.lindung.support.Intakes;
import id.lindung.support.Tags;
import id.lindung.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The yearly scholarship on proof of enrolment in a real browser (Permenaker 5/2021: SD Rp1.500.000 a year). A JKK
 * death of a protected BPU member (Rp1.000.000, January to June 2026 paid) with two children at SD is taken in,
 * verified and approved through the services, as in the workflow test; the officer then opens the claim page, pays
 * the first child's current school year, sends the same year again and reads the refusal naming its rule (a normal
 * outcome shown on the page, no error page), and sees the paid year listed once.
 *
 * <p>Own context (and database): billing runs bill every membership there is; the distinct four-eyes threshold
 * keeps this context apart from the other tests' and lets one officer approve. Debian's Chromium,
 * {@code LINDUNG_SKIP_BROWSER=1} skips. Screenshot: {@code <build dir>/screenshots/claim-scholarship.png}.
 */
@Tag(Tags.BROWSER)
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
            "lindung.claim.four-eyes-threshold=90000000",
            "lindung.claim.office-name=Kantor Cabang Ketapang (uji beasiswa)"
        })
@ActiveProfiles("test")
class ClaimScholarshipInBrowserTest extends InBrowser {

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
    private ClaimManagement claims;

    @Override
    protected String screenshot() {
        return "claim-scholarship.png";
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void officerPaysAChildsSchoolYear_andTheSameYearAgainIsRefusedWithItsRule() {
        long claimId = approvedJkkDeathWithTwoChildren();
        int year = ScholarshipPlanner.schoolYearOf(LocalDate.now(TestClock.CLOCK));
        String label = ScholarshipPlanner.label(year);
        openBrowser();
        session.signIn("petugas.kalbar");

        page.navigate("/klaim/" + claimId);
        assertThat(page.locator("#claim-status")).hasText("Disetujui");
        Locator form = page.locator("#scholarship-form");
        assertThat(form).isVisible();
        assertThat(page.locator("#no-scholarship-paid")).isVisible();
        assertThat(form.locator("#scholarship-child option")).hasCount(2);
        assertThat(form.locator("#scholarship-child option").first()).hasText("Rina (child-1)");
        assertThat(form.locator("#scholarship-year")).hasValue(Integer.toString(year));

        // The first child's current school year at SD: Rp1.500.000, with its formula.
        form.locator("#scholarship-child").selectOption("child-1");
        form.locator("#scholarship-level").selectOption("SD");
        form.locator("#scholarship-submit").click();
        assertThat(page.locator("#flash"))
                .containsText("Beasiswa Rina tahun ajaran " + label + ": Rp1.500.000 dibayar");
        assertThat(page.locator("#scholarship-refusal")).hasCount(0);
        Locator paid = page.locator("#scholarship-paid tr.scholarship-paid-row");
        assertThat(paid).hasCount(1);
        assertThat(paid.first()).containsText("Rina (child-1)");
        assertThat(paid.first()).containsText(label);
        assertThat(paid.first()).containsText("Rp1.500.000");
        assertThat(paid.first()).containsText("petugas.kalbar");

        // The same year again: refused naming the rule and its legal basis, on the claim page.
        form.locator("#scholarship-child").selectOption("child-1");
        form.locator("#scholarship-level").selectOption("SD");
        form.locator("#scholarship-submit").click();
        assertThat(page.locator("#scholarship-refusal")).isVisible();
        assertThat(page.locator("#scholarship-refusal-text"))
                .containsText("Beasiswa Rina tahun ajaran " + label + " tidak dibayar");
        assertThat(page.locator("#scholarship-refusal-text")).containsText("sudah dibayar");
        assertThat(page.locator("#scholarship-refusal")).containsText("Dasar hukum");
        assertThat(page.locator("#flash")).hasCount(0);
        assertThat(page.locator("#scholarship-paid tr.scholarship-paid-row")).hasCount(1);

        // A school year not yet started: a message, as for the page's other actions.
        form.locator("#scholarship-child").selectOption("child-2");
        form.locator("#scholarship-year")
                .evaluate("e => { e.removeAttribute('max'); e.value = '" + (year + 1) + "'; }");
        form.locator("#scholarship-submit").click();
        assertThat(page.locator("#claim-errors")).containsText("Tahun ajaran belum dimulai.");
        assertThat(page.locator("#scholarship-paid tr.scholarship-paid-row")).hasCount(1);
    }

    /**
     * BPU at Rp1.000.000 from January 2026, January to June paid and billed; died in a work accident on 10 May 2026
     * with Rina (SD, 4th year) and Dodi (SD, 1st year); documents complete on 20 May, approved.
     */
    private long approvedJkkDeathWithTwoChildren() {
        Membership m = new Members(participants, enrolment).bpu(YearMonth.of(2026, 1), 1_000_000);
        Members.payFirstHalf2026AheadAndBill(m, 16_800, "SCHOLARSHIP-BROWSER-" + m.id(), payments, billing);
        List<ClaimIntake.ChildItem> children = List.of(
                new ClaimIntake.ChildItem("Rina", LocalDate.of(2016, 3, 1), "SD", 4, false, false, false),
                new ClaimIntake.ChildItem("Dodi", LocalDate.of(2019, 8, 9), "SD", 1, false, false, false));
        Claim claim = claims.submit(
                Intakes.death(m.participantId(), "WORK_ACCIDENT", LocalDate.of(2026, 5, 10), children),
                Members.OFFICER);
        Claim withDocument =
                claims.addDocument(ClaimId.of(claim.id()), "LAPORAN_KECELAKAAN", "laporan.pdf", PDF, Members.OFFICER);
        Claim verified = claims.verify(
                ClaimId.of(claim.id()), withDocument.version(), LocalDate.of(2026, 5, 20), Members.OFFICER);
        Claim approved = claims.approve(ClaimId.of(claim.id()), verified.version(), Members.OFFICER);
        if (approved.status() != ClaimStatus.APPROVED) {
            throw new IllegalStateException("claim not approved: " + approved.status());
        }
        return claim.id();
    }
}
