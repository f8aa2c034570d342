package id.lindung.claim.internal;

import id.lindung.shared.crypto.Vault;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * A claim's specific personal data leaves the clear: the intake (health details, heirs and their bank accounts,
 * children) becomes {@code intake_enc}, documents are sealed in place, the children's names of the scholarship plan
 * and payments become {@code child_name_enc}, the workflow steps' notes {@code note_enc}. The scholarship tables get a single-column key for the key rotation.
 */
@Component
class V29__SealClaimPersonalData extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    private final Vault vault;

    V29__SealClaimPersonalData(Vault vault) {
        this.vault = vault;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE claim ADD COLUMN intake_enc BYTEA");
            st.execute("ALTER TABLE claim_step ADD COLUMN note_enc BYTEA");
            st.execute("ALTER TABLE claim_scholarship ADD COLUMN id BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,"
                    + " ADD COLUMN child_name_enc BYTEA");
            st.execute("ALTER TABLE claim_scholarship_payment ADD COLUMN id BIGINT GENERATED ALWAYS AS IDENTITY"
                    + " UNIQUE, ADD COLUMN child_name_enc BYTEA");
        }
        seal(c, "claim", "intake::text", "intake_enc", ClaimReader.INTAKE);
        seal(c, "claim_document", "content", "content", ClaimReader.DOCUMENT);
        seal(c, "claim_step", "note", "note_enc", ClaimReader.STEP_NOTE);
        seal(c, "claim_scholarship", "child_name", "child_name_enc", ClaimReader.SCHOLARSHIP_CHILD);
        seal(c, "claim_scholarship_payment", "child_name", "child_name_enc", ClaimReader.PAID_CHILD);
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE claim DROP COLUMN intake, ALTER COLUMN intake_enc SET NOT NULL");
            st.execute("ALTER TABLE claim_step DROP COLUMN note");
            st.execute(
                    "ALTER TABLE claim_scholarship DROP COLUMN child_name, ALTER COLUMN child_name_enc SET NOT NULL");
            st.execute("ALTER TABLE claim_scholarship_payment DROP COLUMN child_name,"
                    + " ALTER COLUMN child_name_enc SET NOT NULL");
            st.execute("""
                    COMMENT ON COLUMN claim.intake_enc IS 'the claim as entered (JSON), sealed with AES-256-GCM';
                    COMMENT ON COLUMN claim_document.content IS 'the document, sealed with AES-256-GCM'""");
        }
    }

    /** Seals {@code source} (text or bytes) of every row into {@code target}, in batches by id. */
    private void seal(Connection c, String table, String source, String target, String column) throws Exception {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> ids = new ArrayList<>();
            List<byte[]> sealed = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, " + source + " FROM " + table
                    + " WHERE id > ? AND " + source + " IS NOT NULL ORDER BY id LIMIT " + BATCH)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        byte[] plain = source.equals("content")
                                ? rs.getBytes(2)
                                : rs.getString(2).getBytes(StandardCharsets.UTF_8);
                        sealed.add(vault.seal(plain, column));
                    }
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " t SET " + target + " = v.e"
                    + " FROM unnest(?::bigint[], ?::bytea[]) AS v(id, e) WHERE t.id = v.id")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.setObject(2, sealed.toArray(byte[][]::new));
                ps.executeUpdate();
            }
            after = ids.get(ids.size() - 1);
        }
    }
}
