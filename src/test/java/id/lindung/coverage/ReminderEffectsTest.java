package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.Payments;
import id.lindung.coverage.ReminderEffects.ReminderEffect;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.support.ApiClient;
import id.lindung.support.Niks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * "What reminders do" from a ledger state: three members of Kayong Utara reminded ("missed") on 2 November 2026;
 * one pays on day 3 (counts within 7 and 30 days), one on day 20 (only within 30), one never (neither). A reminder
 * that was never delivered reminds nobody; another kab/kota's scope sees none of them, on the page either.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReminderEffectsTest {

    private static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    private static final AtomicInteger SERIAL = new AtomicInteger(1);
    private static final LocalDate REMINDED = LocalDate.of(2026, 11, 2);

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    Payments payments;

    @Autowired
    ReminderEffects effects;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void paidOnDayThreeCountsInSevenAndThirtyDayTwentyOnlyInThirtyNeverInNeither() {
        reminded(REMINDED.plusDays(3), "DELIVERED");
        reminded(REMINDED.plusDays(20), "DELIVERED");
        reminded(null, "DELIVERED");
        reminded(REMINDED.plusDays(1), "FAILED");

        assertThat(effects.of("61"))
                .filteredOn(e -> e.kabKotaCode().equals("61.11"))
                .containsExactly(new ReminderEffect("61.11", "reminder-missed", 3, 1, 2));
        assertThat(effects.of("61.11.01")).containsExactly(new ReminderEffect("61.11", "reminder-missed", 3, 1, 2));
        assertThat(effects.of("61.04")).isEmpty();

        ApiClient.Response page = ApiClient.as(port, "analis.provinsi").getPage("/cakupan?wilayah=61.11");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("reminder-effect-table")
                .contains("Menunggak")
                .contains("Kayong Utara");
        ApiClient.Response other = ApiClient.as(port, "analis.ketapang").getPage("/cakupan");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.text()).doesNotContain("reminder-effect-table").contains("reminder-effect-none");
    }

    /** A BPU member of Kayong Utara reminded on {@link #REMINDED} (message status given), paying on that day. */
    private void reminded(@Nullable LocalDate paidOn, String status) {
        int n = SERIAL.getAndIncrement();
        LocalDate birth = LocalDate.of(1979, 5, n % 27 + 1);
        long id = participants
                .register(
                        new ParticipantDetails(
                                Niks.nik("611101", birth, false),
                                "Ahmad Effendi " + (char) ('A' + n),
                                birth,
                                Sex.L,
                                "61.11.01.2001",
                                "0812000099" + String.format("%02d", n),
                                "Nelayan",
                                null),
                        OFFICER)
                .participant()
                .id();
        long membership = enrolment
                .enrol(
                        new EnrolmentRequest(
                                id,
                                Segment.BPU,
                                Channel.AGENT,
                                Set.of(),
                                null,
                                2_000_000L,
                                Sector.OTHER,
                                false,
                                YearMonth.of(2026, 10),
                                null),
                        OFFICER)
                .id();
        jdbc.sql("""
                INSERT INTO outreach_message (channel, kind, dedupe_key, recipient_enc, recipient_hash, participant_id,
                                              region_code, body, status, delivered_at)
                VALUES ('SMS', 'reminder-missed', ?, '\\x00', '\\x00', ?, '61.11.01.2001', 'x', ?,
                        (?::date + time '09:00') AT TIME ZONE 'Asia/Pontianak')""")
                .params("reminder-missed:" + id + ":" + REMINDED, id, status, REMINDED.toString())
                .update();
        if (paidOn != null) {
            payments.pay(
                    new PaymentRequest(UUID.randomUUID().toString(), membership, 16_800L, paidOn, "test"), OFFICER);
        }
    }
}
