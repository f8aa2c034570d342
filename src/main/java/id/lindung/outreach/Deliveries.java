package id.lindung.outreach;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.PageResult;
import id.lindung.shared.crypto.Vault;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The deliveries for officers and administrators: messages with their status, newest first, filtered by status,
 * kind and recipient (an exact phone number or address, found by its blind index), narrowed to the user's region
 * scope (messages without a region, such as sign-in codes, only for province-wide users); counts per status; retry of
 * a FAILED message. Recipients are shown masked; bodies never (a reminder's text is the same for everyone of a kind,
 * a sensitive body is a secret).
 */
@Component
class Deliveries {

    static final List<String> STATUSES = List.of("QUEUED", "SENDING", "DELIVERED", "FAILED", "CANCELLED");
    static final int PAGE_SIZE = 50;

    /** A line of the page. */
    record Delivery(
            long id,
            Channel channel,
            String kind,
            String recipient,
            String status,
            int attempts,
            Instant createdAt,
            Instant nextAttemptAt,
            @Nullable Instant deliveredAt,
            @Nullable String lastError) {

        boolean retryable() {
            return status.equals("FAILED");
        }
    }

    private final JdbcClient jdbc;
    private final Vault vault;

    Deliveries(JdbcClient jdbc, Vault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    /** A page (from 0) of deliveries; {@code status}, {@code kind} and {@code recipient} empty: all. */
    PageResult<Delivery> find(
            @Nullable String status, @Nullable String kind, @Nullable String recipient, int page, LindungUser by) {
        require(by);
        StringBuilder where = new StringBuilder(scopeFilter(by.scope()));
        List<Object> params = new ArrayList<>(scopeParams(by.scope()));
        if (status != null && STATUSES.contains(status)) {
            where.append(" AND status = ?");
            params.add(status);
        }
        if (kind != null && !kind.isBlank()) {
            where.append(" AND kind = ?");
            params.add(kind.strip());
        }
        if (recipient != null && !recipient.isBlank()) {
            String normalized = normalizedAny(recipient);
            if (normalized == null) {
                return new PageResult<>(List.of(), 0, PAGE_SIZE, 0, false);
            }
            where.append(" AND recipient_hash = ANY (?)");
            params.add(Recipients.indexes(vault, normalized).toArray(new byte[0][]));
        }
        long total = jdbc.sql("SELECT count(*) FROM outreach_message WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
        int from = Math.max(0, page);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(PAGE_SIZE);
        pageParams.add((long) from * PAGE_SIZE);
        List<Delivery> items = jdbc.sql("""
                        SELECT id, channel, kind, recipient_enc, status, attempts, created_at, next_attempt_at,
                               delivered_at, last_error
                          FROM outreach_message WHERE %s ORDER BY id DESC LIMIT ? OFFSET ?""".formatted(where))
                .params(pageParams)
                .query(this::delivery)
                .list();
        return new PageResult<>(items, from, PAGE_SIZE, total, false);
    }

    /** Messages per status within the user's scope, every status present (0 when none). */
    Map<String, Long> counts(LindungUser by) {
        require(by);
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        jdbc.sql("SELECT status, count(*) AS n FROM outreach_message WHERE " + scopeFilter(by.scope())
                        + " GROUP BY status")
                .params(scopeParams(by.scope()))
                .query((rs, n) -> counts.put(rs.getString("status"), rs.getLong("n")))
                .list();
        return counts;
    }

    /**
     * Queues a FAILED message again at once with its attempts counted afresh; false when it is not FAILED (or a
     * sensitive message whose body is erased: a one-time code is never resent). 404 outside the user's scope.
     */
    boolean retry(long id, LindungUser by) {
        require(by);
        List<Object> params = new ArrayList<>();
        params.add(id);
        params.addAll(scopeParams(by.scope()));
        boolean visible = jdbc.sql("SELECT EXISTS (SELECT 1 FROM outreach_message WHERE id = ? AND "
                        + scopeFilter(by.scope()) + ")")
                .params(params)
                .query(Boolean.class)
                .single();
        if (!visible) {
            throw new NotFoundException("message " + id);
        }
        return jdbc.sql("""
                        UPDATE outreach_message SET status = 'QUEUED', attempts = 0, next_attempt_at = lindung_now(),
                               last_error = NULL
                         WHERE id = ? AND status = 'FAILED' AND body IS NOT NULL""").param(id).update() == 1;
    }

    static void require(LindungUser by) {
        if (by.role() != Role.ADMIN && by.role() != Role.OFFICER) {
            throw new ForbiddenException("outreach.forbidden", by.role().name());
        }
    }

    private static String scopeFilter(RegionScope scope) {
        if (scope.code().isEmpty()) {
            return "TRUE";
        }
        return scope.provinceWide()
                ? "(region_code IS NULL OR region_code = ? OR region_code LIKE ?)"
                : "(region_code = ? OR region_code LIKE ?)";
    }

    private static List<Object> scopeParams(RegionScope scope) {
        return scope.code().isEmpty() ? List.of() : List.of(scope.code(), scope.code() + ".%");
    }

    /** The recipient as stored, whether a phone number or an e-mail address; null when neither. */
    static @Nullable String normalizedAny(String recipient) {
        try {
            return Recipients.normalized(recipient.contains("@") ? Channel.EMAIL : Channel.SMS, recipient);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Delivery delivery(ResultSet rs, int row) throws SQLException {
        String recipient = vault.openText(rs.getBytes("recipient_enc"), Recipients.COLUMN);
        java.sql.Timestamp delivered = rs.getTimestamp("delivered_at");
        return new Delivery(
                rs.getLong("id"),
                Channel.valueOf(rs.getString("channel")),
                rs.getString("kind"),
                masked(recipient == null ? "" : recipient),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant(),
                delivered == null ? null : delivered.toInstant(),
                rs.getString("last_error"));
    }

    /** A phone number with all but its first 4 and last 3 digits hidden; an address with its name hidden. */
    static String masked(String recipient) {
        int at = recipient.indexOf('@');
        if (at > 0) {
            return recipient.charAt(0) + "***" + recipient.substring(at);
        }
        if (recipient.length() <= 7) {
            return "*".repeat(recipient.length());
        }
        return recipient.substring(0, 4)
                + "*".repeat(recipient.length() - 7)
                + recipient.substring(recipient.length() - 3);
    }
}
