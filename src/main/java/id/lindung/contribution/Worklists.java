package id.lindung.contribution;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.Segment;
import id.lindung.shared.PageResult;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contribution work waiting for someone, in the caller's region scope (the home page's task lists): the bank-file
 * payments recorded as rejected for refund, for those who take the files in, and the members whose bills fall due
 * soon or are overdue, for those who collect them.
 */
@Service
public class Worklists {

    /** A payment of a bank file recorded as rejected (for refund), with its file. */
    public record RejectedRow(
            long paymentId,
            long fileId,
            String fileName,
            Instant uploadedAt,
            String reference,
            long membershipId,
            long amount,
            LocalDate paidOn,
            String reason) {}

    /**
     * A membership with open bills due by the day asked: the earliest due date, how many bills are open and how many
     * of them are overdue, and the amount outstanding.
     */
    public record MemberDue(
            long membershipId,
            long participantId,
            String participantName,
            LocalDate firstDue,
            int openBills,
            int overdueBills,
            long outstanding) {

        public boolean inArrears() {
            return overdueBills > 0;
        }
    }

    private final JdbcClient jdbc;
    private final ContributionPolicy policy;
    private final Clock clock;

    Worklists(JdbcClient jdbc, ContributionPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Payments of bank files uploaded in the last {@code days} days that were rejected (the membership had ended),
     * whose membership lies in the caller's scope, newest file first: what waits for a refund. Officers and
     * administrators (who take the files in, {@link ContributionPolicy#mayImport}); 403 for others.
     */
    @Transactional(readOnly = true)
    public PageResult<RejectedRow> rejectedFileRows(int days, int size, LindungUser by) {
        policy.checkImport(by);
        int n = Math.min(Math.max(size, 1), 100);
        // the files are few; their payments are read only when a recent file rejected any
        List<Long> files =
                jdbc.sql("""
                SELECT id FROM payment_file
                 WHERE rejected > 0 AND uploaded_at >= lindung_now() - make_interval(days => :days)""").param("days", Math.max(days, 0)).query(Long.class).list();
        if (files.isEmpty()) {
            return new PageResult<>(List.of(), 0, n, 0, false);
        }
        String from = """

                  FROM payment p
                  JOIN payment_file f ON f.id = p.payment_file_id
                  JOIN enrolment_membership_v v ON v.membership_id = p.membership_id
                 WHERE p.payment_file_id IN (:files) AND p.status = 'REJECTED' AND v.region_code LIKE :scope""";
        String scope = by.scope().code() + "%";
        long total = jdbc.sql("SELECT count(*)" + from)
                .param("files", files)
                .param("scope", scope)
                .query(Long.class)
                .single();
        List<RejectedRow> rows = jdbc.sql("""
                SELECT p.id, f.id AS file_id, f.file_name, f.uploaded_at, p.idempotency_key, p.membership_id,
                       p.amount, p.paid_on, p.reject_reason""" + from + """

                 ORDER BY f.uploaded_at DESC, p.id LIMIT :n""")
                .param("files", files)
                .param("scope", scope)
                .param("n", n)
                .query((rs, i) -> new RejectedRow(
                        rs.getLong("id"),
                        rs.getLong("file_id"),
                        rs.getString("file_name"),
                        rs.getTimestamp("uploaded_at").toInstant(),
                        rs.getString("idempotency_key"),
                        rs.getLong("membership_id"),
                        rs.getLong("amount"),
                        rs.getDate("paid_on").toLocalDate(),
                        rs.getString("reject_reason")))
                .list();
        return new PageResult<>(rows, 0, n, total, false);
    }

    /**
     * Running memberships in the caller's scope with open bills due on or before {@code until} (overdue ones
     * included), the earliest due first. For those who record payments ({@link ContributionPolicy#mayPay}; 403 for
     * others): officers and administrators every membership, a field agent the BPU members who came through the
     * agent channel (the informal workers agents look after; who enrolled a membership is known only since V51).
     */
    @Transactional(readOnly = true)
    public PageResult<MemberDue> dueBy(LocalDate until, int size, LindungUser by) {
        policy.checkPay(by);
        int n = Math.min(Math.max(size, 1), 100);
        String where = """

                 WHERE v.region_code LIKE :scope AND (v.end_month IS NULL OR v.end_month >= :month)
                   AND (NOT :agent OR v.segment = :segment AND v.channel = :channel)""";
        String bills = """

                  JOIN bill b ON b.membership_id = v.membership_id AND b.status = 'OPEN' AND b.due_date <= :until""";
        var count = jdbc.sql("SELECT count(DISTINCT v.membership_id) FROM enrolment_membership_v v" + bills + where);
        var select = jdbc.sql("""
                SELECT v.membership_id, v.participant_id, i.full_name, min(b.due_date) AS first_due,
                       count(*) AS open_bills, count(*) FILTER (WHERE b.due_date < :today) AS overdue_bills,
                       sum(b.amount - b.paid) AS outstanding
                  FROM enrolment_membership_v v
                  JOIN participant_identity_v i ON i.participant_id = v.participant_id""" + bills + where + """

                 GROUP BY v.membership_id, v.participant_id, i.full_name
                 ORDER BY first_due, v.membership_id LIMIT :n""");
        for (var spec : List.of(count, select)) {
            spec.param("until", Date.valueOf(until))
                    .param("scope", by.scope().code() + "%")
                    .param("month", Date.valueOf(YearMonth.now(clock).atDay(1)))
                    .param("agent", by.role() == Role.AGENT)
                    .param("segment", Segment.BPU.name())
                    .param("channel", Channel.AGENT.name());
        }
        long total = count.query(Long.class).single();
        List<MemberDue> rows = select.param("today", Date.valueOf(LocalDate.now(clock)))
                .param("n", n)
                .query((rs, i) -> new MemberDue(
                        rs.getLong("membership_id"),
                        rs.getLong("participant_id"),
                        rs.getString("full_name"),
                        rs.getDate("first_due").toLocalDate(),
                        rs.getInt("open_bills"),
                        rs.getInt("overdue_bills"),
                        rs.getLong("outstanding")))
                .list();
        return new PageResult<>(rows, 0, n, total, false);
    }
}
