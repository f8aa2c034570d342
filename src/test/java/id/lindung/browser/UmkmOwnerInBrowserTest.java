package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.support.InBrowser;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import id.lindung.support.TestClock;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * An UMKM owner on a 360×740 phone (issue 19 point 5): signed in with a code, registers the business, adds a helper
 * (BPU at once) and sees the one bill with its breakdown and the business's VA, in Indonesian, without sideways
 * scrolling. Screenshot: {@code umkm-owner-phone.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UmkmOwnerInBrowserTest extends InBrowser {

    private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");
    private static final String DESA = "61.04.01.2011";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Override
    protected String screenshot() {
        return "umkm-owner-phone.png";
    }

    private void fitsTheScreen() {
        assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(360);
    }

    @Test
    void ownerRegistersTheBusinessAddsAHelperAndSeesOneBill() {
        LocalDate birth = LocalDate.of(1984, 2, 14);
        String nik = Niks.nik("610401", birth, true);
        long owner = participants
                .register(
                        new ParticipantDetails(
                                nik, "Sari Warung", birth, Sex.P, DESA, "081377770101", "Pedagang", null),
                        LindungUser.SYSTEM)
                .participant()
                .id();
        enrolment.enrol(
                new EnrolmentRequest(
                        owner,
                        Segment.BPU,
                        Channel.SELF,
                        null,
                        null,
                        1_000_000L,
                        Sector.OTHER,
                        false,
                        YearMonth.now(TestClock.CLOCK),
                        null),
                LindungUser.SYSTEM);

        openBrowser(360, 740);
        page.navigate("/saya/login");
        page.locator("#nik").fill(nik);
        page.locator("#phone").fill("081377770101");
        page.locator("#sign-in-submit").click();
        page.waitForURL(url -> url.endsWith("/saya/login/kode"));
        String body = jdbc.sql("SELECT body FROM outreach_message WHERE dedupe_key ="
                        + " (SELECT 'worker-code:' || max(id) FROM worker_code WHERE subject = ?)")
                .param("p:" + owner)
                .query(String.class)
                .single();
        Matcher m = SIX_DIGITS.matcher(body);
        assertThat(m.find()).isTrue();
        page.locator("#code").fill(m.group(1));
        page.locator("#code-submit").click();
        page.waitForURL(url -> url.endsWith("/saya"));

        page.locator("#to-businesses").click();
        page.waitForURL(url -> url.endsWith("/saya/usaha"));
        fitsTheScreen();
        page.locator("#nib").fill("8123456789012");
        page.locator("#name").fill("Warung Sari Rasa");
        page.locator("#scale").selectOption("MIKRO");
        page.locator("#kbli").fill("56102");
        page.locator("#business-submit").click();
        page.waitForURL(url -> url.contains("?terdaftar"));
        assertThat(page.locator("#business-name")).hasText("Warung Sari Rasa");

        page.locator("#kind").selectOption("HELPER");
        page.locator("#nik").fill(Niks.nik("610401", LocalDate.of(1999, 5, 5), false));
        page.locator("#fullName").fill("Dodi Pembantu");
        page.locator("#baseAmount").fill("1000000");
        fitsTheScreen();
        page.locator("#worker-submit").click();
        page.waitForURL(url -> url.contains("?ditambahkan"));
        assertThat(page.locator("#added"))
                .hasText("Pekerja didaftarkan sebagai peserta BPU dan masuk ke tagihan usaha.");
        assertThat(page.locator("#bill tr")).hasCount(3);
        assertThat(page.locator("#bill")).containsText("Dodi Pembantu");
        assertThat(page.locator("#bill-total")).containsText("Rp");
        assertThat(page.locator("#business-va")).isVisible();
        fitsTheScreen();
    }
}
