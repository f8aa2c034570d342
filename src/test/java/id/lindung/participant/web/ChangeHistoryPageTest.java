package id.lindung.participant.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18, point 6: the participant page tells the change history in sentences, not the trail's JSON, and shows no
 * more than before: the NIK masked as the trail keeps it, the birth date only as its year to a role that sees
 * identities masked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ChangeHistoryPageTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";

    @LocalServerPort
    int port;

    @Test
    void theHistoryReadsAsSentencesAndHidesWhatThePageHides() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        long salt = System.nanoTime() % 10_000;
        LocalDate birth = LocalDate.of(1984, 5, 9).plusDays(salt % 200);
        String name = "Riwayat Uji Kalimat"; // the birth date and NIK make the worker new
        String nik = Niks.nik("610401", birth, false);
        long id = ApiFixtures.participantId(
                ApiFixtures.register(officer, nik, name, birth, "L", KETAPANG_DESA, "occupation", "Petani"));
        Response read = officer.get("/api/participants/" + id);
        Response changed = officer.put(
                "/api/participants/" + id,
                ApiFixtures.worker(
                        nik,
                        name,
                        birth,
                        "L",
                        KETAPANG_DESA,
                        "occupation",
                        "Nelayan",
                        "version",
                        read.json().path("version").asInt()));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);

        String officers = history(officer.getPage("/peserta/" + id).text());
        assertThat(officers)
                .contains("Pekerjaan diubah dari Petani menjadi Nelayan.")
                .contains("Status: Aktif.")
                .contains("Tanggal lahir: " + birth.getDayOfMonth() + " ")
                .contains("******")
                .doesNotContain("{\"")
                .doesNotContain("ACTIVE");

        String analysts = history(
                ApiClient.as(port, "analis.provinsi").getPage("/peserta/" + id).text());
        assertThat(analysts)
                .contains("Pekerjaan diubah dari Petani menjadi Nelayan.")
                .contains("Tanggal lahir: " + birth.getYear() + ".")
                .doesNotContain(birth.toString())
                .doesNotContain("{\"");
    }

    /** The history table of the page. */
    private static String history(String html) {
        int start = html.indexOf("id=\"history\"");
        assertThat(start).as("the history table").isPositive();
        return html.substring(start, html.indexOf("</table>", start));
    }
}
