package id.lindung.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Uploads are checked by content and size before anything reads them, over real HTTP at the upload endpoints: an
 * executable or a ZIP renamed {@code .csv} is refused naming the field, a text file named {@code .xlsx} too, a file
 * above its kind's limit with the sizes in words; a real CSV still passes the check.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class UploadCheckTest {

    private static final String DENOMINATORS = "region_code;year;segment;workers;source;source_date\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anExecutableOrAZipRenamedCsvIsRefusedNamingTheField() throws Exception {
        ApiClient admin = ApiClient.as(port, "admin");
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        Arrays.fill(exe, 64, 128, (byte) 0x90);
        byte[] zip = zip("penyebut.csv", DENOMINATORS);

        for (byte[] content : new byte[][] {exe, zip}) {
            Response r = admin.postMultipart(
                    "/api/coverage/denominators", Map.of(), "file", "penyebut.csv", content, "text/csv");
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
            assertThat(r.json().path("errors").get(0).path("code").asString()).isEqualTo("upload.not-csv");
            assertThat(r.json().path("detail").asString()).contains("bukan teks CSV");
        }
        Response payment = admin.postMultipart("/api/payment-files", Map.of(), "file", "bayar.csv", exe, "text/csv");
        assertThat(payment.status()).isEqualTo(422);
        assertThat(payment.json().path("errors").get(0).path("code").asString()).isEqualTo("upload.not-csv");

        Response kur = admin.postMultipart("/api/kur/files", Map.of(), "file", "kur.csv", zip, "text/csv");
        assertThat(kur.status()).isEqualTo(422);
        assertThat(kur.json().path("errors").get(0).path("code").asString()).isEqualTo("upload.not-csv-or-xlsx");
        Response notXlsx = admin.postMultipart(
                "/api/kur/files",
                Map.of(),
                "file",
                "kur.xlsx",
                "bank;loan_id\n".getBytes(StandardCharsets.UTF_8),
                "application/octet-stream");
        assertThat(notXlsx.status()).isEqualTo(422);
        assertThat(notXlsx.json().path("errors").get(0).path("code").asString()).isEqualTo("upload.not-xlsx");

        Response sponsorship = admin.postMultipart(
                "/api/sponsorship/programmes/1/beneficiaries", Map.of(), "file", "penerima.csv", exe, "text/csv");
        assertThat(sponsorship.status()).isEqualTo(422);
        assertThat(sponsorship.json().path("errors").get(0).path("field").asString())
                .isEqualTo("file");
    }

    @Test
    void aFileAboveItsKindsLimitIsRefusedWithTheSizes() {
        StringBuilder csv = new StringBuilder(DENOMINATORS);
        while (csv.length() < 6 * 1024 * 1024) {
            csv.append("61.04.05;2025;FORMAL;5;Uji BPS;2025-01-15\n");
        }
        Response r = ApiClient.as(port, "admin")
                .postMultipart(
                        "/api/coverage/denominators",
                        Map.of(),
                        "file",
                        "penyebut.csv",
                        csv.toString().getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
        assertThat(r.json().path("detail").asString()).contains("Berkas terlalu besar: 6,0 MB; paling besar 5 MB");
    }

    @Test
    void aRealCsvPassesTheCheck() {
        // a year no other test looks at, removed again: the database is shared by the tests of this context
        try {
            Response r = ApiClient.as(port, "admin")
                    .postMultipart(
                            "/api/coverage/denominators",
                            Map.of(),
                            "file",
                            "penyebut.csv",
                            ("\uFEFF" + DENOMINATORS + "61.04.05;2001;FORMAL;5;Uji unggah;2001-01-15\n")
                                    .getBytes(StandardCharsets.UTF_8),
                            "text/csv");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
        } finally {
            jdbc.sql("DELETE FROM coverage_denominator WHERE year = 2001 AND source = 'Uji unggah'")
                    .update();
        }
    }

    @Test
    void textIsUtf8WithoutNulOrABinarySignature() {
        assertThat(UploadCheck.isText("nik;nama\n6104;Ä€\n".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(UploadCheck.isText("nik;nama\n6104;\u00c4".getBytes(StandardCharsets.ISO_8859_1)))
                .isFalse();
        assertThat(UploadCheck.isText("a;b\0c".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(UploadCheck.isText("%PDF-1.7\n".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        // a full first block may end in the middle of a character
        byte[] block = new byte[UploadCheck.SNIFF_BYTES];
        Arrays.fill(block, (byte) 'a');
        block[block.length - 1] = (byte) 0xC3;
        assertThat(UploadCheck.isText(block)).isTrue();
    }

    private static byte[] zip(String name, String content) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
