package id.lindung.contribution;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 point 7, over HTTP: the bank payment file names the membership by what a bank or an officer knows — the
 * membership number, the virtual account number or the NIK — and every error names its line and the column as the
 * file's header spells it. The attacker's side: a number, VA or NIK of another kab/kota reads exactly as one that
 * does not exist ("tidak ditemukan di wilayah Anda"), a mistyped number is refused by its check digit instead of
 * paying someone else, a NIK with two open memberships is refused asking for the number, and the same file twice
 * changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaymentFileByWhatBanksKnowTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final String PONTIANAK_DESA = "61.71.01.1002";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    VirtualAccounts virtualAccounts;

    private final String today = LocalDate.now(TestClock.CLOCK).toString();

    private record Member(String nik, long membership, String number) {}

    private Member member(ApiClient officer, String desa) {
        LocalDate birth = LocalDate.of(1980, 1, 1).plusDays(System.nanoTime() % 3000);
        String nik = Niks.nik(ApiFixtures.kecamatan(desa), birth, false);
        long participant =
                ApiFixtures.participantId(ApiFixtures.register(officer, nik, "Pembayar Uji", birth, "L", desa));
        long membership = ApiFixtures.enrolBpu(officer, participant, 1_000_000, today.substring(0, 7));
        return new Member(nik, membership, number(membership));
    }

    private String number(long membership) {
        return jdbc.sql("SELECT membership_number FROM membership WHERE id = ?")
                .param(membership)
                .query(String.class)
                .single();
    }

    @Test
    void aBankPaysByMembershipNumberVirtualAccountOrNik() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        Member byNumber = member(officer, KETAPANG_DESA);
        Member byVa = member(officer, KETAPANG_DESA);
        Member byNik = member(officer, KETAPANG_DESA);
        assertThat(byNumber.number()).matches("2\\d{10}").isNotEqualTo(byVa.number());
        String va = virtualAccounts.number(byVa.number());
        assertThat(va).hasSize(19).startsWith("   88108").endsWith(byVa.number());

        ApiClient ketapang = ApiClient.as(port, "petugas.ketapang");
        assertThat(upload(
                                ketapang,
                                "Reference;Membership_Number;Amount;Paid_On\n" + ref() + ";" + byNumber.number()
                                        + ";16800;" + today + "\n")
                        .status())
                .isEqualTo(200);
        // the VA with its padding, and as a spreadsheet keeps it (leading spaces gone)
        assertThat(upload(
                                ketapang,
                                "reference,virtual_account,amount,paid_on\n" + ref() + ",\"" + va + "\",16800," + today
                                        + "\n" + ref() + "," + va.strip() + ",16800," + today + "\n")
                        .status())
                .isEqualTo(200);
        String nikFile = "reference;nik;amount;paid_on\n" + ref() + ";" + byNik.nik() + ";16800;" + today + "\n";
        assertThat(upload(ketapang, nikFile).status()).isEqualTo(200);
        assertThat(payments(byNumber.membership())).isEqualTo(1);
        assertThat(payments(byVa.membership())).isEqualTo(2);
        assertThat(payments(byNik.membership())).isEqualTo(1);

        // the same file twice changes nothing
        Response again = upload(ketapang, nikFile);
        assertThat(again.json().path("replayed").asBoolean()).isTrue();
        assertThat(payments(byNik.membership())).isEqualTo(1);

        // the number and the VA are on the statement
        String statement = ketapang.getPage("/kepesertaan/" + byVa.membership()).text();
        assertThat(statement).contains(byVa.number()).contains(va.strip());
    }

    @Test
    void keysOutsideTheScopeReadAsUnknownAndAmbiguousOrMistypedOnesAreRefused() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        Member ketapang = member(officer, KETAPANG_DESA);
        Member pontianak = member(officer, PONTIANAK_DESA);
        Member twice = member(officer, KETAPANG_DESA);
        jdbc.sql("""
                INSERT INTO membership (participant_id, segment, channel, programmes, start_month, region_code,
                                        contract_months)
                SELECT participant_id, 'PMI', channel, programmes, start_month, region_code, 24 FROM membership
                 WHERE id = ?""").param(twice.membership()).update();
        ApiClient uploader = ApiClient.as(port, "petugas.ketapang");

        // Pontianak's membership number, VA and NIK from Ketapang: as unknown as a number nobody holds
        String nobody = luhnNumber(999_999_990L);
        Response outside = upload(
                uploader,
                "reference;membership_number;amount;paid_on\n" + ref() + ";" + pontianak.number() + ";16800;" + today
                        + "\n" + ref() + ";" + nobody + ";16800;" + today + "\n");
        assertThat(outside.status()).as(outside.text()).isEqualTo(422);
        assertThat(errors(outside))
                .containsExactly(
                        "rows[2].membership_number: " + pontianak.number() + " tidak ditemukan di wilayah Anda.",
                        "rows[3].membership_number: " + nobody + " tidak ditemukan di wilayah Anda.");
        Response outsideVa = upload(
                uploader,
                "reference;Virtual_Account;amount;paid_on\n" + ref() + ";" + virtualAccounts.number(pontianak.number())
                        + ";16800;" + today + "\n");
        assertThat(errors(outsideVa))
                .singleElement()
                .asString()
                .startsWith("rows[2].Virtual_Account: ")
                .endsWith("tidak ditemukan di wilayah Anda.");
        Response outsideNik = upload(
                uploader, "reference;NIK;amount;paid_on\n" + ref() + ";" + pontianak.nik() + ";16800;" + today + "\n");
        assertThat(errors(outsideNik))
                .containsExactly("rows[2].NIK: " + pontianak.nik().substring(0, 6) + "******"
                        + pontianak.nik().substring(12) + " tidak ditemukan di wilayah Anda.");
        assertThat(outsideNik.text()).doesNotContain(pontianak.nik()).doesNotContain("Pontianak");

        // a NIK with two open memberships: the number decides; a mistyped number fails its check digit
        String typo = ketapang.number().substring(0, 9)
                + ketapang.number().charAt(10)
                + ketapang.number().charAt(9);
        String bad = ketapang.number().charAt(9) == ketapang.number().charAt(10)
                ? ketapang.number().substring(0, 10) + ((ketapang.number().charAt(10) - '0' + 1) % 10)
                : typo;
        Response refused = upload(
                uploader, "reference;nik;amount;paid_on\n" + ref() + ";" + twice.nik() + ";16800;" + today + "\n");
        assertThat(errors(refused))
                .singleElement()
                .asString()
                .startsWith("rows[2].nik: ")
                .contains("lebih dari satu kepesertaan aktif")
                .contains("nomor kepesertaan");
        Response mistyped = upload(
                uploader,
                "reference;membership_number;amount;paid_on\n" + ref() + ";" + bad + ";16800;" + today + "\n");
        assertThat(errors(mistyped))
                .singleElement()
                .asString()
                .startsWith("rows[2].membership_number: Nomor kepesertaan \"" + bad + "\" tidak valid");
        // one key column, not two
        Response two = upload(
                uploader,
                "reference;nik;membership_number;amount;paid_on\n" + ref() + ";" + ketapang.nik() + ";"
                        + ketapang.number() + ";16800;" + today + "\n");
        assertThat(two.status()).isEqualTo(422);
        assertThat(payments(ketapang.membership()) + payments(pontianak.membership()) + payments(twice.membership()))
                .isZero();

        // the internal id still works, and is just as blind outside the scope
        Response byId = upload(
                uploader,
                "reference;membership_id;amount;paid_on\n" + ref() + ";" + pontianak.membership() + ";16800;" + today
                        + "\n");
        assertThat(errors(byId))
                .containsExactly(
                        "rows[2].membership_id: " + pontianak.membership() + " tidak ditemukan di wilayah Anda.");
    }

    private static String luhnNumber(long serial) {
        String body = "2" + String.format("%09d", serial);
        int total = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            total += d;
        }
        return body + (10 - total % 10) % 10;
    }

    private Response upload(ApiClient client, String csv) {
        return client.postMultipart(
                "/api/payment-files",
                Map.of(),
                "file",
                "bank-" + System.nanoTime() + ".csv",
                csv.getBytes(StandardCharsets.UTF_8),
                "text/csv");
    }

    private static List<String> errors(Response r) {
        List<String> out = new ArrayList<>();
        r.json()
                .path("errors")
                .forEach(e -> out.add(
                        e.path("field").asString() + ": " + e.path("message").asString()));
        return out;
    }

    private long payments(long membership) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE membership_id = ?")
                .param(membership)
                .query(Long.class)
                .single();
    }

    private static String ref() {
        return "TRX-" + System.nanoTime();
    }
}
