package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.WaitForSelectorState;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.InBrowser;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * Lindung on a phone, 375×812 CSS pixels (issue 18). For an agent, a province officer, a bank officer and a province
 * analyst, every page the menu leads to, the tabs and first detail pages linked from them, and a participant, their
 * memberships and statement, a claim, the claim form and a KUR work list: the page is no wider than the screen, the
 * header takes at most a fifth of the screen with the menu closed, and the buttons, links and fields of the menu and
 * of the page's forms are at least 44 px high (the offenders are named). Then the agent's round, one thumb on a phone:
 * find a worker, register one, enrol them, take the first contribution (typed with thousands separators, sent as
 * digits) and open the statement that proves the worker is protected.
 *
 * <p>Same context as the other browser tests (shared database: unique names, NIKs and branch). Debian's Chromium,
 * {@code LINDUNG_SKIP_BROWSER=1} skips. Screenshots in {@code <build dir>/screenshots/}: {@code phone-agent-home.png}
 * (the agent's home on a phone), {@code phone-agent-menu.png} (its menu open), {@code phone-agent-worklist.png} (the
 * KUR work list, Daftarkan open) and {@code phone.png} (the last page).
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PhoneInBrowserTest extends InBrowser {

    private static final int WIDTH = 375;
    private static final int HEIGHT = 812;
    private static final String AGENT = "agen.ketapang";
    private static final String DESA = "61.04.01.2011";
    private static final String KECAMATAN = "61.04.01";
    /** The API pages are Swagger UI's, not Lindung's. */
    private static final Set<String> NOT_OURS = Set.of("/swagger-ui.html");
    /** The first link of each kind a visited page offers is visited too. */
    private static final List<Pattern> DETAIL_LINKS = List.of(
            Pattern.compile("/bantuan-iuran/\\d+"),
            Pattern.compile("/bantuan-iuran/simulasi"),
            Pattern.compile("/paritrana/\\d+"),
            Pattern.compile("/paritrana/peserta/\\d+"),
            Pattern.compile("/kur/berkas/\\d+"));

    /**
     * The problems of the page shown, as sentences: wider than the window (and the outermost elements sticking out),
     * a header over a fifth of the window's height, tap targets under 44 px high. Tap targets: the header's links,
     * buttons and menu button, and in the main part the fields, buttons and links of forms, link buttons and the
     * buttons of closed panels; a checkbox counts with its label (or cell).
     */
    private static final String CHECK = """
            () => {
              const vw = window.innerWidth, vh = window.innerHeight, out = [];
              const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
                + ' "' + (e.getAttribute('name') || e.innerText || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 30) + '"';
              const clipped = e => {
                for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                  if (getComputedStyle(a).overflowX !== 'visible') { return true; }
                }
                return false;
              };
              const width = document.documentElement.scrollWidth;
              if (width > vw) {
                const wide = [...document.body.querySelectorAll('*')].filter(e => {
                  const r = e.getBoundingClientRect();
                  const p = e.parentElement.getBoundingClientRect();
                  return r.width > 0 && r.right > vw + 0.5 && p.right <= vw + 0.5 && !clipped(e);
                }).slice(0, 6).map(e => describe(e) + ' to ' + Math.round(e.getBoundingClientRect().right) + ' px');
                out.push('page ' + width + ' px wide in a ' + vw + ' px window: ' + wide.join(', '));
              }
              const header = document.querySelector('header').getBoundingClientRect().height;
              if (header > 0.2 * vh) {
                out.push('header ' + Math.round(header) + ' px high, over a fifth of ' + vh + ' px');
              }
              const targets = 'header a, header button, header summary, main form button, main form select, '
                + 'main form textarea, main form input:not([type=hidden]), main form a, main a.button, main button, '
                + 'main summary.button';
              const small = [...document.querySelectorAll(targets)]
                .filter(e => e.checkVisibility({ visibilityProperty: true }) && e.getBoundingClientRect().width > 0)
                .map(e => [e, (/^(checkbox|radio)$/.test(e.type) ? (e.closest('label') || e.closest('td') || e) : e)
                  .getBoundingClientRect().height])
                .filter(([, h]) => h < 43.5)
                .map(([e, h]) => describe(e) + ' ' + Math.round(h) + ' px');
              if (small.length) {
                out.push('tap targets under 44 px: ' + small.join(', '));
              }
              return out;
            }""";

    private static final Pattern RUPIAH = Pattern.compile("Rp\\s?([\\d.]+)");

    /** What the pages show: made once for the whole class. */
    private record Fixture(long participant, String participantName, long membership, long claim, String branch) {}

    private static Fixture fixture;

    @Autowired
    private Clock clock;

    @Override
    protected String screenshot() {
        return "phone.png";
    }

    @ParameterizedTest
    @ValueSource(strings = {AGENT, "petugas.kalbar", "bank.kalbar", "analis.provinsi"})
    void everyPageOfTheRoleFitsAPhone(String username) {
        Fixture f = fixture(port, clock);
        openBrowser(WIDTH, HEIGHT);
        session.signIn(username);
        List<String> problems = new ArrayList<>();

        // The menu: closed, the header is the brand and a button; open, the nav and user box, each a full tap target.
        assertThat(page.locator("#menu-button")).isVisible();
        assertThat(page.locator("#current-user")).isHidden();
        problems.addAll(check("/ (menu closed)"));
        page.locator("#menu-button").click();
        assertThat(page.locator("#nav-home")).isVisible();
        assertThat(page.locator("#current-user")).isVisible();
        problems.addAll(check("/ (menu open)"));
        @SuppressWarnings("unchecked")
        List<String> nav = (List<String>) page.evaluate(
                "() => [...document.querySelectorAll('header nav a[id^=\"nav-\"]')].map(a => a.getAttribute('href'))");
        page.locator("#menu-button").click();
        assertThat(page.locator("#nav-home")).isHidden();

        Set<String> start = new LinkedHashSet<>(nav);
        start.removeAll(NOT_OURS);
        start.addAll(List.of(
                "/peserta/" + f.participant(),
                "/peserta/" + f.participant() + "/kepesertaan",
                "/kepesertaan/" + f.membership(),
                "/klaim/" + f.claim(),
                "/klaim/baru?peserta=" + f.participant(),
                "/kur/daftar-kerja?cabang=" + f.branch()));
        Deque<String> toVisit = new ArrayDeque<>(start);
        Set<String> visited = new LinkedHashSet<>();
        Set<Pattern> followed = new LinkedHashSet<>();
        List<String> notOpen = new ArrayList<>();
        while (!toVisit.isEmpty()) {
            String path = toVisit.poll();
            if (!visited.add(path)) {
                continue;
            }
            com.microsoft.playwright.Response response = page.navigate(path);
            if (response == null || response.status() != 200) {
                notOpen.add(path + " " + (response == null ? "-" : response.status()));
                continue;
            }
            problems.addAll(check(path));
            if (path.startsWith("/klaim/baru")) {
                claimFormWithHeirs(path, problems);
            }
            if (path.startsWith("/kur/daftar-kerja?cabang=")) {
                workListEnrol(path, username, problems);
            }
            for (String link : linksToFollow(followed)) {
                if (!visited.contains(link)) {
                    toVisit.add(link);
                }
            }
        }
        System.out.println(
                username + " on a phone: " + visited.size() + " pages " + visited + "; not open to them: " + notOpen);

        assertThat(visited).as("the pages visited").contains("/", "/peserta").hasSizeGreaterThan(10);
        assertThat(problems).as(username + " at " + WIDTH + "×" + HEIGHT).isEmpty();
    }

    @Test
    void theAgentsRoundOneHanded() {
        Fixture f = fixture(port, clock);
        openBrowser(WIDTH, HEIGHT);
        session.signIn(AGENT);
        List<String> problems = new ArrayList<>();
        if (page.locator("#chart").count() > 0) {
            page.locator("#chart canvas").waitFor(); // the chart drawn before the screenshot
        }
        session.screenshot(PhoneInBrowserTest.class, "phone-agent-home.png");
        problems.addAll(check("home"));

        // Find a worker: the menu, the participants, a name prefix; the row stacks, the name opens the worker.
        page.locator("#menu-button").click();
        assertThat(page.locator("#nav-participants")).isVisible();
        session.screenshot(PhoneInBrowserTest.class, "phone-agent-menu.png");
        page.locator("#nav-participants").click();
        page.waitForURL(Pattern.compile(".*/peserta$"));
        assertThat(page.locator("#search-nik")).hasAttribute("inputmode", "numeric");
        page.locator("#search-name").fill(f.participantName());
        page.locator("#search").click();
        Locator found =
                page.locator("#results tbody tr").filter(new Locator.FilterOptions().setHasText(f.participantName()));
        assertThat(found).hasCount(1);
        problems.addAll(check("search"));
        found.getByText(f.participantName()).click();
        assertThat(page.locator("#participant-name")).hasText(f.participantName());
        problems.addAll(check("found worker"));

        // Register one: one column, a numeric keyboard for the NIK, a date picker for the birth date.
        LocalDate birth = LocalDate.of(1991, 8, 3);
        String nik = Niks.nik(KECAMATAN.replace(".", ""), birth, false);
        String name = "Antonius Ponsel Uji " + letters(nik.substring(12));
        page.locator("#menu-button").click();
        page.locator("#nav-register").click();
        Locator form = page.locator("#participant-form");
        assertThat(form.locator("#nik")).hasAttribute("inputmode", "numeric");
        assertThat(form.locator("#nik")).hasAttribute("pattern", "[0-9]{16}");
        assertThat(form.locator("#birthDate")).hasAttribute("type", "date");
        assertOneColumn(form.locator("#nik"), form.locator("#fullName"));
        form.locator("#nik").fill(nik);
        form.locator("#fullName").fill(name);
        form.locator("#birthDate").fill(birth.toString());
        form.locator("#sex").selectOption("L");
        chooseDesa(form);
        form.locator("#phone").fill("081234567890");
        problems.addAll(check("register"));
        form.locator("#save").click();
        assertThat(page.locator("#participant-name")).hasText(name);

        // Enrol: BPU, the income typed digit by digit shows its thousands separators.
        page.locator("#memberships-link").click();
        Locator enrol = page.locator("#enrolment-form");
        enrol.locator("#segment").selectOption("BPU");
        enrol.locator("#baseAmount").fill("");
        enrol.locator("#baseAmount").pressSequentially("1500000");
        assertThat(enrol.locator("#baseAmount")).hasValue("1.500.000");
        assertThat(enrol.locator("#baseAmount")).hasAttribute("inputmode", "numeric");
        problems.addAll(check("enrol"));
        enrol.locator("#enrol-submit").click();
        assertThat(page.locator("#flash")).containsText("Terdaftar");
        Locator membership = page.locator("#memberships tr.membership");
        assertThat(membership).hasCount(1);
        assertThat(membership).containsText("Rp1.500.000"); // sent as 1500000
        problems.addAll(check("memberships"));

        // The first contribution: what is due now, typed into the payment form.
        membership.locator(".statement-link").click();
        Matcher due = RUPIAH.matcher(page.locator("#due-now-amount").innerText());
        assertThat(due.find()).as("the amount due now").isTrue();
        String digits = due.group(1).replace(".", "");
        Locator pay = page.locator("#payment-form");
        pay.locator("#amount").fill("");
        pay.locator("#amount").pressSequentially(digits);
        assertThat(pay.locator("#amount")).hasValue(due.group(1));
        problems.addAll(check("statement before paying"));
        pay.locator("#pay-submit").click();
        assertThat(page.locator("#flash")).isVisible();
        assertThat(page.locator("#payment-rows tr.payment")).hasCount(1);
        assertThat(page.locator("#payment-rows tr.payment")).containsText("Rp" + due.group(1));

        // The proof to hand over: the statement says the worker is protected; its downloads are at hand.
        assertThat(page.locator("#status .badge.protection")).hasText("Terlindungi");
        assertThat(page.locator("#export-xlsx")).isVisible();
        problems.addAll(check("statement, paid"));

        assertThat(problems).as("the agent's round at " + WIDTH + "×" + HEIGHT).isEmpty();
        assertThat(session.pageErrors()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private List<String> check(String where) {
        return ((List<Object>) page.evaluate(CHECK))
                .stream().map(p -> where + ": " + p).toList();
    }

    /** Same-site links of the page shown: its tabs, and the first link of each detail kind not followed yet. */
    @SuppressWarnings("unchecked")
    private List<String> linksToFollow(Set<Pattern> followed) {
        List<String> hrefs = (List<String>)
                page.evaluate("() => [...document.querySelectorAll('main a[href]')].map(a => [a.getAttribute('href'), "
                        + "a.closest('nav.actions') ? 'tab' : ''].join(' '))");
        List<String> links = new ArrayList<>();
        for (String entry : hrefs) {
            String href = entry.substring(0, entry.lastIndexOf(' '));
            if (entry.endsWith(" tab") && href.startsWith("/")) {
                links.add(href);
                continue;
            }
            for (Pattern p : DETAIL_LINKS) {
                if (!followed.contains(p) && p.matcher(href).matches()) {
                    followed.add(p);
                    links.add(href);
                }
            }
        }
        return links;
    }

    /** A death claim's heirs: each field as wide as most of the screen, not squeezed into a table column. */
    private void claimFormWithHeirs(String path, List<String> problems) {
        page.locator("#kind").selectOption("DEATH");
        Locator heirName = page.locator("input[name='heirs[0].name']");
        assertThat(heirName).isVisible();
        assertThat(heirName.boundingBox().width).as("an heir's name field").isGreaterThan(0.6 * WIDTH);
        assertThat(page.locator("input[name='heirs[0].nik']").boundingBox().width)
                .isGreaterThan(0.6 * WIDTH);
        problems.addAll(check(path + " (death: heirs)"));
    }

    /** The work list's Daftarkan: on the screen, and its form fits when opened. */
    private void workListEnrol(String path, String username, List<String> problems) {
        Locator open = page.locator("#work-list tr.work-row .enrol-open");
        if (AGENT.equals(username)) {
            assertThat(open.first()).isVisible();
        }
        if (open.count() == 0) {
            return;
        }
        BoundingBox box = open.first().boundingBox();
        if (box.x < 0 || box.x + box.width > WIDTH) {
            problems.add(path + ": Daftarkan off screen, at x " + Math.round(box.x) + " to "
                    + Math.round(box.x + box.width));
        }
        open.first().click();
        assertThat(page.locator("#work-list tr.work-row .enrol-submit").first()).isVisible();
        if (AGENT.equals(username)) {
            session.screenshot(PhoneInBrowserTest.class, "phone-agent-worklist.png");
        }
        problems.addAll(check(path + " (Daftarkan open)"));
    }

    /** Digits as letters (names take no digits): 0 is a, 1 is b, ... */
    private static String letters(String digits) {
        StringBuilder out = new StringBuilder();
        digits.chars().forEach(c -> out.append((char) ('a' + c - '0')));
        return out.toString();
    }

    /** Two fields of a form one above the other, each nearly the screen's width. */
    private static void assertOneColumn(Locator first, Locator second) {
        BoundingBox a = first.boundingBox();
        BoundingBox b = second.boundingBox();
        assertThat(b.y).as("the second field below the first").isGreaterThanOrEqualTo(a.y + a.height);
        assertThat(a.width).as("a field's width").isGreaterThan(0.75 * WIDTH);
    }

    /** Kabupaten Ketapang (the agent's own, maybe preselected), the kecamatan and its first desa, filled by htmx. */
    private void chooseDesa(Locator form) {
        Locator kabKota = form.locator("#kabKota");
        if (!"61.04".equals(kabKota.inputValue())) {
            kabKota.selectOption("61.04");
        }
        form.locator("#kecamatan option[value='" + KECAMATAN + "']")
                .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        form.locator("#kecamatan").selectOption(KECAMATAN);
        Locator firstDesa =
                form.locator("#desa option[value^='" + KECAMATAN + ".']").first();
        firstDesa.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        form.locator("#desa").selectOption(firstDesa.getAttribute("value"));
    }

    /**
     * A Ketapang worker with a BPU membership and one payment, their death claim, and two Bank Kalbar loans of a new
     * branch in Ketapang (one a KUR Kecil the borrower must be enrolled for), handed to the agent.
     */
    private static synchronized Fixture fixture(int port, Clock clock) {
        if (fixture != null) {
            return fixture;
        }
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        String unique = Long.toString(System.nanoTime() % 1_000_000_000L);
        String name = "Maria Ponsel Uji " + letters(unique);
        LocalDate birth = LocalDate.of(1984, 4, 12);
        long participant = ApiFixtures.participant(officer, name, birth, true, DESA);
        YearMonth month = YearMonth.now(clock);
        long membership = ApiFixtures.enrolBpu(officer, participant, 1_000_000, month.toString());
        ApiClient.Response paid = officer.post(
                "/api/payments",
                ApiFixtures.payment(
                        UUID.randomUUID().toString(),
                        membership,
                        16_800,
                        LocalDate.now(clock).toString()));
        assertThat(paid.status()).as(paid.text()).isEqualTo(201);
        ApiClient.Response claim = officer.post(
                "/api/claims",
                ApiFixtures.workAccidentClaim(
                        participant,
                        "DEATH",
                        LocalDate.now(clock).minusDays(3).toString(),
                        "wage",
                        1_000_000,
                        "heirs",
                        List.of(Map.of(
                                "name",
                                "Yosef Ponsel Uji",
                                "relation",
                                "SPOUSE",
                                "nik",
                                Niks.nik("610401", LocalDate.of(1982, 1, 5), false),
                                "bankAccount",
                                "BRI 0123 4567"))));
        assertThat(claim.status()).as(claim.text()).isEqualTo(201);
        String branch = "Ponsel" + unique;
        String disbursed = LocalDate.now(clock).minusDays(5).toString();
        ApiClient.Response kur = ApiClient.as(port, "bank.kalbar")
                .postMultipart(
                        "/api/kur/files",
                        Map.of(),
                        "file",
                        "ponsel.csv",
                        ("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n"
                                        + "KALBAR;" + branch + ";" + branch + "-1;"
                                        + Niks.nik("610401", LocalDate.of(1979, 6, 1), false)
                                        + ";Petrus Ponsel Uji;KECIL;150000000;" + disbursed + ";Sawit;" + DESA + "\n"
                                        + "KALBAR;" + branch + ";" + branch + "-2;"
                                        + Niks.nik("610401", LocalDate.of(1993, 9, 9), true)
                                        + ";Wati Ponsel Uji;MIKRO;20000000;" + disbursed + ";Warung;61.04\n")
                                .getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(kur.status()).as(kur.text()).isEqualTo(201);
        ApiClient.Response handed = officer.post(
                "/api/kur/assignments",
                ApiClient.json("bank", "KALBAR", "loanIds", List.of(branch + "-1", branch + "-2"), "agent", AGENT));
        assertThat(handed.status()).as(handed.text()).isEqualTo(200);
        fixture = new Fixture(
                participant, name, membership, claim.json().path("id").asLong(), branch);
        return fixture;
    }
}
