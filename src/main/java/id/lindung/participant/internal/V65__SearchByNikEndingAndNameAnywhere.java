package id.lindung.participant.internal;

import id.lindung.shared.crypto.Vault;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Search by what users know (issue 18, point 7):
 * <ul>
 * <li>the NIK's last digits: {@code nik_tail_hash}, the blind index of the last four digits (kind
 * {@value ParticipantRepository#NIK_TAIL_INDEX}), filled here for every participant by opening its sealed NIK, and
 * indexed. The digits are never stored in clear: with the birth date and the region beside them they would give
 * most NIKs back.
 * <li>the name anywhere in it: a trigram GIN index on {@code name_key} ({@code pg_trgm}, shipped with PostgreSQL
 * and trusted since 13, so a database owner may create it), which serves {@code name_key LIKE '%…%'}.
 * </ul>
 * Inside Flyway's transaction: all or nothing.
 */
@Component
class V65__SearchByNikEndingAndNameAnywhere extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V65__SearchByNikEndingAndNameAnywhere.class);
    private static final int BATCH = 5_000;

    private final Vault vault;

    V65__SearchByNikEndingAndNameAnywhere(Vault vault) {
        this.vault = vault;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("""
                    ALTER TABLE participant ADD COLUMN nik_tail_hash BYTEA;
                    COMMENT ON COLUMN participant.nik_tail_hash IS
                      'blind index (HMAC) of the last four digits of the NIK: search by the NIK''s ending'""");
        }
        long done = fill(c);
        try (Statement st = c.createStatement()) {
            st.execute("""
                    ALTER TABLE participant ALTER COLUMN nik_tail_hash SET NOT NULL;
                    CREATE INDEX participant_nik_tail_idx ON participant (nik_tail_hash);
                    CREATE EXTENSION IF NOT EXISTS pg_trgm;
                    CREATE INDEX participant_name_trgm_idx ON participant USING gin (name_key gin_trgm_ops)""");
        }
        log.info("NIK endings indexed for {} participants; name search by trigrams", done);
    }

    private long fill(Connection c) throws Exception {
        long done = 0;
        long after = 0;
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<byte[]> tails = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement("SELECT id, nik_enc FROM participant WHERE id > ? ORDER BY id LIMIT " + BATCH)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        String nik = Objects.requireNonNull(
                                vault.openText(rs.getBytes(2), ParticipantRepository.NIK_COLUMN));
                        tails.add(vault.index(ParticipantRepository.NIK_TAIL_INDEX, ParticipantRepository.tail(nik)));
                    }
                }
            }
            if (ids.isEmpty()) {
                return done;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE participant p SET nik_tail_hash = v.t"
                    + " FROM unnest(?::bigint[], ?::bytea[]) AS v(id, t) WHERE p.id = v.id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.setObject(2, tails.toArray(byte[][]::new));
                ps.executeUpdate();
            }
            done += ids.size();
            after = ids.get(ids.size() - 1);
        }
    }
}
