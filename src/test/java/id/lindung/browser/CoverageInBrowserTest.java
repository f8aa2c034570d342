package id.lindung.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.FilePayload;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.coverage.CoverageReadModel;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.Accessibility;
import id.lindung.support.InBrowser;
import id.lindung.support.Ledger;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import id.lindung.support.Workers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * The UCJ coverage dashboard in a real browser. Memberships are made through the real services in two kecamatan of
 * Ketapang and one of Kota Pontianak, then the read model is rebuilt. The province analyst opens Cakupan: the map
 * draws the 14 kab/kota with its legend (visualMap), the ranking has a bar per kab/kota, the tiles say coverage
 * against the target, the gap in workers and the forecast. A click on Ketapang on the map opens Ketapang with its
 * kecamatan. The analyst imports kecamatan denominators (a file with a bad row first, refused naming row and
 * column), after which Sandai has a coverage; drilling down to Sandai shows the lowest level. A target is set with a
 * decimal comma and removed again. A Ketapang analyst sees Ketapang only: Kota Pontianak and the province answer
 * with the not-found page.
 *
 * <p>Same context as the other browser tests (the database is shared, so counts are checked as "at least").
 * Debian's Chromium, {@code LINDUNG_SKIP_BROWSER=1} skips. Screenshots: {@code <build dir>/screenshots/coverage*.png}.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CoverageInBrowserTest extends InBrowser {

    private static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    private static final String SANDAI_DESA = "61.04.05.2001"; // Kecamatan Sandai, Kabupaten Ketapang
    private static final String SIMPANG_HULU_DESA = "61.04.08.2001"; // Kecamatan Simpang Hulu, Kabupaten Ketapang
    private static final String PONTIANAK_BARAT_DESA = "61.71.03.1001"; // Kecamatan Pontianak Barat
    /** The centre of Kabupaten Ketapang (from the boundaries' properties), where the test clicks the map. */
    private static final double[] KETAPANG_LNG_LAT = {110.6054, -1.6329};

    private static final String[] NAMES = {"Andi", "Bayu", "Cahyo", "Dedi", "Eko"};

    @Autowired
    private ParticipantManagement participants;

    @Autowired
    private EnrolmentManagement enrolment;

    @Autowired
    private CoverageReadModel readModel;

    @Autowired
    private Clock clock;

    @Autowired
    private org.springframework.context.ApplicationContext context;

    @Override
    protected String screenshot() {
        return "coverage.png";
    }

    @Test
    void provinceAnalystSeesTheMapAndDrillsDown_aKabKotaAnalystOnlyTheirKabKota() {
        YearMonth start = YearMonth.now(clock).minusMonths(1);
        int year = YearMonth.now(clock).getYear();
        List<Long> members = new java.util.ArrayList<>();
        members.addAll(enrolBpu(SANDAI_DESA, "610405", Channel.AGENT, start, 3));
        members.addAll(enrolBpu(SANDAI_DESA, "610405", Channel.SELF, start, 1));
        members.addAll(enrolBpu(SIMPANG_HULU_DESA, "610408", Channel.AGENT, start, 1));
        members.addAll(enrolBpu(PONTIANAK_BARAT_DESA, "617103", Channel.SELF, start, 2));
        // coverage counts the protected: last month and this month billed and paid
        Ledger ledger = Ledger.of(context);
        ledger.bill(start);
        ledger.bill(start.plusMonths(1));
        for (long id : members) {
            ledger.payOldest(id, 2, LocalDate.now(clock));
        }
        readModel.rebuild();

        openBrowser();
        session.signIn("analis.provinsi");

        // The province: headline tiles, the map of the 14 kab/kota with its legend, the ranking.
        page.locator("#nav-coverage").click();
        page.waitForURL(Pattern.compile(".*/cakupan$"));
        assertThat(page.locator("#coverage-title")).containsText("Kalimantan Barat");
        assertThat(page.locator("#total-coverage")).hasText(Pattern.compile("\\d+,\\d\\d%"));
        assertThat(page.locator("#total-target")).hasText(Pattern.compile("dari target \\d+,\\d\\d%"));
        assertThat(page.locator("#total-gap")).hasText(Pattern.compile("kurang [\\d.]+ pekerja"));
        assertThat(page.locator("#forecast"))
                .hasText(
                        Pattern.compile(
                                "^(target tercapai \\p{L}+ \\d{4}|tidak tercapai( sebelum tahun 2100)?) pada laju saat ini$|^sudah tercapai$"));
        assertThat(page.locator("#forecast-needed")).containsText("bulan tersisa sampai Desember " + year);
        assertThat(page.locator("#total-target-source")).containsText("target " + year);
        assertThat(page.locator("#publication")).containsText("Bulan berjalan");
        assertThat(page.locator("#denominator-note")).containsText("Sakernas");
        assertThat(page.locator("#coverage-children tr.child-row")).hasCount(14);
        assertThat(page.locator("#export-xlsx"))
                .hasAttribute("href", Pattern.compile(".*/cakupan/ekspor\\.xlsx\\?wilayah=61&bulan=\\d{4}-\\d\\d$"));
        assertThat(page.locator("#export-pdf"))
                .hasAttribute("href", Pattern.compile(".*/cakupan/laporan\\.pdf\\?wilayah=61&bulan=\\d{4}-\\d\\d$"));
        Locator ketapangRow = page.locator("#coverage-children tr.child-row[data-code='61.04']");
        assertThat(activeOf(ketapangRow)).isGreaterThanOrEqualTo(5);
        assertThat(ketapangRow.locator(".estimate")).hasText("perkiraan");

        page.locator("#coverage-map[data-ready=true]").waitFor();
        page.waitForFunction("() => document.querySelectorAll('#coverage-map svg path').length >= 14");
        Accessibility.assertNoSeriousViolations(page, "coverage dashboard with its map");
        assertThat((Boolean) page.evaluate("() => echarts.getInstanceByDom(document.getElementById('coverage-map'))"
                        + ".getOption().visualMap.length === 1"))
                .as("the map has a visualMap legend")
                .isTrue();
        assertThat(page.locator("#coverage-map svg text").filter(new Locator.FilterOptions().setHasText("0%")))
                .not()
                .hasCount(0);
        // the map is drawn in more than one colour: kab/kota filled, not a blank box
        assertThat(((Number) page.evaluate("() => new Set([...document.querySelectorAll('#coverage-map svg path')]"
                                + ".map(p => p.getAttribute('fill')).filter(f => f && f !== 'none')).size"))
                        .intValue())
                .isGreaterThan(1);
        page.waitForFunction(
                "() => document.querySelectorAll('#coverage-ranking svg path[fill=\"#0b7a3e\"]').length >= 14");
        // The legend's classes come from the data (quintiles), not a fixed scale; the trend is in percent only, on one
        // axis with the target, and the workers counted have a chart of their own.
        assertThat((String) page.evaluate("() => { const v = echarts.getInstanceByDom("
                        + "document.getElementById('coverage-map')).getOption().visualMap[0];"
                        + " const top = Math.max(0, ...[...document.querySelectorAll('#coverage-children tr.child-row')]"
                        + ".map(r => r.dataset.coverage).filter(c => c).map(Number)) / 100;"
                        + " return v.type + ' ' + (v.pieces.length >= 1 && v.pieces.length <= 5)"
                        + " + ' ' + (v.pieces[0].lte === (Math.ceil(top * 100) / 100 || 0.01)); }"))
                .isEqualTo("piecewise true true");
        assertThat((String) page.evaluate("() => { const o = echarts.getInstanceByDom("
                        + "document.getElementById('coverage-trend')).getOption();"
                        + " return o.yAxis.length + ' ' + o.series.map(s => s.type).join(','); }"))
                .isEqualTo("1 line,line");
        assertThat(
                        (String)
                                page.evaluate(
                                        "() => echarts.getInstanceByDom("
                                                + "document.getElementById('coverage-trend-active')).getOption().series.map(s => s.type).join()"))
                .isEqualTo("bar");
        session.screenshot(CoverageInBrowserTest.class, "coverage-province.png");

        // Last month has ended: it shows its published figure, and the late payments above as a revision of today.
        page.navigate("/cakupan?wilayah=61&bulan=" + start);
        assertThat(page.locator("#publication h2")).hasText("Angka terbit");
        assertThat(page.locator("#publication")).containsText("diterbitkan");
        assertThat(page.locator("#publication p.revision")).not().hasCount(0);
        page.navigate("/cakupan");
        page.locator("#coverage-map[data-ready=true]").waitFor();
        page.waitForFunction("() => document.querySelectorAll('#coverage-map svg path').length >= 14");

        // A click on Ketapang on the map opens Ketapang with its kecamatan.
        clickOnMap(KETAPANG_LNG_LAT);
        page.waitForURL(
                Pattern.compile(".*/cakupan\\?wilayah=61\\.04&bulan=\\d{4}-\\d\\d$"),
                new Page.WaitForURLOptions().setTimeout(30_000));
        assertThat(page.locator("#coverage-title")).containsText("Kabupaten Ketapang");
        assertThat(page.locator("#coverage-breadcrumb a.crumb")).hasText("Kalimantan Barat");
        assertThat(page.locator("#coverage-map")).hasCount(0);
        assertThat(page.locator("#children-section h2")).hasText("Kecamatan");
        Locator sandai = page.locator("#coverage-children tr.child-row[data-code='61.04.05']");
        assertThat(sandai).containsText("Sandai");
        assertThat(activeOf(sandai)).isGreaterThanOrEqualTo(4);
        assertThat(sandai.locator("td.coverage")).hasText("–");
        assertThat(page.locator("#children-no-denominator")).isVisible();
        assertThat(page.locator("#children-add-denominators")).hasAttribute("href", "/cakupan/penyebut");

        // Kecamatan denominators through the import page: a bad row refuses the whole file, naming row and column.
        page.locator("#tab-coverage-denominators").click();
        page.waitForURL(Pattern.compile(".*/cakupan/penyebut$"));
        assertThat(page.locator("#denominators")).containsText("Sakernas");
        assertThat(page.locator("#csv-example")).containsText("region_code;year;segment;workers;source;source_date");
        String header = "region_code;year;segment;workers;source;source_date\n";
        upload(
                "penyebut-salah.csv",
                header + "61.04.05;" + year + ";FORMAL;5;Uji BPS;" + year + "-01-15\n" + "61.04.05;" + year
                        + ";PETANI;15;Uji BPS;\n");
        Locator error = page.locator("#import-error-table tr.import-error");
        assertThat(error).hasCount(1);
        assertThat(error.locator("td").nth(0)).hasText("3");
        assertThat(error.locator("td").nth(1)).hasText("segment");
        assertThat(error.locator("td").nth(2)).containsText("PETANI");
        upload(
                "penyebut.csv",
                header + "61.04.05;" + year + ";FORMAL;5;Uji BPS;" + year + "-01-15\n"
                        + "61.04.05;" + year + ";INFORMAL;15;Uji BPS;\n"
                        + "61.04.08;" + year + ";INFORMAL;10;Uji BPS;\n");
        assertThat(page.locator("#import-outcome")).containsText("penyebut.csv");
        assertThat(page.locator("#import-rows")).hasText("3");
        assertThat(page.locator("#denominators tr.denominator-row[data-region='61.04.05']"))
                .hasCount(2);

        // Back on Ketapang: Sandai has a coverage now and a bar in the ranking; drill down to it.
        page.navigate("/cakupan?wilayah=61.04");
        assertThat(sandai.locator("td.coverage")).hasText(Pattern.compile("\\d+,\\d\\d%"));
        page.waitForFunction(
                "() => document.querySelectorAll('#coverage-ranking svg path[fill=\"#0b7a3e\"]').length >= 2");
        sandai.locator("a.drill").click();
        page.waitForURL(Pattern.compile(".*/cakupan\\?wilayah=61\\.04\\.05&bulan=.*"));
        assertThat(page.locator("#coverage-title")).containsText("Sandai");
        assertThat(page.locator("#coverage-breadcrumb a.crumb"))
                .hasText(new String[] {"Kalimantan Barat", "Kabupaten Ketapang"});
        assertThat(page.locator("#lowest-level")).isVisible();
        assertThat(page.locator("#coverage-children")).hasCount(0);
        assertThat(page.locator("#total-coverage")).hasText(Pattern.compile("\\d+,\\d\\d%"));
        assertThat(page.locator("#total-target-inherited")).hasText("ikut provinsi");
        assertThat(page.locator("#coverage-channel-table tr.channel-row[data-channel='AGENT']"))
                .containsText("Agen Perisai");
        page.waitForFunction("() => document.querySelectorAll('#coverage-trend svg path').length > 2");
        session.screenshot(CoverageInBrowserTest.class, "coverage-kecamatan.png");

        // A target with a decimal comma, then removed again (a far year, so nothing else sees it).
        page.locator("#tab-coverage-targets").click();
        page.locator("#target-region").selectOption("61.72");
        page.locator("#target-year").fill("2099");
        page.locator("#target-value").fill("12,5");
        page.locator("#target-source").fill("Uji peramban");
        page.locator("#target-submit").click();
        assertThat(page.locator("#flash")).containsText("12,50%");
        Locator target = page.locator("#targets tr.target-row[data-region='61.72'][data-year='2099']");
        assertThat(target.locator(".target-value")).hasText("12,50%");
        page.locator("#target-value").fill("12,345");
        page.locator("#target-year").fill("2099");
        page.locator("#target-source").fill("Uji peramban");
        page.locator("#target-submit").click();
        assertThat(page.locator("#coverage-errors")).containsText("dua angka desimal");
        target.locator("button.remove").click();
        assertThat(page.locator("#flash")).containsText("dihapus");
        assertThat(target).hasCount(0);

        // A Ketapang analyst: Ketapang only; Pontianak and the province are "not found".
        session.context().clearCookies();
        session.signIn("analis.ketapang");
        page.navigate("/cakupan");
        assertThat(page.locator("#coverage-title")).containsText("Kabupaten Ketapang");
        assertThat(page.locator("#coverage-breadcrumb a.crumb")).hasCount(0);
        List<String> offered = page.locator("#filter-region option").all().stream()
                .map(o -> o.getAttribute("value"))
                .toList();
        assertThat(offered).contains("61.04", "61.04.05").allMatch(code -> code.startsWith("61.04"));
        for (String outside : List.of("61.71", "61")) {
            Response response = page.navigate("/cakupan?wilayah=" + outside);
            assertThat(response.status()).isEqualTo(404);
            assertThat(page.locator("#problem")).containsText("Tidak ditemukan");
        }

        assertThat(session.pageErrors()).as("JavaScript errors in the pages").isEmpty();
    }

    /** Registers {@code count} workers in a desa and enrols each as BPU through the given channel. */
    private List<Long> enrolBpu(String desa, String kecamatanDigits, Channel channel, YearMonth start, int count) {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate birth = LocalDate.of(1980 + i, 3, 1 + i);
            long id = Workers.register(
                    participants,
                    Niks.nik(kecamatanDigits, birth, false),
                    "Uji Cakupan " + NAMES[i % NAMES.length],
                    birth,
                    desa,
                    OFFICER);
            ids.add(enrolment
                    .enrol(
                            new EnrolmentRequest(
                                    id,
                                    Segment.BPU,
                                    channel,
                                    Set.of(),
                                    null,
                                    1_500_000L,
                                    Sector.OTHER,
                                    false,
                                    start,
                                    null),
                            OFFICER)
                    .id());
        }
        return ids;
    }

    private void upload(String name, String csv) {
        page.locator("#denominator-file")
                .setInputFiles(new FilePayload(name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
        page.locator("#denominator-upload-submit").click();
        page.waitForLoadState();
    }

    /** Clicks the map where a longitude/latitude is drawn, like a user would. */
    private void clickOnMap(double[] lngLat) {
        Locator map = page.locator("#coverage-map");
        map.scrollIntoViewIfNeeded();
        @SuppressWarnings("unchecked")
        List<Number> xy = (List<Number>) map.evaluate(
                "(el, p) => echarts.getInstanceByDom(el)" + ".convertToPixel({ seriesIndex: 0 }, p)",
                List.of(lngLat[0], lngLat[1]));
        BoundingBox box = map.boundingBox();
        page.mouse().click(box.x + xy.get(0).doubleValue(), box.y + xy.get(1).doubleValue());
    }

    private static long activeOf(Locator row) {
        return Long.parseLong(row.getAttribute("data-active"));
    }
}
