package id.lindung.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/** The Flyway migration loads every shipped region code, the population and the boundaries; the API serves them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegionReferenceDataTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegionDirectory regions;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void loadsAllNinetyOneThousandFiveHundredNinetyNineRegionCodes() {
        assertThat(count("SELECT count(*) FROM region")).isEqualTo(91_599);
        assertThat(count("SELECT count(*) FROM region WHERE level = 1")).isEqualTo(38);
        assertThat(count("SELECT count(*) FROM region WHERE level = 2")).isEqualTo(514);
        assertThat(count("SELECT count(*) FROM region WHERE level = 3")).isEqualTo(7_285);
        assertThat(count("SELECT count(*) FROM region WHERE level = 4")).isEqualTo(83_762);
        // every code below a province hangs under an existing parent
        assertThat(count("SELECT count(*) FROM region r WHERE r.parent_code IS NOT NULL"
                        + " AND NOT EXISTS (SELECT 1 FROM region p WHERE p.code = r.parent_code)"))
                .isZero();
    }

    @Test
    void kalimantanBaratHasFourteenKabKotaWhosePopulationAddsUpToTheProvince() {
        List<Region> kabKota = regions.children("61");
        assertThat(kabKota).hasSize(14);
        assertThat(kabKota).extracting(Region::name).contains("Kabupaten Ketapang", "Kota Pontianak");
        long sum = kabKota.stream()
                .mapToLong(r -> regions.population(r.code()).orElseThrow().total())
                .sum();
        assertThat(sum)
                .isEqualTo(5_646_268)
                .isEqualTo(regions.population("61").orElseThrow().total());
        assertThat(regions.population("61.04").orElseThrow().total()).isEqualTo(583_541);
    }

    @Test
    void keepsNamesWithCommasIntact() {
        assertThat(regions.nameOf("12.07.28.1007")).isEqualTo("Lubuk Pakam I,II");
    }

    @Test
    void servesProvincesChildrenAndOneRegionOverHttp() {
        ApiClient anonymous = ApiClient.anonymous(port);
        assertThat(anonymous.get("/api/regions").json().size()).isEqualTo(38);
        JsonNode ketapang = anonymous.get("/api/regions/61.04").json();
        assertThat(ketapang.path("name").asString()).isEqualTo("Kabupaten Ketapang");
        assertThat(ketapang.path("level").asString()).isEqualTo("KABKOTA");
        assertThat(ketapang.path("parentCode").asString()).isEqualTo("61");
        JsonNode kecamatan = anonymous.get("/api/regions/61.04/children").json();
        assertThat(kecamatan.get(0).path("code").asString()).isEqualTo("61.04.01");
        assertThat(kecamatan.get(0).path("name").asString()).isEqualTo("Matan Hilir Utara");
        assertThat(anonymous.get("/api/regions/61.99").status()).isEqualTo(404);
        assertThat(anonymous
                        .get("/api/regions/61.04/population")
                        .json()
                        .path("total")
                        .asLong())
                .isEqualTo(583_541);
    }

    @Test
    void servesTheKabKotaBoundariesOfAProvinceAsGeoJson() {
        Response r = ApiClient.anonymous(port).get("/api/regions/61/boundaries");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/geo+json"));
        assertThat(r.json().path("type").asString()).isEqualTo("FeatureCollection");
        List<String> codes = new ArrayList<>();
        r.json()
                .path("features")
                .forEach(f -> codes.add(f.path("properties").path("code").asString()));
        assertThat(codes).hasSize(14).contains("61.04", "61.71");
        assertThat(r.json()
                        .path("features")
                        .get(0)
                        .path("geometry")
                        .path("type")
                        .asString())
                .isIn("Polygon", "MultiPolygon");
        assertThat(ApiClient.anonymous(port).get("/api/regions/99/boundaries").status())
                .isEqualTo(404);
    }
}
