package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.UserProvisioning;
import id.lindung.coverage.CoverageReadModel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.InBrowser;
import id.lindung.support.Kalsel;
import id.lindung.support.Ledger;
import id.lindung.support.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A second province's coverage dashboard in a real browser (issue 20, point 2). Two workers of Kota Banjarmasin
 * (Kalimantan Selatan, 63) are enrolled and paid; Kalimantan Selatan's analyst opens Cakupan from the menu and sees
 * her province with its 13 kab/kota, the ranking, and where the map would be a plain sentence that the reference
 * data holds no boundaries of its kab/kota; a click on Kota Banjarmasin opens its kecamatan. Her home page says the
 * same in place of its map. The national analyst opens the national roll-up: the 38 provinces, Kalimantan Barat's
 * map still drawn one click down, and the breadcrumb back to Indonesia. No script fails on the way.
 *
 * <p>Same context as the other browser tests. Screenshots: {@code <build dir>/screenshots/province*.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProvinceInBrowserTest extends InBrowser {

    @Autowired
    private UserProvisioning users;

    @Autowired
    private TransactionTemplate transactions;

    @Autowired
    private ParticipantManagement participants;

    @Autowired
    private EnrolmentManagement enrolment;

    @Autowired
    private CoverageReadModel readModel;

    @Autowired
    private ApplicationContext context;

    @Autowired
    private Clock clock;

    @Override
    protected String screenshot() {
        return "province.png";
    }

    @Test
    void kalimantanSelatansAnalystSeesHerProvince_theNationalAnalystAllProvinces() {
        Kalsel.users(users, transactions);
        YearMonth start = YearMonth.now(clock).minusMonths(1);
        Ledger ledger = Ledger.of(context);
        long[] members = {
            Kalsel.enrolBpu(participants, enrolment, Kalsel.BANJARMASIN_DESA, 1984, Kalsel.OFFICER, start)[1],
            Kalsel.enrolBpu(participants, enrolment, Kalsel.BANJARMASIN_DESA, 1985, Kalsel.OFFICER, start)[1]
        };
        ledger.bill(start);
        ledger.bill(start.plusMonths(1));
        for (long id : members) {
            ledger.payOldest(id, 2, LocalDate.now(clock), Kalsel.OFFICER);
        }
        readModel.rebuild();

        openBrowser();
        session.signIn("analis.63");
        // the home page: the registry per kab/kota of Kalimantan Selatan, no map but a sentence saying why
        assertThat(page.locator("#no-map")).isVisible();
        assertThat(page.locator("#map")).hasCount(0);
        assertThat(page.locator("#counts")).containsText("Kota Banjarmasin");

        page.locator("#nav-coverage").click();
        page.waitForURL(Pattern.compile(".*/cakupan$"));
        assertThat(page.locator("#coverage-title")).containsText("Kalimantan Selatan");
        assertThat(page.locator("#coverage-children tr.child-row")).hasCount(13);
        assertThat(page.locator("#coverage-children tr.child-row[data-code^='61.']"))
                .hasCount(0);
        assertThat(page.locator("#coverage-map")).hasCount(0);
        assertThat(page.locator("#coverage-no-map"))
                .hasText(Pattern.compile("^Peta belum tersedia untuk Kalimantan Selatan: .*"));
        page.waitForFunction("() => document.querySelectorAll('#coverage-ranking svg path').length >= 13");
        assertThat(Long.parseLong(page.locator("#coverage-children tr.child-row[data-code='63.71']")
                        .getAttribute("data-active")))
                .isGreaterThanOrEqualTo(2);
        session.screenshot(ProvinceInBrowserTest.class, "province-63.png");

        page.locator("#coverage-children tr.child-row[data-code='63.71'] a.drill")
                .click();
        page.waitForURL(Pattern.compile(".*/cakupan\\?wilayah=63\\.71.*"));
        assertThat(page.locator("#coverage-title")).containsText("Kota Banjarmasin");
        assertThat(page.locator("#coverage-breadcrumb a.crumb")).hasText("Kalimantan Selatan");
        assertThat(page.locator("#children-section h2")).hasText("Kecamatan");

        // the national analyst: the roll-up of all provinces, then Kalimantan Barat with its map
        session.context().clearCookies();
        session.signIn("analis.nasional");
        page.navigate("/cakupan?wilayah=0");
        assertThat(page.locator("#coverage-title")).containsText("Indonesia");
        assertThat(page.locator("#coverage-children tr.child-row")).hasCount(38);
        assertThat(page.locator("#children-section h2")).hasText("Provinsi");
        assertThat(page.locator("#coverage-no-map")).containsText("Peta nasional belum tersedia");
        session.screenshot(ProvinceInBrowserTest.class, "province-national.png");
        page.locator("#coverage-children tr.child-row[data-code='61'] a.drill").click();
        page.waitForURL(Pattern.compile(".*/cakupan\\?wilayah=61&.*"));
        assertThat(page.locator("#coverage-breadcrumb a.crumb")).hasText("Indonesia");
        page.locator("#coverage-map[data-ready=true]").waitFor();
        page.waitForFunction("() => document.querySelectorAll('#coverage-map svg path').length >= 14");

        assertThat(session.pageErrors()).isEmpty();
    }
}
