package id.lindung.contribution;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.contribution.internal.Allocation;
import id.lindung.contribution.internal.HistoryFileReader;
import id.lindung.enrolment.RegistrationHistory;
import id.lindung.enrolment.Segment;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.crypto.Vault;
import id.lindung.shared.progress.Progress;
import id.lindung.shared.tabular.StagingFileReader;
import id.lindung.shared.tabular.TabularFile;
import id.lindung.shared.tabular.XlsxLimits;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contribution history import (opening balances): long-standing members' paid months from BPJS's existing system
 * become paid bills on the ledger (docs/contribution-history-format.md). The file is streamed through COPY into a
 * staging table, each row checked on its own by {@link HistoryFileReader}, then everything that needs the database
 * set-wise: the member (by the NIK's blind index through {@code participant_identity_v}, or the membership number,
 * inside the importer's region scope), the month within the membership, repeated months, the bill of the month (every
 * owed month of the memberships is put on the ledger first, by its rules, {@link Ledger}), months already paid, the
 * amount against the month's bill (the programme's lines, or the whole bill for {@code ALL}), a month paid in full,
 * the paid date, no unpaid month before an imported one and paid dates in month order (the ledger applies money oldest
 * bill first, so a history that does not would read differently there).
 *
 * <p>All or nothing: one refused row refuses the file, every refusal naming {@code rows[line].column}; nothing is
 * written. Otherwise, in the same transaction: one payment per row (channel {@code HISTORY_IMPORT}, the historical
 * paid date, the import and the line as provenance) allocated to exactly its month's bill, the bills paid, the
 * memberships' registration day moved back to the first imported month when earlier, credit already waiting allocated
 * as usual, the import audited and {@link LedgerBatchChanged} published. The same file again (SHA-256) is a replay that
 * changes nothing; two identical uploads at once wait for each other on an advisory lock.
 */
@Service
public class HistoryImports {

    /** Imports of at least this many rows refresh the ledger tables' planner statistics when they are done. */
    static final int ANALYZE_FROM_ROWS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(HistoryImports.class);
    /** The payment channel of imported history. */
    public static final String CHANNEL = "HISTORY_IMPORT";

    static final int LISTED_ERRORS = 200;
    /** Class of the transaction advisory lock (two-int form) an import holds on its file's hash ("HI"). */
    private static final int FILE_LOCK_CLASS = 0x4849;

    static final String STAGING = "history_staging";

    private final ContributionPolicy policy;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Ledger ledger;
    private final Allocation allocation;
    private final RegistrationHistory registrations;
    private final AuditTrail audit;
    private final Clock clock;
    private final Vault vault;
    private final XlsxLimits xlsxLimits;
    private final RegionDirectory regions;
    private final ApplicationEventPublisher events;
    private final int payAheadMonths;

    HistoryImports(
            JdbcClient jdbc,
            DataSource dataSource,
            Ledger ledger,
            Allocation allocation,
            RegistrationHistory registrations,
            AuditTrail audit,
            Clock clock,
            Vault vault,
            RegionDirectory regions,
            ApplicationEventPublisher events,
            ContributionProperties properties,
            XlsxLimits xlsxLimits,
            ContributionPolicy policy) {
        this.xlsxLimits = xlsxLimits;
        this.policy = policy;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.ledger = ledger;
        this.allocation = allocation;
        this.registrations = registrations;
        this.audit = audit;
        this.clock = clock;
        this.vault = vault;
        this.regions = regions;
        this.events = events;
        this.payAheadMonths = properties.bpuMaxMonthsAhead();
    }

    /** Imports a history file (CSV or XLSX by its name), all or nothing. */
    @Transactional
    public HistoryImportResult importFile(@Nullable String fileName, InputStream content, LindungUser by) {
        return importFile(fileName, content, by, Progress.none());
    }

    /** The steps {@link #importFile(String, InputStream, LindungUser, Progress)} reports, reading the file first. */
    public static final int FILE_STEPS = 2;

    /**
     * As {@link #importFile(String, InputStream, LindungUser)}, reporting step 2 into progress (the caller reports
     * step 1, reading the file, with {@link Progress#reading}).
     */
    @Transactional
    public HistoryImportResult importFile(
            @Nullable String fileName, InputStream content, LindungUser by, Progress progress) {
        requireImporter(by);
        String name = TabularFile.fileName(fileName, "riwayat.csv");
        boolean xlsx = TabularFile.isXlsx(name);
        allocation.setBatchWorkMem();
        createStaging();
        StagingFileReader.Outcome read = StagingFileReader.copying(
                dataSource,
                copy -> new HistoryFileReader(LocalDate.now(clock), regions::exists, vault)
                        .copy(content, xlsx, xlsxLimits, copy, STAGING));
        progress.phase("history.import", 2, FILE_STEPS, read.rows());
        return importStaged(name, xlsx ? "XLSX" : "CSV", read.sha256(), read.rows(), by);
    }

    /** Empties (creating if needed) the staging table of one import, in the caller's transaction. */
    void createStaging() {
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS history_staging (line_no INTEGER, ok BOOLEAN, nik_hash BYTEA,
                  membership_id BIGINT, period DATE, programme VARCHAR(7) COLLATE "C", amount BIGINT, paid_on DATE,
                  err_field VARCHAR(40), err_code VARCHAR(60), err_args VARCHAR(300)) ON COMMIT DROP""").update();
        jdbc.sql("TRUNCATE history_staging").update();
    }

    /**
     * Checks and imports the rows in the staging table ({@link #createStaging()}; columns
     * {@link HistoryFileReader#STAGING_COLUMNS}), all or nothing. Shared by files and the demo history.
     */
    HistoryImportResult importStaged(String name, String format, String sha256, int rows, LindungUser by) {
        return importStaged(name, format, sha256, rows, by, true);
    }

    /**
     * As {@link #importStaged(String, String, String, int, LindungUser)}; {@code billOwedMonths} false when the
     * caller has just billed every owed month of these memberships itself (the demo history).
     */
    HistoryImportResult importStaged(
            String name, String format, String sha256, int rows, LindungUser by, boolean billOwedMonths) {
        long started = System.nanoTime();
        // the same file twice at once: the second waits here for the first, then replays it
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
                .params(FILE_LOCK_CLASS, sha256)
                .query()
                .singleRow();
        Optional<Long> earlier = jdbc.sql("SELECT id FROM contribution_history_import WHERE sha256 = ?")
                .param(sha256)
                .query(Long.class)
                .optional();
        if (earlier.isPresent()) {
            return result(earlier.get(), true);
        }
        jdbc.sql("ANALYZE history_staging").update();
        String scope = by.scope().code().isEmpty() ? "%" : by.scope().code() + ".%";
        YearMonth current = YearMonth.now(clock);

        resolveMembers(scope);
        refuseOutsideMemberships();
        refuseRepeated();
        // every owed month of these memberships is on the ledger (by its rules) before amounts are compared
        allocation.lock();
        ledger.clearScope();
        jdbc.sql("INSERT INTO ledger_scope SELECT DISTINCT membership_id FROM history_row")
                .update();
        int billsCreated = billOwedMonths ? ledger.billOwedMonths(current, null, Ledger.Gaps.ALL) : 0;
        checkAgainstBills();
        refuseIfAnyError();

        long importId = jdbc.sql("""
                INSERT INTO contribution_history_import (sha256, file_name, format, row_count, months_paid,
                  memberships, bills_created, total_amount, registrations_moved, uploaded_by, uploader_scope)
                VALUES (?, ?, ?, ?, 0, 0, ?, 0, 0, ?, ?) RETURNING id""")
                .params(
                        sha256,
                        name,
                        format,
                        rows,
                        billsCreated,
                        by.username(),
                        by.scope().code())
                .query(Long.class)
                .single();
        // payments numbered membership by membership, month by month: their indexes grow at the right end
        String sequence = jdbc.sql("SELECT pg_get_serial_sequence('payment', 'id')")
                .query(String.class)
                .single();
        jdbc.sql("""
                CREATE TEMP TABLE history_pay ON COMMIT DROP AS
                SELECT nextval('%s'::regclass) AS payment_id, x.*
                  FROM (SELECT line_no, membership_id, period, amount, paid_on, bill_id FROM history_line
                         ORDER BY membership_id, period, line_no) x""".formatted(sequence.replace("'", "''"))).update();
        int paid = jdbc.sql("""
                INSERT INTO payment (id, key_namespace, idempotency_key, membership_id, amount, paid_on, channel,
                                     reference, status, unallocated, recorded_by, history_import_id, source_line)
                OVERRIDING SYSTEM VALUE
                SELECT payment_id, 'HISTORY', 'HISTORY:' || :id || ':' || line_no, membership_id, amount, paid_on, :channel,
                       'history import ' || :id || ' line ' || line_no, 'APPLIED', 0, :by, :id, line_no
                  FROM history_pay ORDER BY payment_id""")
                .param("id", importId)
                .param("channel", CHANNEL)
                .param("by", by.username())
                .update();
        jdbc.sql("INSERT INTO payment_allocation (payment_id, bill_id, amount)"
                        + " SELECT payment_id, bill_id, amount FROM history_pay ORDER BY payment_id")
                .update();
        int monthsPaid = jdbc.sql("""
                UPDATE bill b SET paid = b.amount, status = 'PAID'
                  FROM (SELECT DISTINCT bill_id FROM history_pay ORDER BY bill_id) x
                 WHERE b.id = x.bill_id""").update();
        // their registration predates Lindung: the first imported month's first day, when earlier
        jdbc.sql("""
                CREATE TEMP TABLE history_registration ON COMMIT DROP AS
                SELECT membership_id, min(period) AS registered_on FROM history_pay GROUP BY membership_id""").update();
        int moved = registrations.moveBack("history_registration");
        // credit that was waiting (payments made in Lindung before) goes to the bills still open, oldest first
        allocation.clearScope();
        int withCredit = jdbc.sql("""
                INSERT INTO alloc_scope SELECT DISTINCT p.membership_id FROM payment p
                  JOIN ledger_scope s ON s.membership_id = p.membership_id
                 WHERE p.unallocated > 0 AND p.status = 'APPLIED'""").update();
        if (withCredit > 0) {
            allocation.allocate();
        }
        Map<String, Object> totals = jdbc.sql("""
                SELECT count(DISTINCT membership_id) AS memberships, coalesce(sum(amount), 0) AS total,
                       min(period) AS first, max(period) AS last FROM history_pay""").query().singleRow();
        int memberships = ((Number) Objects.requireNonNull(totals.get("memberships"))).intValue(); // count, sum:
        long total = ((Number) Objects.requireNonNull(totals.get("total"))).longValue(); // never NULL
        jdbc.sql("""
                UPDATE contribution_history_import SET months_paid = ?, memberships = ?, total_amount = ?,
                       registrations_moved = ?, first_month = ?, last_month = ? WHERE id = ?""")
                .params(monthsPaid, memberships, total, moved, totals.get("first"), totals.get("last"), importId)
                .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fileName", name);
        values.put("format", format);
        values.put("sha256", sha256);
        values.put("rows", rows);
        values.put("payments", paid);
        values.put("monthsPaid", monthsPaid);
        values.put("memberships", memberships);
        values.put("billsCreated", billsCreated);
        values.put("totalAmount", total);
        values.put("registrationsMoved", moved);
        audit.record(
                "CONTRIBUTION_HISTORY_IMPORTED",
                "contribution_history_import",
                Long.toString(importId),
                by.scope().code(),
                values);
        if (rows >= ANALYZE_FROM_ROWS) {
            // an import can multiply the ledger (an empty one, in a new installation or the demo): the readers it
            // wakes (coverage, KUR re-match) plan over these tables at once, before autovacuum has looked at them,
            // and with the statistics of an empty table a nested loop over the protected months took ten minutes
            jdbc.sql("ANALYZE bill, payment, payment_allocation").update();
        }
        events.publishEvent(new LedgerBatchChanged("HISTORY_IMPORT", importId));
        log.info(
                "Contribution history {} ({} rows): {} months of {} memberships paid (Rp{}), {} bills created, {}"
                        + " registrations moved back in {} ms",
                name,
                rows,
                monthsPaid,
                memberships,
                total,
                billsCreated,
                moved,
                (System.nanoTime() - started) / 1_000_000);
        return result(importId, false);
    }

    /**
     * Finds each row's membership: by number (it must lie in the scope; with a NIK too, the NIK must be its
     * participant's), or by NIK — the participant's membership in scope that has the programme and runs in the
     * month (or its only such membership, so that the month is then refused as outside it).
     */
    private void resolveMembers(String scope) {
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS history_row (line_no INTEGER, membership_id BIGINT, period DATE,
                  programme VARCHAR(7) COLLATE "C", amount BIGINT, paid_on DATE) ON COMMIT DROP""").update();
        jdbc.sql("TRUNCATE history_row").update();
        // by number: plain joins; by NIK: the participant's memberships that fit (a probe per row, NIK rows only)
        jdbc.sql("""
                CREATE TEMP TABLE history_resolved ON COMMIT DROP AS
                SELECT s.line_no, s.period, s.programme, s.amount, s.paid_on, s.membership_id AS given,
                       s.nik_hash IS NOT NULL AS has_nik,
                       gv.membership_id AS given_found, gv.programmes AS given_programmes, gv.segment AS given_segment,
                       gp.nik_hash IS NOT DISTINCT FROM s.nik_hash AS given_nik_ok,
                       NULL::bigint AS participant_id, NULL::bigint AS n, NULL::bigint AS covering_n,
                       NULL::bigint AS covering, NULL::bigint AS any_id
                  FROM history_staging s
                  LEFT JOIN enrolment_membership_v gv ON gv.membership_id = s.membership_id AND gv.region_code LIKE :scope
                  LEFT JOIN participant_identity_v gp ON s.nik_hash IS NOT NULL AND gp.participant_id = gv.participant_id
                 WHERE s.ok AND s.membership_id IS NOT NULL
                UNION ALL
                SELECT s.line_no, s.period, s.programme, s.amount, s.paid_on, NULL, TRUE, NULL, NULL, NULL, NULL,
                       p.participant_id, c.n, c.covering_n, c.covering, c.any_id
                  FROM history_staging s
                  LEFT JOIN participant_identity_v p ON p.nik_hash = s.nik_hash AND p.region_code LIKE :scope
                  LEFT JOIN LATERAL (
                    SELECT count(*) AS n, count(*) FILTER (WHERE k.covers) AS covering_n,
                           min(v.membership_id) FILTER (WHERE k.covers) AS covering, min(v.membership_id) AS any_id
                      FROM enrolment_membership_v v
                      CROSS JOIN LATERAL (SELECT v.start_month <= s.period
                                                 AND (v.end_month IS NULL OR s.period <= v.end_month) AS covers) k
                     WHERE v.participant_id = p.participant_id AND v.region_code LIKE :scope
                       AND (s.programme = 'ALL' OR position(s.programme IN v.programmes) > 0
                            OR (s.programme = 'JKK_JKM' AND v.segment = :pmi))) c ON TRUE
                 WHERE s.ok AND s.membership_id IS NULL""").param("scope", scope).param("pmi", Segment.PMI.name()).update();
        refuse("""
                SELECT line_no, field, code, args FROM (
                  SELECT line_no,
                         CASE WHEN given IS NOT NULL AND given_found IS NULL THEN 'membership_id'
                              WHEN given IS NOT NULL AND has_nik AND NOT given_nik_ok THEN 'nik'
                              WHEN given IS NOT NULL THEN 'programme'
                              WHEN participant_id IS NULL THEN 'nik'
                              WHEN n = 0 THEN 'programme'
                              WHEN covering_n > 1 THEN 'nik'
                              ELSE 'month' END AS field,
                         CASE WHEN given IS NOT NULL AND given_found IS NULL THEN 'history.member.unknown-membership'
                              WHEN given IS NOT NULL AND has_nik AND NOT given_nik_ok THEN 'history.member.nik-mismatch'
                              WHEN given IS NOT NULL THEN
                                CASE WHEN programme = 'ALL' OR position(programme IN given_programmes) > 0
                                          OR (programme = 'JKK_JKM' AND given_segment = :pmi) THEN NULL
                                     ELSE 'history.programme.not-in-membership' END
                              WHEN participant_id IS NULL THEN 'history.member.unknown'
                              WHEN n = 0 THEN 'history.member.no-membership'
                              WHEN covering_n > 1 THEN 'history.member.ambiguous'
                              WHEN covering_n = 0 AND n > 1 THEN 'history.month.no-membership'
                              END AS code,
                         concat_ws('|', coalesce(given::text, ''), programme, to_char(period, 'YYYY-MM'),
                                   coalesce(given_programmes, ''), covering_n::text) AS args
                    FROM history_resolved) e
                 WHERE code IS NOT NULL""".replace(":pmi", "'" + Segment.PMI + "'"));
        jdbc.sql("""
                INSERT INTO history_row (line_no, membership_id, period, programme, amount, paid_on)
                SELECT r.line_no, coalesce(r.given_found, CASE WHEN r.covering_n = 1 THEN r.covering
                                                               WHEN r.covering_n = 0 AND r.n = 1 THEN r.any_id END),
                       r.period, r.programme, r.amount, r.paid_on
                  FROM history_resolved r
                 WHERE NOT EXISTS (SELECT 1 FROM history_staging e WHERE NOT e.ok AND e.line_no = r.line_no)""").update();
        jdbc.sql("ANALYZE history_row").update();
    }

    /** The month must lie within the membership: not before its start, not after its end. */
    private void refuseOutsideMemberships() {
        refuse("""
                SELECT r.line_no, 'month',
                       CASE WHEN r.period < v.start_month THEN 'history.month.before-start'
                            ELSE 'history.month.after-end' END,
                       to_char(r.period, 'YYYY-MM') || '|' || to_char(v.start_month, 'YYYY-MM') || '|'
                         || coalesce(to_char(v.end_month, 'YYYY-MM'), '') || '|' || r.membership_id
                  FROM history_row r JOIN enrolment_membership_v v ON v.membership_id = r.membership_id
                 WHERE r.period < v.start_month OR r.period > v.end_month""");
        dropRefused("history_row");
    }

    /** A programme's month twice in the file, or a month both whole ({@code ALL}) and by programme. */
    private void refuseRepeated() {
        refuse("""
                SELECT r.line_no, 'programme', 'history.month.repeated',
                       to_char(r.period, 'YYYY-MM') || '|' || r.programme || '|' || d.first_line
                  FROM history_row r
                  JOIN (SELECT membership_id, period, programme, min(line_no) AS first_line FROM history_row
                         GROUP BY membership_id, period, programme HAVING count(*) > 1) d
                    ON d.membership_id = r.membership_id AND d.period = r.period AND d.programme = r.programme
                 WHERE r.line_no > d.first_line""");
        dropRefused("history_row");
        refuse("""
                SELECT r.line_no, 'programme', 'history.month.mixed', to_char(r.period, 'YYYY-MM') || '|' || d.first_line
                  FROM history_row r
                  JOIN (SELECT membership_id, period, min(line_no) AS first_line FROM history_row
                         GROUP BY membership_id, period
                        HAVING bool_or(programme = 'ALL') AND bool_or(programme <> 'ALL')) d
                    ON d.membership_id = r.membership_id AND d.period = r.period
                 WHERE r.line_no > d.first_line""");
        dropRefused("history_row");
    }

    /**
     * Against the ledger: the month is owed (a bill), not yet paid, the amount is the programme's (or the whole
     * bill's), the month is paid in full, the paid date not earlier than the month allows, no unpaid month before an
     * imported one, paid dates in month order.
     */
    private void checkAgainstBills() {
        jdbc.sql("""
                CREATE TEMP TABLE history_line ON COMMIT DROP AS
                SELECT r.*, b.id AS bill_id, b.amount AS bill_amount, b.paid AS bill_paid, b.status AS bill_status,
                       v.segment
                  FROM history_row r
                  JOIN enrolment_membership_v v ON v.membership_id = r.membership_id
                  LEFT JOIN bill b ON b.membership_id = r.membership_id AND b.period = r.period
                                  AND b.status <> 'CANCELLED'""").update();
        jdbc.sql("ANALYZE history_line").update();
        refuse("""
                SELECT line_no, 'month',
                       CASE WHEN bill_id IS NULL THEN 'history.month.not-owed' ELSE 'history.month.already-paid' END,
                       to_char(period, 'YYYY-MM') || '|' || coalesce(bill_paid, 0) || '|' || coalesce(bill_amount, 0)
                  FROM history_line WHERE bill_id IS NULL OR bill_paid > 0""");
        dropRefused("history_line");
        // the month's bill, programme by programme (its contribution and discount lines)
        jdbc.sql("""
                CREATE TEMP TABLE history_due ON COMMIT DROP AS
                SELECT l.bill_id, l.programme, sum(l.employer_amount + l.worker_amount)::bigint AS due
                  FROM bill_line l
                 WHERE l.bill_id IN (SELECT bill_id FROM history_line) AND l.kind <> 'FINE'
                 GROUP BY l.bill_id, l.programme""").update();
        jdbc.sql("ANALYZE history_due").update();
        refuse("""
                SELECT h.line_no, CASE WHEN h.programme <> 'ALL' AND coalesce(d.due, 0) = 0 THEN 'programme'
                                       ELSE 'amount' END,
                       CASE WHEN h.programme <> 'ALL' AND coalesce(d.due, 0) = 0 THEN 'history.programme.not-on-bill'
                            ELSE 'history.amount.mismatch' END,
                       h.amount || '|' || CASE WHEN h.programme = 'ALL' THEN h.bill_amount ELSE coalesce(d.due, 0) END
                         || '|' || h.programme || '|' || to_char(h.period, 'YYYY-MM')
                  FROM history_line h
                  LEFT JOIN history_due d ON d.bill_id = h.bill_id AND d.programme = h.programme
                 WHERE h.amount <> CASE WHEN h.programme = 'ALL' THEN h.bill_amount ELSE coalesce(d.due, 0) END""");
        dropRefused("history_line");
        // paid no earlier than the month allows: BPU, construction and PMI may pay ahead, wage earners (PU) not
        refuse("""
                SELECT line_no, 'paid_on', 'history.paid-on.too-early', paid_on || '|' || earliest || '|'
                         || to_char(period, 'YYYY-MM')
                  FROM (SELECT h.*, (h.period - make_interval(months => CASE WHEN h.segment = :pu THEN 0
                                                                              ELSE :ahead END))::date AS earliest
                          FROM history_line h) x
                 WHERE paid_on < earliest""".replace(":ahead", Integer.toString(payAheadMonths)).replace(":pu", "'" + Segment.PU + "'"));
        dropRefused("history_line");
        // the month paid in full: its rows add up to its bill
        refuse("""
                SELECT first_line, 'amount', 'history.month.incomplete',
                       to_char(period, 'YYYY-MM') || '|' || total || '|' || bill_amount
                  FROM (SELECT membership_id, period, min(line_no) AS first_line, sum(amount) AS total,
                               min(bill_amount) AS bill_amount
                          FROM history_line GROUP BY membership_id, period) m
                 WHERE total <> bill_amount""");
        jdbc.sql("""
                DELETE FROM history_line h USING (SELECT membership_id, period FROM history_line
                                                   GROUP BY membership_id, period
                                                  HAVING sum(amount) <> min(bill_amount)) m
                 WHERE h.membership_id = m.membership_id AND h.period = m.period""").update();
        // no unpaid month before an imported one: the first month neither paid on the ledger nor in the file
        refuse("""
                WITH months AS (
                  SELECT membership_id, period, min(line_no) AS first_line FROM history_line
                   GROUP BY membership_id, period),
                hole AS (
                  SELECT b.membership_id, min(b.period) AS period
                    FROM bill b
                   WHERE b.membership_id IN (SELECT membership_id FROM months) AND b.status = 'OPEN'
                     AND NOT EXISTS (SELECT 1 FROM history_row r WHERE r.membership_id = b.membership_id
                                        AND r.period = b.period)
                   GROUP BY b.membership_id)
                SELECT m.first_line, 'month', 'history.month.gap',
                       to_char(m.period, 'YYYY-MM') || '|' || to_char(h.period, 'YYYY-MM')
                  FROM months m JOIN hole h ON h.membership_id = m.membership_id AND h.period < m.period""");
        // paid in month order, and not before the money already on the ledger
        refuse("""
                WITH months AS (
                  SELECT membership_id, period, min(line_no) AS first_line, min(paid_on) AS first_paid,
                         max(paid_on) AS last_paid
                    FROM history_line GROUP BY membership_id, period),
                ledger AS (
                  SELECT p.membership_id, max(p.paid_on) AS last_paid
                    FROM payment p
                   WHERE p.membership_id IN (SELECT membership_id FROM months) AND p.status = 'APPLIED'
                     AND EXISTS (SELECT 1 FROM payment_allocation a WHERE a.payment_id = p.id)
                   GROUP BY p.membership_id),
                ordered AS (
                  SELECT m.*, greatest(max(m.last_paid) OVER (PARTITION BY m.membership_id ORDER BY m.period
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), l.last_paid) AS before
                    FROM months m LEFT JOIN ledger l ON l.membership_id = m.membership_id)
                SELECT first_line, 'paid_on', 'history.paid-on.order',
                       first_paid || '|' || to_char(period, 'YYYY-MM') || '|' || before
                  FROM ordered WHERE first_paid < before""");
    }

    /** Refused rows of the checks so far (the reader's too); set by {@link #refuse}. */
    private int refusedSoFar() {
        return jdbc.sql("SELECT count(*) FROM history_staging WHERE NOT ok")
                .query(Integer.class)
                .single();
    }

    /** Adds refused rows: {@code select} gives line, field, code, args ('|'-separated). @return how many */
    private int refuse(String select) {
        return jdbc.sql("INSERT INTO history_staging (line_no, ok, err_field, err_code, err_args)"
                        + " SELECT x.line_no, FALSE, x.field, x.code, x.args FROM (" + select
                        + ") x (line_no, field, code, args)")
                .update();
    }

    /** Takes the rows refused so far out of a working table, so that later checks do not repeat the refusal. */
    private void dropRefused(String table) {
        if (refusedSoFar() == 0) {
            return;
        }
        jdbc.sql("DELETE FROM " + table + " t WHERE EXISTS (SELECT 1 FROM history_staging e WHERE NOT e.ok"
                        + " AND e.line_no = t.line_no)")
                .update();
    }

    /** All or nothing: any refused row refuses the file, listing the first refusals (rows[line].column). */
    private void refuseIfAnyError() {
        int count = jdbc.sql("SELECT count(*) FROM history_staging WHERE NOT ok")
                .query(Integer.class)
                .single();
        if (count == 0) {
            return;
        }
        List<FieldIssue> errors = new ArrayList<>();
        jdbc.sql("SELECT line_no, err_field, err_code, err_args FROM history_staging WHERE NOT ok"
                        + " ORDER BY line_no, err_field, err_code LIMIT ?")
                .param(LISTED_ERRORS)
                .query(rs -> {
                    errors.add(FieldIssue.error(
                            "rows[" + rs.getInt(1) + "]." + rs.getString(2), rs.getString(3), args(rs.getString(4))));
                });
        if (count > errors.size()) {
            errors.add(FieldIssue.error("file", "history.file.more-errors", count - errors.size(), count));
        }
        throw new InvalidInputException(errors);
    }

    /** Arguments as stored ('|'-separated); whole numbers as numbers, so that messages format them. */
    private static Object[] args(@Nullable String stored) {
        if (stored == null || stored.isEmpty()) {
            return new Object[0];
        }
        String[] parts = stored.split("\\|", -1);
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            args[i] = TabularFile.digits(parts[i], 15) ? (Object) Long.parseLong(parts[i]) : parts[i];
        }
        return args;
    }

    /** An import's result. Officers and administrators only; a kab/kota officer sees imports of that kab/kota. */
    public HistoryImportResult find(long importId, LindungUser by) {
        requireImporter(by);
        HistoryImportResult r = result(importId, false);
        String uploaderScope = jdbc.sql("SELECT uploader_scope FROM contribution_history_import WHERE id = ?")
                .param(importId)
                .query(String.class)
                .single();
        if (!by.scope().code().isEmpty()
                && !(uploaderScope + ".").startsWith(by.scope().code() + ".")) {
            throw new NotFoundException("contribution history import " + importId);
        }
        return r;
    }

    /** The latest imports the caller may see, newest first. */
    public List<HistoryImportResult> recent(int limit, LindungUser by) {
        requireImporter(by);
        String scope = by.scope().code();
        return jdbc
                .sql("SELECT id FROM contribution_history_import WHERE :scope = '' OR uploader_scope = :scope"
                        + " OR uploader_scope LIKE :scope || '.%' ORDER BY id DESC LIMIT :n")
                .param("scope", scope)
                .param("n", Math.min(Math.max(limit, 1), 100))
                .query(Long.class)
                .list()
                .stream()
                .map(id -> result(id, false))
                .toList();
    }

    private HistoryImportResult result(long importId, boolean replayed) {
        return jdbc.sql("""
                SELECT id, file_name, format, sha256, row_count, months_paid, memberships, bills_created,
                       total_amount, registrations_moved, first_month, last_month, uploaded_by, uploaded_at
                  FROM contribution_history_import WHERE id = ?""")
                .param(importId)
                .query((rs, n) -> new HistoryImportResult(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getLong(9),
                        rs.getInt(10),
                        rs.getDate(11) == null
                                ? null
                                : YearMonth.from(rs.getDate(11).toLocalDate()),
                        rs.getDate(12) == null
                                ? null
                                : YearMonth.from(rs.getDate(12).toLocalDate()),
                        rs.getString(13),
                        rs.getTimestamp(14).toInstant(),
                        replayed))
                .optional()
                .orElseThrow(() -> new NotFoundException("contribution history import " + importId));
    }

    private void requireImporter(LindungUser by) {
        if (!policy.mayImport(by)) {
            throw new ForbiddenException("history.role", by.role().name());
        }
    }
}
