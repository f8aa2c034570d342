package id.lindung.access;

import java.util.Map;

/**
 * The record of every write. Call it in the same transaction as the write, so that both land or neither does.
 * The actor is the signed-in user (or {@code system}).
 */
public interface AuditTrail {

    /**
     * @param action what was done, e.g. {@code PARTICIPANT_REGISTERED}
     * @param entityType e.g. {@code participant}
     * @param entityId the entity's id
     * @param regionCode the region the entity belongs to (so scoped users can read their own trail)
     * @param changes field to {@code [old, new]} for updates, field to value for creations
     */
    void record(String action, String entityType, String entityId, String regionCode, Map<String, ?> changes);

    java.util.List<AuditEntry> history(String entityType, String entityId);

    /** One line of the trail. */
    record AuditEntry(java.time.Instant occurredAt, String actor, String action, String changesJson) {
    }
}
