package id.lindung.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.participant.IdentityView;
import id.lindung.support.MigratedDatabase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * A database written before personal data was sealed (schema version 25, NIKs, relatives, a claim's intake and
 * document, a KUR loan in clear) is sealed by the migrations after it: the same values open again, nothing is left in
 * clear, the NIK's index finds the participant and the loan still matches it.
 */
@SpringBootTest
@ActiveProfiles("test")
class SealingMigrationTest {

    static final String NIK = "6104015702790001";

    @Autowired
    DataSource appDataSource;

    @Autowired
    List<JavaMigration> javaMigrations;

    @Autowired
    Vault vault;

    @Test
    void rowsWrittenInClearBeforeVersion26AreSealedByTheMigrations() {
        try (MigratedDatabase old = MigratedDatabase.create(appDataSource, javaMigrations, "sealing")) {
            old.migrateTo("25");
            JdbcClient jdbc = old.jdbc();
            long participant = jdbc.sql("""
                    INSERT INTO participant (nik, full_name, name_key, birth_date, sex, region_code)
                    VALUES (?, 'Yohanes Ransa', 'YOHANES RANSA', '1979-02-17', 'L', '61.04.01.2011') RETURNING id""").param(NIK).query(Long.class).single();
            jdbc.sql("""
                    INSERT INTO participant_relative (participant_id, relation, full_name, nik, birth_date, sex, heir)
                    VALUES (?, 'CHILD', 'Maria Ransa', '6104015708150002', '2015-08-17', 'P', FALSE)""").param(participant).update();
            long claim = jdbc.sql("""
                    INSERT INTO claim (claim_number, participant_id, participant_name, kind, cause, event_date, intake,
                                       member_facts, status, region_code, submitted_by)
                    VALUES ('KLM-2026-000001', ?, 'Yohanes Ransa', 'JKK_DEATH', 'WORK_ACCIDENT', '2026-10-01',
                            '{"note": "patah tulang", "heirs": [{"bankAccount": "0123-998877"}]}', '{}', 'SUBMITTED',
                            '61.04.01.2011', 'petugas') RETURNING id""").param(participant).query(Long.class).single();
            jdbc.sql("INSERT INTO claim_step (claim_id, actor, status, note) VALUES (?, 'petugas', 'SUBMITTED',"
                            + " 'patah tulang')")
                    .param(claim)
                    .update();
            jdbc.sql("""
                    INSERT INTO claim_document (claim_id, document_type, file_name, content_type, size_bytes, sha256,
                                                content, uploaded_by)
                    VALUES (?, 'LAINNYA', 'surat.pdf', 'application/pdf', 12, repeat('0', 64), ?, 'petugas')""")
                    .params(claim, "%PDF-rahasia".getBytes(StandardCharsets.UTF_8))
                    .update();
            jdbc.sql("""
                    INSERT INTO kur_file (sha256, file_name, format, row_count, inserted, updated, unchanged, rejected,
                                          uploaded_by) VALUES (repeat('1', 64), 'kur.csv', 'CSV', 1, 1, 0, 0, 0, 'bank')
                    """).update();
            jdbc.sql("""
                    INSERT INTO kur_loan (bank_code, loan_id, branch, nik, name, scheme, plafond, disbursed_on,
                                          region_code, mandatory, row_hash, first_file_id, last_file_id)
                    SELECT 'KALBAR', 'L-1', 'Ketapang', ?, 'Yohanes Ransa', 'MIKRO', 50000000, '2026-10-02', '61.04',
                           FALSE, 'x', id, id FROM kur_file""").param(NIK).update();

            old.migrateTo("latest");

            byte[] sealedNik = jdbc.sql("SELECT nik_enc FROM participant WHERE id = ?")
                    .param(participant)
                    .query(byte[].class)
                    .single();
            assertThat(vault.openText(sealedNik, IdentityView.NIK_COLUMN)).isEqualTo(NIK);
            assertThat(jdbc.sql("SELECT id FROM participant WHERE nik_hash = ?")
                            .param(vault.index(IdentityView.NIK_INDEX, NIK))
                            .query(Long.class)
                            .single())
                    .isEqualTo(participant);
            assertThat(vault.openText(
                            jdbc.sql("SELECT identity_enc FROM participant_relative")
                                    .query(byte[].class)
                                    .single(),
                            "participant_relative.identity_enc"))
                    .startsWith("Maria Ransa\u001f6104015708150002");
            assertThat(vault.openText(
                            jdbc.sql("SELECT intake_enc FROM claim")
                                    .query(byte[].class)
                                    .single(),
                            "claim.intake_enc"))
                    .contains("0123-998877", "patah tulang");
            assertThat(vault.openText(
                            jdbc.sql("SELECT note_enc FROM claim_step")
                                    .query(byte[].class)
                                    .single(),
                            "claim_step.note_enc"))
                    .isEqualTo("patah tulang");
            assertThat(vault.open(
                            jdbc.sql("SELECT content FROM claim_document")
                                    .query(byte[].class)
                                    .single(),
                            "claim_document.content"))
                    .isEqualTo("%PDF-rahasia".getBytes(StandardCharsets.UTF_8));
            assertThat(vault.openText(
                            jdbc.sql("SELECT nik_enc FROM kur_loan")
                                    .query(byte[].class)
                                    .single(),
                            "kur_loan.nik_enc"))
                    .isEqualTo(NIK);
            assertThat(jdbc.sql("SELECT count(*) FROM kur_loan l JOIN participant_identity_v p"
                                    + " ON p.nik_hash = l.nik_hash")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            // the clear columns are gone
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public'
                       AND (table_name, column_name) IN (('participant', 'nik'), ('participant_relative', 'nik'),
                           ('participant_relative', 'full_name'), ('claim', 'intake'), ('kur_loan', 'nik'),
                           ('claim_step', 'note'), ('sponsorship_beneficiary', 'nik'))""").query(Long.class).single()).isZero();
        }
    }
}
