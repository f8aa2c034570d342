package id.lindung.coverage;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The coverage API over real HTTP: region scope, who may edit, and errors that name the row and column. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CoverageApiTest {

    @LocalServerPort
    int port;

    @Test
    void eachUserSeesTheirRegion_onlyAnalystsAndAdministratorsEdit_andBadRowsAreNamed() {
        ApiClient ketapang = ApiClient.as(port, "analis.ketapang");
        Response own = ketapang.get("/api/coverage");
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(own.json().path("region").path("code").asString()).isEqualTo("61.04");
        assertThat(own.json().path("segments").size()).isEqualTo(3);
        assertThat(own.json().path("total").path("denominatorEstimated").asBoolean())
                .isTrue();
        assertThat(ketapang.get("/api/coverage?region=61.71").status()).isEqualTo(404);
        assertThat(ketapang.get("/api/coverage?region=61").status()).isEqualTo(404);
        assertThat(ketapang.get("/api/coverage?month=2026-13")
                        .json()
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("coverage.month.format");

        Response province = ApiClient.as(port, "petugas.kalbar").get("/api/coverage?region=61");
        assertThat(province.json().path("children").size()).isEqualTo(14);
        assertThat(province.json().path("total").path("denominator").asLong()).isEqualTo(1_819_430L);

        assertThat(ApiClient.as(port, "petugas.kalbar")
                        .put("/api/coverage/targets/61.04/2027", json("target", 6500, "source", "uji"))
                        .status())
                .isEqualTo(403);
        Response set = ketapang.put(
                "/api/coverage/targets/61.04/2027", json("target", 6500, "source", "Perbup Ketapang (uji API)"));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().path("target").asInt()).isEqualTo(6500);
        assertThat(ketapang.delete("/api/coverage/targets/61.04/2027").status()).isEqualTo(204);

        Response refused = ketapang.postMultipart(
                "/api/coverage/denominators",
                Map.of(),
                "file",
                "penyebut.csv",
                (CoverageDenominators.HEADER + "\n61.04.02;2025;FORMAL;banyak;\"BPS; Sakernas, Agustus\";\n")
                        .getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().path("errors").path(0).path("field").asString())
                .isEqualTo("rows[2].workers");
        assertThat(refused.json().path("errors").path(0).path("message").asString())
                .contains("banyak");
        assertThat(refused.json().path("errors").size())
                .as("the quoted source is one field")
                .isEqualTo(1);

        assertThat(ketapang.post("/api/coverage/rebuild", "{}").status()).isEqualTo(403);
        Response rebuilt = ApiClient.as(port, "admin").post("/api/coverage/rebuild", "{}");
        assertThat(rebuilt.status()).as(rebuilt.text()).isEqualTo(200);
        assertThat(rebuilt.json().path("lastMonth").asString()).isNotBlank();
    }

    @Test
    void theExportsAreDownloadsOfTheRegionAsked_andAMonthThatIsNoMonthIsRefused() throws Exception {
        ApiClient analyst = ApiClient.as(port, "analis.provinsi");
        java.net.http.HttpResponse<byte[]> xlsx = analyst.getBytes("/cakupan/ekspor.xlsx?wilayah=61.04");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment; filename=\"cakupan-61.04-");
        try (var workbook =
                new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getFirstSheet().read())
                    .anySatisfy(row -> assertThat(row.getCellText(1)).contains("Ketapang"));
        }
        java.net.http.HttpResponse<byte[]> pdf = analyst.getBytes("/cakupan/laporan.pdf?wilayah=61");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Kalimantan Barat")
                    .contains("1.819.430");
        }
        assertThat(ApiClient.as(port, "analis.ketapang")
                        .getBytes("/cakupan/laporan.pdf?wilayah=61.71")
                        .statusCode())
                .isEqualTo(404);
        assertThat(analyst.getBytes("/cakupan/ekspor.xlsx?bulan=10-2026").statusCode())
                .isEqualTo(400);
    }
}
