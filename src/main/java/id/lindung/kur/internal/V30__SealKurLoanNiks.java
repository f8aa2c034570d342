package id.lindung.kur.internal;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The banks' borrower NIKs leave the clear like the registry's (V26): {@code nik_enc} sealed, {@code nik_hash} the
 * blind index loans are matched by; the row fingerprint is recomputed over the index so an unchanged row stays
 * unchanged on the next file.
 */
@Component
class V30__SealKurLoanNiks extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V30__SealKurLoanNiks.class);
    private static final int BATCH = 5_000;

    private final Vault vault;

    V30__SealKurLoanNiks(Vault vault) {
        this.vault = vault;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE kur_loan ADD COLUMN nik_enc BYTEA, ADD COLUMN nik_hash BYTEA");
        }
        long done = 0;
        String afterBank = "";
        String afterLoan = "";
        while (true) {
            List<String> banks = new ArrayList<>();
            List<String> loans = new ArrayList<>();
            List<byte[]> sealed = new ArrayList<>();
            List<byte[]> hashes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT bank_code, loan_id, nik FROM kur_loan"
                    + " WHERE (bank_code, loan_id) > (?, ?) ORDER BY bank_code, loan_id LIMIT " + BATCH)) {
                ps.setString(1, afterBank);
                ps.setString(2, afterLoan);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String nik = rs.getString(3).trim();
                        banks.add(rs.getString(1));
                        loans.add(rs.getString(2));
                        sealed.add(vault.seal(nik.getBytes(StandardCharsets.UTF_8), KurFileReader.NIK_COLUMN));
                        hashes.add(vault.index(KurFileReader.NIK_INDEX, nik));
                    }
                }
            }
            if (banks.isEmpty()) {
                break;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE kur_loan l SET nik_enc = v.e, nik_hash = v.h"
                    + " FROM unnest(?::varchar[], ?::varchar[], ?::bytea[], ?::bytea[]) AS v(b, l, e, h)"
                    + " WHERE l.bank_code = v.b AND l.loan_id = v.l")) {
                ps.setArray(1, c.createArrayOf("varchar", banks.toArray()));
                ps.setArray(2, c.createArrayOf("varchar", loans.toArray()));
                ps.setObject(3, sealed.toArray(byte[][]::new));
                ps.setObject(4, hashes.toArray(byte[][]::new));
                ps.executeUpdate();
            }
            done += banks.size();
            afterBank = banks.get(banks.size() - 1);
            afterLoan = loans.get(loans.size() - 1);
        }
        try (Statement st = c.createStatement()) {
            st.execute("""
                    UPDATE kur_loan SET row_hash = md5(concat_ws('|', branch, encode(nik_hash, 'hex'), name,
                           birth_date, scheme, plafond, disbursed_on, sector, region_code))""");
            st.execute("DROP INDEX kur_loan_nik_idx");
            st.execute("ALTER TABLE kur_loan DROP COLUMN nik, ALTER COLUMN nik_enc SET NOT NULL,"
                    + " ALTER COLUMN nik_hash SET NOT NULL");
            st.execute("CREATE INDEX kur_loan_nik_idx ON kur_loan (nik_hash)");
            st.execute("COMMENT ON COLUMN kur_loan.nik_enc IS 'the borrower''s NIK sealed with AES-256-GCM'");
        }
        if (done > 0) {
            log.info("Sealed the NIKs of {} KUR loans", done);
        }
    }
}
