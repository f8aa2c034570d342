package id.lindung.contribution;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.contribution.internal.Allocation;
import id.lindung.contribution.internal.PaymentFileReader;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.participant.IdentityView;
import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.shared.crypto.Vault;
import id.lindung.shared.progress.Progress;
import id.lindung.shared.tabular.StagingFileReader;
import java.io.InputStream;
import java.sql.Date;
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
 * Taking payments, one at a time or as a bank file, each exactly once. Pay first, bill at once: before a payment is
 * allocated, every month its membership owes up to the current month is billed ({@link Ledger}), so money paid is
 * never left waiting as credit for a billing run. A payment is allocated to the membership's open bills oldest
 * first; BPU members may pay ahead (the next months are billed and paid, up to
 * {@code lindung.contribution.bpu-max-months-ahead}); what is left stays as credit. A payment for a membership that
 * has ended and owes nothing is recorded as rejected, for refund.
 */
@Service
public class Payments {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    /** Errors listed in one answer; the total is always told. */
    static final int MAX_LISTED_ERRORS = 200;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Allocation allocation;
    private final EnrolmentManagement enrolment;
    private final AuditTrail audit;
    private final Clock clock;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final int bpuMaxMonthsAhead;
    private final ContributionPolicy policy;
    private final Bounds bounds;
    private final VirtualAccounts virtualAccounts;
    private final Vault vault;
    private final Dues dues;

    Payments(
            JdbcClient jdbc,
            DataSource dataSource,
            Allocation allocation,
            EnrolmentManagement enrolment,
            AuditTrail audit,
            Clock clock,
            Ledger ledger,
            ApplicationEventPublisher events,
            ContributionProperties properties,
            ContributionPolicy policy,
            Bounds bounds,
            VirtualAccounts virtualAccounts,
            Vault vault,
            Dues dues) {
        this.dues = dues;
        this.virtualAccounts = virtualAccounts;
        this.vault = vault;
        this.policy = policy;
        this.bounds = bounds;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.allocation = allocation;
        this.enrolment = enrolment;
        this.audit = audit;
        this.clock = clock;
        this.ledger = ledger;
        this.events = events;
        this.bpuMaxMonthsAhead = properties.bpuMaxMonthsAhead();
    }

    @Transactional
    public PaymentResult pay(PaymentRequest request, LindungUser by) {
        return pay(request, "SINGLE", by);
    }

    /**
     * A single payment through a named channel ({@code SINGLE} for a counter or officer, {@code SNAP} for a bank's
     * transfer-VA notification): the same checks, idempotency, allocation and audit as every other payment.
     */
    @Transactional
    public PaymentResult pay(PaymentRequest request, String channel, LindungUser by) {
        return pay(request, channel, by, false);
    }

    private PaymentResult pay(PaymentRequest request, String channel, LindungUser by, boolean exactlyOwed) {
        policy.checkPay(by);
        List<FieldIssue> issues = new ArrayList<>();
        String key = request.idempotencyKey() == null
                ? null
                : request.idempotencyKey().trim();
        if (key == null || key.isEmpty()) {
            issues.add(FieldIssue.error("idempotencyKey", "field.required"));
        } else if (key.length() > 100) {
            issues.add(FieldIssue.error("idempotencyKey", "field.too-long", 100));
        }
        if (request.amount() == null) {
            issues.add(FieldIssue.error("amount", "field.required"));
        } else if (request.amount() <= 0) {
            issues.add(FieldIssue.error("amount", "amount.positive"));
        } else {
            bounds.check(Bounds.Money.PAYMENT, "amount", request.amount(), issues);
        }
        LocalDate today = LocalDate.now(clock);
        if (request.paidOn() == null) {
            issues.add(FieldIssue.error("paidOn", "field.required"));
        } else if (request.paidOn().isAfter(today)) {
            issues.add(FieldIssue.error("paidOn", "payment.paid-on.future"));
        } else {
            bounds.checkPaidOn("paidOn", request.paidOn(), issues);
        }
        Membership membership = null;
        if (request.membershipId() == null) {
            issues.add(FieldIssue.error("membershipId", "field.required"));
        } else {
            try {
                membership = enrolment.membership(MembershipId.ofRequest(request.membershipId()), by);
            } catch (NotFoundException e) {
                issues.add(FieldIssue.error("membershipId", "payment.membership.unknown", request.membershipId()));
            }
        }
        if (request.reference() != null && request.reference().length() > 100) {
            issues.add(FieldIssue.error("reference", "field.too-long", 100));
        }
        InvalidInputException.throwIfErrors(issues);
        Objects.requireNonNull(membership);
        policy.checkPayFor(by, membership);
        allocation.lockMembership(membership.id());
        String namespace = keyNamespace(membership.regionCode());
        // payments of other memberships run meanwhile: one key is claimed by one transaction at a time
        lockKey(namespace, Objects.requireNonNull(key));
        Optional<PaymentResult> earlier = byKey(namespace, Objects.requireNonNull(key));
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        if (exactlyOwed) {
            checkOwed(dues.owed(membership.id()).amount(), Objects.requireNonNull(request.amount()));
        }
        LocalDate paidOn = Objects.requireNonNull(request.paidOn());
        if (closed(membership, paidOn)) {
            throw new InvalidInputException(FieldIssue.error(
                    "membershipId",
                    "payment.membership.ended",
                    Objects.requireNonNull(membership.endMonth()).toString()));
        }
        long id = jdbc.sql("INSERT INTO payment (key_namespace, idempotency_key, membership_id, amount, paid_on,"
                        + " channel, reference, status, unallocated, recorded_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 'APPLIED', ?, ?) RETURNING id")
                .params(
                        namespace,
                        key,
                        membership.id(),
                        request.amount(),
                        Date.valueOf(paidOn),
                        channel,
                        request.reference(),
                        request.amount(),
                        by.username())
                .query(Long.class)
                .single();
        // pay first, bill at once: every owed month up to now is on the ledger before the money is allocated
        YearMonth current = YearMonth.now(clock);
        ledger.settle(membership.id(), current);
        ledger.payAhead(membership.id(), current, bpuMaxMonthsAhead);
        events.publishEvent(new ProtectionChanged(MembershipId.of(membership.id())));
        PaymentResult result = byKey(namespace, key).orElseThrow();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("membershipId", membership.id());
        values.put("amount", request.amount());
        values.put("paidOn", paidOn.toString());
        values.put("idempotencyKey", key);
        values.put("allocated", result.allocated());
        audit.record("PAYMENT_RECORDED", "payment", Long.toString(id), membership.regionCode(), values);
        return result;
    }

    /**
     * {@link #pay(PaymentRequest, String, LindungUser)} of exactly what the membership owes now ({@link Dues#dueNow}),
     * decided under the membership's lock in this transaction: a bank's virtual-account payment, which must meet the
     * bill it was shown. Refused with {@link AmountNotOwed} (nothing written) when nothing is owed or the amount
     * differs.
     */
    @Transactional
    public PaymentResult payOwed(PaymentRequest request, String channel, LindungUser by) {
        return pay(request, channel, by, true);
    }

    /** Refuses an amount that is not exactly what is owed, or any amount when nothing is. */
    static void checkOwed(long owed, long amount) {
        if (owed <= 0) {
            throw new AmountNotOwed("payment.nothing-owed", owed);
        }
        if (amount != owed) {
            throw new AmountNotOwed("payment.amount.not-owed", owed);
        }
    }

    /** A payment by its key, if the caller may see its membership. */
    public Optional<PaymentResult> find(String idempotencyKey, LindungUser by) {
        return byKeyIn(null, idempotencyKey).stream()
                .filter(p -> {
                    try {
                        enrolment.membership(MembershipId.of(p.membershipId()), by);
                        return true;
                    } catch (NotFoundException e) {
                        return false;
                    }
                })
                .findFirst();
    }

    /**
     * The namespace of a payment's idempotency key: the kab/kota of the membership paid for (its payer's office),
     * so that keys of different kab/kota never meet; history imports use {@code HISTORY}.
     */
    static String keyNamespace(String membershipRegion) {
        return membershipRegion.length() > 5 ? membershipRegion.substring(0, 5) : membershipRegion;
    }

    /**
     * Sets each staged row's membership from the key the file named it by, within the uploader's scope, and lists
     * the rows it cannot: a key not found in the scope ("tidak ditemukan di wilayah Anda", whether or not it exists
     * elsewhere), or a NIK with more than one open membership there (the membership number decides). A NIK finds
     * open memberships only; a number, a VA or an id any membership.
     */
    private void resolveKeys(PaymentFileReader.Key key, String column, LindungUser by, List<FieldIssue> errors) {
        String scope = by.scope().code() + "%";
        switch (key) {
            case MEMBERSHIP_ID -> jdbc.sql("""
                        UPDATE payment_staging s SET membership_id = NULL
                         WHERE NOT EXISTS (SELECT 1 FROM enrolment_membership_v v
                                            WHERE v.membership_id = s.membership_id AND v.region_code LIKE ?)""").param(scope).update();
            case MEMBERSHIP_NUMBER, VIRTUAL_ACCOUNT ->
                jdbc.sql("""
                        UPDATE payment_staging s SET membership_id = v.membership_id
                          FROM enrolment_membership_v v
                         WHERE v.membership_number = s.membership_number AND v.region_code LIKE ?""").param(scope).update();
            case NIK -> {
                jdbc.sql("""
                        UPDATE payment_staging s SET membership_id = x.membership_id
                          FROM (SELECT s2.line_no, min(v.membership_id) AS membership_id, count(*) AS n
                                  FROM payment_staging s2
                                  JOIN participant_identity_v p ON p.nik_hash = s2.nik_hash
                                  JOIN enrolment_membership_v v ON v.participant_id = p.participant_id
                                   AND v.end_month IS NULL AND v.region_code LIKE ?
                                 GROUP BY s2.line_no) x
                         WHERE x.line_no = s.line_no AND x.n = 1""").param(scope).update();
                jdbc.sql("""
                        SELECT s.line_no, s.key_shown FROM payment_staging s
                          JOIN participant_identity_v p ON p.nik_hash = s.nik_hash
                          JOIN enrolment_membership_v v ON v.participant_id = p.participant_id
                           AND v.end_month IS NULL AND v.region_code LIKE ?
                         WHERE s.membership_id IS NULL
                         GROUP BY s.line_no, s.key_shown HAVING count(*) > 1
                         ORDER BY s.line_no LIMIT ?""").params(scope, MAX_LISTED_ERRORS).query(rs -> {
                    errors.add(FieldIssue.error(
                            "rows[" + rs.getInt(1) + "]." + column, "payment.nik.several", rs.getString(2)));
                });
            }
        }
        jdbc.sql("""
                SELECT s.line_no, s.key_shown FROM payment_staging s
                 WHERE s.membership_id IS NULL AND s.line_no <> ALL (?)
                 ORDER BY s.line_no LIMIT ?""")
                .params(
                        errors.stream()
                                .map(e -> Integer.valueOf(e.field().replaceAll("^rows\\[(\\d+)\\].*", "$1")))
                                .toArray(Integer[]::new),
                        MAX_LISTED_ERRORS)
                .query(rs -> {
                    errors.add(FieldIssue.error(
                            "rows[" + rs.getInt(1) + "]." + column, "payment.key.unknown", rs.getString(2)));
                });
    }

    /**
     * Applies a bank payment file (CSV with a header {@code reference;membership_number;amount;paid_on}, comma or
     * semicolon; instead of {@code membership_number} the column {@code virtual_account}, {@code nik} or Lindung's
     * internal {@code membership_id}). The file is checked completely first: if any row is wrong, nothing is written and every error names
     * its line and column. The same file again (same bytes) changes nothing; a row whose reference was already paid
     * is skipped.
     */
    @Transactional
    public PaymentFileResult applyFile(String fileName, InputStream content, LindungUser by) {
        return applyFile(fileName, content, by, Progress.none());
    }

    /** The steps {@link #applyFile(String, InputStream, LindungUser, Progress)} reports, reading the file first. */
    public static final int FILE_STEPS = 4;

    /**
     * As {@link #applyFile(String, InputStream, LindungUser)}, reporting steps 2 to {@link #FILE_STEPS} into progress
     * (the caller reports step 1, reading the file, with {@link Progress#reading}).
     */
    @Transactional
    public PaymentFileResult applyFile(String fileName, InputStream content, LindungUser by, Progress progress) {
        policy.checkImport(by);
        long started = System.nanoTime();
        allocation.setBatchWorkMem();
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS payment_staging (line_no INTEGER, reference VARCHAR(100),
                  membership_id BIGINT, membership_number CHAR(11), nik_hash BYTEA, key_shown VARCHAR(40),
                  amount BIGINT, paid_on DATE) ON COMMIT DROP""").update();
        jdbc.sql("TRUNCATE payment_staging").update();
        PaymentFileReader.Outcome read = StagingFileReader.copying(
                dataSource,
                copy -> new PaymentFileReader(
                                bounds,
                                MAX_LISTED_ERRORS,
                                virtualAccounts::membershipNumberOf,
                                nik -> vault.index(IdentityView.NIK_INDEX, nik))
                        .copy(
                                content,
                                copy,
                                "COPY payment_staging (" + PaymentFileReader.STAGING_COLUMNS + ") FROM STDIN"));
        List<FieldIssue> errors = new ArrayList<>(read.errors());
        int errorCount = read.errorCount();
        if (read.rows() == 0 && errorCount == 0) {
            throw new InvalidInputException(FieldIssue.error("file", "payment-file.empty"));
        }
        if (errorCount == 0) {
            progress.phase("payment-file.check", 2, FILE_STEPS, read.rows());
            jdbc.sql("ANALYZE payment_staging").update();
            // memberships found in the uploader's scope by the file's key, references unique within the file
            resolveKeys(Objects.requireNonNull(read.key()), read.keyColumn(), by, errors);
            jdbc.sql("""
                    SELECT s.line_no, s.reference FROM payment_staging s
                     WHERE s.reference IN (SELECT reference FROM payment_staging GROUP BY reference
                                            HAVING count(*) > 1)
                     ORDER BY s.line_no LIMIT ?""").param(MAX_LISTED_ERRORS).query(rs -> {
                errors.add(FieldIssue.error(
                        "rows[" + rs.getInt(1) + "].reference", "payment-file.reference.repeated", rs.getString(2)));
            });
            jdbc.sql("""
                    SELECT s.line_no, s.reference FROM payment_staging s
                      JOIN enrolment_membership_v v ON v.membership_id = s.membership_id
                      JOIN payment p ON p.idempotency_key = s.reference AND p.key_namespace = left(v.region_code, 5)
                     WHERE p.membership_id <> s.membership_id OR p.amount <> s.amount OR p.paid_on <> s.paid_on
                     ORDER BY s.line_no LIMIT ?""").param(MAX_LISTED_ERRORS).query(rs -> {
                errors.add(FieldIssue.error(
                        "rows[" + rs.getInt(1) + "].reference", "payment.key.reused", rs.getString(2)));
            });
            errorCount = errors.size();
        }
        if (errorCount > 0) {
            if (errorCount > errors.size()) {
                errors.add(FieldIssue.error("file", "payment-file.more-errors", errorCount - errors.size()));
            }
            throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), MAX_LISTED_ERRORS + 1)));
        }
        allocation.lock();
        Optional<PaymentFileResult> same = fileByHash(read.sha256());
        if (same.isPresent()) {
            PaymentFileResult r = same.get();
            return new PaymentFileResult(
                    r.fileId(),
                    r.fileName(),
                    r.rows(),
                    r.applied(),
                    r.rejected(),
                    r.alreadyKnown(),
                    r.totalAmount(),
                    true);
        }
        long fileId = jdbc.sql("INSERT INTO payment_file (sha256, file_name, row_count, applied, rejected,"
                        + " total_amount, uploaded_by) VALUES (?, ?, ?, 0, 0, 0, ?) RETURNING id")
                .params(read.sha256(), fileName, read.rows(), by.username())
                .query(Long.class)
                .single();
        progress.phase("payment-file.record", 3, FILE_STEPS, read.rows());
        // The file's new payments, allocated before they are recorded so that each is written once with what is
        // left of it (Allocation.plan). Numbered from payment's own sequence membership by membership, in file order
        // within a membership (all that allocation order needs): the indexes on payment and payment_allocation then
        // grow at their right end, not at random places as in a bank's file order. Every writer of payments holds
        // the allocation lock, so keys found new here are still new when inserted (the unique key would refuse the
        // whole file otherwise).
        jdbc.sql("""
                CREATE TEMP TABLE IF NOT EXISTS %s (id BIGINT, reference VARCHAR(100),
                  membership_id BIGINT, amount BIGINT, paid_on DATE, status VARCHAR(8), reject_reason VARCHAR(40))
                  ON COMMIT DROP""".formatted(Allocation.PENDING)).update();
        jdbc.sql("TRUNCATE " + Allocation.PENDING).update();
        // resolved once: as an argument of nextval it would be looked up again for every row
        String sequence = jdbc.sql("SELECT pg_get_serial_sequence('payment', 'id')")
                .query(String.class)
                .single();
        jdbc.sql("""
                INSERT INTO %s (id, reference, membership_id, amount, paid_on, status, reject_reason)
                SELECT nextval('%s'::regclass), x.*
                  FROM (SELECT s.reference, s.membership_id, s.amount, s.paid_on,
                               CASE WHEN c.closed THEN 'REJECTED' ELSE 'APPLIED' END,
                               CASE WHEN c.closed THEN 'MEMBERSHIP_ENDED' END
                          FROM payment_staging s
                          JOIN enrolment_membership_v v ON v.membership_id = s.membership_id
                          CROSS JOIN LATERAL (
                            SELECT v.end_month IS NOT NULL AND v.end_month < date_trunc('month', s.paid_on)::date
                                   AND v.end_reason <> :contractEnded
                                   AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.membership_id = s.membership_id
                                                      AND b.status = 'OPEN') AS closed) c
                         WHERE NOT EXISTS (SELECT 1 FROM payment p WHERE p.idempotency_key = s.reference
                                              AND p.key_namespace = left(v.region_code, 5))
                         ORDER BY s.membership_id, s.line_no) x""".formatted(Allocation.PENDING, sequence.replace("'", "''")))
                .param("contractEnded", EndReason.CONTRACT_ENDED.name())
                .update();
        // every owed month up to now is on the ledger before the file's money is allocated
        YearMonth current = YearMonth.now(clock);
        ledger.clearScope();
        jdbc.sql("INSERT INTO ledger_scope SELECT DISTINCT membership_id FROM " + Allocation.PENDING
                        + " WHERE status = 'APPLIED'")
                .update();
        ledger.billOwedMonths(current, null, Ledger.Gaps.AFTER_LAST);
        allocation.clearScope();
        jdbc.sql("INSERT INTO alloc_scope SELECT membership_id FROM ledger_scope")
                .update();
        progress.phase("payment-file.allocate", 4, FILE_STEPS, read.rows());
        allocation.plan(true);
        int inserted = jdbc.sql("""
                INSERT INTO payment (id, key_namespace, idempotency_key, membership_id, amount, paid_on, channel,
                                     reference, payment_file_id, status, reject_reason, unallocated, recorded_by)
                OVERRIDING SYSTEM VALUE
                SELECT n.id, left(m.region_code, 5), n.reference, n.membership_id, n.amount, n.paid_on, 'BANK_FILE', n.reference, :file,
                       n.status, n.reject_reason,
                       CASE WHEN n.status = 'APPLIED' THEN n.amount - coalesce(a.allocated, 0) ELSE 0 END, :by
                  FROM %s n LEFT JOIN %s a ON a.payment_id = n.id
                  JOIN enrolment_membership_v m ON m.membership_id = n.membership_id
                 ORDER BY n.id""".formatted(Allocation.PENDING, Allocation.PLANNED_BY_PAYMENT))
                .param("file", fileId)
                .param("by", by.username())
                .update();
        long allocated = allocation.apply();
        ledger.payAhead(current, bpuMaxMonthsAhead);
        events.publishEvent(new LedgerBatchChanged("PAYMENT_FILE", fileId));
        Map<String, Object> counts = jdbc.sql("SELECT count(*) FILTER (WHERE status = 'APPLIED') AS applied,"
                        + " count(*) FILTER (WHERE status = 'REJECTED') AS rejected, coalesce(sum(amount), 0) AS total"
                        + " FROM payment WHERE payment_file_id = ?")
                .param(fileId)
                .query()
                .singleRow();
        int applied = ((Number) Objects.requireNonNull(counts.get("applied"))).intValue(); // counts and a
        int rejected = ((Number) Objects.requireNonNull(counts.get("rejected"))).intValue(); // coalesced sum:
        long total = ((Number) Objects.requireNonNull(counts.get("total"))).longValue(); // never NULL
        jdbc.sql("UPDATE payment_file SET applied = ?, rejected = ?, total_amount = ? WHERE id = ?")
                .params(applied, rejected, total, fileId)
                .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fileName", fileName);
        values.put("sha256", read.sha256());
        values.put("rows", read.rows());
        values.put("applied", applied);
        values.put("rejected", rejected);
        values.put("alreadyKnown", read.rows() - inserted);
        values.put("totalAmount", total);
        values.put("allocated", allocated);
        audit.record(
                "PAYMENT_FILE_APPLIED",
                "payment_file",
                Long.toString(fileId),
                by.scope().code(),
                values);
        log.info(
                "Payment file {} ({} rows): {} applied, {} rejected, {} already known, Rp{} allocated in {} ms",
                fileName,
                read.rows(),
                applied,
                rejected,
                read.rows() - inserted,
                allocated,
                (System.nanoTime() - started) / 1_000_000);
        return new PaymentFileResult(
                fileId, fileName, read.rows(), applied, rejected, read.rows() - inserted, total, false);
    }

    private Optional<PaymentFileResult> fileByHash(String sha256) {
        return jdbc.sql("SELECT id, file_name, row_count, applied, rejected, total_amount FROM payment_file"
                        + " WHERE sha256 = ?")
                .param(sha256)
                .query((rs, n) -> new PaymentFileResult(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getInt(3) - rs.getInt(4) - rs.getInt(5),
                        rs.getLong(6),
                        false))
                .optional();
    }

    /** Ended (not a contract running to its planned end), after the month paid, and nothing left to pay. */
    private boolean closed(Membership m, LocalDate paidOn) {
        if (m.endMonth() == null || !m.endMonth().isBefore(YearMonth.from(paidOn))) {
            return false;
        }
        if (m.endReason() == id.lindung.enrolment.EndReason.CONTRACT_ENDED) {
            return false;
        }
        return !jdbc.sql("SELECT EXISTS (SELECT 1 FROM bill WHERE membership_id = ? AND status = 'OPEN')")
                .param(m.id())
                .query(Boolean.class)
                .single();
    }

    private PaymentResult replay(PaymentResult earlier, PaymentRequest request) {
        if (earlier.membershipId() != Objects.requireNonNull(request.membershipId())
                || earlier.amount() != Objects.requireNonNull(request.amount())
                || !earlier.paidOn().equals(request.paidOn())) {
            throw new InvalidInputException(
                    FieldIssue.error("idempotencyKey", "payment.key.reused", earlier.idempotencyKey()));
        }
        return new PaymentResult(
                earlier.paymentId(),
                earlier.idempotencyKey(),
                earlier.membershipId(),
                earlier.amount(),
                earlier.paidOn(),
                earlier.status(),
                earlier.rejectReason(),
                earlier.allocated(),
                earlier.credit(),
                true);
    }

    /** First key of the advisory lock of one payment key ({@link #lockKey}): "LK". */
    private static final int KEY_LOCK_CLASS = 0x4C4B;

    /**
     * Waits for and takes, until the transaction ends, the lock of a payment key in its namespace: two payments under
     * one key for different memberships (which do not share a membership lock) meet here, and the second finds the
     * first recorded.
     */
    private void lockKey(String namespace, String key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, hashtext(?))")
                .params(KEY_LOCK_CLASS, namespace + "/" + key)
                .query()
                .singleRow();
    }

    private Optional<PaymentResult> byKey(String namespace, String key) {
        return byKeyIn(namespace, key).stream().findFirst();
    }

    /** The payment of a key in a namespace (at most one), or in every namespace when it is null. */
    private List<PaymentResult> byKeyIn(@Nullable String namespace, String key) {
        return jdbc.sql("""
                SELECT p.id, p.idempotency_key, p.membership_id, p.amount, p.paid_on, p.status, p.reject_reason,
                       coalesce((SELECT sum(a.amount) FROM payment_allocation a WHERE a.payment_id = p.id), 0)
                         AS allocated,
                       p.unallocated
                  FROM payment p WHERE p.idempotency_key = ? AND (CAST(? AS VARCHAR) IS NULL OR p.key_namespace = ?)
                 ORDER BY p.id""")
                .params(key, namespace, namespace)
                .query((rs, n) -> new PaymentResult(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getDate(5).toLocalDate(),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getLong(8),
                        rs.getLong(9),
                        false))
                .list();
    }
}
