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
 * The hourly budget of rows read: a counter per user and minute ({@code read_budget}). The SQL function
 * {@code lindung_read_budget} (V62) checks, counts and writes the read's audit line in one statement under a lock
 * per user, so that parallel requests of one user cannot both pass the last rows of the budget; it runs outside any
 * transaction of the caller, so the line stays even when the caller's work fails afterwards (the rows were asked
 * for). The first version summed the audit lines themselves, a sum that grew with every page of the hour.
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
    private final TransactionTemplate outsideTransaction;
    private final JdbcAuditTrail lines;

    JdbcBulkReads(
            JdbcClient jdbc,
            AuditTrail audit,
            JdbcAuditTrail lines,
            CurrentUser currentUser,
            Clock clock,
            BulkReadProperties properties,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.rowsPerHour = properties.rowsPerHour();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
        this.lines = lines;
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
        Instant now = clock.instant();
        record Budget(long used, @Nullable Timestamp oldest, boolean allowed) {}
        // one statement in its own implicit transaction (outside any of the caller's): count and line together
        // the line's own values: occurred at, actor (a token's creator), action, entity, region, changes, token
        Object[] line = lines.line(
                Timestamp.from(now),
                export ? AuditTrail.EXPORT_DOWNLOADED : LIST_READ,
                export ? "export" : "list",
                name,
                regionCode,
                details);
        Budget budget = outsideTransaction.execute(status -> jdbc.sql(
                        "SELECT used, oldest, allowed FROM lindung_read_budget(?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)")
                .params(
                        line[1],
                        line[0],
                        Math.max(0, rows),
                        limit,
                        LOCK,
                        line[2],
                        line[3],
                        line[4],
                        line[5],
                        line[6],
                        line[7],
                        line[8])
                .query((rs, i) -> new Budget(rs.getLong(1), rs.getTimestamp(2), rs.getBoolean(3)))
                .single());
        if (budget.allowed()) {
            return;
        }
        Map<String, Object> refused = new LinkedHashMap<>(details);
        refused.put("list", name);
        refused.put("usedThisHour", budget.used());
        refused.put("limit", limit);
        ownTransaction.executeWithoutResult(
                status -> audit.recordRead(LIST_REFUSED, export ? "export" : "list", name, regionCode, refused));
        // the oldest minute counted (its start) leaves the hour an hour later
        Instant retry = budget.oldest() == null
                ? now.plus(WINDOW)
                : budget.oldest().toInstant().plus(WINDOW);
        long seconds = Math.max(1, Duration.between(clock.instant(), retry).toSeconds());
        String time = DateTimeFormatter.ofPattern("HH:mm").format(retry.atZone(clock.getZone()));
        throw new TooManyRequestsException(
                seconds, "reads.limit", Long.toString(limit), Long.toString(budget.used()), time);
    }

    private void line(boolean export, String name, @Nullable String regionCode, Map<String, Object> details) {
        if (export) {
            audit.recordExport(name, regionCode, details);
        } else {
            audit.recordRead(LIST_READ, "list", name, regionCode, details);
        }
    }
}
