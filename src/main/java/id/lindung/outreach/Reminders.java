package id.lindung.outreach;

import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantStatus;
import id.lindung.shared.Indonesian;
import id.lindung.shared.crypto.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The day's reminders to BPU members who pay themselves (not government-paid), from the contribution ledger, by SMS
 * in Bahasa Indonesia to the participant's phone: {@code reminder-due-soon} (a bill due within
 * {@link #DUE_SOON_DAYS} days, nothing overdue), {@code reminder-missed} (one or two months overdue),
 * {@code reminder-last-month} (as many months overdue as the BPU lapse rule valid this month allows, read from
 * contribution's published {@code contribution_lapse_rule_v}: one more ends the membership), {@code reminder-lapsed}
 * (a BPU membership ended by lapse this month or last, with no running one) and {@code reminder-kur-unprotected} (a
 * KUR borrower matched to a participant but not protected now, from kur's {@code kur_unprotected_borrower_v}). One
 * reminder per member, kind and day: the dedupe key is {@code kind:participant:day}. Candidates come from one set-based query over the published views;
 * phones are sealed and indexed in Java (the Vault's keys never reach the database) and inserted in chunks through
 * {@code unnest}, skipping opted-out recipients and keys already queued.
 */
@Component
class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    static final int DUE_SOON_DAYS = 7;
    private static final int CHUNK = 5_000;
    private static final Locale INDONESIAN = Locale.forLanguageTag("id");

    private record Candidate(
            long participantId, String phone, String regionCode, String kind, long owed, int overdue) {}

    private final JdbcClient jdbc;
    private final Vault vault;
    private final Clock clock;
    private final MessageSource messages;

    Reminders(JdbcClient jdbc, Vault vault, Clock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
        this.messages = messages;
    }

    @Scheduled(cron = "${lindung.outreach.reminder-cron}", zone = "Asia/Pontianak")
    void scheduled() {
        generate();
    }

    /** Generates and queues today's reminders; the number queued (keys already queued today are not counted). */
    int generate() {
        LocalDate today = LocalDate.now(clock);
        List<Candidate> chunk = new ArrayList<>(CHUNK);
        int[] queued = {0};
        try (Stream<Candidate> candidates = jdbc
                .sql("""
                        WITH t AS (SELECT lindung_today() AS d, date_trunc('month', lindung_today())::date AS month),
                        rule AS (
                          SELECT coalesce((SELECT r.months FROM contribution_lapse_rule_v r, t
                                            WHERE r.segment = :bpu AND r.valid_from <= t.month
                                              AND (r.valid_to IS NULL OR t.month <= r.valid_to)
                                            ORDER BY r.valid_from DESC LIMIT 1), 0) AS lapse),
                        member AS (
                          SELECT v.membership_id, v.participant_id
                            FROM enrolment_membership_v v, t
                           WHERE v.segment = :bpu AND NOT v.government_paid
                             AND v.start_month <= t.month AND v.end_month IS NULL),
                        owed AS (
                          SELECT m.participant_id,
                                 count(*) FILTER (WHERE b.due_date < t.d) AS overdue,
                                 sum(b.amount - b.paid) AS amount
                            FROM member m
                            JOIN contribution_bill_v b ON b.membership_id = m.membership_id
                           CROSS JOIN t
                           WHERE b.status = 'OPEN' AND b.due_date <= t.d + :soon
                           GROUP BY m.participant_id),
                        kinds AS (
                          SELECT participant_id, amount, overdue,
                                 CASE WHEN rule.lapse > 0 AND overdue >= rule.lapse THEN 'reminder-last-month'
                                      WHEN overdue >= 1 THEN 'reminder-missed'
                                      ELSE 'reminder-due-soon' END AS kind
                            FROM owed, rule
                          UNION ALL
                          SELECT DISTINCT v.participant_id, 0, 0, 'reminder-lapsed'
                            FROM enrolment_membership_v v, t
                           WHERE v.segment = :bpu AND v.end_reason = :lapsed
                             AND v.end_month >= (t.month - INTERVAL '1 month')::date
                             AND NOT EXISTS (SELECT 1 FROM member m WHERE m.participant_id = v.participant_id)
                          UNION ALL
                          SELECT DISTINCT participant_id, 0, 0, 'reminder-kur-unprotected'
                            FROM kur_unprotected_borrower_v)
                        SELECT k.participant_id, c.phone, c.region_code, k.kind, k.amount, k.overdue
                          FROM kinds k
                          JOIN participant_contact_v c ON c.participant_id = k.participant_id
                         WHERE c.status = :active AND c.phone IS NOT NULL""")
                .param("soon", DUE_SOON_DAYS)
                .param("bpu", Segment.BPU.name())
                .param("lapsed", EndReason.LAPSED.name())
                .param("active", ParticipantStatus.ACTIVE.name())
                .query((rs, n) -> new Candidate(
                        rs.getLong("participant_id"),
                        rs.getString("phone"),
                        rs.getString("region_code"),
                        rs.getString("kind"),
                        rs.getLong("amount"),
                        rs.getInt("overdue")))
                .stream()) {
            candidates.forEach(c -> {
                chunk.add(c);
                if (chunk.size() == CHUNK) {
                    queued[0] += insert(chunk, today);
                    chunk.clear();
                }
            });
        }
        queued[0] += insert(chunk, today);
        log.info("Outreach: {} reminders queued for {}", queued[0], today);
        return queued[0];
    }

    private int insert(List<Candidate> candidates, LocalDate today) {
        if (candidates.isEmpty()) {
            return 0;
        }
        List<String> kinds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<byte[]> sealed = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        List<Long> participants = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (Candidate c : candidates) {
            String phone;
            try {
                phone = Recipients.normalized(Channel.SMS, c.phone());
            } catch (IllegalArgumentException e) {
                continue; // a phone number that is none: no reminder
            }
            kinds.add(c.kind());
            keys.add(c.kind() + ":" + c.participantId() + ":" + today);
            sealed.add(vault.seal(phone.getBytes(StandardCharsets.UTF_8), Recipients.COLUMN));
            hashes.add(Recipients.index(vault, phone));
            participants.add(c.participantId());
            regions.add(c.regionCode());
            bodies.add(messages.getMessage(
                    "outreach." + c.kind(), new Object[] {Indonesian.rupiah(c.owed()), c.overdue()}, INDONESIAN));
        }
        return jdbc.sql("""
                        INSERT INTO outreach_message (channel, kind, dedupe_key, recipient_enc, recipient_hash,
                                                      participant_id, region_code, body)
                        SELECT 'SMS', x.kind, x.dedupe_key, x.enc, x.hash, x.pid, x.region, x.body
                          FROM unnest(?::varchar[], ?::varchar[], ?::bytea[], ?::bytea[], ?::bigint[], ?::varchar[],
                                      ?::text[]) AS x (kind, dedupe_key, enc, hash, pid, region, body)
                         WHERE NOT EXISTS (SELECT 1 FROM outreach_opt_out o
                                            WHERE o.channel = 'SMS' AND o.recipient_hash = x.hash)
                        ON CONFLICT (dedupe_key) DO NOTHING""")
                .params(
                        kinds.toArray(new String[0]),
                        keys.toArray(new String[0]),
                        sealed.toArray(new byte[0][]),
                        hashes.toArray(new byte[0][]),
                        participants.toArray(new Long[0]),
                        regions.toArray(new String[0]),
                        bodies.toArray(new String[0]))
                .update();
    }
}
