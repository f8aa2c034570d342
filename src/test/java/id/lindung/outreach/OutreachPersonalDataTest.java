package id.lindung.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.privacy.DataReport;
import id.lindung.privacy.DataReports;
import id.lindung.shared.retention.ExpiringData;
import id.lindung.support.Niks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outreach in a participant's data report (their reminder and a sign-in code sent to their phone, the code's text
 * never shown; another person's message not listed), and the retention of messages (older than the cutoff removed,
 * one being sent kept, opt-outs kept).
 */
@SpringBootTest
@ActiveProfiles("test")
class OutreachPersonalDataTest {

    private static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));

    @Autowired
    ParticipantManagement participants;

    @Autowired
    Outbox outbox;

    @Autowired
    DataReports reports;

    @Autowired
    List<ExpiringData> expiring;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReportListsTheMembersMessagesWithKindChannelAndDateButNeverACodesText() {
        long id = person("0812 3300 0001", 1);
        outbox.enqueue(new OutgoingMessage(
                Channel.SMS, "+6281233000001", "sign-in-code", "code-" + UUID.randomUUID(), "", "Kode 918273", true));
        outbox.enqueue(new OutgoingMessage(
                Channel.SMS, "081233000002", "sign-in-code", "code-" + UUID.randomUUID(), "", "Kode 555111", true));
        jdbc.sql("""
                INSERT INTO outreach_message (channel, kind, dedupe_key, recipient_enc, recipient_hash, participant_id,
                                              region_code, body)
                VALUES ('SMS', 'reminder-missed', ?, '\\x00', '\\x00', ?, '61.04.01.2011', 'Lindung: tunggakan Rp1')""").params("reminder-missed:" + id + ":test", id).update();

        LocaleContextHolder.setLocale(Locale.forLanguageTag("id"));
        DataReport report;
        try {
            report = reports.report(id, "JSON", OFFICER);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }

        DataReport.Section section = report.sections().stream()
                .filter(s -> s.code().equals("outreach"))
                .findFirst()
                .orElseThrow();
        assertThat(section.retentionCategory()).isEqualTo("outreach-messages");
        assertThat(section.entries()).hasSize(2);
        assertThat(section.entries())
                .extracting(DataReport.Entry::label)
                .containsExactlyInAnyOrder("Pengingat: menunggak", "sign-in-code");
        assertThat(section.entries())
                .allSatisfy(e -> assertThat(e.value())
                        .startsWith("SMS · ")
                        .doesNotContain("918273")
                        .doesNotContain("555111"));
        assertThat(section.entries()).anySatisfy(e -> assertThat(e.value()).contains("tunggakan Rp1"));
    }

    @Test
    void messagesPastTheirPeriodAreRemovedExceptOneBeingSentAndOptOutsStay() {
        String old = "old-" + UUID.randomUUID();
        String sending = "sending-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        insert(old, "DELIVERED", "2025-01-01T00:00:00Z");
        insert(sending, "SENDING", "2025-01-01T00:00:00Z");
        insert(fresh, "DELIVERED", "2026-12-01T00:00:00Z");
        outbox.optOut(Channel.SMS, "081233000009");
        long optOuts = jdbc.sql("SELECT count(*) FROM outreach_opt_out")
                .query(Long.class)
                .single();

        ExpiringData messages = expiring.stream()
                .filter(e -> e.category().equals("outreach-messages"))
                .findFirst()
                .orElseThrow();
        assertThat(messages.removeBefore(Instant.parse("2025-12-07T00:00:00Z"))).isGreaterThanOrEqualTo(1);

        assertThat(keys(old, sending, fresh)).containsExactlyInAnyOrder(sending, fresh);
        assertThat(jdbc.sql("SELECT count(*) FROM outreach_opt_out")
                        .query(Long.class)
                        .single())
                .isEqualTo(optOuts);
    }

    private void insert(String key, String status, String createdAt) {
        jdbc.sql("""
                INSERT INTO outreach_message (channel, kind, dedupe_key, recipient_enc, recipient_hash, body, status,
                                              created_at)
                VALUES ('SMS', 'test', ?, '\\x00', '\\x00', 'x', ?, ?::timestamptz)""").params(key, status, createdAt).update();
    }

    private List<String> keys(String... keys) {
        return jdbc.sql("SELECT dedupe_key FROM outreach_message WHERE dedupe_key = ANY (?)")
                .param(keys)
                .query(String.class)
                .list();
    }

    private long person(String phone, int day) {
        LocalDate birth = LocalDate.of(1990, 7, day);
        return participants
                .register(
                        new ParticipantDetails(
                                Niks.nik("610401", birth, true),
                                "Dewi Sartika",
                                birth,
                                Sex.P,
                                "61.04.01.2011",
                                phone,
                                "Penjahit",
                                null),
                        OFFICER)
                .participant()
                .id();
    }
}
