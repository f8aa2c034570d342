package id.lindung.access.internal;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentUser;
import id.lindung.access.LindungUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Audit trail in the {@code audit_log} table; joins the caller's transaction (it must have one). */
@Service
class JdbcAuditTrail implements AuditTrail {

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
    public void record(String action, String entityType, String entityId, String regionCode, Map<String, ?> changes) {
        String actor = currentUser.get().map(LindungUser::username).orElse(LindungUser.SYSTEM.username());
        jdbc.sql("""
                INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, region_code, changes)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(Timestamp.from(clock.instant()), actor, action, entityType, entityId, regionCode,
                        json.writeValueAsString(changes))
                .update();
    }

    @Override
    public List<AuditEntry> history(String entityType, String entityId) {
        return jdbc.sql("""
                SELECT occurred_at, actor, action, changes::text FROM audit_log
                 WHERE entity_type = ? AND entity_id = ? ORDER BY occurred_at DESC, id DESC""")
                .params(entityType, entityId)
                .query((rs, i) -> new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }
}
