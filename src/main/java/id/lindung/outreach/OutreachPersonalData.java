package id.lindung.outreach;

import id.lindung.privacy.DataReport.Entry;
import id.lindung.privacy.DataReportDraft;
import id.lindung.privacy.PersonalDataHolder;
import id.lindung.shared.crypto.Vault;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outreach in a participant's data report: the messages queued for them (their reminders, by participant) and to
 * their phone number as the registry holds it (sign-in codes name no participant), each with its kind, channel,
 * status and dates. The body of a sensitive message (a one-time code) is never shown, even while it is still held.
 */
@Component
class OutreachPersonalData implements PersonalDataHolder {

    private record Message(
            long id,
            String channel,
            String kind,
            String status,
            Timestamp createdAt,
            @Nullable Timestamp deliveredAt,
            boolean sensitive,
            @Nullable String body) {}

    private final JdbcClient jdbc;
    private final Vault vault;

    OutreachPersonalData(JdbcClient jdbc, Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    @Override
    public List<String> sections() {
        return List.of("outreach");
    }

    @Override
    public void contribute(DataReportDraft r) {
        long participant = r.subject().participantId();
        byte[][] phones = phoneIndexes(participant);
        List<Message> messages = jdbc.sql("""
                        SELECT id, channel, kind, status, created_at, delivered_at, sensitive, body
                          FROM outreach_message
                         WHERE participant_id = ? OR (channel = 'SMS' AND recipient_hash = ANY (?))
                         ORDER BY created_at DESC, id DESC""")
                .params(participant, phones)
                .query((rs, n) -> new Message(
                        rs.getLong("id"),
                        rs.getString("channel"),
                        rs.getString("kind"),
                        rs.getString("status"),
                        rs.getTimestamp("created_at"),
                        rs.getTimestamp("delivered_at"),
                        rs.getBoolean("sensitive"),
                        rs.getString("body")))
                .list();
        r.trail(
                "outreach_message",
                messages.stream().map(m -> String.valueOf(m.id())).toList());
        List<Entry> entries = new ArrayList<>();
        for (Message m : messages) {
            String value = m.channel() + " · " + r.label("outreach.status." + m.status(), m.status()) + " · "
                    + r.fmt().dateTime(m.createdAt().toInstant());
            if (m.deliveredAt() != null) {
                value += " · "
                        + r.msg(
                                "privacy.field.delivered",
                                r.fmt().dateTime(m.deliveredAt().toInstant()));
            }
            if (!m.sensitive() && m.body() != null) {
                value += " · " + m.body();
            }
            entries.add(new Entry(
                    r.label("privacy.outreach.kind." + m.kind(), m.kind()),
                    value,
                    r.msg("privacy.source.outreach"),
                    r.date(m.createdAt().toInstant())));
        }
        r.section("outreach", null, "outreach-messages", entries);
    }

    /** The blind indexes of the participant's phone as the registry holds it; none when it has none. */
    private byte[][] phoneIndexes(long participant) {
        String phone = jdbc.sql("SELECT phone FROM participant_contact_v WHERE participant_id = ?")
                .param(participant)
                .query(String.class)
                .optional()
                .orElse(null);
        if (phone == null) {
            return new byte[0][];
        }
        try {
            return Recipients.indexes(vault, Recipients.normalized(Channel.SMS, phone))
                    .toArray(new byte[0][]);
        } catch (IllegalArgumentException e) {
            return new byte[0][]; // not a phone number: nothing was sent to it
        }
    }
}
