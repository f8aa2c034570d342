package id.lindung.access.internal;

import id.lindung.access.AuditTrail;
import id.lindung.access.BulkReads;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.TooManyRequestsException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hourly budget of rows read, summed from the audit trail itself: the bulk-read lines of the user in the last
 * hour (index {@code audit_log_bulk_read_idx}, V50_1). The check and the line are one short transaction of their own
 * under a lock per user, so that parallel requests of one user cannot both pass the last rows of the budget; the
 * line therefore stays even when the caller's work fails afterwards (the rows were asked for).
 */
@Service
class JdbcBulkReads implements BulkReads {

    static final Duration WINDOW = Duration.ofHours(1);
    private static final int LOCK = 0x4255_4c4b; // "BULK"

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final BulkReadProperties.RowsPerHour rowsPerHour;
    private final TransactionTemplate ownTransaction;

    JdbcBulkReads(JdbcClient jdbc, AuditTrail audit, CurrentUser currentUser, Clock clock,
            BulkReadProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.rowsPerHour = properties.rowsPerHour();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Rows per hour for a role: {@code lindung.reads.rows-per-hour.admin}, {@code .officer}, {@code .gov-analyst}, … */
    long limit(Role role) {
        return rowsPerHour.of(role);
    }

    @Override
    public void listed(String list, @Nullable String regionCode, Map<String, ?> filter, long rows) {
        read(false, list, regionCode, filter, rows);
    }

    @Override
    public void exported(String export, @Nullable String regionCode, Map<String, ?> filter, long rows) {
        read(true, export, regionCode, filter, rows);
    }

    private void read(boolean export, String name, @Nullable String regionCode, Map<String, ?> filter, long rows) {
        Map<String, Object> details = new LinkedHashMap<>(filter);
        details.put("rows", Math.max(0, rows));
        Optional<LindungUser> user = currentUser.get();
        if (user.isEmpty()) { // the system itself (jobs): audited, never limited
            line(export, name, regionCode, details);
            return;
        }
        LindungUser me = user.get();
        long limit = limit(me.role());
        Refusal refusal = ownTransaction.execute(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(LOCK, me.username().hashCode()).query()
                    .singleRow();
            Instant since = clock.instant().minus(WINDOW);
            record Used(long rows, @Nullable Timestamp oldest) {
            }
            Used used = jdbc.sql("""
                    SELECT coalesce(sum(CASE WHEN changes->>'rows' ~ '^[0-9]{1,12}$'
                                             THEN (changes->>'rows')::bigint ELSE 0 END), 0), min(occurred_at)
                      FROM audit_log
                     WHERE actor = ? AND action IN ('LIST_READ', 'EXPORT_DOWNLOADED') AND occurred_at > ?""")
                    .params(me.username(), Timestamp.from(since))
                    .query((rs, i) -> new Used(rs.getLong(1), rs.getTimestamp(2)))
                    .single();
            if (rows > 0 && used.rows() + rows > limit) {
                Map<String, Object> refused = new LinkedHashMap<>(details);
                refused.put("list", name);
                refused.put("usedThisHour", used.rows());
                refused.put("limit", limit);
                audit.recordRead(LIST_REFUSED, export ? "export" : "list", name, regionCode, refused);
                Instant retry = used.oldest() == null ? clock.instant().plus(WINDOW)
                        : used.oldest().toInstant().plus(WINDOW);
                return new Refusal(used.rows(), retry);
            }
            line(export, name, regionCode, details);
            return null;
        });
        if (refusal != null) {
            long seconds = Math.max(1, Duration.between(clock.instant(), refusal.retryAt()).toSeconds());
            String time = DateTimeFormatter.ofPattern("HH:mm").format(refusal.retryAt().atZone(clock.getZone()));
            throw new TooManyRequestsException(seconds, "reads.limit", Long.toString(limit),
                    Long.toString(refusal.used()), time);
        }
    }

    private void line(boolean export, String name, @Nullable String regionCode, Map<String, Object> details) {
        if (export) {
            audit.recordExport(name, regionCode, details);
        } else {
            audit.recordRead(LIST_READ, "list", name, regionCode, details);
        }
    }

    private record Refusal(long used, Instant retryAt) {
    }
}
