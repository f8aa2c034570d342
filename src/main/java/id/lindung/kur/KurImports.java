package id.lindung.kur;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.kur.internal.KurFileReader;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.crypto.Vault;
import id.lindung.shared.progress.Progress;
import id.lindung.shared.tabular.StagingFileReader;
import id.lindung.shared.tabular.TabularFile;
import id.lindung.shared.tabular.XlsxLimits;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports a bank's KUR disbursement file: streamed and checked row by row into a staging table with COPY, then
 * set-wise: repeated loans within the file refused, good rows inserted or updated by (bank, loan id) — a row the
 * same as before is left alone, so the same file twice changes nothing and a corrected file updates — and every
 * loan of the file matched against the registry by NIK ({@link KurMatching}). Rows with problems are refused and
 * listed for the error report (line, column, reason); a problem of the whole file refuses all of it. One
 * transaction.
 */
@Service
public class KurImports {

    private static final Logger log = LoggerFactory.getLogger(KurImports.class);
    static final int LISTED_ERRORS = 200;
    /** The columns of a file's result, in the order {@link #fileResult} reads them. */
    private static final String SELECT_FILE = "SELECT id, file_name, format, uploaded_by_bank, row_count, inserted,"
            + " updated, unchanged, rejected, uploaded_by, uploaded_at FROM kur_file";
    /** Class of the transaction advisory lock (two-int form) an import holds on its file's hash ("KU"). */
    private static final int FILE_LOCK_CLASS = 0x4B55;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final RegionDirectory regions;
    private final KurBanks banks;
    private final AuditTrail audit;
    private final Clock clock;
    private final Vault vault;
    private final XlsxLimits xlsxLimits;
    private final KurPolicy policy;

    KurImports(
            JdbcClient jdbc,
            DataSource dataSource,
            RegionDirectory regions,
            KurBanks banks,
            AuditTrail audit,
            Clock clock,
            Vault vault,
            XlsxLimits xlsxLimits,
            KurPolicy policy) {
        this.xlsxLimits = xlsxLimits;
        this.policy = policy;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.regions = regions;
        this.banks = banks;
        this.audit = audit;
        this.clock = clock;
        this.vault = vault;
    }

    /**
     * Imports a file. Bank users import their own bank's rows only; BPJS officers and administrators of the
     * province (a province-wide or national scope) may import any bank's file, whose rows lie anywhere in it.
     */
    @Transactional
    public KurImportResult importFile(@Nullable String fileName, InputStream content, LindungUser by) {
        return importFile(fileName, content, by, Progress.none());
    }

    /** The steps {@link #importFile(String, InputStream, LindungUser, Progress)} reports, reading the file first. */
    public static final int FILE_STEPS = 3;

    /**
     * As {@link #importFile(String, InputStream, LindungUser)}, reporting steps 2 and 3 into progress (the caller
     * reports step 1, reading the file, with {@link Progress#reading}).
     */
    @Transactional
    public KurImportResult importFile(
            @Nullable String fileName, InputStream content, LindungUser by, Progress progress) {
        String uploaderBank = banks.bankOf(by).orElse(null);
        if (uploaderBank == null && !policy.mayImportAnyBank(by)) {
            throw new ForbiddenException(
                    "kur.import.role", (by.role().name() + " " + by.scope().code()).trim());
        }
        String name = TabularFile.fileName(fileName, "kur.csv");
        boolean xlsx = TabularFile.isXlsx(name);
        long started = System.nanoTime();
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS kur_staging (line_no INTEGER, ok BOOLEAN, bank VARCHAR(20),
                  branch VARCHAR(100), loan_id VARCHAR(50) COLLATE "C", nik_enc BYTEA, nik_hash BYTEA, name VARCHAR(150),
                  birth_date DATE, scheme VARCHAR(12), plafond BIGINT, disbursed_on DATE, sector VARCHAR(100),
                  region_code VARCHAR(13), err_field VARCHAR(40), err_code VARCHAR(60), err_args VARCHAR(300))
                  ON COMMIT DROP""").update();
        jdbc.sql("TRUNCATE kur_staging").update();
        KurFileReader reader = new KurFileReader(
                LocalDate.now(clock), banks.codes(), uploaderBank, banks.schemeRules(), regions::exists, vault);
        StagingFileReader.Outcome read = StagingFileReader.copying(
                dataSource, copy -> reader.copy(content, xlsx, xlsxLimits, copy, "kur_staging"));
        // the same file sent twice at once: the second waits here for the first and then replays it (without the
        // lock both would pass the check; a bank's second row breaks kur_file_once, an officer's (no bank, NULL)
        // is not stopped by it at all)
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
                .params(FILE_LOCK_CLASS, read.sha256() + "|" + (uploaderBank == null ? "" : uploaderBank))
                .query()
                .singleRow();
        Optional<KurImportResult> same = jdbc.sql(
                        "SELECT id FROM kur_file WHERE sha256 = ?" + " AND uploaded_by_bank IS NOT DISTINCT FROM ?")
                .params(read.sha256(), uploaderBank)
                .query(Long.class)
                .optional()
                .map(id -> result(id, true));
        if (same.isPresent()) {
            return same.get();
        }
        progress.phase("kur.check", 2, FILE_STEPS, read.rows());
        jdbc.sql("ANALYZE kur_staging").update();
        // a loan repeated within the file: the first occurrence counts, the others are refused naming it
        jdbc.sql("""
                INSERT INTO kur_staging (line_no, ok, err_field, err_code, err_args)
                SELECT s.line_no, FALSE, 'loan_id', 'kur.loan.repeated', s.loan_id || '|' || d.first_line
                  FROM (SELECT bank, loan_id, min(line_no) AS first_line FROM kur_staging WHERE ok
                         GROUP BY bank, loan_id HAVING count(*) > 1) d
                  JOIN kur_staging s ON s.ok AND s.bank = d.bank AND s.loan_id = d.loan_id
                                    AND s.line_no > d.first_line""").update();
        jdbc.sql("""
                DELETE FROM kur_staging s WHERE s.ok AND EXISTS (
                  SELECT 1 FROM kur_staging e WHERE NOT e.ok AND e.line_no = s.line_no)""").update();
        long fileId = jdbc.sql("""
                INSERT INTO kur_file (sha256, uploaded_by_bank, file_name, format, row_count, inserted, updated,
                                      unchanged, rejected, uploaded_by)
                VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?) RETURNING id""")
                .params(read.sha256(), uploaderBank, name, xlsx ? "XLSX" : "CSV", read.rows(), by.username())
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO kur_file_error (file_id, line_no, field, code, args)
                SELECT ?, line_no, err_field, err_code, coalesce(err_args, '') FROM kur_staging WHERE NOT ok
                 ORDER BY line_no""").param(fileId).update();
        progress.phase("kur.apply", 3, FILE_STEPS, read.rows());
        // each loan written once, matched as it is written (KurMatching's joins)
        String upsert = """
                WITH changed AS (
                  INSERT INTO kur_loan AS l (bank_code, loan_id, branch, nik_enc, nik_hash, name, birth_date, scheme, plafond,
                                             disbursed_on, sector, region_code, mandatory, row_hash, first_file_id,
                                             last_file_id, MATCH_COLUMNS)
                  SELECT x.bank, x.loan_id, x.branch, x.nik_enc, x.nik_hash, x.name, x.birth_date, x.scheme, x.plafond,
                         x.disbursed_on, x.sector, x.region_code,
                         coalesce(x.plafond > r.mandatory_above, FALSE),
                         md5(concat_ws('|', x.branch, encode(x.nik_hash, 'hex'), x.name, x.birth_date, x.scheme, x.plafond,
                                       x.disbursed_on, x.sector, x.region_code)),
                         :file, :file, MATCH_VALUES
                    FROM kur_staging x
                    LEFT JOIN LATERAL (SELECT k.mandatory_above FROM kur_scheme_rule k
                                        WHERE k.scheme = x.scheme AND k.valid_from <= x.disbursed_on
                                        ORDER BY k.valid_from DESC LIMIT 1) r ON TRUE
                    MATCH_JOINS
                   WHERE x.ok
                   ORDER BY x.bank, x.loan_id
                  ON CONFLICT (bank_code, loan_id) DO UPDATE
                     SET branch = excluded.branch, nik_enc = excluded.nik_enc, nik_hash = excluded.nik_hash,
                         name = excluded.name,
                         birth_date = excluded.birth_date, scheme = excluded.scheme, plafond = excluded.plafond,
                         disbursed_on = excluded.disbursed_on, sector = excluded.sector,
                         region_code = excluded.region_code, mandatory = excluded.mandatory,
                         row_hash = excluded.row_hash, last_file_id = excluded.last_file_id, updated_at = lindung_now(),
                         participant_id = excluded.participant_id, name_mismatch = excluded.name_mismatch,
                         birth_mismatch = excluded.birth_mismatch, match_status = excluded.match_status,
                         enrolled_at_disbursement = excluded.enrolled_at_disbursement
                   WHERE l.row_hash <> excluded.row_hash
                  RETURNING (xmax = 0) AS inserted)
                SELECT count(*) FILTER (WHERE inserted) AS inserted, count(*) FILTER (WHERE NOT inserted) AS updated
                  FROM changed""".replace("MATCH_COLUMNS", KurMatching.MATCH_COLUMNS)
                .replace("MATCH_VALUES", KurMatching.MATCH_VALUES)
                .replace("MATCH_JOINS", KurMatching.MATCH_JOINS);
        Map<String, Object> counts =
                jdbc.sql(upsert).param("file", fileId).query().singleRow();
        int inserted = ((Number) Objects.requireNonNull(counts.get("inserted"))).intValue(); // counts: never NULL
        int updated = ((Number) Objects.requireNonNull(counts.get("updated"))).intValue();
        int rejected = jdbc.sql("SELECT count(DISTINCT line_no) FROM kur_staging WHERE NOT ok")
                .query(Integer.class)
                .single();
        int unchanged = read.rows() - rejected - inserted - updated;
        int matched = inserted + updated;
        jdbc.sql("UPDATE kur_file SET inserted = ?, updated = ?, unchanged = ?, rejected = ? WHERE id = ?")
                .params(inserted, updated, unchanged, rejected, fileId)
                .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fileName", name);
        values.put("sha256", read.sha256());
        values.put("rows", read.rows());
        values.put("inserted", inserted);
        values.put("updated", updated);
        values.put("unchanged", unchanged);
        values.put("rejected", rejected);
        audit.record(
                "KUR_FILE_IMPORTED",
                "kur_file",
                Long.toString(fileId),
                by.scope().code(),
                values);
        log.info(
                "KUR file {} ({} rows): {} new, {} updated, {} unchanged, {} refused, {} matched in {} ms",
                name,
                read.rows(),
                inserted,
                updated,
                unchanged,
                rejected,
                matched,
                (System.nanoTime() - started) / 1_000_000);
        return result(fileId, false);
    }

    /** A file's result, if the caller may see it (its bank's people, or BPJS and government users). */
    public KurImportResult file(long fileId, LindungUser by) {
        KurImportResult r = result(fileId, false);
        String bank = banks.bankOf(by).orElse(null);
        if (bank != null && !bank.equals(r.uploadedByBank())) {
            throw new NotFoundException("kur file " + fileId);
        }
        return r;
    }

    /** The refused rows of a file, in line order (all of them, for the error report). */
    public List<KurImportResult.RowError> errors(long fileId, int limit, LindungUser by) {
        file(fileId, by);
        return errorRows(fileId, limit);
    }

    /**
     * The latest files the caller may see, newest first, without their errors: a bank's people their bank's files,
     * BPJS and government users every file.
     */
    public List<KurImportResult> recent(int limit, LindungUser by) {
        String bank = banks.bankOf(by).orElse(null);
        return jdbc.sql(SELECT_FILE
                        + " WHERE CAST(:bank AS varchar) IS NULL OR uploaded_by_bank = :bank ORDER BY id DESC LIMIT :n")
                .param("bank", bank)
                .param("n", Math.min(Math.max(limit, 1), 100))
                .query((rs, n) -> fileResult(rs, false, List.of()))
                .list();
    }

    private KurImportResult result(long fileId, boolean replayed) {
        return jdbc.sql(SELECT_FILE + " WHERE id = ?")
                .param(fileId)
                .query((rs, n) -> fileResult(rs, replayed, replayed ? List.of() : errorRows(fileId, LISTED_ERRORS)))
                .optional()
                .orElseThrow(() -> new NotFoundException("kur file " + fileId));
    }

    /** A row of {@link #SELECT_FILE} as a result, with those refused rows. */
    private static KurImportResult fileResult(ResultSet rs, boolean replayed, List<KurImportResult.RowError> errors)
            throws SQLException {
        return new KurImportResult(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9),
                rs.getString(10),
                rs.getTimestamp(11).toInstant(),
                replayed,
                errors);
    }

    private List<KurImportResult.RowError> errorRows(long fileId, int limit) {
        return jdbc.sql("SELECT line_no, field, code, args FROM kur_file_error WHERE file_id = ?"
                        + " ORDER BY line_no, field LIMIT ?")
                .params(fileId, limit)
                .query((rs, n) -> new KurImportResult.RowError(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4).isEmpty()
                                ? List.of()
                                : List.of(rs.getString(4).split("\\|", -1))))
                .list();
    }
}
