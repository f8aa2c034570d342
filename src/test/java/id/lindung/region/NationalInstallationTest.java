package id.lindung.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A national installation ({@code lindung.region.home-province} empty) starts, and its national users begin at the
 * country: the administrator is national, the coverage dashboard opens on the roll-up of the 38 provinces, the home
 * page counts per province without a map, and pickers offer every kab/kota of Indonesia. Province users of the same
 * installation stay inside their province. Its demo province is Kalimantan Selatan, whose demo users are added to
 * Kalimantan Barat's.
 */
@SpringBootTest(
        webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"lindung.region.home-province=", "lindung.demo.province=63"})
@ActiveProfiles("test")
class NationalInstallationTest {

    @Autowired
    private RegionDirectory regions;

    @Autowired
    private JdbcClient jdbc;

    @LocalServerPort
    private int port;

    @Test
    void nationalUsersStartAtTheCountry_provinceUsersStayInTheirProvince() {
        assertThat(jdbc.sql("SELECT region_scope FROM app_user WHERE username = 'admin'")
                        .query(String.class)
                        .single())
                .isEmpty();
        assertThat(jdbc.sql("SELECT username || '=' || region_scope FROM app_user WHERE username IN"
                                + " ('petugas.63', 'analis.63', 'analis.63.01', 'analis.nasional', 'petugas.kalbar')")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "petugas.63=63", "analis.63=63", "analis.63.01=63.01", "analis.nasional=", "petugas.kalbar=61");
        assertThat(regions.children("")).hasSize(38);
        assertThat(regions.kabKotaWithin("")).hasSize(514);
        assertThat(regions.kabKotaWithin("63")).hasSize(13);
        assertThat(regions.kabKotaWithin("61.04.05")).extracting(Region::code).containsExactly("61.04");
        assertThat(regions.nameOf("")).isEqualTo("Indonesia");
        assertThat(regions.hasKabKotaBoundaries("61")).isTrue();
        assertThat(regions.hasKabKotaBoundaries("63")).isFalse();

        ApiClient admin = ApiClient.as(port, "admin");
        Response dashboard = admin.getPage("/cakupan");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.text())
                .contains("Cakupan UCJ Indonesia")
                .contains("coverage-no-map")
                .contains("data-code=\"63\"")
                .contains("data-code=\"61\"");
        assertThat(admin.get("/api/coverage").json().path("children").size()).isEqualTo(38);

        Response home = admin.getPage("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text())
                .contains("id=\"no-map\"")
                .contains("Kalimantan Selatan")
                .contains("Papua");
        Response form = admin.getPage("/peserta/baru");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("Kota Banjarmasin").contains("Kabupaten Ketapang");

        assertThat(ApiClient.as(port, "analis.63")
                        .get("/api/coverage")
                        .json()
                        .path("region")
                        .path("code")
                        .asString())
                .isEqualTo("63");
        Response province = ApiClient.as(port, "analis.provinsi").get("/api/coverage");
        assertThat(province.json().path("region").path("code").asString()).isEqualTo("61");
        assertThat(ApiClient.as(port, "analis.provinsi")
                        .get("/api/coverage?region=0")
                        .status())
                .isEqualTo(404);
    }
}
