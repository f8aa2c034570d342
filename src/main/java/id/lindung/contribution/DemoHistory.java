package id.lindung.contribution;

import id.lindung.access.LindungUser;
import id.lindung.contribution.internal.Allocation;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.Segment;
import id.lindung.shared.Sha256;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A realistic, deterministic contribution history for demo memberships (enrolment's {@code DemoMemberships}, which
 * writes memberships only), through the same engine as a history file ({@link HistoryImports}), set-wise: every owed
 * month of the province's memberships without payments is put on the ledger, then paid months are generated from a
 * hash of the membership and the seed and imported as history (one whole-bill row a month, channel
 * {@code HISTORY_IMPORT}). Wage earners (PU): 80% of employers pay by the 14th of the next month, 12% one to two
 * months late, 8% owe their last one to four months. BPU: government-sponsored members on time; others 75% on time,
 * 13% a month late, 12% owe their last one to three months (in arrears, not yet lapsed). The BPU memberships the demo
 * enrolment ended as lapsed (a fifth, {@code DemoMemberships}) paid every month up to their end and nothing after it:
 * the state the billing run leaves when it ends a membership after more than three unpaid months (last protected
 * month = last month paid; no bills after it). Construction projects paid their one bill in their first month.
 * Payments dated after today are not made (those months stay open, like November's PU bill due in December).
 */
@Service
public class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final Allocation allocation;
    private final HistoryImports imports;
    private final Clock clock;

    DemoHistory(JdbcClient jdbc, Ledger ledger, Allocation allocation, HistoryImports imports, Clock clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.allocation = allocation;
        this.imports = imports;
        this.clock = clock;
    }

    /** Generates and imports the history of a province's memberships that have no payment yet. */
    @Transactional
    public Optional<HistoryImportResult> generate(String province, long seed) {
        long started = System.nanoTime();
        YearMonth current = YearMonth.now(clock);
        LocalDate today = LocalDate.now(clock);
        allocation.setBatchWorkMem();
        allocation.lock();
        ledger.clearScope();
        int memberships = jdbc.sql("""
                INSERT INTO ledger_scope SELECT v.membership_id FROM enrolment_membership_v v
                 WHERE v.province_code = ?
                   AND NOT EXISTS (SELECT 1 FROM payment p WHERE p.membership_id = v.membership_id)""").param(province).update();
        if (memberships == 0) {
            return Optional.empty();
        }
        int bills = ledger.billOwedMonths(current, null, Ledger.Gaps.ALL);
        imports.createStaging();
        // behaviour per membership: k in 0..99 and a second hash for the day of the month / months owed
        jdbc.sql("""
                CREATE TEMP TABLE demo_payer ON COMMIT DROP AS
                SELECT v.membership_id, v.segment, v.channel, v.end_reason, v.start_month,
                       abs(hashtext(v.membership_id || ':' || :seed)) % 100 AS k,
                       abs(hashtext(:seed || ':' || v.membership_id)) AS h
                  FROM ledger_scope s JOIN enrolment_membership_v v ON v.membership_id = s.membership_id""").param("seed", seed).update();
        int rows = jdbc.sql("""
                INSERT INTO history_staging (line_no, ok, membership_id, period, programme, amount, paid_on)
                SELECT row_number() OVER (ORDER BY x.membership_id, x.period), TRUE, x.membership_id, x.period, 'ALL',
                       x.amount, x.paid_on
                  FROM (
                    SELECT b.membership_id, b.period, b.amount,
                           CASE WHEN d.segment = :jakon THEN b.period + 3 + (d.h % 10)::int
                                WHEN d.segment = :pu AND d.k >= 80 AND d.k < 92
                                  THEN (b.period + INTERVAL '2 months')::date + (d.h % 40)::int
                                WHEN d.segment = :pu THEN (b.period + INTERVAL '1 month')::date + 5 + (d.h % 9)::int
                                WHEN d.channel = :sponsored THEN b.period + 4
                                WHEN d.k >= 75 AND d.k < 88 THEN (b.period + INTERVAL '1 month')::date + (d.h % 20)::int
                                ELSE b.period + (d.h % 14)::int END AS paid_on,
                           CASE WHEN d.end_reason IS NOT NULL OR d.segment = :jakon OR d.channel = :sponsored THEN 0
                                WHEN d.segment = :pu AND d.k >= 92 THEN 1 + (d.h / 7) % 4
                                WHEN d.segment = :bpu AND d.k >= 88 THEN 1 + (d.h / 7) % 3
                                ELSE 0 END AS owed
                      FROM bill b JOIN demo_payer d ON d.membership_id = b.membership_id
                     WHERE b.status = 'OPEN' AND b.paid = 0) x
                 WHERE x.paid_on <= :today
                   AND (x.owed = 0 OR x.period < (CAST(:current AS date) - make_interval(months => x.owed))::date)""")
                .param("today", Date.valueOf(today))
                .param("current", Date.valueOf(current.atDay(1)))
                .param("pu", Segment.PU.name())
                .param("bpu", Segment.BPU.name())
                .param("jakon", Segment.JAKON.name())
                .param("sponsored", Channel.GOV_SPONSOR.name())
                .update();
        HistoryImportResult result = imports.importStaged(
                "demo history, province " + province + ", seed " + seed,
                "DEMO",
                Sha256.hex("demo-history|" + province + "|" + seed + "|" + rows + "|" + current),
                rows,
                LindungUser.SYSTEM,
                false);
        log.info(
                "Demo contribution history: {} memberships, {} bills, {} months paid in {} ms",
                memberships,
                bills + result.billsCreated(),
                result.monthsPaid(),
                (System.nanoTime() - started) / 1_000_000);
        return Optional.of(result);
    }
}
