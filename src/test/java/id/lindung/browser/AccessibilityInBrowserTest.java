package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import id.lindung.access.LindungUser;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimManagement;
import id.lindung.contribution.Members;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.kur.KurImports;
import id.lindung.paritrana.Cycle;
import id.lindung.paritrana.ParitranaCycles;
import id.lindung.participant.BusinessScale;
import id.lindung.participant.NewBusiness;
import id.lindung.participant.NewRelative;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.RelationType;
import id.lindung.participant.Sex;
import id.lindung.support.Accessibility;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.InBrowser;
import id.lindung.support.Intakes;
import id.lindung.support.KurFiles;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18, point 9, in a real browser. Each demo role signs in and axe-core checks the main pages
 * ({@link Accessibility}: any critical or serious violation fails, every page's findings listed at the end): the
 * province officer every page with its forms (the claim and enrolment forms with every section shown, as without
 * JavaScript; a KUR upload's result; the KUR work list with an enrol form open); each other role the pages where it
 * sees something else (its home page; the administrator's forms, the analyst's read-only and coverage pages in
 * English, one bank's KUR pages, the agent's work list and claim, and the error pages); and the sign-in page. Then
 * an officer of Kabupaten Ketapang signs in, registers a worker and enrols them as BPU with the keyboard alone (Tab,
 * Shift+Tab, Enter, Space, arrow keys and typing; no click), each element reached by Tab showing a focus ring.
 *
 * <p>Same context as the other browser tests (the database is shared: unique NIKs, NIB and loan ids). Debian's
 * Chromium, {@code LINDUNG_SKIP_BROWSER=1} skips. Screenshot: {@code <build dir>/screenshots/accessibility.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccessibilityInBrowserTest extends InBrowser {

    private static final LindungUser OFFICER = Members.OFFICER;
    private static final String DESA = Members.KETAPANG_DESA;

    /**
     * What the pages show, made once for the class: a Ketapang worker with a child, a business, a PU membership and a
     * claim; a KUR file; a sponsorship programme; a Paritrana cycle with entrants (from the migrations).
     */
    private static Fixture fixture;

    @Autowired
    private ParticipantManagement participants;

    @Autowired
    private EnrolmentManagement enrolment;

    @Autowired
    private ClaimManagement claims;

    @Autowired
    private KurImports kur;

    @Autowired
    private ParitranaCycles paritrana;

    @Autowired
    private Clock clock;

    private final List<String> problems = new ArrayList<>();

    @Override
    protected String screenshot() {
        return "accessibility.png";
    }

    @Test
    void theOfficersPagesAndForms() {
        Fixture f = fixture();
        openBrowser();
        session.signIn("petugas.kalbar");
        check(
                "/",
                "/peserta",
                "/peserta/" + f.participant(),
                "/peserta/" + f.participant() + "/ubah",
                "/peserta/baru",
                "/peserta/duplikat",
                "/pemberi-kerja",
                "/iuran/tarif",
                "/iuran/penagihan",
                "/iuran/berkas-pembayaran",
                "/iuran/riwayat",
                "/iuran/snap/rekonsiliasi",
                "/kepesertaan/" + f.membership(),
                "/klaim",
                "/klaim?peserta=" + f.participant(),
                "/klaim/" + f.claim(),
                "/kur",
                "/kur/peminjam",
                "/kur/berkas/" + f.kurFile(),
                "/cakupan",
                "/cakupan?wilayah=61.04",
                "/cakupan/penyebut",
                "/cakupan/target",
                "/bantuan-iuran",
                "/bantuan-iuran/" + f.programme(),
                "/bantuan-iuran/simulasi",
                "/paritrana/" + f.cycle(),
                "/paritrana/peserta/" + f.entrant(),
                "/peserta/" + f.participant() + "/data-pribadi");

        // The forms whose sections follow a choice: every section shown, as without JavaScript.
        open("/peserta/" + f.participant() + "/kepesertaan");
        page.evaluate("() => document.querySelectorAll('[data-segments]').forEach(e => e.hidden = false)");
        checkOpenPage("enrolment form, every segment's fields");
        open("/klaim/baru?peserta=" + f.participant());
        page.evaluate("() => document.querySelectorAll('[data-kinds]').forEach(e => e.hidden = false)");
        checkOpenPage("claim form, every kind's sections");

        // A KUR file sent through the upload page: the result replaces the form's fragment.
        open("/kur/unggah");
        checkOpenPage("/kur/unggah");
        String branch = "Aksesibel" + System.nanoTime() % 1_000_000_000L;
        page.locator("#kur-file")
                .setInputFiles(new FilePayload("a11y-" + branch + ".csv", "text/csv", kurFile(branch)));
        page.locator("#kur-upload-submit").click();
        assertThat(page.locator("#upload-progress")).hasAttribute("data-done", "true");
        assertThat(page.locator("#file-rejected")).hasText("1");
        checkOpenPage("KUR upload result");

        // The work list of that branch with the kab/kota-level borrower's enrol form open (it asks for a desa).
        open("/kur/daftar-kerja?kelompok=branch&bank=KALBAR&cabang=" + branch);
        page.locator("#work-list tr.work-row[data-loan='" + branch + "-1'] .enrol-open")
                .click();
        assertThat(page.locator("#work-list tr.work-row[data-loan='" + branch + "-1'] select.enrol-desa"))
                .isVisible();
        checkOpenPage("KUR work list, enrol form open");

        assertThat(problems).isEmpty();
    }

    @Test
    void theAdministratorsPages() {
        Fixture f = fixture();
        openBrowser();
        session.signIn("admin");
        // its home; the forms only an administrator gets: rate corrections, retention, Paritrana cycles and weights
        check("/", "/iuran/tarif", "/iuran/snap/bank", "/privasi/retensi", "/paritrana", "/paritrana/" + f.cycle());
        assertThat(problems).isEmpty();
    }

    @Test
    void theAnalystsPagesInEnglish() {
        Fixture f = fixture();
        openBrowser();
        session.signIn("analis.provinsi");
        open("/?lang=en");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
        // read-only registry and programme pages; the coverage figures' forms and the Paritrana evidence form
        check(
                "/",
                "/peserta/" + f.participant(),
                "/kepesertaan/" + f.membership(),
                "/kur",
                "/cakupan",
                "/cakupan/penyebut",
                "/cakupan/target",
                "/bantuan-iuran/" + f.programme(),
                "/bantuan-iuran/simulasi",
                "/paritrana/peserta/" + f.entrant());
        assertThat(problems).isEmpty();
    }

    @Test
    void theBanksPages() {
        fixture();
        openBrowser();
        session.signIn("bank.kalbar");
        // its home and the KUR pages of one bank (no bank filter)
        check("/", "/kur", "/kur/unggah", "/kur/daftar-kerja", "/kur/peminjam");
        assertThat(problems).isEmpty();
    }

    @Test
    void theAgentsPagesAndTheErrorPages() {
        Fixture f = fixture();
        openBrowser();
        session.signIn("agen.ketapang");
        check("/", "/peserta/" + f.participant() + "/kepesertaan", "/klaim/" + f.claim(), "/kur/daftar-kerja");
        open("/privasi/retensi");
        assertThat(page.locator("#problem")).hasAttribute("data-status", "403");
        checkOpenPage("error page 403");
        open("/peserta/999999999");
        assertThat(page.locator("#problem")).hasAttribute("data-status", "404");
        checkOpenPage("error page 404");
        assertThat(problems).isEmpty();
    }

    @Test
    void theSignInPage() {
        openBrowser();
        open("/login");
        checkOpenPage("/login");
        open("/login?error");
        assertThat(page.locator("#login-error")).isVisible();
        checkOpenPage("/login?error");
        assertThat(problems).isEmpty();
    }

    /**
     * Registration and enrolment with the keyboard alone: from the sign-in page to the home page, the navigation's
     * "Daftarkan peserta", the form filled field by field (the region lists by arrow keys, the desa list loaded by
     * htmx), saved with Enter; on the worker's page on to the memberships, BPU with JHT ticked by Space, the income
     * typed, a step back with Shift+Tab, and the form sent with Space. Each element reached by Tab shows a focus ring
     * (our :focus-visible outline).
     */
    @Test
    void anOfficerRegistersAndEnrolsAWorkerWithTheKeyboardAlone() {
        LocalDate birth = LocalDate.of(1990, 5, 5);
        String nik = Niks.nik("610401", birth, false);
        String name = "Yohanes Papan Ketik";
        openBrowser();

        // Sign in: the user name field has the focus when the page opens.
        open("/login");
        assertThat(page.locator("#username")).isFocused();
        page.keyboard().type("petugas.ketapang");
        tabTo("#password");
        page.keyboard().type(ApiClient.DEMO_PASSWORD);
        page.keyboard().press("Enter");
        page.waitForURL(url -> url.endsWith("/"));

        // Home: Tab through the navigation to "Daftarkan peserta".
        tabTo("#nav-register");
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/peserta/baru$"));

        tabTo("#nik");
        page.keyboard().type(nik);
        tabTo("#fullName");
        page.keyboard().type(name);
        tabTo("#birthDate");
        typeDate(birth);
        assertThat(page.locator("#birthDate")).hasValue(birth.toString());
        tabTo("#sex");
        chooseWithArrows("#sex", "L");
        // The officer's kab/kota comes chosen; the kecamatan's desa list is loaded by htmx on each change.
        tabTo("#kabKota");
        assertThat(page.locator("#kabKota")).hasValue("61.04");
        tabTo("#kecamatan");
        chooseWithArrows("#kecamatan", "61.04.01");
        page.locator("#desa option[value='" + DESA + "']")
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        tabTo("#desa");
        chooseWithArrows("#desa", DESA);
        tabTo("#phone");
        page.keyboard().type("081234567890");
        tabTo("#occupation");
        page.keyboard().type("Nelayan");
        tabTo("#save");
        page.keyboard().press("Enter");

        page.waitForURL(Pattern.compile(".*/peserta/\\d+$"));
        assertThat(page.locator("#flash")).containsText(name);
        assertThat(page.locator("#participant-nik")).containsText(nik);

        // On to the memberships, and enrol as BPU with JHT.
        tabTo("#memberships-link");
        page.keyboard().press("Enter");
        page.waitForURL(Pattern.compile(".*/peserta/\\d+/kepesertaan$"));
        assertThat(page.locator("#no-memberships")).isVisible();
        tabTo("#segment");
        chooseWithArrows("#segment", "BPU");
        tabTo("#baseAmount");
        page.keyboard().type("1500000");
        Locator jht = page.locator("#enrolment-form input[name=programmes][value=JHT]");
        tabTo("#enrolment-form input[name=programmes][value=JHT]");
        page.keyboard().press("Space");
        assertThat(jht).isChecked();
        tabTo("#enrol-submit");
        // one step back and forward again: the focus order runs both ways
        page.keyboard().press("Shift+Tab");
        assertThat(page.locator("#startMonth")).isFocused();
        tabTo("#enrol-submit");
        page.keyboard().press("Space");

        assertThat(page.locator("#flash")).containsText("Terdaftar");
        Locator row = page.locator("#memberships tr.membership");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("BPU");
        assertThat(row).containsText("JHT");
        assertThat(session.pageErrors()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ axe checks

    private void check(String... paths) {
        for (String path : paths) {
            open(path);
            checkOpenPage(path);
        }
    }

    private void open(String path) {
        page.navigate(path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
    }

    private void checkOpenPage(String name) {
        problems.addAll(Accessibility.seriousViolations(page, name));
    }

    // -------------------------------------------------------------------------------------------------- keyboard

    /** Presses Tab until the element is focused (at most 60 times), then checks it shows a focus ring. */
    private void tabTo(String selector) {
        for (int i = 0; i < 60; i++) {
            page.keyboard().press("Tab");
            if ((Boolean) page.evaluate(
                    "s => document.activeElement !== null && document.activeElement.matches(s)", selector)) {
                assertFocusRing(selector);
                return;
            }
        }
        fail("not reached with Tab: " + selector + " (the focus is on "
                + page.evaluate("() => document.activeElement && document.activeElement.outerHTML") + ")");
    }

    /** The focused element matches :focus-visible and draws an outline of 2px or more, or a box shadow. */
    private void assertFocusRing(String selector) {
        Object ring = page.evaluate("""
                () => {
                  const e = document.activeElement, s = getComputedStyle(e);
                  const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                  return e.matches(':focus-visible') && (outline || s.boxShadow !== 'none');
                }""");
        assertThat(ring).as("a visible focus ring on " + selector).isEqualTo(true);
    }

    /** Moves the focused list to the option with this value by arrow keys (each move is a change, as by hand). */
    private void chooseWithArrows(String selector, String value) {
        assertThat(page.locator(selector)).isFocused();
        int current = ((Number) page.evaluate("s => document.querySelector(s).selectedIndex", selector)).intValue();
        int wanted = ((Number) page.evaluate(
                        "([s, v]) => [...document.querySelector(s).options].findIndex(o => o.value === v)",
                        List.of(selector, value)))
                .intValue();
        assertThat(wanted).as(selector + " has an option " + value).isNotNegative();
        for (int i = current; i != wanted; i += Integer.signum(wanted - current)) {
            page.keyboard().press(wanted > current ? "ArrowDown" : "ArrowUp");
        }
        assertThat(page.locator(selector)).hasValue(value);
    }

    /**
     * Types a date into the focused date field: day, month, year, each part's digits. The field's order is the
     * browser's (day first in Indonesian, month first in Chromium's default English), so the dates typed here have
     * the same day and month.
     */
    private void typeDate(LocalDate date) {
        assertThat(date.getDayOfMonth()).isEqualTo(date.getMonthValue());
        page.keyboard()
                .type(String.format(
                        Locale.ROOT, "%02d%02d%04d", date.getDayOfMonth(), date.getMonthValue(), date.getYear()));
    }

    // --------------------------------------------------------------------------------------------------- fixture

    private record Fixture(
            long participant, long membership, long claim, long kurFile, long programme, long cycle, long entrant) {}

    private Fixture fixture() {
        if (fixture == null) {
            Membership m = new Members(participants, enrolment).pu(YearMonth.of(2026, 6), 3_000_000, 1);
            long participant = m.participantId();
            ParticipantId id = ParticipantId.of(participant);
            participants.addRelative(
                    id,
                    new NewRelative(RelationType.CHILD, "Rina Santoso", null, LocalDate.of(2015, 3, 1), Sex.P, true),
                    OFFICER);
            participants.registerBusiness(
                    new NewBusiness(
                            String.format(Locale.ROOT, "%013d", System.nanoTime() % 10_000_000_000_000L),
                            "Warung Uji Aksesibel",
                            participant,
                            "47111",
                            BusinessScale.MIKRO,
                            DESA,
                            2),
                    OFFICER);
            Claim claim = claims.submit(Intakes.stmb(participant, LocalDate.of(2026, 7, 10), 2), OFFICER);
            String branch = "Akses" + System.nanoTime() % 1_000_000_000L;
            long file = kur.importFile("a11y-" + branch + ".csv", new ByteArrayInputStream(kurFile(branch)), OFFICER)
                    .fileId();
            YearMonth now = YearMonth.now(clock);
            long programme = ApiFixtures.createKetapangProgramme(
                    ApiClient.as(port, "petugas.kalbar"),
                    "Uji aksesibilitas " + branch,
                    120_000L,
                    now,
                    now.plusMonths(2));
            Cycle cycle = paritrana.list().stream()
                    .map(c -> paritrana.get(c.id()))
                    .filter(c -> !c.entrants().isEmpty())
                    .findFirst()
                    .orElseThrow();
            fixture = new Fixture(
                    participant,
                    m.id(),
                    claim.id(),
                    file,
                    programme,
                    cycle.id(),
                    cycle.entrants().get(0).id());
        }
        return fixture;
    }

    /** A Bank Kalbar file of this branch ({@link KurFiles#kalbar}), disbursed ten days ago. */
    private byte[] kurFile(String branch) {
        return KurFiles.kalbar(branch, LocalDate.now(clock).minusDays(10)).getBytes(StandardCharsets.UTF_8);
    }
}
