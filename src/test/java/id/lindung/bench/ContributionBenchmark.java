package id.lindung.bench;

import id.lindung.LindungApplication;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.bench.HeapSampler.Measured;
import id.lindung.contribution.BillingRunResult;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.PaymentFileResult;
import id.lindung.contribution.Payments;
import id.lindung.contribution.Quote;
import id.lindung.contribution.QuoteRequest;
import id.lindung.contribution.Quotes;
import id.lindung.demodata.DemoGeography;
import id.lindung.demodata.DemoRegistryGenerator;
import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.BulkLoadResult;
import id.lindung.participant.ParticipantBulkLoader;
import id.lindung.region.RegionDirectory;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Billing run and bank payment file at scale (default 1,000,000 memberships) on a throw-away embedded PostgreSQL;
 * prints time, rows and peak heap of each step. Not a test; run it by hand (see docs/benchmarks.md):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -Dlindung.build.dir=target-bench3 test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.ContributionBenchmark -Dexec.args=1000000
 * </pre>
 *
 * Steps: (setup, not measured) bulk-load N demo participants, then N memberships with their bases by set-based SQL
 * (about 85% BPU, 15% PU with 25 employers of the five risk classes); (measured) the billing run of one month, the
 * same month again, a payment file of one row per bill applied from disk, and the same file again. Each step is
 * checked with SQL counts and sums and the run fails if anything is off.
 *
 * <p>Arguments, in any order: the number of memberships N; {@code month=yyyy-MM} (default: the current month of the
 * business clock); {@code top=n} (after each step, the n statements that took the most time, default 15: every
 * JDBC statement of the application is timed by a wrapper around its DataSource, since the embedded server's own log
 * does not reach us); {@code explain=ms} (auto_explain sends the plan, with ANALYZE and BUFFERS, of every statement
 * over ms to the client, which prints it; slows the run); {@code file=path} (where the payment file goes, default
 * the temp directory; deleted afterwards unless {@code keep=true}); any {@code --property=value} for the application
 * (e.g.
 * {@code --lindung.contribution.billing-batch-size=50000}).
 */
public final class ContributionBenchmark {

    /** An administrator of Kalimantan Barat: what billing and payment files need, with a real region scope. */
    static final LindungUser ADMIN = new LindungUser("bench.admin", "Benchmark", Role.ADMIN, RegionScope.of("61"));

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<String[]> summary = new ArrayList<>();
    private int top = 15;

    private ContributionBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        String loadBefore = loadAverage();
        ConfigurableApplicationContext context = start(a.appArgs());
        try {
            new ContributionBenchmark(context).run(a.count(), a.options(), loadBefore);
        } finally {
            context.close();
        }
    }

    /** A benchmark's arguments: the size N, {@code key=value} options, {@code --property=value} for the application. */
    record Args(long count, Map<String, String> options, List<String> appArgs) {

        static Args parse(String[] args) {
            long count = 1_000_000;
            Map<String, String> options = new java.util.HashMap<>();
            List<String> appArgs = new ArrayList<>();
            for (String arg : args) {
                if (arg.startsWith("--")) {
                    appArgs.add(arg);
                } else if (arg.contains("=")) {
                    options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                } else {
                    count = Long.parseLong(arg.replace("_", ""));
                }
            }
            if (appArgs.stream().noneMatch(a -> a.startsWith("--lindung.embedded-db.shared-buffers="))) {
                // the application's default; the test profile's 128MB would win over a default property
                appArgs.add("--lindung.embedded-db.shared-buffers=256MB");
            }
            return new Args(count, options, appArgs);
        }
    }

    /**
     * Generates {@code count} participants of Kalimantan Barat (seed 61) and bulk-loads them into the registry, which
     * must be empty; @return how long that took, in ms.
     */
    static long loadRegistry(ConfigurableApplicationContext context, long count, String benchmark) {
        ParticipantBulkLoader loader = context.getBean(ParticipantBulkLoader.class);
        if (!loader.isRegistryEmpty()) {
            throw new IllegalStateException("the registry is not empty; use a throw-away database");
        }
        DemoGeography kalbar = DemoGeography.of(context.getBean(RegionDirectory.class), "61");
        long t0 = System.nanoTime();
        BulkLoadResult loaded = loader.load(
                new DemoRegistryGenerator(kalbar, 61).iterator(count), benchmark + ", seed 61", LindungUser.SYSTEM);
        long loadMs = ms(t0);
        System.out.printf(
                Locale.ROOT,
                "setup: %,d participants generated and bulk-loaded in %,d ms%n",
                loaded.participants(),
                loadMs);
        return loadMs;
    }

    /** Starts the application in-process on a throw-away embedded PostgreSQL, every statement timed. */
    static ConfigurableApplicationContext start(List<String> appArgs) {
        return new SpringApplicationBuilder(LindungApplication.class)
                .profiles("test")
                .properties("server.port=0", "lindung.demo.participants=0")
                .initializers(TimedDataSource::install)
                .run(appArgs.toArray(String[]::new));
    }

    private void run(long count, Map<String, String> options, String loadBefore) throws Exception {
        Clock clock = context.getBean(Clock.class);
        YearMonth month = options.containsKey("month") ? YearMonth.parse(options.get("month")) : YearMonth.now(clock);
        LocalDate today = LocalDate.now(clock);
        // paid before the BPU due date (the 15th) so that no fines arise, and never in the future
        LocalDate paidOn = month.atDay(10).isAfter(today) ? today : month.atDay(10);
        if (paidOn.isBefore(month.atDay(1))) {
            throw new IllegalArgumentException("month " + month + " lies in the future; payments cannot be dated");
        }
        System.out.printf(
                Locale.ROOT,
                "%n=== Contribution benchmark: N=%,d, month %s, paid on %s, load average %s" + " ===%n",
                count,
                month,
                paidOn,
                loadBefore);

        // ------------------------------------------------------------------ setup (not measured)
        long loadMs = loadRegistry(context, count, "contribution benchmark");

        long t0 = System.nanoTime();
        long memberships = createMemberships(jdbc, month);
        long membershipMs = ms(t0);
        System.out.printf(
                Locale.ROOT,
                "setup: %,d memberships and their bases created (set-based SQL) in %,d ms%n",
                memberships,
                membershipMs);
        printMix();
        check(memberships == count, "memberships created", count, memberships);
        long billable = jdbc.sql("SELECT count(*) FROM membership WHERE start_month <= ? AND (end_month IS NULL"
                        + " OR end_month >= ?)")
                .params(date(month), date(month))
                .query(Long.class)
                .single();
        check(billable == count, "memberships open in " + month, count, billable);
        // the months before are on the ledger already (every owed month is a bill): stand-in bills of the previous
        // month, settled, so that the measured run bills one month per membership as a monthly run does
        long standIns = standInBills(jdbc, month);
        System.out.printf(
                Locale.ROOT,
                "setup: %,d stand-in bills of %s (settled, not measured)%n",
                standIns,
                month.minusMonths(1));
        jdbc.sql("CHECKPOINT").update();

        top = Integer.parseInt(options.getOrDefault("top", "15"));
        explain(Integer.parseInt(options.getOrDefault("explain", "-1")));

        // ------------------------------------------------------------------ 1. billing run
        BillingRuns billing = context.getBean(BillingRuns.class);
        Measured<BillingRunResult> first = measure(() -> billing.run(month, ADMIN));
        Map<String, Object> bills = jdbc.sql("SELECT count(*) AS n, coalesce(sum(amount), 0) AS total,"
                        + " coalesce(min(amount), 0) AS min, count(*) FILTER (WHERE status = 'OPEN') AS open"
                        + " FROM bill WHERE period = ?")
                .param(date(month))
                .query()
                .singleRow();
        long billCount = num(bills.get("n"));
        long billTotal = num(bills.get("total"));
        long lineCount = jdbc.sql(
                        "SELECT count(*) FROM bill_line l JOIN bill b ON b.id = l.bill_id" + " WHERE b.period = ?")
                .param(date(month))
                .query(Long.class)
                .single();
        long mismatched = jdbc.sql("""
                SELECT count(*) FROM bill b
                  JOIN (SELECT bill_id, sum(employer_amount + worker_amount) AS s FROM bill_line GROUP BY bill_id) l
                    ON l.bill_id = b.id
                 WHERE b.period = ? AND b.amount <> l.s""").param(date(month)).query(Long.class).single();
        System.out.printf(
                Locale.ROOT,
                "billing run %d: %s, %,d bills created, %,d lapsed; %,d bills, %,d lines," + " Rp%,d billed%n",
                first.value.runId(),
                first.value.status(),
                first.value.billsCreated(),
                first.value.lapsed(),
                billCount,
                lineCount,
                billTotal);
        check("DONE".equals(first.value.status()), "billing run status DONE", "DONE", first.value.status());
        check(first.value.billsCreated() == count, "bills created by the run", count, first.value.billsCreated());
        check(billCount == count, "bills of the month", count, billCount);
        check(num(bills.get("open")) == count, "open bills of the month", count, num(bills.get("open")));
        check(num(bills.get("min")) > 0, "every bill has an amount", "> 0", bills.get("min"));
        check(mismatched == 0, "bills whose amount is not the sum of their lines", 0, mismatched);
        checkAgainstQuotes(month);
        addRow("billing run, " + month, first, first.value.billsCreated() + " bills (" + lineCount + " lines)");

        // ------------------------------------------------------------------ 2. the same month again
        Measured<BillingRunResult> second = measure(() -> billing.run(month, ADMIN));
        long billCountAgain = jdbc.sql("SELECT count(*) FROM bill WHERE period = ?")
                .param(date(month))
                .query(Long.class)
                .single();
        long billTotalAgain = jdbc.sql("SELECT coalesce(sum(amount), 0) FROM bill WHERE period = ?")
                .param(date(month))
                .query(Long.class)
                .single();
        System.out.printf(
                Locale.ROOT,
                "billing run %d (same month again): %s, %,d bills created%n",
                second.value.runId(),
                second.value.status(),
                second.value.billsCreated());
        check(second.value.billsCreated() == 0, "bills created by the second run", 0, second.value.billsCreated());
        check(
                billCountAgain == count && billTotalAgain == billTotal,
                "bills after the second run",
                count + " / Rp" + billTotal,
                billCountAgain + " / Rp" + billTotalAgain);
        addRow("billing run again, same month", second, second.value.billsCreated() + " bills");

        // ------------------------------------------------------------------ 3. the payment file
        Path file = options.containsKey("file")
                ? Path.of(options.get("file"))
                : Files.createTempFile("lindung-payments-", ".csv");
        boolean keep = Boolean.parseBoolean(options.getOrDefault("keep", "false"));
        try {
            long[] written = writePaymentFile(file, month, paidOn);
            long fileRows = written[0];
            long fileTotal = written[1];
            long overpaid = written[2];
            System.out.printf(
                    Locale.ROOT,
                    "payment file %s: %,d rows, %,d bytes, Rp%,d (Rp%,d of it overpaid)," + " written in %,d ms%n",
                    file,
                    fileRows,
                    Files.size(file),
                    fileTotal,
                    overpaid,
                    written[3]);
            check(fileRows == count, "rows in the payment file", count, fileRows);
            check(fileTotal == billTotal + overpaid, "file total", billTotal + overpaid, fileTotal);

            Payments payments = context.getBean(Payments.class);
            String fileName = file.getFileName().toString();
            Measured<PaymentFileResult> applied = measure(() -> {
                try (InputStream in = new FileInputStream(file.toFile())) {
                    return payments.applyFile(fileName, in, ADMIN);
                }
            });
            PaymentFileResult r = applied.value;
            System.out.printf(
                    Locale.ROOT,
                    "payment file %d: %,d rows, %,d applied, %,d rejected, %,d already known,"
                            + " Rp%,d, replayed %s%n",
                    r.fileId(),
                    r.rows(),
                    r.applied(),
                    r.rejected(),
                    r.alreadyKnown(),
                    r.totalAmount(),
                    r.replayed());
            check(!r.replayed(), "first application is not a replay", false, true);
            check(
                    r.rows() == count && r.applied() == count && r.rejected() == 0 && r.alreadyKnown() == 0,
                    "rows / applied / rejected / already known",
                    count + "/" + count + "/0/0",
                    r.rows() + "/" + r.applied() + "/" + r.rejected() + "/" + r.alreadyKnown());
            check(r.totalAmount() == fileTotal, "file total applied", fileTotal, r.totalAmount());
            Map<String, Object> state = accounts(month);
            printAccounts(state);
            jdbc.sql("SELECT pg_stat_force_next_flush()").query().listOfRows();
            System.out.println("bill updates so far (heap-only, i.e. no index entry written): "
                    + jdbc.sql("SELECT n_tup_upd || ' (' || n_tup_hot_upd || ' HOT)' FROM pg_stat_user_tables"
                                    + " WHERE relname = 'bill'")
                            .query(String.class)
                            .single());
            check(num(state.get("payments")) == count, "payments recorded", count, state.get("payments"));
            check(num(state.get("paid_total")) == fileTotal, "sum of payments", fileTotal, state.get("paid_total"));
            // the overpayment pays BPU members' next month ahead (a bill of the month after); the rest is credit
            check(
                    num(state.get("credit")) + num(state.get("ahead")) == overpaid,
                    "credit + paid ahead = overpaid",
                    overpaid,
                    num(state.get("credit")) + num(state.get("ahead")));
            check(
                    num(state.get("allocated")) == fileTotal - num(state.get("credit")),
                    "sum of allocations = file total - credit",
                    fileTotal - num(state.get("credit")),
                    state.get("allocated"));
            check(num(state.get("allocations")) >= count, "allocation rows", ">= " + count, state.get("allocations"));
            check(num(state.get("bills_paid")) == count, "bills PAID", count, state.get("bills_paid"));
            check(num(state.get("bills_not_paid")) == 0, "bills not PAID", 0, state.get("bills_not_paid"));
            check(
                    num(state.get("bills_paid_sum")) == billTotal,
                    "sum of bill.paid",
                    billTotal,
                    state.get("bills_paid_sum"));
            check(
                    num(state.get("fines")) == 0,
                    "late fines (every payment before its due date)",
                    0,
                    state.get("fines"));
            // within a membership, payments are numbered in file order (the file is in the order of hashint8(bill
            // id)), which is what allocation order relies on
            long outOfOrder = jdbc.sql("""
                    SELECT count(*) FROM (
                      SELECT p.id, lag(p.id) OVER (PARTITION BY p.membership_id ORDER BY hashint8(b.id), b.id)
                               AS previous
                        FROM payment p JOIN bill b ON b.id = substr(p.idempotency_key, 11)::bigint
                       WHERE p.payment_file_id = ?) x
                     WHERE x.id < x.previous""").param(r.fileId()).query(Long.class).single();
            check(outOfOrder == 0, "payment ids in file order within each membership", 0, outOfOrder);
            addRow(
                    "payment file, " + count + " rows",
                    applied,
                    r.applied() + " applied, Rp" + String.format(Locale.ROOT, "%,d", r.totalAmount()));

            // ------------------------------------------------------------------ 4. the same file again
            Measured<PaymentFileResult> replay = measure(() -> {
                try (InputStream in = new FileInputStream(file.toFile())) {
                    return payments.applyFile(fileName, in, ADMIN);
                }
            });
            PaymentFileResult rr = replay.value;
            System.out.printf(
                    Locale.ROOT,
                    "payment file again: file %d, replayed %s, %,d applied%n",
                    rr.fileId(),
                    rr.replayed(),
                    rr.applied());
            check(
                    rr.replayed() && rr.fileId() == r.fileId(),
                    "the same file is recognised as a replay",
                    "replayed, file " + r.fileId(),
                    rr.replayed() + ", file " + rr.fileId());
            Map<String, Object> after = accounts(month);
            check(after.equals(state), "nothing changed by the replay", state, after);
            long files = jdbc.sql("SELECT count(*) FROM payment_file")
                    .query(Long.class)
                    .single();
            check(files == 1, "payment files recorded", 1, files);
            addRow("payment file again (same bytes)", replay, "replayed, 0 changed");
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
        }
        explain(-1);

        String sizes = jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('bill') + pg_total_relation_size("
                        + "'bill_line')) || ' bills and lines, ' || pg_size_pretty(pg_total_relation_size('payment')"
                        + " + pg_total_relation_size('payment_allocation')) || ' payments and allocations'")
                .query(String.class)
                .single();
        String server = jdbc.sql("SELECT 'PostgreSQL ' || current_setting('server_version') || ', shared_buffers '"
                        + " || current_setting('shared_buffers') || ', work_mem ' || current_setting('work_mem')")
                .query(String.class)
                .single();
        long maxHeap = memory.getHeapMemoryUsage().getMax();
        StringBuilder table = new StringBuilder();
        table.append(String.format(
                Locale.ROOT,
                "| %-34s | %10s | %-40s | %11s | %11s | %11s | %11s |%n",
                "step",
                "time ms",
                "rows",
                "heap before",
                "peak (smp)",
                "peak (pools)",
                "after GC"));
        for (String[] row : summary) {
            table.append(String.format(
                    Locale.ROOT, "| %-34s | %10s | %-40s | %11s | %11s | %11s | %11s |%n", (Object[]) row));
        }
        System.out.printf(
                Locale.ROOT,
                """

                === Contribution benchmark: N=%,d, month %s ===
                setup (not measured)  participants %,d ms, memberships %,d ms
                %s
                heap: MB used; "peak (smp)" = total used sampled every 20 ms, "peak (pools)" = sum of per-pool
                peaks (an upper bound), "after GC" = in use after the step and a System.gc(); max heap %,d MB
                tables on disk        %s
                server                %s (work_mem per session; batches set 64MB)
                processors            %d
                java                  %s
                load average          before %s, after %s
                ALL CHECKS PASSED
                """,
                count,
                month,
                loadMs,
                membershipMs,
                table,
                maxHeap >> 20,
                sizes,
                server,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                loadBefore,
                loadAverage());
    }

    // ------------------------------------------------------------------------------------------------ setup

    /**
     * N memberships, one per participant, by set-based SQL. A hash of the participant id picks the mix: 15% PU with
     * one of 25 employers (five of each risk class), wages 3.0-15.0 million (some above the JP cap); 85% BPU at
     * incomes 1.0-5.0 million, a fifth of them with JHT, about 10% (of all) in the TRANSPORT sector, 2% paid by the
     * government; starting 1-12 months before the billed month; 10% with a second base from the previous month.
     */
    static long createMemberships(JdbcClient jdbc, YearMonth month) {
        jdbc.sql("""
                INSERT INTO employer (npp, name, risk_class, kbli, region_code)
                SELECT 'BENCH-' || lpad(g::text, 3, '0'), 'PT Benchmark ' || g, 1 + (g - 1) % 5, NULL,
                       (SELECT min(region_code) FROM participant)
                  FROM generate_series(1, 25) g""").update();
        long created = jdbc.sql("""
                INSERT INTO membership (participant_id, employer_id, segment, channel, programmes, sector,
                                        government_paid, start_month, region_code)
                SELECT p.id,
                       CASE WHEN h.r < 150 THEN e.ids[1 + h.r % cardinality(e.ids)] END,
                       CASE WHEN h.r < 150 THEN 'PU' ELSE 'BPU' END,
                       CASE WHEN h.r < 150 THEN 'EMPLOYER' WHEN h.r % 50 = 7 THEN 'GOV_SPONSOR'
                            WHEN h.r % 3 = 0 THEN 'SELF' ELSE 'AGENT' END,
                       CASE WHEN h.r < 150 THEN 'JKK,JKM,JHT,JP,JKP' WHEN h.r % 5 = 0 THEN 'JKK,JKM,JHT'
                            ELSE 'JKK,JKM' END,
                       CASE WHEN h.r >= 150 AND h.r < 250 THEN 'TRANSPORT' ELSE 'OTHER' END,
                       h.r >= 150 AND h.r % 50 = 7,
                       (CAST(:month AS date) - make_interval(months => 1 + h.s % 12))::date,
                       p.region_code
                  FROM participant p
                 CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM employer WHERE npp LIKE 'BENCH-%') e
                 CROSS JOIN LATERAL (SELECT ((hashint8(p.id)::bigint + 2147483648) % 1000)::int AS r,
                                            ((hashint8(p.id + 7919)::bigint + 2147483648) % 1000)::int AS s) h
                 ORDER BY p.id""").param("month", date(month)).update();
        jdbc.sql("""
                INSERT INTO membership_base (membership_id, effective_from, amount)
                SELECT m.id, m.start_month,
                       CASE WHEN m.segment = 'PU' THEN 3000000 + (h.s % 121) * 100000
                            ELSE 1000000 + (h.s % 41) * 100000 END
                  FROM membership m
                 CROSS JOIN LATERAL (SELECT ((hashint8(m.id + 104729)::bigint + 2147483648) % 100000)::int AS s) h
                UNION ALL
                SELECT m.id, (CAST(:month AS date) - INTERVAL '1 month')::date,
                       CASE WHEN m.segment = 'PU' THEN 3500000 + (h.s % 111) * 100000
                            ELSE 1000000 + (h.s % 41) * 100000 END
                  FROM membership m
                 CROSS JOIN LATERAL (SELECT ((hashint8(m.id + 1299709)::bigint + 2147483648) % 100000)::int AS s) h
                 WHERE h.s % 10 = 0 AND m.start_month < (CAST(:month AS date) - INTERVAL '1 month')""").param("month", date(month)).update();
        jdbc.sql("VACUUM ANALYZE employer").update();
        jdbc.sql("VACUUM ANALYZE membership").update();
        jdbc.sql("VACUUM ANALYZE membership_base").update();
        return created;
    }

    /** Settled stand-in bills of the month before {@code month}, one per membership; @return how many. */
    static long standInBills(JdbcClient jdbc, YearMonth month) {
        return jdbc.sql("""
                INSERT INTO bill (membership_id, period, due_date, amount, paid, status, province_code)
                SELECT id, CAST(? AS date), CAST(? AS date), 0, 0, 'PAID', province_code FROM membership""").params(date(month.minusMonths(1)), date(month)).update();
    }

    private void printMix() {
        System.out.println("setup: membership mix");
        jdbc.sql("""
                SELECT m.segment, m.sector, m.government_paid, m.programmes, e.risk_class, count(*) AS n,
                       min(b.amount) AS min_base, max(b.amount) AS max_base
                  FROM membership m LEFT JOIN employer e ON e.id = m.employer_id
                  JOIN membership_base b ON b.membership_id = m.id
                 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5""").query(rs -> {
            System.out.printf(
                    Locale.ROOT,
                    "  %-4s %-9s gov=%-5s %-19s class %-4s %,9d base rows," + " base %,d-%,d%n",
                    rs.getString(1),
                    rs.getString(2),
                    rs.getBoolean(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(8));
        });
    }

    /** Bills of a sample of memberships of every kind against a quote of the same facts (the same rules). */
    private void checkAgainstQuotes(YearMonth month) {
        Quotes quotes = context.getBean(Quotes.class);
        List<Object[]> sample = jdbc.sql("""
                SELECT DISTINCT ON (v.segment, v.sector, v.government_paid, v.programmes, v.risk_class)
                       v.membership_id, v.segment, v.programmes, v.sector, v.government_paid, v.risk_class,
                       (SELECT x.amount FROM enrolment_base_v x WHERE x.membership_id = v.membership_id
                           AND x.effective_from <= ? ORDER BY x.effective_from DESC LIMIT 1) AS base,
                       b.amount, v.contract_value, v.contract_months
                  FROM enrolment_membership_v v JOIN bill b ON b.membership_id = v.membership_id AND b.period = ?
                 ORDER BY v.segment, v.sector, v.government_paid, v.programmes, v.risk_class, v.membership_id""")
                .params(date(month), date(month))
                .query((rs, n) -> new Object[] {
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBoolean(5),
                    rs.getObject(6) == null ? null : rs.getInt(6),
                    rs.getLong(7),
                    rs.getLong(8),
                    rs.getObject(9, Long.class),
                    rs.getObject(10, Integer.class)
                })
                .list();
        for (Object[] s : sample) {
            Quote q = quotes.quote(new QuoteRequest(
                    Segment.valueOf((String) s[1]),
                    Programme.parse((String) s[2]),
                    month,
                    (Long) s[6],
                    (Integer) s[5],
                    Sector.valueOf((String) s[3]),
                    (Boolean) s[4],
                    (Long) s[8],
                    (Integer) s[9],
                    false));
            check(
                    q.total() == (Long) s[7],
                    "bill of membership " + s[0] + " (" + s[1] + " " + s[2] + " " + s[3]
                            + (Boolean.TRUE.equals(s[4]) ? " government-paid" : "")
                            + (s[5] == null ? "" : " class " + s[5])
                            + ", base " + s[6] + ") equals its quote",
                    q.total(),
                    s[7]);
        }
        System.out.printf(
                Locale.ROOT, "billing: %d sampled bills (one of each kind) equal their quotes%n", sample.size());
    }

    /**
     * One payment per open bill of the month for its amount (every hundredth pays Rp25,000 more: ahead or credit),
     * unique references, in a random order (hash of the bill id), written by COPY ... TO STDOUT straight to disk.
     *
     * @return rows, total amount, amount overpaid, milliseconds taken
     */
    private long[] writePaymentFile(Path file, YearMonth month, LocalDate paidOn) throws Exception {
        long t0 = System.nanoTime();
        String select = "SELECT 'BNK" + month.toString().replace("-", "") + "-' || lpad(b.id::text, 10, '0')"
                + " AS reference, b.membership_id, b.amount + CASE WHEN b.id % 100 = 0 THEN 25000 ELSE 0 END"
                + " AS amount, '" + paidOn + "' AS paid_on FROM bill b WHERE b.period = '" + month.atDay(1) + "'"
                + " AND b.status = 'OPEN'";
        Map<String, Object> expected = jdbc.sql("""
                SELECT count(*) AS n,
                       coalesce(sum(amount + CASE WHEN id % 100 = 0 THEN 25000 ELSE 0 END), 0) AS total,
                       coalesce(sum(CASE WHEN id % 100 = 0 THEN 25000 ELSE 0 END), 0) AS over
                  FROM bill WHERE period = ? AND status = 'OPEN'""").param(date(month)).query().singleRow();
        DataSource dataSource = context.getBean(DataSource.class);
        long rows;
        try (Connection connection = dataSource.getConnection();
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            rows = connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut(
                            "COPY (" + select
                                    + " ORDER BY hashint8(b.id), b.id) TO STDOUT (FORMAT csv, DELIMITER ';', HEADER)",
                            out);
        }
        check(rows == num(expected.get("n")), "rows written", expected.get("n"), rows);
        return new long[] {rows, num(expected.get("total")), num(expected.get("over")), ms(t0)};
    }

    private Map<String, Object> accounts(YearMonth month) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM payment) AS payments,
                       (SELECT coalesce(sum(amount), 0) FROM payment) AS paid_total,
                       (SELECT coalesce(sum(unallocated), 0) FROM payment) AS credit,
                       (SELECT count(*) FROM payment_allocation) AS allocations,
                       (SELECT coalesce(sum(amount), 0) FROM payment_allocation) AS allocated,
                       (SELECT count(*) FROM bill WHERE period = :month AND status = 'PAID') AS bills_paid,
                       (SELECT count(*) FROM bill WHERE period = :month AND status <> 'PAID') AS bills_not_paid,
                       (SELECT coalesce(sum(paid), 0) FROM bill WHERE period = :month) AS bills_paid_sum,
                       (SELECT coalesce(sum(paid), 0) FROM bill WHERE period > :month) AS ahead,
                       (SELECT count(*) FROM late_fine) AS fines,
                       (SELECT count(*) FROM payment_file) AS files""").param("month", date(month)).query().singleRow();
    }

    private static void printAccounts(Map<String, Object> state) {
        System.out.print("accounts:");
        state.forEach((k, v) -> System.out.printf(Locale.ROOT, " %s=%,d", k, num(v)));
        System.out.println();
    }

    // ------------------------------------------------------------------------------------------------ profiling

    /**
     * With {@code ms >= 0}, auto_explain (loaded into every new connection) sends the plan of each statement slower
     * than {@code ms} to the client as a notice, with ANALYZE and BUFFERS; the timing wrapper prints it.
     */
    private void explain(int ms) throws java.sql.SQLException {
        TimedDataSource.explain(context, ms);
    }

    // ------------------------------------------------------------------------------------------------ measuring

    private <T> Measured<T> measure(Callable<T> step) throws Exception {
        TimedDataSource.STATS.clear();
        return HeapSampler.measure(step, millis -> TimedDataSource.printTop(top, millis));
    }

    private void addRow(String step, Measured<?> m, String rows) {
        summary.add(new String[] {
            step,
            String.format(Locale.ROOT, "%,d", m.millis),
            rows,
            String.format(Locale.ROOT, "%,d MB", m.heapBefore >> 20),
            String.format(Locale.ROOT, "%,d MB", m.peakSampled >> 20),
            String.format(Locale.ROOT, "%,d MB", m.peakPools >> 20),
            String.format(Locale.ROOT, "%,d MB", m.heapAfterGc >> 20)
        });
        System.out.printf(
                Locale.ROOT,
                "MEASURED %s: %,d ms, %s, heap before %,d MB, peak %,d MB sampled /"
                        + " %,d MB pools, after GC %,d MB%n",
                step,
                m.millis,
                rows,
                m.heapBefore >> 20,
                m.peakSampled >> 20,
                m.peakPools >> 20,
                m.heapAfterGc >> 20);
    }

    static void check(boolean ok, String what, Object expected, Object actual) {
        if (!ok) {
            throw new IllegalStateException("CHECK FAILED: " + what + ": expected " + expected + ", got " + actual);
        }
    }

    static long ms(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static long num(Object o) {
        return ((Number) o).longValue();
    }

    private static Date date(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "n/a";
        }
    }

    /**
     * Times every JDBC statement the application executes (per SQL text, count and total), for "where the time
     * goes". COPY through {@code PGConnection} bypasses it (the caller unwraps the real connection). With
     * {@link #printWarnings} it prints the notices a statement raised (auto_explain's plans).
     */
    static final class TimedDataSource extends DelegatingDataSource implements Closeable {

        static final Map<String, long[]> STATS = new ConcurrentHashMap<>();
        static volatile boolean printWarnings;

        TimedDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            return connection(obtainTargetDataSource().getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws java.sql.SQLException {
            return connection(obtainTargetDataSource().getConnection(username, password));
        }

        @Override
        public void close() throws java.io.IOException {
            if (getTargetDataSource() instanceof Closeable c) {
                c.close();
            }
        }

        private static Connection connection(Connection target) {
            InvocationHandler handler = (proxy, method, args) -> {
                Object result = call(target, method, args);
                if (result instanceof Statement statement && method.getName().startsWith("prepare")) {
                    return statement(statement, method.getReturnType(), (String) args[0]);
                }
                if (result instanceof Statement statement && method.getName().equals("createStatement")) {
                    return statement(statement, method.getReturnType(), null);
                }
                return result;
            };
            return (Connection) Proxy.newProxyInstance(
                    TimedDataSource.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
        }

        private static Object statement(Statement target, Class<?> type, String preparedSql) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (!method.getName().startsWith("execute")) {
                    return call(target, method, args);
                }
                String sql = preparedSql != null
                        ? preparedSql
                        : args != null && args.length > 0 && args[0] instanceof String s ? s : "?";
                long t0 = System.nanoTime();
                try {
                    return call(target, method, args);
                } finally {
                    long nanos = System.nanoTime() - t0;
                    long[] stat = STATS.computeIfAbsent(label(sql), k -> new long[2]);
                    synchronized (stat) {
                        stat[0]++;
                        stat[1] += nanos;
                    }
                    if (printWarnings) {
                        for (SQLWarning w = target.getWarnings(); w != null; w = w.getNextWarning()) {
                            System.out.println("PLAN (" + label(sql) + ")\n" + w.getMessage());
                        }
                    }
                }
            };
            return Proxy.newProxyInstance(TimedDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
        }

        /**
         * With {@code ms >= 0}, auto_explain (loaded into every new connection) sends the plan of each statement
         * slower than {@code ms} to the client as a notice, with ANALYZE and BUFFERS; the wrapper prints it. With
         * {@code ms < 0}, off again. Existing pool connections are evicted so that the setting takes effect.
         */
        static void explain(ConfigurableApplicationContext context, int ms) throws java.sql.SQLException {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            if (ms >= 0) {
                jdbc.sql("ALTER SYSTEM SET session_preload_libraries = 'auto_explain'")
                        .update();
                jdbc.sql("ALTER SYSTEM SET auto_explain.log_min_duration = " + ms)
                        .update();
                jdbc.sql("ALTER SYSTEM SET auto_explain.log_analyze = on").update();
                jdbc.sql("ALTER SYSTEM SET auto_explain.log_buffers = on").update();
                jdbc.sql("ALTER SYSTEM SET auto_explain.log_nested_statements = on")
                        .update();
                jdbc.sql("ALTER SYSTEM SET auto_explain.log_level = 'notice'").update();
            } else {
                jdbc.sql("ALTER SYSTEM RESET session_preload_libraries").update();
            }
            jdbc.sql("SELECT pg_reload_conf()").query().singleRow();
            printWarnings = ms >= 0;
            var hikari = context.getBean(DataSource.class).unwrap(com.zaxxer.hikari.HikariDataSource.class);
            if (hikari.getHikariPoolMXBean() != null) {
                hikari.getHikariPoolMXBean().softEvictConnections();
            }
        }

        /** Wraps the application's DataSource in a TimedDataSource (pass to SpringApplicationBuilder.initializers). */
        static void install(ConfigurableApplicationContext context) {
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds && !(bean instanceof TimedDataSource)
                            ? new TimedDataSource(ds)
                            : bean;
                }
            });
        }

        private static Object call(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        /** Labels by statement text: worked out once, not with two regular expressions on every execution. */
        private static final Map<String, String> LABELS = new ConcurrentHashMap<>();

        /** The statement without comments and runs of white space, cut to 110 characters. */
        static String label(String sql) {
            return LABELS.computeIfAbsent(sql, q -> {
                String s = q.replaceAll("--[^\n]*", " ").replaceAll("\\s+", " ").trim();
                return s.length() > 110 ? s.substring(0, 110) + "…" : s;
            });
        }

        static void printTop(int n, long stepMillis) {
            if (n <= 0) {
                return;
            }
            System.out.printf(Locale.ROOT, "  statements by total time (of %,d ms):%n", stepMillis);
            STATS.entrySet().stream()
                    .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                    .limit(n)
                    .forEach(e -> System.out.printf(
                            Locale.ROOT, "  %9.1f ms %5dx  %s%n", e.getValue()[1] / 1e6, e.getValue()[0], e.getKey()));
            long all = STATS.values().stream().mapToLong(v -> v[1]).sum();
            System.out.printf(
                    Locale.ROOT, "  %9.1f ms in %d distinct statements (COPY not included)%n", all / 1e6, STATS.size());
        }
    }
}
