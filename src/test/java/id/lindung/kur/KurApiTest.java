package id.lindung.kur;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.Niks;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Banks over real HTTP with their own API tokens: each sends its file and reads back only its own loans; another
 * bank's file and loans stay out of reach; the error report names line and column.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class KurApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String token(String username) {
        Response issued = ApiClient.as(port, username).post("/api/tokens", json("name", "H2H " + username));
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        return issued.json().path("token").asString();
    }

    private static byte[] file(String bank, String loan, String nik, String region) {
        return ("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n" + bank + ";Cabang;"
                        + loan + ";" + nik + ";Debitur " + loan + ";MIKRO;50000000;2026-10-02;Perdagangan;" + region
                        + "\n"
                        + bank + ";Cabang;" + loan + "-B;" + nik + ";Debitur;MIKRO;999;2026-10-02;;" + region + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBankCredentialReadsOnlyItsOwnBanksRows() {
        // a second bank's officer, with the demo password, acting for BRI
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, display_name, role, region_scope)
                SELECT 'bank.bri.test', password_hash, 'BRI Ketapang', 'BANK_OFFICER', '61' FROM app_user
                 WHERE username = 'bank.kalbar' ON CONFLICT (username) DO NOTHING""").update();
        jdbc.sql("INSERT INTO kur_bank_user VALUES ('bank.bri.test', 'BRI') ON CONFLICT DO NOTHING")
                .update();
        ApiClient kalbar = ApiClient.withBearer(port, token("bank.kalbar"));
        ApiClient bri = ApiClient.withBearer(port, token("bank.bri.test"));
        String suffix = Long.toString(System.nanoTime() % 1_000_000);

        Response kalbarFile = kalbar.postMultipart(
                "/api/kur/files",
                Map.of(),
                "file",
                "kalbar.csv",
                file("KALBAR", "KB-" + suffix, Niks.nik("610401", LocalDate.of(1990, 5, 5), false), "61.04"),
                "text/csv");
        Response briFile = bri.postMultipart(
                "/api/kur/files",
                Map.of(),
                "file",
                "bri.csv",
                file("BRI", "BRI-" + suffix, Niks.nik("617101", LocalDate.of(1991, 6, 6), true), "61.71"),
                "text/csv");

        assertThat(kalbarFile.status()).as(kalbarFile.text()).isEqualTo(201);
        assertThat(briFile.status()).as(briFile.text()).isEqualTo(201);
        assertThat(kalbarFile.json().path("inserted").asInt()).isEqualTo(1);
        assertThat(kalbarFile.json().path("rejected").asInt()).isEqualTo(1);
        long kalbarFileId = kalbarFile.json().path("fileId").asLong();

        Response kalbarLoans = kalbar.get("/api/kur/loans?size=200");
        assertThat(kalbarLoans.json().path("items").findValuesAsString("bankCode"))
                .isNotEmpty()
                .containsOnly("KALBAR");
        Response briLoans = bri.get("/api/kur/loans?size=200");
        assertThat(briLoans.json().path("items").findValuesAsString("bankCode")).containsOnly("BRI");
        assertThat(bri.get("/api/kur/loans?bank=KALBAR").status()).isEqualTo(403);
        assertThat(bri.get("/api/kur/files/" + kalbarFileId).status()).isEqualTo(404);
        assertThat(bri.get("/api/kur/files/" + kalbarFileId + "/errors.csv").status())
                .isEqualTo(404);
        Response officer = ApiClient.as(port, "petugas.kalbar").get("/api/kur/loans?size=200");
        assertThat(officer.json().path("items").findValuesAsString("bankCode")).contains("KALBAR", "BRI");

        HttpResponse<byte[]> report = kalbar.getBytes("/api/kur/files/" + kalbarFileId + "/errors.csv");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(new String(report.body(), StandardCharsets.UTF_8))
                .contains("3;plafond;kur.plafond.range;")
                .contains("di luar rentang skema MIKRO");
    }
}
