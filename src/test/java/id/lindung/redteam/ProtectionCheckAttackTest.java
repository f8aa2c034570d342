package id.lindung.redteam;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.redteam.RedTeamSession.Answer;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * "Cek perlindungan" (issue 19) as an outsider tries it over real HTTP without signing in: a paid member answers
 * protected until the last paid day, an unpaid one not; an unknown NIK, a known NIK with a wrong birth date and a
 * NIK of the right shape that no one can hold answer byte for byte the same; the eleventh check of one NIK in an
 * hour is 429 even with the right birth date; the audit trail holds no NIK in clear. The test clock starts on
 * 2026-12-07. One test method: the limits are per address and every check here comes from the same one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProtectionCheckAttackTest {

    private static final String DESA = "61.04.01.2011";
    private static final String API = "/api/public/cek-perlindungan";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private Response check(String nik, Object birthDate) {
        return ApiClient.anonymous(port).post(API, json("nik", nik, "birthDate", birthDate.toString()));
    }

    @Test
    void answersOnlyProtectedAndUntil_theSameForUnknownAndWrongBirthDate_limitedAndAuditedWithoutTheNik() {
        ApiClient officer = ApiClient.as(port, "petugas.ketapang");
        LocalDate paidBirth = LocalDate.of(1985, 8, 3);
        String paidNik = Niks.nik(ApiFixtures.kecamatan(DESA), paidBirth, true);
        long paid =
                ApiFixtures.participantId(ApiFixtures.register(officer, paidNik, "Siti Aminah", paidBirth, "P", DESA));
        long paidMembership = ApiFixtures.enrolBpu(officer, paid, 1_000_000, "2026-12");
        Response payment = officer.post(
                "/api/payments", ApiFixtures.payment("CEK-2026-12-0001", paidMembership, 33_600, "2026-12-07"));
        assertThat(payment.status()).as(payment.text()).isEqualTo(201);

        LocalDate unpaidBirth = LocalDate.of(1990, 2, 14);
        String unpaidNik = Niks.nik(ApiFixtures.kecamatan(DESA), unpaidBirth, false);
        long unpaid = ApiFixtures.participantId(
                ApiFixtures.register(officer, unpaidNik, "Budi Santoso", unpaidBirth, "L", DESA));
        ApiFixtures.enrolBpu(officer, unpaid, 1_000_000, "2026-12");
        String unknownNik = Niks.nik(ApiFixtures.kecamatan(DESA), LocalDate.of(1979, 5, 5), false);
        long auditBefore = auditLines();

        // two months paid on the 7th of December: protected today and to the end of January
        Response protectedAnswer = check(paidNik, paidBirth);
        assertThat(protectedAnswer.status()).as(protectedAnswer.text()).isEqualTo(200);
        assertThat(protectedAnswer.json().path("protected").asBoolean()).isTrue();
        assertThat(protectedAnswer.json().path("protectedUntil").asString()).isEqualTo("2027-01-31");
        assertThat(protectedAnswer.json().path("message").asString())
                .isEqualTo("Terlindungi hari ini, sampai dengan 31 Januari 2027.");
        // nothing else: no name, no region, no membership
        assertThat(protectedAnswer.json().propertyNames()).containsExactly("protected", "protectedUntil", "message");
        assertThat(protectedAnswer.text()).doesNotContain("Siti", "61.04", paidNik);

        Response unpaidAnswer = check(unpaidNik, unpaidBirth);
        Response unknown = check(unknownNik, LocalDate.of(1979, 5, 5));
        Response wrongBirth = check(paidNik, paidBirth.plusDays(1));
        Response impossible = check("0000000000000000", "2000-01-01");
        for (Response r : List.of(unpaidAnswer, unknown, wrongBirth, impossible)) {
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.raw().headers().map()).doesNotContainKey("set-cookie");
        }
        assertThat(unknown.json().path("protected").asBoolean()).isFalse();
        assertThat(unknown.json().path("message").asString())
                .isEqualTo("Tidak ditemukan data perlindungan yang cocok: tidak terlindungi hari ini.");
        // byte for byte: a wrong birth date does not tell that the NIK is registered
        assertThat(wrongBirth.text()).isEqualTo(unknown.text());
        assertThat(impossible.text()).isEqualTo(unknown.text());
        assertThat(unpaidAnswer.text()).isEqualTo(unknown.text());
        // a body that is not a NIK and a date is refused before any lookup
        assertThat(check("12345", "2000-01-01").status()).isEqualTo(422);

        // the unpaid NIK had one check; nine wrong birth dates make ten; the eleventh is refused even when right
        for (int i = 1; i <= 9; i++) {
            assertThat(check(unpaidNik, unpaidBirth.plusDays(i)).status()).isEqualTo(200);
        }
        Response limited = check(unpaidNik, unpaidBirth);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("detail").asString())
                .isEqualTo("Terlalu banyak pemeriksaan. Silakan coba lagi dalam satu jam.");
        assertThat(limited.raw().headers().firstValue("Retry-After")).hasValue("3600");
        // another NIK from the same address is still answered
        assertThat(check(paidNik, paidBirth).json().path("protected").asBoolean())
                .isTrue();

        // the page: a public form posted with its CSRF token, the same answer
        RedTeamSession browser = RedTeamSession.anonymous(port);
        Answer form = browser.page("/cek-perlindungan");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("Cek perlindungan", "name=\"nik\"", "name=\"birthDate\"");
        Answer page = browser.post(
                "/cek-perlindungan",
                false,
                "application/x-www-form-urlencoded",
                ("nik=" + paidNik + "&birthDate=" + paidBirth).getBytes(StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Terlindungi hari ini, sampai dengan 31 Januari 2027.");
        assertThat(page.text()).doesNotContain("Siti");

        // 17 checks, each one audit line; no NIK anywhere in the trail
        assertThat(auditLines() - auditBefore).isEqualTo(17);
        for (String nik : List.of(paidNik, unpaidNik, unknownNik)) {
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PROTECTION_CHECKED'"
                                    + " AND (entity_id LIKE ? OR changes::text LIKE ?)")
                            .params("%" + nik + "%", "%" + nik + "%")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
    }

    private long auditLines() {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PROTECTION_CHECKED'")
                .query(Long.class)
                .single();
    }
}
