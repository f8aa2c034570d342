package id.lindung.bench;

import id.lindung.access.LindungUser;
import id.lindung.bench.ContributionBenchmark.Args;
import id.lindung.bench.ContributionBenchmark.TimedDataSource;
import id.lindung.bench.HeapSampler.Measured;
import id.lindung.contribution.HistoryImportResult;
import id.lindung.contribution.HistoryImports;
import id.lindung.demodata.DemoGeography;
import id.lindung.demodata.DemoRegistryGenerator;
import id.lindung.participant.IdentityView;
import id.lindung.participant.ParticipantBulkLoader;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.crypto.Vault;
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Contribution history import at scale (default 1,000,000 rows) on a throw-away embedded PostgreSQL; prints time,
 * rows and peak heap. Not a test; run it by hand (see docs/benchmarks.md):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -B -Dlindung.build.dir=target-histbench test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.HistoryImportBenchmark "-Dexec.args=1000000 --server.port=0"
 * </pre>
 *
 * Setup (not measured): N / 20 demo participants (bulk loader), each with a BPU membership (JKK, JKM; a fifth with
 * JHT) started 20 months before the current month, without bills (as bulk paths write them); the file: one whole-bill
 * row a month for the 20 months before the current one, half of the members by NIK (opened from the sealed registry),
 * half by membership number, in a random order, with the month's amount by the rules (a quote of the rules query:
 * the same as the bill). Measured: the import (the ledger bills every owed month on the way, then all checks and
 * writes), then the same file again (a replay). Checks: every row a payment allocated to its month, the bills paid.
 */
public final class HistoryImportBenchmark {

    private static final LindungUser ADMIN = ContributionBenchmark.ADMIN;
    private static final int MONTHS = 20;

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        String load = ContributionBenchmark.loadAverage();
        ConfigurableApplicationContext context = ContributionBenchmark.start(a.appArgs());
        try {
            run(context, a.count(), a.options(), load);
        } finally {
            context.close();
        }
    }

    private static void run(ConfigurableApplicationContext context, long rows, Map<String, String> options, String load)
            throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        YearMonth current = YearMonth.now(context.getBean(Clock.class));
        YearMonth first = current.minusMonths(MONTHS);
        long members = rows / MONTHS;
        System.out.printf(
                Locale.ROOT,
                "%n=== History import benchmark: %,d rows (%,d members x %d months from %s),"
                        + " load average %s ===%n",
                members * MONTHS,
                members,
                MONTHS,
                first,
                load);
        ParticipantBulkLoader loader = context.getBean(ParticipantBulkLoader.class);
        DemoGeography kalbar = DemoGeography.of(context.getBean(RegionDirectory.class), "61");
        long t0 = System.nanoTime();
        loader.load(
                new DemoRegistryGenerator(kalbar, 61).iterator(members),
                "history benchmark, seed 61",
                LindungUser.SYSTEM);
        jdbc.sql("""
                INSERT INTO membership (participant_id, segment, channel, programmes, sector, start_month, region_code,
                                        registered_on)
                SELECT p.participant_id, 'BPU', 'AGENT', CASE WHEN p.participant_id % 5 = 0 THEN 'JKK,JKM,JHT'
                                                             ELSE 'JKK,JKM' END,
                       CASE WHEN p.participant_id % 10 = 0 THEN 'TRANSPORT' ELSE 'OTHER' END, ?, p.region_code,
                       lindung_today()
                  FROM participant_identity_v p""").param(java.sql.Date.valueOf(first.atDay(1))).update();
        jdbc.sql("INSERT INTO membership_base (membership_id, effective_from, amount)"
                        + " SELECT id, start_month, 1000000 + (id % 5) * 500000 FROM membership")
                .update();
        System.out.printf(
                Locale.ROOT,
                "setup: %,d participants and memberships in %,d ms%n",
                members,
                ContributionBenchmark.ms(t0));

        // the file: amounts from the rules query (a quote per distinct membership kind and month)
        Path file = options.containsKey("file")
                ? Path.of(options.get("file"))
                : Files.createTempFile("lindung-history-", ".csv");
        t0 = System.nanoTime();
        Vault vault = context.getBean(Vault.class);
        jdbc.sql("""
                CREATE TABLE bench_history AS
                SELECT m.id AS membership_id, m.participant_id, g.month::date AS period, 0::bigint AS amount,
                       (g.month + make_interval(days => (m.id % 14)::int))::date AS paid_on,
                       hashint8(m.id * 100 + extract(month FROM g.month)::bigint) AS sort
                  FROM membership m
                  CROSS JOIN LATERAL generate_series(m.start_month, ?::date, INTERVAL '1 month') g(month)""")
                .param(java.sql.Date.valueOf(current.minusMonths(1).atDay(1)))
                .update();
        // one quote per (programmes, sector, base, month): the rules query as the ledger uses it
        jdbc.sql("""
                UPDATE bench_history h SET amount = q.amount
                  FROM (SELECT l.membership_id AS sig, l.period, sum(l.employer_amount + l.worker_amount) AS amount
                          FROM (%s) l GROUP BY 1, 2) q,
                       (SELECT m.id, dense_rank() OVER (ORDER BY m.programmes, m.sector, b.amount) AS sig
                          FROM membership m JOIN membership_base b ON b.membership_id = m.id) s
                 WHERE s.id = h.membership_id AND q.sig = s.sig AND q.period = h.period""".formatted(id.lindung.contribution.internal.ContributionSql.lines("""
                        SELECT DISTINCT s.sig, g.month::date, 'BPU'::varchar, m.programmes, m.sector, FALSE,
                               NULL::smallint, b.amount, NULL::bigint, NULL::integer, FALSE
                          FROM membership m JOIN membership_base b ON b.membership_id = m.id
                          JOIN (SELECT m2.id, dense_rank() OVER (ORDER BY m2.programmes, m2.sector, b2.amount)
                                         AS sig
                                  FROM membership m2 JOIN membership_base b2 ON b2.membership_id = m2.id) s
                            ON s.id = m.id
                          CROSS JOIN generate_series(m.start_month, lindung_today(), INTERVAL '1 month') g(month)""")))
                .update();
        Map<Long, String> niks = new java.util.HashMap<>();
        jdbc.sql("SELECT participant_id, nik_enc FROM participant_identity_v WHERE participant_id % 2 = 0")
                .query(rs -> {
                    niks.put(rs.getLong(1), vault.openText(rs.getBytes(2), IdentityView.NIK_COLUMN));
                });
        long written = 0;
        long total = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("nik;membership_id;month;programme;amount;paid_on\n");
            var rowsOut = jdbc
                    .sql("SELECT membership_id, participant_id, period, amount, paid_on FROM bench_history"
                            + " ORDER BY sort")
                    .query((rs, n) -> new Object[] {
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getDate(3).toLocalDate(),
                        rs.getLong(4),
                        rs.getDate(5).toLocalDate()
                    })
                    .stream();
            for (Object[] r : (Iterable<Object[]>) rowsOut::iterator) {
                String nik = niks.get((Long) r[1]);
                out.write((nik == null ? ";" + r[0] : nik + ";") + ";" + YearMonth.from((java.time.LocalDate) r[2])
                        + ";ALL;" + r[3] + ";" + r[4] + "\n");
                written++;
                total += (Long) r[3];
            }
        }
        System.out.printf(
                Locale.ROOT,
                "file %s: %,d rows, %,d bytes, Rp%,d, written in %,d ms%n",
                file,
                written,
                Files.size(file),
                total,
                ContributionBenchmark.ms(t0));
        jdbc.sql("DROP TABLE bench_history").update();
        jdbc.sql("CHECKPOINT").update();

        HistoryImports imports = context.getBean(HistoryImports.class);
        int top = Integer.parseInt(options.getOrDefault("top", "15"));
        TimedDataSource.STATS.clear();
        Measured<HistoryImportResult> imported = HeapSampler.measure(
                () -> {
                    try (InputStream in = new FileInputStream(file.toFile())) {
                        return imports.importFile("riwayat.csv", in, ADMIN);
                    }
                },
                millis -> TimedDataSource.printTop(top, millis));
        HistoryImportResult r = imported.value;
        report("import", imported, r);
        Map<String, Object> state = jdbc.sql("""
                SELECT (SELECT count(*) FROM payment WHERE channel = 'HISTORY_IMPORT') AS payments,
                       (SELECT count(*) FROM payment_allocation) AS allocations,
                       (SELECT coalesce(sum(amount), 0) FROM payment) AS paid,
                       (SELECT count(*) FROM bill WHERE status = 'PAID') AS bills_paid,
                       (SELECT count(*) FROM bill WHERE status = 'OPEN') AS bills_open""").query().singleRow();
        System.out.println("ledger: " + state);
        ContributionBenchmark.check(
                r.rows() == written && r.monthsPaid() == written,
                "rows / months paid",
                written,
                r.rows() + " / " + r.monthsPaid());
        ContributionBenchmark.check(
                ((Number) state.get("payments")).longValue() == written
                        && ((Number) state.get("allocations")).longValue() == written
                        && ((Number) state.get("paid")).longValue() == total,
                "payments, allocations, money",
                written + " / " + written + " / " + total,
                state);
        ContributionBenchmark.check(
                ((Number) state.get("bills_open")).longValue() == members,
                "open bills (the current month)",
                members,
                state.get("bills_open"));

        jdbc.sql("CHECKPOINT").update();
        TimedDataSource.STATS.clear();
        Measured<HistoryImportResult> again = HeapSampler.measure(
                () -> {
                    try (InputStream in = new FileInputStream(file.toFile())) {
                        return imports.importFile("riwayat.csv", in, ADMIN);
                    }
                },
                millis -> TimedDataSource.printTop(top, millis));
        report("same file again", again, again.value);
        ContributionBenchmark.check(again.value.replayed(), "replayed", true, false);
        if (!Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
            Files.deleteIfExists(file);
        }
        System.out.println("load average after: " + ContributionBenchmark.loadAverage());
    }

    private static void report(String step, Measured<HistoryImportResult> m, HistoryImportResult r) {
        System.out.printf(
                Locale.ROOT,
                "MEASURED %s: %,d ms, %,d rows, %,d months paid, %,d bills created,"
                        + " replayed %s; heap before %,d MB, peak %,d MB sampled / %,d MB pools, after GC %,d MB%n",
                step,
                m.millis,
                r.rows(),
                r.monthsPaid(),
                r.billsCreated(),
                r.replayed(),
                m.heapBefore >> 20,
                m.peakSampled >> 20,
                m.peakPools >> 20,
                m.heapAfterGc >> 20);
    }
}
