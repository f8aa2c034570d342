package id.lindung.browser;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.InBrowser;
import id.lindung.support.NetworkMeter;
import id.lindung.support.NetworkMeter.Transfer;
import id.lindung.support.NetworkMeter.Visit;
import id.lindung.support.Tags;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

/**
 * A page seen before costs a weak connection little (issue 18, point 2): for each role, every page its navigation
 * offers is opened twice in Chromium, counting the bytes over the wire as the developer tools do. The repeat visit
 * must stay under 100 KB and take no static file from the network (they are linked by their content's digest and
 * kept for a year); ECharts (about 1 MB, 0.35 MB compressed) is fetched only by pages that draw a chart, and then
 * compressed. Timings on an emulated Fast 3G are in docs/benchmarks.md ({@code PageWeightBenchmark}); this test
 * counts bytes only.
 */
@Tag(Tags.BROWSER)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PageWeightInBrowserTest extends InBrowser {

    private static final long REPEAT_LIMIT = 100 * 1024;

    private String user = "";

    @Override
    protected String screenshot() {
        return "page-weight-" + user + ".png";
    }

    @ParameterizedTest
    @ValueSource(strings = {"agen.ketapang", "petugas.kalbar", "bank.kalbar", "analis.provinsi", "admin"})
    void aRepeatVisitTransfersUnder100KbAndNoStaticFile(String username) {
        user = username;
        openBrowser();
        session.signIn(username);
        List<String> paths = NetworkMeter.navigation(page);
        assertThat(paths).as("the navigation of " + username).hasSizeGreaterThan(1);
        NetworkMeter meter = NetworkMeter.on(page);
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            Visit first = meter.visit(path);
            boolean drawsChart = page.locator(".chart").count() > 0;
            List<Transfer> charts = first.transfers().stream()
                    .filter(t -> t.url().contains("/echarts/"))
                    .toList();
            if (!drawsChart && !charts.isEmpty()) {
                problems.add(path + " fetches ECharts without drawing a chart");
            }
            charts.stream()
                    .filter(t -> t.bytes() > 450_000)
                    .forEach(t -> problems.add(path + " fetches ECharts uncompressed (" + t.bytes() + " bytes)"));

            Visit repeat = meter.visit(path);
            if (repeat.bytes() >= REPEAT_LIMIT) {
                problems.add("repeat visit of " + repeat.describe());
            }
            repeat.transfers().stream()
                    .filter(t -> t.bytes() > 0 && t.url().matches("https?://[^/]+/(css|js|webjars)/.*"))
                    .forEach(t -> problems.add(path + ": static file over the network again: " + t.url()));
        }
        assertThat(problems).as(username + " on " + paths).isEmpty();
    }
}
