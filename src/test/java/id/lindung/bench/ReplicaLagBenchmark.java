package id.lindung.bench;

import id.lindung.LindungApplication;
import id.lindung.contribution.BillingRunResult;
import id.lindung.contribution.BillingRuns;
import id.lindung.shared.reporting.ReportingJdbc;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Replication lag of the reporting copy (shared.reporting) during a billing run of N memberships (default
 * 1,000,000): the application on a throw-away embedded primary with {@code wal_level=logical} and a second embedded
 * server as its reporting copy. Prints, sampled every {@code sample} ms during the run, how far the copy is behind:
 * bytes of WAL not yet replayed and {@code replay_lag} (pg_stat_replication on the primary), and the age of the
 * copy's heartbeat by the business clock; then how long after the run the copy holds every bill of it. Not a test;
 * run it by hand (docs/benchmarks.md):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -B -Dlindung.build.dir=target-replicabench test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.ReplicaLagBenchmark "-Dexec.args=1000000"
 * </pre>
 *
 * Arguments as for {@link ContributionBenchmark} (N, {@code month=yyyy-MM}, {@code --property=value}), and
 * {@code sample=ms} (default 250), {@code catchUp=s} (how long to wait for the copy after the run, default 600).
 */
public final class ReplicaLagBenchmark {

    private ReplicaLagBenchmark() {}

    /** One look at the lag. */
    private record Sample(long atMs, long bytes, double replayMs, double heartbeatMs) {}

    public static void main(String[] args) throws Exception {
        ContributionBenchmark.Args a = ContributionBenchmark.Args.parse(args);
        List<String> appArgs = new ArrayList<>(a.appArgs());
        if (appArgs.stream().noneMatch(x -> x.startsWith("--server.port="))) {
            appArgs.add("--server.port=0"); // application.properties' 8080 wins over a default property
        }
        appArgs.add("--lindung.reporting.embedded=true");
        appArgs.add("--lindung.reporting.heartbeat=" + a.options().getOrDefault("heartbeat", "1s"));
        String loadBefore = ContributionBenchmark.loadAverage();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LindungApplication.class)
                .profiles("test")
                .properties("lindung.demo.participants=0")
                .run(appArgs.toArray(String[]::new));
        try {
            run(context, a.count(), a.options(), loadBefore);
        } finally {
            context.close();
        }
    }

    private static void run(
            ConfigurableApplicationContext context, long count, Map<String, String> options, String load)
            throws Exception {
        JdbcClient primary = context.getBean(JdbcClient.class);
        ReportingJdbc reporting = context.getBean(ReportingJdbc.class);
        Clock clock = context.getBean(Clock.class);
        YearMonth month = options.containsKey("month") ? YearMonth.parse(options.get("month")) : YearMonth.now(clock);
        long sampleMs = Long.parseLong(options.getOrDefault("sample", "250"));
        long catchUpMs = Long.parseLong(options.getOrDefault("catchUp", "600")) * 1000;
        System.out.printf(
                Locale.ROOT, "%n=== Replica lag benchmark: N=%,d, month %s, load average %s ===%n", count, month, load);

        // ------------------------------------------------------------------ setup (not measured)
        ContributionBenchmark.loadRegistry(context, count, "replica lag benchmark");
        long t0 = System.nanoTime();
        long memberships = ContributionBenchmark.createMemberships(primary, month);
        ContributionBenchmark.standInBills(primary, month);
        ContributionBenchmark.check(memberships == count, "memberships created", count, memberships);
        System.out.printf(
                Locale.ROOT,
                "setup: %,d memberships and stand-in bills in %,d ms%n",
                memberships,
                ContributionBenchmark.ms(t0));
        t0 = System.nanoTime();
        waitUntil(
                () -> reporting.onCopy() && bytesBehind(primary) < 1_000_000,
                catchUpMs,
                "the copy caught up with setup");
        System.out.printf(Locale.ROOT, "setup: the copy caught up in %,d ms%n", ContributionBenchmark.ms(t0));

        // ------------------------------------------------------------------ the billing run, sampled
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        long started = System.nanoTime();
        Thread sampler = new Thread(
                () -> {
                    while (running.get()) {
                        samples.add(sample(primary, reporting, clock, ContributionBenchmark.ms(started)));
                        try {
                            Thread.sleep(sampleMs);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "replica-lag-sampler");
        sampler.start();
        BillingRunResult result = context.getBean(BillingRuns.class).run(month, ContributionBenchmark.ADMIN);
        long runMs = ContributionBenchmark.ms(started);
        ContributionBenchmark.check(
                "DONE".equals(result.status()) && result.billsCreated() == count,
                "billing run",
                "DONE, " + count + " bills",
                result.status() + ", " + result.billsCreated() + " bills");
        long bills = billsOf(primary, month);
        waitUntil(() -> billsOf(reporting.reads(), month) == bills, catchUpMs, "the copy holds the run's bills");
        long caughtUpMs = ContributionBenchmark.ms(started);
        running.set(false);
        sampler.join();
        ContributionBenchmark.check(reporting.onCopy(), "read from the copy", true, false);

        List<Sample> during = samples.stream().filter(s -> s.atMs() <= runMs).toList();
        System.out.printf(
                Locale.ROOT,
                "billing run: %,d bills in %,d ms; the copy held all of them %,d ms after the run started"
                        + " (%,d ms after it ended)%n",
                result.billsCreated(),
                runMs,
                caughtUpMs,
                caughtUpMs - runMs);
        System.out.printf(
                Locale.ROOT,
                "lag during the run (%d samples every %d ms): WAL behind max %,d / p95 %,d bytes; replay_lag max %,.0f"
                        + " / p95 %,.0f ms; heartbeat age max %,.0f / p95 %,.0f ms%n",
                during.size(),
                sampleMs,
                (long) max(during, s -> (double) s.bytes()),
                (long) p95(during, s -> (double) s.bytes()),
                max(during, Sample::replayMs),
                p95(during, Sample::replayMs),
                max(during, Sample::heartbeatMs),
                p95(during, Sample::heartbeatMs));
        System.out.println("RESULT replica lag: N=" + count + ", run " + runMs + " ms, caught up +"
                + (caughtUpMs - runMs) + " ms");
    }

    private static Sample sample(JdbcClient primary, ReportingJdbc reporting, Clock clock, long atMs) {
        Map<String, Object> row =
                primary.sql("""
                SELECT coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn), 0) AS bytes,
                       coalesce(extract(epoch FROM replay_lag) * 1000, 0) AS replay_ms
                  FROM pg_stat_replication WHERE application_name = 'lindung_reporting'""").query().listOfRows().stream().findFirst().orElse(Map.of("bytes", 0, "replay_ms", 0));
        Timestamp beat = reporting
                .reads()
                .sql("SELECT beat FROM reporting_heartbeat WHERE id = 1")
                .query(Timestamp.class)
                .optional()
                .orElse(null);
        double heartbeatMs = beat == null ? 0 : Math.max(0, clock.millis() - beat.getTime());
        return new Sample(
                atMs,
                ((Number) row.get("bytes")).longValue(),
                ((Number) row.get("replay_ms")).doubleValue(),
                heartbeatMs);
    }

    private static long bytesBehind(JdbcClient primary) {
        return primary.sql("""
                SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)), -1)
                  FROM pg_stat_replication WHERE application_name = 'lindung_reporting'""").query(Long.class).single();
    }

    private static long billsOf(JdbcClient db, YearMonth month) {
        return db.sql("SELECT count(*) FROM bill WHERE period = ?")
                .param(Date.valueOf(month.atDay(1)))
                .query(Long.class)
                .single();
    }

    private interface Condition {
        boolean holds();
    }

    private static void waitUntil(Condition condition, long timeoutMs, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("waited " + timeoutMs + " ms for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static double max(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        return samples.stream().mapToDouble(value).max().orElse(0);
    }

    private static double p95(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> value) {
        double[] sorted = samples.stream().mapToDouble(value).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }
}
