package id.lindung.access.internal;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Audit trail in the {@code audit_log} table. Writes join the caller's transaction (they must have one); reads
 * and exports join one if it runs, otherwise their single INSERT commits on its own (auto-commit).
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    private static final String INSERT = """
            INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, region_code, changes,
                                   via_token_id, via_token_name)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final JsonMapper json;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, CurrentUser currentUser, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(
            String action, String entityType, String entityId, @Nullable String regionCode, Map<String, ?> changes) {
        insert(action, entityType, entityId, regionCode, changes);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public void recordRead(
            String action, String entityType, String entityId, @Nullable String regionCode, Map<String, ?> details) {
        if (!READ_ACTIONS.contains(action)) {
            throw new IllegalArgumentException("not a read action: " + action);
        }
        insert(action, entityType, entityId, regionCode, details);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public void recordExport(String export, @Nullable String regionCode, Map<String, ?> details) {
        insert(EXPORT_DOWNLOADED, "export", export, regionCode, details);
    }

    private void insert(
            String action, String entityType, String entityId, @Nullable String regionCode, Map<String, ?> changes) {
        jdbc.sql(INSERT)
                .params(line(Timestamp.from(clock.instant()), action, entityType, entityId, regionCode, changes))
                .update();
    }

    /**
     * The values of one audit line in the order of the table's columns (occurred at, actor, action, entity type and
     * id, region, changes as JSON text, token id and name), for a caller that writes it in a statement of its own
     * ({@code JdbcBulkReads}).
     */
    public Object[] line(
            Timestamp at,
            String action,
            String entityType,
            String entityId,
            @Nullable String regionCode,
            Map<String, ?> changes) {
        LindungUser user = currentUser.get().orElse(LindungUser.SYSTEM);
        LindungUser.ViaToken token = user.token();
        return new Object[] {
            at,
            user.username(),
            action,
            entityType,
            entityId,
            regionCode == null || regionCode.isEmpty() ? null : regionCode,
            json.writeValueAsString(new LinkedHashMap<>(changes)),
            token == null ? null : token.id(),
            token == null ? null : token.name()
        };
    }

    @Override
    public List<AuditEntry> history(String entityType, String entityId) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, changes::text, entity_type, entity_id, via_token_id, via_token_name
                  FROM audit_log
                 WHERE entity_type = ? AND entity_id = ? AND action <> ALL (CAST(? AS varchar[]))
                 ORDER BY occurred_at DESC, id DESC""")
                .params(entityType, entityId, READ_ACTIONS.toArray(String[]::new))
                .query((rs, i) -> entry(rs))
                .list();
    }

    @Override
    public List<AuditEntry> trail(String entityType, Collection<String> entityIds) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT occurred_at, actor, action, changes::text, entity_type, entity_id, via_token_id, via_token_name
                  FROM audit_log
                 WHERE entity_type = ? AND entity_id = ANY (CAST(? AS varchar[])) ORDER BY occurred_at DESC, id DESC""")
                .params(entityType, entityIds.toArray(String[]::new))
                .query((rs, i) -> entry(rs))
                .list();
    }

    private static AuditEntry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        long tokenId = rs.getLong(7);
        LindungUser.ViaToken token = rs.wasNull() ? null : new LindungUser.ViaToken(tokenId, rs.getString(8));
        return new AuditEntry(
                rs.getTimestamp(1).toInstant(),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                token);
    }
}
