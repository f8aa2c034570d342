package id.lindung.participant.internal;

import id.lindung.participant.NikRules;
import id.lindung.shared.crypto.Vault;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One canonical NIK (issue 15): until now a NIK typed with white space around it passed the rules (which trimmed)
 * but was sealed and indexed as typed, so {@code " 6104…"} and {@code "6104…"} were two participants. This migration
 * opens every sealed NIK and, where it differs from its canonical form ({@link NikRules#canonical}):
 * <ul>
 * <li>when no other participant holds the canonical NIK, stores the canonical NIK (sealed, and its index);
 * <li>otherwise leaves the row as it is and flags the pair (it and the holder) in the possible-duplicates queue with
 * the reason {@code NIK_WHITESPACE} (re-opened if an officer had dismissed it as two people). Nothing is merged:
 * an officer decides.
 * </ul>
 * Rows are visited in id order, so of several spellings with no canonical holder the oldest becomes canonical and
 * the later ones are flagged against it. Relatives' NIKs (no uniqueness) are made canonical. Each change leaves an
 * audit line by {@code system}. Inside Flyway's transaction: all or nothing.
 */
@Component
class V32__CanonicalNiks extends BaseJavaMigration {

    static final String REASON = "NIK_WHITESPACE";
    private static final Logger log = LoggerFactory.getLogger(V32__CanonicalNiks.class);
    private static final int BATCH = 5_000;

    private final Vault vault;

    V32__CanonicalNiks(Vault vault) {
        this.vault = vault;
    }

    private record Spelling(long id, String canonical, String regionCode) {}

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("""
                    ALTER TABLE participant_duplicate ADD COLUMN reason VARCHAR(20) NOT NULL DEFAULT 'NAME_BIRTH_DATE'
                      CHECK (reason IN ('NAME_BIRTH_DATE', 'NIK_WHITESPACE'));
                    COMMENT ON COLUMN participant_duplicate.reason IS
                      'why the pair was flagged: same name and birth date, or NIKs equal but for white space'""");
        }
        int canonicalised = 0;
        int flagged = 0;
        for (Spelling s : nonCanonical(c)) {
            Long holder = holderOf(c, s.canonical());
            if (holder == null) {
                try (PreparedStatement ps =
                        c.prepareStatement("UPDATE participant SET nik_enc = ?, nik_hash = ? WHERE id = ?")) {
                    ps.setBytes(
                            1,
                            vault.seal(
                                    s.canonical().getBytes(StandardCharsets.UTF_8), ParticipantRepository.NIK_COLUMN));
                    ps.setBytes(2, vault.index(ParticipantRepository.NIK_INDEX, s.canonical()));
                    ps.setLong(3, s.id());
                    ps.executeUpdate();
                }
                audit(c, "PARTICIPANT_NIK_CANONICAL", s, "{\"reason\": \"" + REASON + "\"}");
                canonicalised++;
            } else {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO participant_duplicate (participant_id, other_id, reason) VALUES (?, ?, ?)
                        ON CONFLICT (participant_id, other_id)
                        DO UPDATE SET reason = EXCLUDED.reason, detected_at = now(), status = CASE
                          WHEN participant_duplicate.status = 'DISMISSED' THEN 'OPEN'
                          ELSE participant_duplicate.status END""")) {
                    ps.setLong(1, Math.max(s.id(), holder));
                    ps.setLong(2, Math.min(s.id(), holder));
                    ps.setString(3, REASON);
                    ps.executeUpdate();
                }
                audit(c, "DUPLICATE_FLAGGED", s, "{\"otherId\": " + holder + ", \"reason\": \"" + REASON + "\"}");
                flagged++;
            }
        }
        int relatives = canonicaliseRelatives(c);
        if (canonicalised + flagged + relatives > 0) {
            log.info(
                    "Canonical NIKs: {} participants' NIKs stripped of white space, {} left as they are and flagged"
                            + " as possible duplicates of the holder of their NIK, {} relatives' NIKs stripped",
                    canonicalised,
                    flagged,
                    relatives);
        }
    }

    /** Every participant whose sealed NIK is not canonical, in id order. */
    private List<Spelling> nonCanonical(Connection c) throws Exception {
        List<Spelling> found = new ArrayList<>();
        scan(c, "participant", "nik_enc, region_code", (id, rs) -> {
            String nik = vault.openText(rs.getBytes(2), ParticipantRepository.NIK_COLUMN);
            String canonical = NikRules.canonical(nik);
            if (nik != null && !nik.equals(canonical)) {
                found.add(new Spelling(id, Objects.requireNonNull(canonical), rs.getString(3)));
            }
        });
        return found;
    }

    private interface RowHandler {
        void row(long id, ResultSet rs) throws Exception;
    }

    /** Every row of {@code table} in id order, {@value #BATCH} at a time; {@code id} is column 1. */
    private static void scan(Connection c, String table, String columns, RowHandler handler) throws Exception {
        long after = 0;
        int seen = BATCH;
        while (seen == BATCH) {
            seen = 0;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, " + columns + " FROM " + table + " WHERE id > ? ORDER BY id LIMIT " + BATCH)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        after = rs.getLong(1);
                        handler.row(after, rs);
                    }
                }
            }
        }
    }

    /** The participant holding {@code nik} (indexed under any key of the keyring), if any. */
    private @Nullable Long holderOf(Connection c, String nik) throws Exception {
        try (PreparedStatement ps =
                c.prepareStatement("SELECT id FROM participant WHERE nik_hash = ANY (?::bytea[])")) {
            ps.setObject(1, vault.indexes(ParticipantRepository.NIK_INDEX, nik).toArray(byte[][]::new));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void audit(Connection c, String action, Spelling s, String changes) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (occurred_at, actor, action,"
                + " entity_type, entity_id, region_code, changes) VALUES (now(), 'system', ?, 'participant', ?, ?,"
                + " ?::jsonb)")) {
            ps.setString(1, action);
            ps.setString(2, Long.toString(s.id()));
            ps.setString(3, s.regionCode());
            ps.setString(4, changes);
            ps.executeUpdate();
        }
    }

    /** Relatives' identities whose NIK is not canonical, sealed again with it. */
    private int canonicaliseRelatives(Connection c) throws Exception {
        String sep = String.valueOf(ParticipantRepository.SEP);
        List<Long> ids = new ArrayList<>();
        List<byte[]> sealed = new ArrayList<>();
        scan(c, "participant_relative", "identity_enc", (id, rs) -> {
            String[] f = new String(
                            vault.open(rs.getBytes(2), ParticipantRepository.RELATIVE_COLUMN), StandardCharsets.UTF_8)
                    .split(sep, -1);
            String canonical = NikRules.canonical(f[1]);
            if (!f[1].equals(canonical)) {
                f[1] = canonical;
                ids.add(id);
                sealed.add(vault.seal(
                        String.join(sep, f).getBytes(StandardCharsets.UTF_8), ParticipantRepository.RELATIVE_COLUMN));
            }
        });
        if (!ids.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE participant_relative r SET identity_enc = v.e"
                    + " FROM unnest(?::bigint[], ?::bytea[]) AS v(id, e) WHERE r.id = v.id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.setObject(2, sealed.toArray(byte[][]::new));
                ps.executeUpdate();
            }
        }
        return ids.size();
    }
}
