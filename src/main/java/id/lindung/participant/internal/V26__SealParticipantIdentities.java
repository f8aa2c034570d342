package id.lindung.participant.internal;

import id.lindung.participant.Sex;
import id.lindung.shared.crypto.Vault;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * NIKs and relatives' identities leave the clear: each participant's NIK becomes {@code nik_enc} (sealed by the
 * {@link Vault}) and {@code nik_hash} (its blind index, unique), each relative's name, NIK, birth date and sex one
 * sealed {@code identity_enc}; the clear columns are dropped. Rows already there are sealed here, in batches, inside
 * Flyway's transaction (all or nothing). The identity view other modules read now offers the index and the sealed
 * NIK instead of the NIK.
 */
@Component
class V26__SealParticipantIdentities extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V26__SealParticipantIdentities.class);
    private static final int BATCH = 5_000;

    private final Vault vault;

    V26__SealParticipantIdentities(Vault vault) {
        this.vault = vault;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("DROP VIEW participant_identity_v");
            st.execute("ALTER TABLE participant ADD COLUMN nik_enc BYTEA, ADD COLUMN nik_hash BYTEA");
            st.execute("ALTER TABLE participant_relative ADD COLUMN identity_enc BYTEA");
        }
        long participants = sealParticipants(c);
        long relatives = sealRelatives(c);
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE participant DROP CONSTRAINT participant_nik_uk, DROP COLUMN nik,"
                    + " ALTER COLUMN nik_enc SET NOT NULL, ALTER COLUMN nik_hash SET NOT NULL");
            st.execute("ALTER TABLE participant ADD CONSTRAINT participant_nik_uk UNIQUE (nik_hash)");
            st.execute("ALTER TABLE participant_relative DROP COLUMN full_name, DROP COLUMN nik,"
                    + " DROP COLUMN birth_date, DROP COLUMN sex, ALTER COLUMN identity_enc SET NOT NULL");
            st.execute("""
                    COMMENT ON COLUMN participant.nik_enc IS 'NIK sealed with AES-256-GCM (key outside the database)';
                    COMMENT ON COLUMN participant.nik_hash IS 'blind index of the NIK: key number + HMAC-SHA256';
                    COMMENT ON COLUMN participant_relative.identity_enc IS
                      'name, NIK, birth date and sex of the relative, sealed with AES-256-GCM'""");
            // Published read interface of the registry for set-based readers in other modules: identity columns
            // only, the NIK as its blind index (to match) and sealed (to show, opened by the reader's Vault).
            st.execute("""
                    CREATE VIEW participant_identity_v AS
                    SELECT id AS participant_id, nik_hash, nik_enc, full_name, name_key, birth_date, region_code
                      FROM participant""");
        }
        if (participants + relatives > 0) {
            log.info("Sealed the NIKs of {} participants and the identities of {} relatives", participants, relatives);
        }
    }

    private long sealParticipants(Connection c) throws Exception {
        long done = 0;
        long after = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<byte[]> sealed = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id, nik FROM participant WHERE id > ? ORDER BY id LIMIT " + BATCH)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String nik = rs.getString(2).trim();
                        ids.add(rs.getLong(1));
                        sealed.add(vault.seal(nik.getBytes(StandardCharsets.UTF_8), ParticipantRepository.NIK_COLUMN));
                        hashes.add(vault.index(ParticipantRepository.NIK_INDEX, nik));
                    }
                }
            }
            if (ids.isEmpty()) {
                return done;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE participant p SET nik_enc = v.e, nik_hash = v.h"
                    + " FROM unnest(?::bigint[], ?::bytea[], ?::bytea[]) AS v(id, e, h) WHERE p.id = v.id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.setObject(2, sealed.toArray(byte[][]::new));
                ps.setObject(3, hashes.toArray(byte[][]::new));
                ps.executeUpdate();
            }
            done += ids.size();
            after = ids.get(ids.size() - 1);
        }
    }

    private long sealRelatives(Connection c) throws Exception {
        long done = 0;
        long after = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<byte[]> sealed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, full_name, nik, birth_date, sex"
                    + " FROM participant_relative WHERE id > ? ORDER BY id LIMIT " + BATCH)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        String nik = rs.getString(3);
                        LocalDate birth =
                                rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate();
                        Sex sex = rs.getString(5) == null ? null : Sex.valueOf(rs.getString(5));
                        sealed.add(vault.seal(
                                ParticipantRepository.relativeText(
                                        rs.getString(2), nik == null ? null : nik.trim(), birth, sex),
                                ParticipantRepository.RELATIVE_COLUMN));
                    }
                }
            }
            if (ids.isEmpty()) {
                return done;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE participant_relative r SET identity_enc = v.e"
                    + " FROM unnest(?::bigint[], ?::bytea[]) AS v(id, e) WHERE r.id = v.id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.setObject(2, sealed.toArray(byte[][]::new));
                ps.executeUpdate();
            }
            done += ids.size();
            after = ids.get(ids.size() - 1);
        }
    }
}
