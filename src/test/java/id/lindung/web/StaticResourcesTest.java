package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Static files are served from their explicit paths (StaticResources): Lindung's CSS and scripts, the webjars by
 * the versioned path the page writes and by the version-agnostic one; page links stay as written. Pages link every
 * file by a name carrying its content's MD5, which the browser may keep for a year; the plain name must be
 * revalidated. Static files travel gzip-compressed when the browser accepts it; pages and API answers never do
 * (BREACH: they carry CSRF tokens and personal data beside what a request reflects).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaticResourcesTest {

    private static final Pattern LINKED_FILE = Pattern.compile("(?:src|href)=\"(/(?:css|js|webjars)/[^\"]+)\"");
    private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.(?:js|css)$");

    @LocalServerPort
    int port;

    @Test
    void cssScriptsAndWebjarsAreServedAndPageLinksAreLeftAlone() {
        // the administrator's home draws the registry's chart and map
        ApiClient admin = ApiClient.as(port, "admin");
        Response home = admin.getPage("/");
        assertThat(home.status()).isEqualTo(200);
        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min-[0-9a-f]{32}\\.js)\"")
                .matcher(home.text());
        assertThat(htmx.find())
                .as("the layout's htmx, with its version and its content's digest")
                .isTrue();
        assertThat(home.text()).contains("href=\"/peserta\"");
        assertThat(home.text()).containsPattern("href=\"/css/lindung-[0-9a-f]{32}\\.css\"");

        ApiClient anonymous = ApiClient.anonymous(port);
        for (String path : new String[] {
            htmx.group(1),
            "/webjars/htmx.org/dist/htmx.min.js",
            "/webjars/echarts/dist/echarts.min.js",
            "/css/lindung.css",
            "/js/home-chart.js"
        }) {
            Response file = anonymous.get(path);
            assertThat(file.status()).as(path).isEqualTo(200);
            assertThat(file.text()).as(path).hasSizeGreaterThan(100);
        }
        assertThat(anonymous.get("/css/tidak-ada.css").status()).isEqualTo(404);
        assertThat(anonymous
                        .get("/css/lindung-0123456789abcdef0123456789abcdef.css")
                        .status())
                .as("a digest that is not the content's")
                .isEqualTo(404);
        assertThat(anonymous.get("/static/css/lindung.css").status())
                .as("only by its path")
                .isNotEqualTo(200);
    }

    @Test
    void everyFileAPageLinksIsVersionedKeptForAYearAndCompressed() throws IOException {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        List<String> linked = new ArrayList<>();
        for (String page : new String[] {"/", "/peserta", "/cakupan", "/klaim"}) {
            Matcher m = LINKED_FILE.matcher(officer.getPage(page).text());
            while (m.find()) {
                linked.add(m.group(1));
            }
        }
        assertThat(linked).as("files linked by the pages").isNotEmpty();
        ApiClient gzip = ApiClient.anonymous(port).withHeader("Accept-Encoding", "gzip");
        for (String path : linked) {
            assertThat(path).as("linked by its content's digest").matches(VERSIONED);
            HttpResponse<byte[]> r = gzip.getBytes(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Cache-Control").orElse(""))
                    .as(path)
                    .isEqualTo("public, max-age=31536000, immutable");
            assertThat(r.headers().allValues("Pragma")).as(path).isEmpty();
            if (r.body().length > 1024) {
                assertThat(r.headers().firstValue("Content-Encoding").orElse(""))
                        .as(path)
                        .isEqualTo("gzip");
                String text = new String(
                        new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
                assertThat(text.length()).as(path + " unpacked").isGreaterThan(r.body().length);
            }
        }

        HttpResponse<byte[]> echarts = gzip.getBytes("/webjars/echarts/dist/echarts.min.js");
        assertThat(echarts.headers().firstValue("Cache-Control").orElse(""))
                .as("a file by its plain name may change with a release")
                .isEqualTo("no-cache");
        assertThat(echarts.headers().firstValue("Content-Encoding").orElse("")).isEqualTo("gzip");
        assertThat(echarts.body().length).as("ECharts compressed").isLessThan(450_000);
    }

    @Test
    void pagesAndApiAnswersAreNeverCompressed() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar").withHeader("Accept-Encoding", "gzip");
        for (String path : new String[] {"/", "/peserta", "/api/regions/61/children"}) {
            HttpResponse<byte[]> r = officer.getBytes(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Encoding")).as(path).isEmpty();
        }
    }
}
