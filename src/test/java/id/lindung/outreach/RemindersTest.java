package id.lindung.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.Dues;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.shared.crypto.Vault;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Reminders from a ledger state (business day 7 December 2026; a BPU bill falls due on the 15th of its month): a
 * member who left November unpaid gets exactly one "missed" reminder, however often the day's run repeats; a
 * paid-up member none; a member who opted out none; the text is Indonesian with the unsubscribe word.
 */
@SpringBootTest
@ActiveProfiles("test")
class RemindersTest {

    private static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    private static final AtomicInteger SERIAL = new AtomicInteger(1);
    private static final String[] NAMES = {"Rahayu", "Lestari", "Wulandari", "Handayani"};

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    Payments payments;

    @Autowired
    Dues dues;

    @Autowired
    Reminders reminders;

    @Autowired
    Outbox outbox;

    @Autowired
    Vault vault;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMissedMonthGetsOneMissedReminderADayAndAPaidUpMemberNone() {
        long missed = member("081200000001", false);
        long paidUp = member("081200000002", true);
        long optedOut = member("081200000003", false);
        outbox.optOut(id.lindung.outreach.Channel.SMS, "081200000003");

        reminders.generate();
        reminders.generate();

        assertThat(kinds(missed)).containsExactly("reminder-missed");
        assertThat(kinds(paidUp)).isEmpty();
        assertThat(kinds(optedOut)).isEmpty();
        String body = jdbc.sql("SELECT body FROM outreach_message WHERE participant_id = ?")
                .param(missed)
                .query(String.class)
                .single();
        assertThat(body).contains("belum dibayar").contains("Balas BERHENTI");
        byte[] sealed = jdbc.sql("SELECT recipient_enc FROM outreach_message WHERE participant_id = ?")
                .param(missed)
                .query(byte[].class)
                .single();
        assertThat(vault.openText(sealed, Recipients.COLUMN)).isEqualTo("6281200000001");
        assertThat(jdbc.sql("SELECT dedupe_key FROM outreach_message WHERE participant_id = ?")
                        .param(missed)
                        .query(String.class)
                        .single())
                .isEqualTo("reminder-missed:" + missed + ":" + TestClock.DATE);
    }

    @Test
    void theLastMonthReminderFollowsTheLedgersDatedLapseRule() {
        long threeOverdue = member("081200000011", false, YearMonth.of(2026, 9));
        long twoOverdue = member("081200000012", false, YearMonth.of(2026, 10));

        reminders.generate();
        assertThat(kinds(threeOverdue)).containsExactly("reminder-last-month");
        assertThat(kinds(twoOverdue)).containsExactly("reminder-missed");
        assertThat(body(threeOverdue)).contains("menunggak 3 bulan");

        // a new rule from this month (four unpaid months end a membership): three overdue is no longer the last month
        jdbc.sql("DELETE FROM outreach_message WHERE participant_id IN (?, ?)")
                .params(threeOverdue, twoOverdue)
                .update();
        jdbc.sql("UPDATE contribution_protection_rule SET valid_to = '2026-11-30'"
                        + " WHERE segment = 'BPU' AND kind = 'LAPSE_AFTER' AND valid_to IS NULL")
                .update();
        jdbc.sql("INSERT INTO contribution_protection_rule (segment, kind, months, valid_from, legal_basis, source)"
                        + " VALUES ('BPU', 'LAPSE_AFTER', 4, '2026-12-01', 'test', 'test')")
                .update();
        try {
            reminders.generate();
            assertThat(kinds(threeOverdue)).containsExactly("reminder-missed");
        } finally {
            jdbc.sql("DELETE FROM contribution_protection_rule WHERE valid_from = '2026-12-01'")
                    .update();
            jdbc.sql("UPDATE contribution_protection_rule SET valid_to = NULL"
                            + " WHERE segment = 'BPU' AND kind = 'LAPSE_AFTER' AND valid_to = '2026-11-30'")
                    .update();
        }
    }

    @Test
    void aKurBorrowerNotProtectedGetsOneReminderADayAndAProtectedOneNone() {
        long unprotected = person("081200000021");
        long protectedBorrower = member("081200000022", true, YearMonth.of(2026, 11));
        long notABorrower = person("081200000023");
        loan(unprotected, "L-" + unprotected);
        loan(protectedBorrower, "L-" + protectedBorrower);

        reminders.generate();
        reminders.generate();

        assertThat(kinds(unprotected)).containsExactly("reminder-kur-unprotected");
        assertThat(kinds(protectedBorrower)).isEmpty();
        assertThat(kinds(notABorrower)).isEmpty();
        assertThat(body(unprotected)).contains("KUR").contains("Balas BERHENTI");
    }

    private void loan(long participant, String loanId) {
        jdbc.sql("""
                INSERT INTO kur_loan (bank_code, loan_id, branch, nik_enc, nik_hash, name, scheme, plafond,
                                      disbursed_on, region_code, mandatory, participant_id, row_hash, first_file_id,
                                      last_file_id)
                VALUES ('BRI', ?, 'Ketapang', ?, ?, 'Peminjam', 'MIKRO', 10000000, '2026-11-02', '61.04.01.2011',
                        FALSE, ?, 'x', 0, 0)""")
                .params(loanId, new byte[] {1}, ("nik-" + participant).getBytes(), participant)
                .update();
    }

    private String body(long participant) {
        return jdbc.sql("SELECT body FROM outreach_message WHERE participant_id = ?")
                .param(participant)
                .query(String.class)
                .single();
    }

    private List<String> kinds(long participant) {
        return jdbc.sql("SELECT kind FROM outreach_message WHERE participant_id = ?")
                .param(participant)
                .query(String.class)
                .list();
    }

    /** A BPU member from November 2026 with this phone; paid up through December or nothing paid. */
    private long member(String phone, boolean paid) {
        return member(phone, paid, YearMonth.of(2026, 11));
    }

    /** A BPU member from {@code from} with this phone; paid up through December or nothing paid. */
    private long member(String phone, boolean paid, YearMonth from) {
        long id = person(phone);
        Membership m = enrolment.enrol(
                new EnrolmentRequest(
                        id, Segment.BPU, Channel.AGENT, Set.of(), null, 2_000_000L, Sector.OTHER, false, from, null),
                OFFICER);
        if (paid) {
            long due = dues.dueNow(new MembershipId(m.id()), OFFICER).amount();
            payments.pay(
                    new PaymentRequest(UUID.randomUUID().toString(), m.id(), due, TestClock.DATE, "test"), OFFICER);
        }
        return id;
    }

    /** A registered participant with this phone, no membership. */
    private long person(String phone) {
        LocalDate birth = LocalDate.of(1985, 3, SERIAL.getAndIncrement() % 27 + 1);
        return participants
                .register(
                        new ParticipantDetails(
                                Niks.nik("610401", birth, true),
                                "Siti Aminah " + NAMES[SERIAL.get() % NAMES.length],
                                birth,
                                Sex.P,
                                "61.04.01.2011",
                                phone,
                                "Pedagang",
                                null),
                        OFFICER)
                .participant()
                .id();
    }
}
