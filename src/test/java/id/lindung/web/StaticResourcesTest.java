package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Static files are served from their explicit paths (StaticResources): Lindung's CSS and scripts, the webjars by
 * the versioned path the page writes and by the version-agnostic one; page links stay as written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class StaticResourcesTest {

    @LocalServerPort
    int port;

    @Test
    void cssScriptsAndWebjarsAreServedAndPageLinksAreLeftAlone() {
        // the administrator's home draws the registry's chart and map
        ApiClient admin = ApiClient.as(port, "admin");
        Response home = admin.getPage("/");
        assertThat(home.status()).isEqualTo(200);
        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js)\"")
                .matcher(home.text());
        assertThat(htmx.find()).as("the layout's htmx, with its version").isTrue();
        assertThat(home.text()).contains("href=\"/peserta\"", "src=\"/js/home-chart.js\"", "href=\"/css/lindung.css\"");

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
        assertThat(anonymous.get("/static/css/lindung.css").status())
                .as("only by its path")
                .isNotEqualTo(200);
    }
}
