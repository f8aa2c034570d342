package id.lindung.bench;

import id.lindung.bench.ContributionBenchmark.Args;
import id.lindung.contribution.BillingRunResult;
import id.lindung.contribution.BillingRuns;
import id.lindung.interop.SimulatedPartner;
import id.lindung.participant.IdentityView;
import id.lindung.shared.crypto.Vault;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The DCI registry API under load (issue 20 point 1: at least 11,000 look-ups a second with batched requests, p99 per
 * request under 200 ms; single-NIK look-ups p95 under 5 ms; client, Lindung and the database on these 2 cores):
 * a partner sends signed sync searches at a <b>fixed arrival rate</b> over HTTP on loopback to Lindung in this JVM,
 * on a throw-away embedded PostgreSQL. Not a test; run it by hand (see docs/benchmarks.md, "DCI registry API under
 * load"):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -B -Dlindung.build.dir=target-dci test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.DciBenchmark "-Dexec.args=batch=1000 batchRate=12 singleRate=200"
 * </pre>
 *
 * <p><b>Set-up (not measured).</b> N demo participants (seed 61) bulk-loaded, each with a BPU membership (JKK, JKM)
 * from this month made by set-based SQL, the month's billing run, and every membership with an even id marked paid
 * (so half the people are protected to the end of the month); the NIKs opened once in memory with whether each is
 * protected. One partner (the tests' {@code SimulatedPartner}: own Ed25519 key, every field, no hourly limit).
 *
 * <p><b>Load, two phases, each open model.</b> Batched: one message of {@code batch} NIKs every 1/{@code batchRate}
 * s; then single: one message of one NIK every 1/{@code singleRate} s. One dispatcher thread hands each message at
 * its scheduled time to {@code workers} threads, which build, sign (message and bearer token, fresh each time) and
 * send it; latency runs from the scheduled time to the answer's last byte, so queueing and the client's signing
 * count. Every answer is checked: 200, every query answered, each person's {@code protected} as set up. The first
 * {@code warmup} of each phase is not counted; a message unanswered 60 s after the last was sent counts as an error.
 *
 * <p>Options, {@code key=value}: N (default 100000), {@code batch} (1000), {@code batchRate} (12 messages/s),
 * {@code singleRate} (200/s), {@code duration} (PT30S per phase), {@code warmup} (PT10S), {@code workers} (32),
 * {@code top} (10 statements); any {@code --property=value} for the application.
 */
public final class DciBenchmark {

    private DciBenchmark() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Map<String, String> o = a.options();
        String loadBefore = ContributionBenchmark.loadAverage();
        ConfigurableApplicationContext context = ContributionBenchmark.start(a.appArgs());
        try {
            boolean ok = run(
                    context,
                    SnapBenchmark.count(args, 100_000),
                    Integer.parseInt(o.getOrDefault("batch", "1000")),
                    Double.parseDouble(o.getOrDefault("batchRate", "12")),
                    Double.parseDouble(o.getOrDefault("singleRate", "200")),
                    Duration.parse(o.getOrDefault("duration", "PT30S")),
                    Duration.parse(o.getOrDefault("warmup", "PT10S")),
                    Integer.parseInt(o.getOrDefault("workers", "32")),
                    Integer.parseInt(o.getOrDefault("top", "10")),
                    loadBefore);
            if (!ok) {
                throw new IllegalStateException("DCI benchmark: errors or failed checks, see the output");
            }
        } finally {
            context.close();
        }
    }

    /** The people asked about: NIK and whether they are protected. */
    private record People(String[] niks, boolean[] protectedNow) {}

    private static boolean run(
            ConfigurableApplicationContext context,
            long members,
            int batch,
            double batchRate,
            double singleRate,
            Duration duration,
            Duration warmup,
            int workers,
            int top,
            String loadBefore)
            throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Clock clock = context.getBean(Clock.class);
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        YearMonth month = YearMonth.now(clock);
        System.out.printf(
                Locale.ROOT,
                "%n=== DCI benchmark: %,d members; batched %,d NIKs at %.1f messages/s (%,.0f look-ups/s), single NIK"
                        + " at %.0f/s; %s per phase after a %s warm-up; %d workers; month %s; load average %s ===%n",
                members,
                batch,
                batchRate,
                batch * batchRate,
                singleRate,
                duration,
                warmup,
                workers,
                month,
                loadBefore);

        // ------------------------------------------------------------------ setup (not measured)
        ContributionBenchmark.loadRegistry(context, members, "DCI benchmark");
        long t0 = System.nanoTime();
        jdbc.sql("""
                INSERT INTO membership (participant_id, segment, channel, programmes, sector, government_paid,
                                        start_month, region_code)
                SELECT p.id, 'BPU', 'SELF', 'JKK,JKM', 'OTHER', false, CAST(:month AS date), p.region_code
                  FROM participant p ORDER BY p.id""").param("month", Date.valueOf(month.atDay(1))).update();
        jdbc.sql("""
                INSERT INTO membership_base (membership_id, effective_from, amount)
                SELECT m.id, m.start_month, 1000000 FROM membership m""").update();
        BillingRunResult billed = context.getBean(BillingRuns.class).run(month, ContributionBenchmark.ADMIN);
        long paid = jdbc.sql("UPDATE bill SET paid = amount, status = 'PAID' WHERE membership_id % 2 = 0")
                .update();
        for (String table : List.of("membership", "membership_base", "bill", "participant")) {
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
        Vault vault = context.getBean(Vault.class);
        List<String> niks = new ArrayList<>();
        List<Boolean> protectedNow = new ArrayList<>();
        jdbc.sql("SELECT p.nik_enc, m.id % 2 = 0 FROM participant p JOIN membership m ON m.participant_id = p.id"
                        + " ORDER BY hashint8(p.id), p.id")
                .query(rs -> {
                    niks.add(vault.openText(rs.getBytes(1), IdentityView.NIK_COLUMN));
                    protectedNow.add(rs.getBoolean(2));
                });
        boolean[] expected = new boolean[protectedNow.size()];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = protectedNow.get(i);
        }
        People people = new People(niks.toArray(String[]::new), expected);
        System.out.printf(
                Locale.ROOT,
                "setup: %,d memberships billed (%s), %,d bills marked paid, NIKs opened, in %,d ms%n",
                billed.billsCreated(),
                billed.status(),
                paid,
                ContributionBenchmark.ms(t0));
        ContributionBenchmark.check(billed.billsCreated() == members, "bills of the month", members, billed);
        SimulatedPartner partner = new SimulatedPartner(
                context,
                port,
                "bench-partner",
                Set.of("REGISTERED", "PROGRAMMES", "PROTECTED_UNTIL"),
                Set.of("NIK", "MEMBERSHIP_NUMBER"),
                Math.max(batch, 1),
                Integer.MAX_VALUE,
                null);

        // ------------------------------------------------------------------ load
        boolean ok = phase("batched", partner, people, batch, batchRate, duration, warmup, workers, top);
        ok &= phase("single NIK", partner, people, 1, singleRate, duration, warmup, workers, top);
        System.out.printf(Locale.ROOT, "load average at the end %s%n", ContributionBenchmark.loadAverage());
        return ok;
    }

    private static boolean phase(
            String name,
            SimulatedPartner partner,
            People people,
            int batch,
            double rate,
            Duration duration,
            Duration warmup,
            int workers,
            int top)
            throws InterruptedException {
        int total = (int) Math.ceil(rate * (warmup.toNanos() + duration.toNanos()) / 1e9);
        long offset = System.nanoTime() % people.niks().length;
        OpenLoad.Run run =
                OpenLoad.run("dci-partner", total, rate, warmup, workers, Duration.ofSeconds(60), start -> {}, i -> {
                    int first = (int) ((offset + (long) i * batch) % people.niks().length);
                    return send(partner, people, first, batch, name.charAt(0) + "-" + i);
                });
        long[] latency = run.latency();
        boolean[] failed = run.failed();
        long measuredNanos = run.measuredNanos();
        long[] kept = java.util.stream.IntStream.range(run.firstMeasured(), total)
                .filter(i -> !failed[i])
                .mapToLong(i -> latency[i])
                .sorted()
                .toArray();
        int errors = 0;
        for (int i = 0; i < total; i++) {
            errors += failed[i] ? 1 : 0;
        }
        System.out.printf(
                Locale.ROOT,
                "%n%s: %,d messages measured of %,d NIKs (%.1f/s scheduled), %d errors; per request p50 %s ms,"
                        + " p95 %s ms, p99 %s ms, max %s ms; %,.0f look-ups/s answered%n",
                name,
                kept.length,
                batch,
                rate,
                errors,
                HttpLoad.ms(HttpLoad.nearestRank(kept, 50)),
                HttpLoad.ms(HttpLoad.nearestRank(kept, 95)),
                HttpLoad.ms(HttpLoad.nearestRank(kept, 99)),
                HttpLoad.ms(kept.length == 0 ? 0 : kept[kept.length - 1]),
                kept.length * (double) batch / Math.max(1, measuredNanos) * 1e9);
        run.failures().forEach(f -> System.out.println("  e.g. " + f));
        ContributionBenchmark.TimedDataSource.printTop(top, measuredNanos / 1_000_000);
        return errors == 0;
    }

    /** Builds, signs and sends one message of {@code batch} NIKs from {@code first} on; @return what was wrong. */
    private static String send(SimulatedPartner partner, People people, int first, int batch, String id) {
        try {
            List<String[]> queries = new ArrayList<>(batch);
            int n = people.niks().length;
            for (int k = 0; k < batch; k++) {
                queries.add(new String[] {Integer.toString(k), "NIK", people.niks()[(first + k) % n]});
            }
            String body = partner.signed(partner.search(id + "-" + System.nanoTime(), queries));
            SimulatedPartner.Answer answer = partner.post("/dci/registry/sync/search", body, partner.token());
            if (answer.status() != 200) {
                return answer.status() + " " + HttpLoad.abbreviate(answer.text());
            }
            JsonNode items = answer.json().path("message").path("search_response");
            if (items.size() != batch) {
                return "answered " + items.size() + " of " + batch;
            }
            for (int k = 0; k < batch; k++) {
                JsonNode item = items.get(k);
                JsonNode record = item.path("data").path("reg_records");
                boolean expected = people.protectedNow()[(first + k) % n];
                if (!item.path("status").asString().equals("succ")
                        || !record.path("registered").asBoolean()
                        || record.path("protected").asBoolean() != expected) {
                    return "query " + k + ": " + HttpLoad.abbreviate(item.toString());
                }
            }
            return null;
        } catch (RuntimeException e) {
            return e.toString();
        }
    }
}
