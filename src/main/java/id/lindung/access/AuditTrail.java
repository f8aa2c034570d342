package id.lindung.access;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The record of every write, every read of a participant's full record and every export. The actor is the
 * signed-in person (or {@code system}); a request that came with one of the person's API tokens names the token too
 * ({@link AuditEntry#viaToken()}). The table is append-only: the database refuses any UPDATE, DELETE or
 * TRUNCATE of it (migration V27), so nothing in the application can change or remove a line.
 */
public interface AuditTrail {

    /** A participant's full record was read (API or page). */
    String PARTICIPANT_VIEWED = "PARTICIPANT_VIEWED";
    /** A claim (health details, heirs, bank accounts) was read. */
    String CLAIM_VIEWED = "CLAIM_VIEWED";
    /** A claim document (medical report, death certificate, …) was downloaded. */
    String CLAIM_DOCUMENT_VIEWED = "CLAIM_DOCUMENT_VIEWED";
    /** A membership statement (bills, payments, declared income) was read. */
    String STATEMENT_VIEWED = "STATEMENT_VIEWED";
    /** A file left Lindung: CSV, XLSX or PDF. */
    String EXPORT_DOWNLOADED = "EXPORT_DOWNLOADED";
    /** A participant's data report (subject-access request) was produced. */
    String DATA_REPORT_PRODUCED = "DATA_REPORT_PRODUCED";

    /** The actions that record reads rather than changes (with the bulk reads of {@link BulkReads}). */
    Set<String> READ_ACTIONS = Set.of(
            PARTICIPANT_VIEWED,
            CLAIM_VIEWED,
            CLAIM_DOCUMENT_VIEWED,
            STATEMENT_VIEWED,
            EXPORT_DOWNLOADED,
            DATA_REPORT_PRODUCED,
            BulkReads.LIST_READ,
            BulkReads.LIST_REFUSED);

    /**
     * Records a write. Call it in the same transaction as the write, so that both land or neither does.
     *
     * @param action what was done, e.g. {@code PARTICIPANT_REGISTERED}
     * @param entityType e.g. {@code participant}
     * @param entityId the entity's id
     * @param regionCode the region the entity belongs to (so scoped users can read their own trail)
     * @param changes field to {@code [old, new]} for updates, field to value for creations
     */
    void record(String action, String entityType, String entityId, @Nullable String regionCode, Map<String, ?> changes);

    /**
     * Records a read of personal data, before the data leaves: one INSERT, in the caller's transaction if there is
     * one (it must not be read-only), otherwise in its own. If the line cannot be written the exception reaches
     * the caller and the read fails: no audited data is shown or sent without its line (docs/decisions.md,
     * "Reads and exports are audited").
     *
     * @param action one of {@link #READ_ACTIONS}
     * @param details what was read (e.g. {@code view: api}); never the data itself
     */
    void recordRead(
            String action, String entityType, String entityId, @Nullable String regionCode, Map<String, ?> details);

    /**
     * Records an export ({@link #EXPORT_DOWNLOADED}) before its content is sent, like {@link #recordRead}.
     *
     * @param export what was exported, e.g. {@code participants.csv} (the entity id of the line)
     * @param regionCode the region the export covers (the filter, or the user's scope)
     * @param details the filters, and the row count where it is known before sending
     */
    void recordExport(String export, @Nullable String regionCode, Map<String, ?> details);

    /** The changes to one entity, newest first (reads are left out: {@link #trail} has them). */
    List<AuditEntry> history(String entityType, String entityId);

    /** Every line about the given entities of one type, reads included, newest first. */
    List<AuditEntry> trail(String entityType, Collection<String> entityIds);

    /** One line of the trail; {@code viaToken} when the actor acted through one of their API tokens. */
    record AuditEntry(
            Instant occurredAt,
            String actor,
            String action,
            String changesJson,
            String entityType,
            String entityId,
            LindungUser.@Nullable ViaToken viaToken) {

        public AuditEntry(
                Instant occurredAt,
                String actor,
                String action,
                String changesJson,
                String entityType,
                String entityId) {
            this(occurredAt, actor, action, changesJson, entityType, entityId, null);
        }

        /** The actor as people read it: {@code petugas.kalbar} or {@code petugas.kalbar via token 12 (Bank H2H)}. */
        public String actedBy() {
            return viaToken == null ? actor : actor + " via token " + viaToken.id() + " (" + viaToken.name() + ")";
        }

        public boolean read() {
            return READ_ACTIONS.contains(action);
        }

        /** The same line with its changes as a reader may see them ({@link Disclosure#auditChanges}). */
        public AuditEntry withChanges(String shown) {
            return new AuditEntry(occurredAt, actor, action, shown, entityType, entityId, viaToken);
        }
    }
}
