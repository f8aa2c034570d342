package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.HomeContext;
import id.lindung.support.HomeFixtures;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The home page per role (issue 18, point 3), read as each demo user over HTTP: each role's task lists and no other
 * role's, the navigation with exactly the pages the role can use, and from the attacker's side that a task list
 * never reaches past the reader's region scope or bank, and that a bank is offered no form it may not submit. The
 * data are {@link HomeFixtures}, alone in their database ({@link HomeContext}).
 */
@HomeContext
class HomePageTest {

    /** Every task list of the page, by its element id. */
    static final List<String> TASKS = List.of(
            "task-claims",
            "task-duplicates",
            "task-payment-files",
            "task-kur",
            "task-dues",
            "task-coverage",
            "task-config",
            "task-keys");

    /** Every link of the navigation, in the layout's order: the administrator's. */
    static final List<String> ALL_LINKS = List.of(
            "nav-home",
            "nav-participants",
            "nav-register",
            "nav-duplicates",
            "nav-employers",
            "nav-umkm",
            "nav-contributions",
            "nav-claims",
            "nav-kur",
            "nav-coverage",
            "nav-sponsorship",
            "nav-paritrana",
            "nav-outreach",
            "nav-privacy",
            "nav-api");

    /** The navigation of each demo user's role: the pages the role has work on, in the layout's order. */
    static final Map<String, List<String>> NAV = Map.of(
            "admin",
            ALL_LINKS,
            "petugas.kalbar",
            ALL_LINKS.stream().filter(l -> !l.equals("nav-privacy")).toList(),
            "analis.provinsi",
            List.of(
                    "nav-home",
                    "nav-participants",
                    "nav-kur",
                    "nav-coverage",
                    "nav-sponsorship",
                    "nav-paritrana",
                    "nav-api"),
            "bank.kalbar",
            List.of("nav-home", "nav-participants", "nav-kur", "nav-api"),
            "agen.ketapang",
            List.of(
                    "nav-home",
                    "nav-participants",
                    "nav-register",
                    "nav-duplicates",
                    "nav-contributions",
                    "nav-claims",
                    "nav-kur",
                    "nav-api"));

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    HomeFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = HomeFixtures.of(context);
    }

    private String home(String user) {
        Response r = ApiClient.as(port, user).getPage("/");
        assertThat(r.status()).as(user).isEqualTo(200);
        return r.text();
    }

    /** The ids of the page's task lists, and whether it holds the registry table. */
    private static Set<String> tasks(String html) {
        Set<String> found = new LinkedHashSet<>();
        for (String id : TASKS) {
            if (html.contains("id=\"" + id + "\"")) {
                found.add(id);
            }
        }
        if (html.contains("id=\"counts\"")) {
            found.add("registry");
        }
        return found;
    }

    private static Set<String> nav(String html) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<a id=\"(nav-[a-z]+)\"").matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The text of the element with this id (up to its closing tag, markup left in). */
    private static String block(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return html.substring(start, html.indexOf("</article>", start));
    }

    @Test
    void aProvinceOfficerSeesClaimsWithTheirServiceLevel_duplicates_andRejectedBankPayments_ofTheProvince() {
        String html = home("petugas.kalbar");
        assertThat(tasks(html)).containsExactly("task-claims", "task-duplicates", "task-payment-files");

        String claims = block(html, "task-claims");
        assertThat(claims)
                .contains(fixtures.ketapang.claimNumber(), fixtures.pontianak.claimNumber())
                .contains("Klaim Ketapang")
                .contains("terlambat")
                .contains("dokumen belum lengkap")
                .contains("href=\"/klaim\"");
        assertThat(claims.indexOf(fixtures.ketapang.claimNumber()))
                .as("the claim past its deadline first")
                .isLessThan(claims.indexOf(fixtures.pontianak.claimNumber()));
        assertThat(block(html, "task-duplicates"))
                .contains(fixtures.ketapang.duplicateName(), fixtures.pontianak.duplicateName())
                .contains("Nama dan tanggal lahir sama");
        assertThat(block(html, "task-payment-files"))
                .contains(fixtures.ketapang.rejectedReference(), fixtures.pontianak.rejectedReference())
                .contains("kepesertaan sudah berakhir");
        assertThat(html).doesNotContain("id=\"total-participants\"");
    }

    @Test
    void aKabKotaOfficersListsStopAtTheirKabKota() {
        String html = home("petugas.ketapang");
        assertThat(tasks(html)).containsExactly("task-claims", "task-duplicates", "task-payment-files");
        assertThat(html)
                .contains(
                        fixtures.ketapang.claimNumber(),
                        fixtures.ketapang.duplicateName(),
                        fixtures.ketapang.rejectedReference())
                .doesNotContain(fixtures.pontianak.claimNumber())
                .doesNotContain(fixtures.pontianak.duplicateName())
                .doesNotContain(fixtures.pontianak.rejectedReference())
                .doesNotContain("Klaim Pontianak");
        assertThat(block(html, "task-claims-count")).startsWith("id=\"task-claims-count\">1<");
    }

    @Test
    void aBankSeesItsOwnKurWorkList_noOtherBanksBorrower_andNoFormItCannotSubmit() {
        String html = home("bank.kalbar");
        assertThat(tasks(html)).containsExactly("task-kur");
        assertThat(block(html, "task-kur"))
                .contains(fixtures.registeredBorrower, fixtures.unregisteredBorrower)
                .contains("href=\"/kur/daftar-kerja\"")
                .doesNotContain(fixtures.otherBanksBorrower);
        assertThat(html).doesNotContain(fixtures.ketapang.claimNumber()).doesNotContain("Tunggak ");

        ApiClient bank = ApiClient.as(port, "bank.kalbar");
        // the registration form is refused outright
        assertThat(bank.getPage("/peserta/baru").status()).isEqualTo(403);
        // a borrower's memberships: read, with no enrolment form; the participant page links no claims
        String memberships = bank.getPage("/peserta/" + fixtures.registeredBorrowerId + "/kepesertaan")
                .text();
        assertThat(memberships).contains(fixtures.registeredBorrower).doesNotContain("id=\"enrolment-form\"");
        assertThat(bank.getPage("/peserta/" + fixtures.registeredBorrowerId).text())
                .contains(fixtures.registeredBorrower)
                .doesNotContain("id=\"claims-link\"")
                .doesNotContain("id=\"edit\"");
        assertThat(bank.getPage("/klaim").status()).isEqualTo(403);
        // the work list offers the enrol action on the registered borrower's row only
        String workList = bank.getPage("/kur/daftar-kerja").text();
        assertThat(row(workList, fixtures.registeredBorrower)).contains("class=\"enrol-form");
        assertThat(row(workList, fixtures.unregisteredBorrower))
                .doesNotContain("class=\"enrol-form")
                .contains("Belum ada di registri");
    }

    /** The work-list row naming this borrower. */
    private static String row(String html, String borrower) {
        int at = html.indexOf(borrower);
        assertThat(at).as(borrower).isPositive();
        int start = html.lastIndexOf("<tr", at);
        return html.substring(start, html.indexOf("</tr>", at));
    }

    @Test
    void anAnalystSeesCoverageAndTheRegistry_nothingToAct() {
        String html = home("analis.provinsi");
        assertThat(tasks(html)).containsExactly("task-coverage", "registry");
        assertThat(block(html, "task-coverage")).contains("href=\"/cakupan\"");
        assertThat(html)
                .contains("id=\"total-participants\"")
                .containsPattern("/js/home-chart-[0-9a-f]{32}\\.js")
                .doesNotContain(fixtures.ketapang.claimNumber());
        assertThat(ApiClient.as(port, "analis.provinsi")
                        .getPage("/peserta/" + fixtures.registeredBorrowerId)
                        .text())
                .doesNotContain("id=\"claims-link\"");
    }

    @Test
    void anAgentSeesTheirWorkersInArrears_neverAnotherKabKotas() {
        String html = home("agen.ketapang");
        assertThat(tasks(html)).containsExactly("task-dues");
        String dues = block(html, "task-dues");
        assertThat(dues)
                .contains(fixtures.ketapang.inArrearsName())
                .contains("menunggak 2 bulan")
                .contains("href=\"/kepesertaan/" + fixtures.ketapang.inArrearsMembership() + "\"")
                .doesNotContain(fixtures.pontianak.inArrearsName());
        // the members who did not come through an agent are not theirs
        assertThat(dues).doesNotContain("Berhenti ").doesNotContain("Klaim ");
        // the Pontianak member's statement stays out of reach as well
        assertThat(ApiClient.as(port, "agen.ketapang")
                        .getPage("/kepesertaan/" + fixtures.pontianak.inArrearsMembership())
                        .status())
                .isIn(403, 404);
    }

    @Test
    void anAdministratorSeesWhatNeedsConfiguringTheKeysAndTheRegistry() {
        String html = home("admin");
        assertThat(tasks(html)).containsExactly("task-config", "task-keys", "registry");
        assertThat(block(html, "task-config"))
                .contains("angka tarif iuran belum dikonfirmasi")
                .contains("href=\"/iuran/tarif\"")
                .contains("angka aturan manfaat klaim belum dikonfirmasi");
        assertThat(block(html, "task-keys")).contains("Kunci data aktif:").contains("href=\"/api/admin/keys\"");
    }

    @Test
    void theNavigationOffersEachRoleThePagesItCanUse() {
        NAV.forEach((user, links) -> assertThat(nav(home(user))).as(user).containsExactlyElementsOf(links));
    }

    @Test
    void everyRolesHomeSpeaksBothLanguagesWithoutAMissingText() {
        for (String user : NAV.keySet()) {
            for (String language : List.of("id", "en")) {
                Response r = ApiClient.as(port, user).getPage("/?lang=" + language);
                assertThat(r.status()).as(user + " " + language).isEqualTo(200);
                assertThat(r.text()).as(user + " " + language).doesNotContain("??");
            }
        }
        assertThat(ApiClient.as(port, "petugas.kalbar").getPage("/?lang=en").text())
                .contains("Claims waiting");
    }
}
