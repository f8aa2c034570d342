package id.lindung.bench;

import id.lindung.bench.ContributionBenchmark.Args;
import id.lindung.bench.ContributionBenchmark.TimedDataSource;
import id.lindung.contribution.BillingRunResult;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.VirtualAccounts;
import id.lindung.contribution.snap.SimulatedBank;
import id.lindung.contribution.snap.SnapClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SNAP transfer-VA under load (issue 19: p95 under 50 ms at 200 requests/s): banks send VA inquiries and payment
 * notifications at a <b>fixed arrival rate</b> over HTTP on loopback to Lindung in this JVM, on a throw-away embedded
 * PostgreSQL. Not a test; run it by hand (see docs/benchmarks.md, "SNAP transfer-VA under load"):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -B -Dlindung.build.dir=target-snap test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.SnapBenchmark "-Dexec.args=rate=200 duration=PT45S"
 * </pre>
 *
 * <p><b>Set-up (not measured).</b> N demo participants (seed 61) bulk-loaded, each with a BPU membership paying
 * itself (JKK, JKM) that starts this month, made by set-based SQL; the month's billing run bills them all, so every VA
 * has one open bill. {@code banks} simulated banks (test's {@code SimulatedBank}: own RSA key pair and secret,
 * registered through {@code SnapClients}) each take a B2B access token.
 *
 * <p><b>Load.</b> One dispatcher thread sends request {@code i} at exactly {@code start + i / rate} to a pool of
 * {@code workers} threads (open model: a slow answer does not hold the next request back); latency runs from that
 * scheduled time to the answer's last byte, so queueing counts. Even requests are inquiries of VA {@code i/2}; odd
 * ones pay, for the amount billed, the VA that was asked about {@code lag} inquiries before (a bank inquires, the
 * customer confirms, the bank notifies); the first {@code lag} odd requests inquire about other VAs instead. Each
 * VA belongs to one bank (round robin), every call signed as {@code SimulatedBank} signs (HMAC-SHA512, fresh
 * X-EXTERNAL-ID). A right answer: inquiry 200 / 2002400 with the billed amount; payment 200 / 2002500 with flag 00.
 * The first {@code warmup} is not counted. A request still unanswered 40 s after the last was sent is abandoned and
 * counts as an error (unanswered), as does a time-out (30 s). At the end: SQL checks (one payment per paid VA, the sum), and every JDBC
 * statement's total time in the measured phase (the allocation lock's wait shows as {@code pg_advisory_xact_lock}).
 *
 * <p>Options, {@code key=value}: the number of members N (default 20000, at least one per request pair),
 * {@code rate} (200), {@code duration} (PT45S), {@code warmup} (PT15S), {@code banks} (10: each may ask 1,200
 * inquiries a minute), {@code workers} (64), {@code lag} (100), {@code top} (15 statements); any
 * {@code --property=value} for the application.
 */
public final class SnapBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private SnapBenchmark() {}

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        Map<String, String> o = a.options();
        String loadBefore = ContributionBenchmark.loadAverage();
        ConfigurableApplicationContext context = ContributionBenchmark.start(a.appArgs());
        try {
            boolean ok = run(
                    context,
                    count(args, 20_000),
                    Double.parseDouble(o.getOrDefault("rate", "200")),
                    Duration.parse(o.getOrDefault("duration", "PT45S")),
                    Duration.parse(o.getOrDefault("warmup", "PT15S")),
                    Integer.parseInt(o.getOrDefault("banks", "10")),
                    Integer.parseInt(o.getOrDefault("workers", "64")),
                    Integer.parseInt(o.getOrDefault("lag", "100")),
                    Integer.parseInt(o.getOrDefault("top", "15")),
                    loadBefore);
            if (!ok) {
                throw new IllegalStateException("SNAP benchmark: errors or failed checks, see the output");
            }
        } finally {
            context.close();
        }
    }

    /** N when given, else {@code otherwise} (not {@code Args}' default of a million). */
    static long count(String[] args, long otherwise) {
        return Arrays.stream(args)
                .filter(s -> !s.startsWith("--") && !s.contains("="))
                .mapToLong(s -> Long.parseLong(s.replace("_", "")))
                .findFirst()
                .orElse(otherwise);
    }

    private record Va(String number, long due, int bank) {}

    private static boolean run(
            ConfigurableApplicationContext context,
            long members,
            double rate,
            Duration duration,
            Duration warmup,
            int bankCount,
            int workers,
            int lag,
            int top,
            String loadBefore)
            throws Exception {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Clock clock = context.getBean(Clock.class);
        VirtualAccounts accounts = context.getBean(VirtualAccounts.class);
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        YearMonth month = YearMonth.now(clock);
        int total = (int) Math.ceil(rate * (warmup.toNanos() + duration.toNanos()) / 1e9);
        if (members < total / 2 + lag + 1) {
            throw new IllegalArgumentException(
                    "need at least " + (total / 2 + lag + 1) + " members for " + total + " requests");
        }
        System.out.printf(
                Locale.ROOT,
                "%n=== SNAP benchmark: %,d members, %.0f requests/s for %s after a %s warm-up (%,d requests),"
                        + " %d banks, %d workers; month %s; load average %s ===%n",
                members,
                rate,
                duration,
                warmup,
                total,
                bankCount,
                workers,
                month,
                loadBefore);

        // ------------------------------------------------------------------ setup (not measured)
        ContributionBenchmark.loadRegistry(context, members, "SNAP benchmark");
        long t0 = System.nanoTime();
        long created = jdbc.sql("""
                INSERT INTO membership (participant_id, segment, channel, programmes, sector, government_paid,
                                        start_month, region_code)
                SELECT p.id, 'BPU', 'SELF', 'JKK,JKM', 'OTHER', false, CAST(:month AS date), p.region_code
                  FROM participant p ORDER BY p.id""").param("month", date(month)).update();
        jdbc.sql("""
                INSERT INTO membership_base (membership_id, effective_from, amount)
                SELECT m.id, m.start_month, 1000000 + ((hashint8(m.id)::bigint + 2147483648) % 41) * 100000
                  FROM membership m""").update();
        jdbc.sql("VACUUM ANALYZE membership").update();
        jdbc.sql("VACUUM ANALYZE membership_base").update();
        BillingRunResult billed = context.getBean(BillingRuns.class).run(month, ContributionBenchmark.ADMIN);
        jdbc.sql("VACUUM ANALYZE bill").update();
        System.out.printf(
                Locale.ROOT,
                "setup: %,d BPU memberships, billing run %s (%,d bills) in %,d ms%n",
                created,
                billed.status(),
                billed.billsCreated(),
                ContributionBenchmark.ms(t0));
        ContributionBenchmark.check(billed.billsCreated() == members, "bills of the month", members, billed);
        List<String[]> rows = jdbc.sql("""
                SELECT m.membership_number, b.amount - b.paid FROM bill b JOIN membership m ON m.id = b.membership_id
                 WHERE b.period = ? AND b.status = 'OPEN' ORDER BY hashint8(m.id), m.id""")
                .param(date(month))
                .query((rs, n) -> new String[] {rs.getString(1), Long.toString(rs.getLong(2))})
                .list();
        List<Va> vas = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            vas.add(new Va(r[0], Long.parseLong(r[1]), vas.size() % bankCount));
        }
        SnapClients clients = context.getBean(SnapClients.class);
        List<SimulatedBank> banks = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int b = 0; b < bankCount; b++) {
            SimulatedBank bank = new SimulatedBank(port, clients);
            banks.add(bank);
            tokens.add(bank.token(stamp(clock), bank.keys.getPrivate(), bank.clientKey)
                    .json()
                    .path("accessToken")
                    .asString());
        }
        String psid = accounts.partnerServiceId();

        // ------------------------------------------------------------------ load (open model)
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        boolean[] payment = new boolean[total];
        for (int i = 0; i < total; i++) {
            payment[i] = i % 2 == 1 && i / 2 >= lag;
        }
        int[] lockWaiters = new int[2]; // samples, sum of backends waiting on an advisory lock
        Thread[] sampler = new Thread[1];
        OpenLoad.Run run = OpenLoad.run(
                "snap-bank",
                total,
                rate,
                warmup,
                workers,
                Duration.ofSeconds(40),
                start -> {
                    sampler[0] = new Thread(
                            () -> sampleLockWaits(jdbc, start + warmup.toNanos(), lockWaiters), "snap-sampler");
                    sampler[0].setDaemon(true);
                    sampler[0].start();
                },
                i -> {
                    int pair = i / 2;
                    boolean pays = payment[i];
                    Va va = pays ? vas.get(pair - lag) : vas.get(i % 2 == 0 ? pair : vas.size() - 1 - pair);
                    String failure =
                            send(http, port, banks.get(va.bank()), tokens.get(va.bank()), clock, psid, va, pays, i);
                    return failure == null ? null : (pays ? "payment " : "inquiry ") + va.number() + ": " + failure;
                });
        long[] latency = run.latency();
        boolean[] failed = run.failed();
        long measuredMs = run.measuredNanos() / 1_000_000;
        sampler[0].interrupt();
        sampler[0].join();
        String loadEnd = ContributionBenchmark.loadAverage();

        // ------------------------------------------------------------------ results
        int firstMeasured = run.firstMeasured();
        String inquiries = line(latency, failed, payment, firstMeasured, false);
        String payments = line(latency, failed, payment, firstMeasured, true);
        System.out.printf(
                Locale.ROOT,
                "%nmeasured: %,d requests from %s on (%.0f requests/s scheduled), latency from the scheduled send:%n"
                        + "  inquiry: %s%n  payment: %s%n"
                        + "  errors in the warm-up: %d; most requests in flight: %d; dispatcher's largest lag %.1f ms%n"
                        + "  backends waiting on an advisory lock (sampled every 100 ms): %.2f on average%n"
                        + "  load average before %s, at the end %s%n",
                total - firstMeasured,
                warmup,
                rate,
                inquiries,
                payments,
                countErrors(failed, 0, firstMeasured),
                run.maxInFlight(),
                run.maxLag() / 1e6,
                lockWaiters[0] == 0 ? 0.0 : (double) lockWaiters[1] / lockWaiters[0],
                loadBefore,
                loadEnd);
        run.failures().forEach(f -> System.out.println("  e.g. " + f));
        TimedDataSource.printTop(top, measuredMs);
        long[] lock = TimedDataSource.STATS.getOrDefault("SELECT pg_advisory_xact_lock(?)", new long[2]);
        long others =
                TimedDataSource.STATS.values().stream().mapToLong(v -> v[1]).sum() - lock[1];
        if (lock[0] > 0) {
            // nearly every other statement of an inquiry or payment runs while the lock is held
            double held = others / 1e6 / lock[0];
            System.out.printf(
                    Locale.ROOT,
                    "  allocation lock: taken %,d times, mean wait %.1f ms; the other statements %.1f ms per lock taken"
                            + " (about the time it is held): at most about %.0f locked sections a second%n",
                    lock[0],
                    lock[1] / 1e6 / lock[0],
                    held,
                    1000 / held);
        }

        // ------------------------------------------------------------------ checks
        // answers the client gave up on may still be running on the server: wait until the payments stop changing
        long settled = -1;
        for (int waited = 0; waited < 120; waited += 5) {
            long now = jdbc.sql("SELECT count(*) FROM snap_payment")
                    .query(Long.class)
                    .single();
            if (now == settled) {
                break;
            }
            settled = now;
            Thread.sleep(5_000);
        }
        int paidVas = 0;
        for (int i = 0; i < total; i++) {
            paidVas += payment[i] && !failed[i] ? 1 : 0;
        }
        Map<String, Object> recorded = jdbc.sql("""
                SELECT count(*) AS n, count(DISTINCT s.virtual_account_no) AS vas,
                       count(*) FILTER (WHERE s.paid_amount <> b.amount OR b.status <> 'PAID') AS wrong
                  FROM snap_payment s
                  JOIN membership m ON s.virtual_account_no = :psid || m.membership_number
                  JOIN bill b ON b.membership_id = m.id AND b.period = :month""")
                .param("psid", psid)
                .param("month", date(month))
                .query()
                .singleRow();
        long n = ((Number) recorded.get("n")).longValue();
        long distinct = ((Number) recorded.get("vas")).longValue();
        long wrong = ((Number) recorded.get("wrong")).longValue();
        int errors = countErrors(failed, 0, total);
        System.out.printf(
                Locale.ROOT,
                "checks: %,d payments answered 00, %,d recorded (%,d VAs), %d not matching their bill%n",
                paidVas,
                n,
                distinct,
                wrong);
        ContributionBenchmark.check(n == distinct, "one payment per VA", n, distinct);
        ContributionBenchmark.check(wrong == 0, "payments that do not settle their bill exactly", 0, wrong);
        // a payment the client gave up on (time-out) may have been recorded after all: only then more than answered
        ContributionBenchmark.check(
                errors > 0 ? n >= paidVas : n == paidVas, "payments recorded against answered", paidVas, n);
        return countErrors(failed, 0, total) == 0;
    }

    /** Sends one call, checks the answer; @return what was wrong, or null. */
    private static String send(
            HttpClient http,
            int port,
            SimulatedBank bank,
            String token,
            Clock clock,
            String psid,
            Va va,
            boolean pays,
            int index) {
        try {
            String external = "EXT" + index + "-" + System.nanoTime();
            String path = pays ? SimulatedBank.PAYMENT_PATH : SimulatedBank.INQUIRY_PATH;
            String stamp = stamp(clock);
            String body = pays
                    ? "{\"partnerServiceId\":\"" + psid + "\",\"customerNo\":\"" + va.number()
                            + "\",\"virtualAccountNo\":\"" + psid + va.number()
                            + "\",\"virtualAccountName\":\"Peserta\",\"paymentRequestId\":\"PAY" + index
                            + "\",\"paidAmount\":{\"value\":\"" + va.due() + ".00\",\"currency\":\"IDR\"},"
                            + "\"trxDateTime\":\"" + stamp + "\",\"referenceNo\":\"REF" + index + "\"}"
                    : "{\"partnerServiceId\":\"" + psid + "\",\"customerNo\":\"" + va.number()
                            + "\",\"virtualAccountNo\":\"" + psid + va.number() + "\",\"inquiryRequestId\":\"INQ"
                            + index + "\"}";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            bank.signedHeaders(path, token, bank.secret, stamp, external, body).forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            String code = answer.path("responseCode").asString();
            JsonNode data = answer.path("virtualAccountData");
            boolean ok = response.statusCode() == 200
                    && (pays
                            ? code.equals("2002500")
                                    && data.path("paymentFlagStatus").asString().equals("00")
                            : code.equals("2002400")
                                    && data.path("totalAmount")
                                            .path("value")
                                            .asString()
                                            .equals(va.due() + ".00"));
            return ok ? null : response.statusCode() + " " + HttpLoad.abbreviate(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Every 100 ms, how many server backends wait on an advisory lock (the allocation lock). */
    private static void sampleLockWaits(JdbcClient jdbc, long from, int[] sums) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(100);
                if (System.nanoTime() < from) {
                    continue;
                }
                int waiting = jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                + " AND wait_event = 'advisory'")
                        .query(Integer.class)
                        .single();
                synchronized (sums) {
                    sums[0]++;
                    sums[1] += waiting;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String line(long[] latency, boolean[] failed, boolean[] payment, int from, boolean pays) {
        long[] kept = java.util.stream.IntStream.range(from, latency.length)
                .filter(i -> payment[i] == pays && latency[i] >= 0)
                .mapToLong(i -> latency[i])
                .sorted()
                .toArray();
        long errors = java.util.stream.IntStream.range(from, latency.length)
                .filter(i -> payment[i] == pays && failed[i])
                .count();
        long unanswered = java.util.stream.IntStream.range(from, latency.length)
                .filter(i -> payment[i] == pays && latency[i] < 0)
                .count();
        return String.format(
                Locale.ROOT,
                "%,d answered (%,d unanswered), %d errors, p50 %s ms, p95 %s ms, p99 %s ms, max %s ms",
                kept.length,
                unanswered,
                errors,
                HttpLoad.ms(HttpLoad.nearestRank(kept, 50)),
                HttpLoad.ms(HttpLoad.nearestRank(kept, 95)),
                HttpLoad.ms(HttpLoad.nearestRank(kept, 99)),
                HttpLoad.ms(kept.length == 0 ? 0 : kept[kept.length - 1]));
    }

    private static int countErrors(boolean[] failed, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += failed[i] ? 1 : 0;
        }
        return n;
    }

    private static String stamp(Clock clock) {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(STAMP);
    }

    private static Date date(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }
}
