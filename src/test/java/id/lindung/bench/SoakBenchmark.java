package id.lindung.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.sun.management.GarbageCollectionNotificationInfo;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import id.lindung.LindungApplication;
import id.lindung.access.LindungUser;
import id.lindung.contribution.BillingRunResult;
import id.lindung.contribution.BillingRuns;
import id.lindung.kur.KurImportResult;
import id.lindung.kur.KurImports;
import id.lindung.participant.IdentityView;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.crypto.Vault;
import id.lindung.support.Niks;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Soak run (issue 8): Lindung with a realistic registry under a <b>steady, open-loop</b> load over real HTTP on
 * loopback for a fixed time (default 15 minutes), to show that nothing fails, memory stays flat and the latency does
 * not drift. Not a test; run it by hand (see docs/benchmarks.md, "Soak run"):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -B -Dlindung.build.dir=target-soak test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.SoakBenchmark "-Dexec.args=duration=PT15M"
 * </pre>
 *
 * <p><b>Set-up (not measured).</b> Starts the application in this JVM as it runs in production (no test profile;
 * demo data on) on a <em>durable</em> embedded PostgreSQL (fsync on) in a fresh directory, which makes the demo
 * generator load {@code participants} (100,000) Kalimantan Barat workers with their family, businesses and
 * memberships; then bills the previous and the current month ({@code BillingRuns}), imports a KUR file of
 * {@code kurLoans} (20,000) loans of bank KALBAR (70% borrowers in the registry) and analyzes. API callers use API
 * tokens issued over HTTP by {@code POST /api/tokens} (HTTP Basic would cost a BCrypt per request): an officer of the
 * province ({@code petugas.kalbar}: registry, statements, claims, KUR work list, the writes), the provincial analyst
 * (coverage API) and the bank ({@code bank.kalbar}: its loans). Pages use the officer's session from the form login.
 *
 * <p><b>Load.</b> One dispatcher thread sends request {@code i} at exactly {@code start + i / rate} (open loop: a slow
 * answer does not hold the next request back) to a pool of {@code workers} threads; latency is measured from that
 * scheduled time to the last byte of the answer, so time spent queued behind a slow server counts. The mix (see
 * {@link Kind}) is what a province's users do: search and open participants, statements, the coverage dashboard,
 * the claim queue, KUR lists, pages and API, and 11% writes: registrations with new valid NIKs, payments with a
 * unique {@code Idempotency-Key}, the same payment sent again (must answer 200, replayed), and claim intakes. Every
 * answer is checked: the expected status (200, or 201 for a new registration, payment or claim) and a complete
 * body (a page must end with {@code </html>}, a NIK lookup must name the NIK, ...). Anything else, or an exception or
 * time-out, is an error. The first {@code warmup} (1 minute) is not counted.
 *
 * <p><b>Recorded.</b> Latency p50/p95/p99/max overall, per kind and per minute; every {@code sample} (30 s) the heap in
 * use, the heap after the last garbage collection (from the JVM's GC notifications), the old generation after it,
 * collections and their pause time, threads, connections in the pool and on the server, database size; the live
 * heap after an explicit full GC at the start of the measured time, every {@code fullGc} (5 minutes) and at the end;
 * WARN and ERROR log events of the application; rows written.
 *
 * <p>Options, {@code key=value}: {@code duration} (ISO-8601 like {@code PT15M}, or seconds; also the system property
 * {@code duration}), {@code warmup} (PT1M), {@code rate} (requests per second, 30), {@code participants} (100000),
 * {@code kurLoans} (20000), {@code workers} (64), {@code sample} (PT30S), {@code fullGc} (PT5M; 0 = only at start
 * and end), {@code timeout} (PT30S per request), {@code seed} (61), {@code dataDir} (target-soak/soak-db, deleted
 * first), {@code throwAway=true} (a throw-away server with fsync off instead); any {@code --property=value} for the
 * application. The read budgets per user ({@code lindung.reads.rows-per-hour.*}) are raised to 10⁹ unless given: one
 * load client per role stands for hundreds of users.
 */
public final class SoakBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROVINCE = "61";
    private static final LindungUser ADMIN = ContributionBenchmark.ADMIN;
    private static final String OFFICER = "petugas.kalbar";
    private static final String ANALYST = "analis.provinsi";
    private static final String BANK = "bank.kalbar";

    /** What users do, with its share of the requests (percent) and the status a right answer has. */
    enum Kind {
        API_SEARCH("API participant search, name prefix in a kab/kota", 12, 200),
        API_NIK("API participant by NIK", 8, 200),
        API_PARTICIPANT("API participant detail", 6, 200),
        API_STATUS("API participant protection status", 4, 200),
        API_STATEMENT("API membership statement", 7, 200),
        API_COVERAGE("API coverage dashboard (analyst)", 7, 200),
        API_CLAIMS("API claim queue", 4, 200),
        API_KUR_LOANS("API KUR loans (bank token)", 3, 200),
        API_KUR_WORK("API KUR work list", 3, 200),
        PAGE_HOME("page home /", 3, 200),
        PAGE_SEARCH("page participant search /peserta", 7, 200),
        PAGE_PARTICIPANT("page participant /peserta/{id}", 6, 200),
        PAGE_STATEMENT("page membership statement /kepesertaan/{id}", 4, 200),
        PAGE_COVERAGE("page coverage dashboard /cakupan", 6, 200),
        PAGE_CLAIMS("page claim queue /klaim", 4, 200),
        PAGE_KUR_WORK("page KUR work list /kur/daftar-kerja", 3, 200),
        PAGE_KUR_LOANS("page KUR borrowers /kur/peminjam", 2, 200),
        REGISTER("write: register a participant (POST /api/participants)", 4, 201),
        PAYMENT("write: payment, new Idempotency-Key (POST /api/payments)", 5, 201),
        PAYMENT_REPLAY("write: the same payment again (replayed)", 1, 200),
        CLAIM("write: claim intake (POST /api/claims)", 1, 201);

        final String label;
        final int percent;
        final int expected;

        Kind(String label, int percent, int expected) {
            this.label = label;
            this.percent = percent;
            this.expected = expected;
        }
    }

    /** One request: its kind, the request, and what the body must contain (null: any complete body). */
    private record Call(Kind kind, HttpRequest request, String mustContain) {}

    /** A participant of the sample: id, NIK, a name prefix of 3-4 letters, kab/kota. */
    private record Person(long id, String nik, String prefix, String kabKota) {}

    /** An open membership with bills: id, its participant, a monthly amount to pay. */
    private record Member(long id, long participantId, long amount) {}

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final Map<String, String> options;
    private final String base;
    private final Random random;
    private final String runId;
    private final List<String> notes = new ArrayList<>();

    // sample data
    private List<Person> people;
    private List<Member> members;
    private List<String> desa;
    private List<String> coverageRegions;
    private List<String> kabKota;
    private YearMonth latest;
    private LocalDate today;

    // credentials
    private String officerBearer;
    private String analystBearer;
    private String bankBearer;
    private String officerCookie;

    // writes
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger paymentKeys = new AtomicInteger();
    private final AtomicReferenceArray<Call> donePayments = new AtomicReferenceArray<>(256);
    private final AtomicLong donePaymentCount = new AtomicLong();

    // per request i (arrays sized before the load so the client holds no growing structure)
    private long[] scheduled;
    private long[] latency;
    private long[] service;
    private short[] status;
    private byte[] kindOf;
    private boolean[] failed;
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong completed = new AtomicLong();
    private int sent;
    private long start;
    private Duration timeout;

    // memory and GC
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong lastAfterGc = new AtomicLong();
    private final AtomicLong lastOldAfterGc = new AtomicLong();
    private final AtomicLong minAfterGcInWindow = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong gcCount = new AtomicLong();
    private final AtomicLong gcMillis = new AtomicLong();
    private final AtomicLong gcMaxPause = new AtomicLong();
    private final List<String[]> heapRows = new ArrayList<>();
    private final List<long[]> heapSeries = new ArrayList<>(); // {elapsed s, after GC, old after GC, used}
    private final List<String[]> liveRows = new ArrayList<>();
    // CPU: {wall ns, JVM ns, PostgreSQL ticks, machine busy ticks} at the last sample and at the start of the measure
    private long postmasterPid;
    private String cpuSummary = "n/a";
    private long[] cpuAtLastSample;
    private long[] cpuAtMeasureStart;
    private final List<Long> liveHeap = new ArrayList<>();

    // log events of the application at WARN and above
    private final AtomicLong warnEvents = new AtomicLong();
    private final AtomicLong errorEvents = new AtomicLong();
    private final ConcurrentLinkedQueue<String> logSamples = new ConcurrentLinkedQueue<>();

    private SoakBenchmark(ConfigurableApplicationContext context, Map<String, String> options) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.options = options;
        this.base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port");
        this.random = new Random(Long.parseLong(options.getOrDefault("seed", "61")));
        this.runId =
                Long.toString(System.currentTimeMillis() % 100_000_000L, 36).toUpperCase(Locale.ROOT);
    }

    public static void main(String[] args) throws Exception {
        if (!run(args)) {
            System.exit(1);
        }
    }

    /** The whole run (also the CI's small one, {@code BenchmarkSmokeTest}); @return whether it passed. */
    static boolean run(String... args) throws Exception {
        Map<String, String> options = new HashMap<>();
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                appArgs.add(arg);
            } else if (arg.contains("=")) {
                options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("arguments are key=value or --property=value, got: " + arg);
            }
        }
        if (!options.containsKey("duration") && System.getProperty("duration") != null) {
            options.put("duration", System.getProperty("duration"));
        }
        String loadBefore = ContributionBenchmark.loadAverage();
        long participants = Long.parseLong(options.getOrDefault("participants", "100000"));
        appArgs.add("--lindung.embedded-db.enabled=true");
        appArgs.add("--lindung.demo.enabled=true");
        appArgs.add("--lindung.demo.participants=" + participants);
        if (appArgs.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            appArgs.add("--server.port=0");
        }
        // One signed-in user per role stands for the province's ~300 users, so the per-user read budget (issue 16:
        // 2,000 list rows an hour for a bank officer) would refuse most of the mix within a minute. Raised unless
        // given;
        // every read still pays for the budget's counter and its audit line.
        for (String role : List.of("admin", "officer", "gov-analyst", "bank-officer", "agent")) {
            String key = "--lindung.reads.rows-per-hour." + role + "=";
            if (appArgs.stream().noneMatch(a -> a.startsWith(key))) {
                appArgs.add(key + "1000000000");
            }
        }
        if (appArgs.stream().noneMatch(a -> a.startsWith("--lindung.embedded-db.data-dir="))) {
            if ("true".equals(options.get("throwAway"))) {
                appArgs.add("--lindung.embedded-db.data-dir=");
            } else {
                Path dir = Path.of(options.getOrDefault("dataDir", "target-soak/soak-db"))
                        .toAbsolutePath();
                FileSystemUtils.deleteRecursively(dir);
                appArgs.add("--lindung.embedded-db.data-dir=" + dir);
            }
        }
        log(
                "machine: %d cores, %s %s, max heap %d MB; load average %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                loadBefore);
        log("starting Lindung: %s", appArgs);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext context =
                new SpringApplicationBuilder(LindungApplication.class).run(appArgs.toArray(String[]::new));
        boolean passed = false;
        try {
            log("started with %,d demo participants in %.1f s", participants, (System.nanoTime() - t0) / 1e9);
            passed = new SoakBenchmark(context, options).run(loadBefore);
        } finally {
            context.close();
        }
        return passed;
    }

    private String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    private Duration duration(String key, String fallback) {
        String v = option(key, fallback).trim();
        return v.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(v)) : Duration.parse(v);
    }

    // ---------------------------------------------------------------------------------------------------- run

    private boolean run(String loadBefore) throws Exception {
        setup();
        double rate = Double.parseDouble(option("rate", "30"));
        Duration warmup = duration("warmup", "PT1M");
        Duration measured = duration("duration", "PT15M");
        Duration sample = duration("sample", "PT30S");
        Duration fullGc = duration("fullGc", "PT5M");
        int workers = Integer.parseInt(option("workers", "64"));
        timeout = duration("timeout", "PT30S");

        Map<String, Long> rowsBefore = rowCounts();
        long dbBefore = databaseSize();
        installGcListener();
        installLogCounter();

        long total = (long) Math.ceil(rate * (warmup.toNanos() + measured.toNanos()) / 1e9);
        if (total > Integer.MAX_VALUE - 10) {
            throw new IllegalArgumentException("too many requests for one run: " + total);
        }
        int capacity = (int) total;
        scheduled = new long[capacity];
        latency = new long[capacity];
        service = new long[capacity];
        status = new short[capacity];
        kindOf = new byte[capacity];
        failed = new boolean[capacity];
        Arrays.fill(latency, -1);

        String loadStart = ContributionBenchmark.loadAverage();
        log(
                "load: %.1f requests/s for %s after a %s warm-up (%,d requests), %d workers, sampling every %s",
                rate, measured, warmup, capacity, workers, sample);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "soak-worker");
            t.setDaemon(true);
            return t;
        });
        start = System.nanoTime() + 200_000_000L;
        long measureFrom = warmup.toNanos();
        long end = warmup.toNanos() + measured.toNanos();

        // sampler: heap every `sample`, a full GC at the start of the measured time and every `fullGc`
        Thread sampler = new Thread(() -> sample(start, measureFrom, end, sample, fullGc), "soak-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long maxLag = 0;
        for (int i = 0; i < capacity; i++) {
            long offset = (long) (i * 1e9 / rate);
            if (offset >= end) {
                break;
            }
            long due = start + offset;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            Call call = next();
            final int index = i;
            scheduled[i] = offset;
            kindOf[i] = (byte) call.kind().ordinal();
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            sent = i + 1;
            pool.execute(() -> send(http, index, due, call));
        }
        pool.shutdown();
        if (!pool.awaitTermination(timeout.toSeconds() + 30, TimeUnit.SECONDS)) {
            notes.add("Some requests were still running " + (timeout.toSeconds() + 30) + " s after the last one was"
                    + " sent.");
        }
        long[] cpuAtEnd = cpu();
        sampler.interrupt();
        sampler.join();
        if (cpuAtMeasureStart != null) {
            String[] c = cores(cpuAtMeasureStart, cpuAtEnd);
            long requests = 0;
            for (int i = 0; i < sent; i++) {
                requests += scheduled[i] >= measureFrom ? 1 : 0;
            }
            double cpuMs = ((cpuAtEnd[1] - cpuAtMeasureStart[1]) / 1e6 + (cpuAtEnd[2] - cpuAtMeasureStart[2]) * 10.0)
                    / Math.max(1, requests);
            cpuSummary = String.format(
                    Locale.ROOT,
                    "%s (JVM: Lindung and the load client) + %s (PostgreSQL) of 2"
                            + " cores, %.1f ms of CPU per request; the whole machine %s cores busy",
                    c[0],
                    c[1],
                    cpuMs,
                    c[2]);
        }
        String loadEnd = ContributionBenchmark.loadAverage();
        long endGc = fullGc("end, load stopped", (System.nanoTime() - start - measureFrom) / 1_000_000_000L);
        liveHeap.add(endGc);
        log("load done; load average %s", loadEnd);

        return report(
                rate,
                warmup,
                measured,
                workers,
                measureFrom,
                maxLag,
                rowsBefore,
                dbBefore,
                loadBefore,
                loadStart,
                loadEnd);
    }

    private void send(HttpClient http, int i, long due, Call call) {
        long t0 = System.nanoTime();
        String failure = null;
        int code = 0;
        try {
            HttpResponse<String> response = http.send(call.request(), HttpResponse.BodyHandlers.ofString());
            code = response.statusCode();
            String body = response.body();
            if (code != call.kind().expected) {
                failure = "status " + code + ": " + HttpLoad.abbreviate(body);
            } else if (!complete(call, body)) {
                failure = "incomplete or wrong body: " + HttpLoad.abbreviate(body);
            } else if (call.kind() == Kind.PAYMENT) {
                long n = donePaymentCount.getAndIncrement();
                donePayments.set((int) (n % donePayments.length()), call);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e.toString();
        } catch (Exception e) {
            failure = e.toString();
        }
        long t1 = System.nanoTime();
        latency[i] = t1 - due;
        service[i] = t1 - t0;
        status[i] = (short) code;
        completed.incrementAndGet();
        inFlight.decrementAndGet();
        if (failure != null) {
            failed[i] = true;
            if (failures.size() < 30) {
                URI uri = call.request().uri();
                failures.add(String.format(
                        Locale.ROOT,
                        "t=%.1fs %s %s %s%s -> %s",
                        (due - start) / 1e9,
                        call.kind().name(),
                        call.request().method(),
                        uri.getPath(),
                        uri.getQuery() == null ? "" : "?" + uri.getQuery(),
                        failure));
            }
        }
    }

    private static boolean complete(Call call, String body) {
        if (body == null || body.isEmpty()) {
            return false;
        }
        if (call.kind().name().startsWith("PAGE_")) {
            return body.stripTrailing().endsWith("</html>");
        }
        if (!(body.startsWith("{") || body.startsWith("["))) {
            return false;
        }
        return call.mustContain() == null || body.contains(call.mustContain());
    }

    // ------------------------------------------------------------------------------------------------- the mix

    private final int[] cumulative = cumulative();

    private static int[] cumulative() {
        int[] c = new int[Kind.values().length];
        int sum = 0;
        for (Kind k : Kind.values()) {
            sum += k.percent;
            c[k.ordinal()] = sum;
        }
        if (sum != 100) {
            throw new IllegalStateException("the mix adds up to " + sum + "%, not 100%");
        }
        return c;
    }

    /** The next request of the mix (called by the dispatcher thread only). */
    private Call next() {
        int pick = random.nextInt(100);
        Kind kind = Kind.values()[0];
        for (Kind k : Kind.values()) {
            if (pick < cumulative[k.ordinal()]) {
                kind = k;
                break;
            }
        }
        Person p = people.get(random.nextInt(people.size()));
        Member m = members.get(random.nextInt(members.size()));
        String kk = kabKota.get(random.nextInt(kabKota.size()));
        return switch (kind) {
            case API_SEARCH ->
                api(
                        kind,
                        "/api/participants?name=" + p.prefix() + "&region=" + p.kabKota() + "&size=20",
                        officerBearer,
                        "\"items\"");
            case API_NIK -> api(kind, "/api/participants?nik=" + p.nik(), officerBearer, p.nik());
            case API_PARTICIPANT -> api(kind, "/api/participants/" + p.id(), officerBearer, p.nik());
            case API_STATUS -> api(kind, "/api/participants/" + m.participantId() + "/status", officerBearer, null);
            case API_STATEMENT -> api(kind, "/api/memberships/" + m.id() + "/statement", officerBearer, null);
            case API_COVERAGE -> {
                String region = coverageRegions.get(random.nextInt(coverageRegions.size()));
                YearMonth month = random.nextInt(4) == 0 ? latest.minusMonths(1 + random.nextInt(23)) : latest;
                yield api(
                        kind,
                        "/api/coverage?region=" + region + "&month=" + month,
                        analystBearer,
                        "\"" + region + "\"");
            }
            case API_CLAIMS -> api(kind, "/api/claims?size=20", officerBearer, "\"items\"");
            case API_KUR_LOANS ->
                api(
                        kind,
                        "/api/kur/loans?size=50" + (random.nextBoolean() ? "&status=NOT_ENROLLED" : ""),
                        bankBearer,
                        "\"items\"");
            case API_KUR_WORK -> api(kind, "/api/kur/work-list?kabkota=" + kk + "&size=50", officerBearer, null);
            case PAGE_HOME -> page(kind, "/");
            case PAGE_SEARCH -> page(kind, "/peserta?name=" + p.prefix() + "&region=" + p.kabKota());
            case PAGE_PARTICIPANT -> page(kind, "/peserta/" + p.id());
            case PAGE_STATEMENT -> page(kind, "/kepesertaan/" + m.id());
            case PAGE_COVERAGE -> {
                String region = coverageRegions.get(random.nextInt(coverageRegions.size()));
                YearMonth month = random.nextInt(4) == 0 ? latest.minusMonths(1 + random.nextInt(23)) : latest;
                yield page(kind, "/cakupan?wilayah=" + region + "&bulan=" + month);
            }
            case PAGE_CLAIMS -> page(kind, "/klaim");
            case PAGE_KUR_WORK -> page(kind, "/kur/daftar-kerja?kabkota=" + kk);
            case PAGE_KUR_LOANS -> page(kind, "/kur/peminjam" + (random.nextBoolean() ? "?status=NOT_ENROLLED" : ""));
            case REGISTER -> register();
            case PAYMENT -> payment(m);
            case PAYMENT_REPLAY -> replay(m);
            case CLAIM -> claim(m);
        };
    }

    private Call api(Kind kind, String path, String bearer, String mustContain) {
        return new Call(
                kind,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "application/json")
                        .header("Authorization", bearer)
                        .timeout(timeout)
                        .GET()
                        .build(),
                mustContain);
    }

    private Call page(Kind kind, String path) {
        return new Call(
                kind,
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Accept", "text/html")
                        .header("Cookie", officerCookie)
                        .timeout(timeout)
                        .GET()
                        .build(),
                null);
    }

    private Call post(Kind kind, String path, Object body, String mustContain, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .header("Authorization", officerBearer)
                .timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return new Call(kind, b.build(), mustContain);
    }

    /**
     * A new worker in a desa of the province with a valid NIK that no one has: kecamatan of the desa, a birth date
     * (women +40) and a serial from 5001 up, the pair (birth date, serial) unique per registration of this run.
     */
    private Call register() {
        int n = registrations.getAndIncrement();
        String region = desa.get(random.nextInt(desa.size()));
        LocalDate birth = LocalDate.of(1966, 1, 1).plusDays(n % 14_000);
        boolean female = random.nextBoolean();
        int serial = 5001 + n / 14_000; // the demo generator numbers from 0001: far below
        String nik = Niks.of(region.substring(0, 8).replace(".", ""), birth, female, serial);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nik", nik);
        body.put("fullName", (female ? "Siti " : "Budi ") + "Uji Soak " + letters(n));
        body.put("birthDate", birth.toString());
        body.put("sex", female ? "P" : "L");
        body.put("regionCode", region);
        body.put("phone", "0812" + String.format(Locale.ROOT, "%08d", n));
        body.put("occupation", "Petani");
        return post(Kind.REGISTER, "/api/participants", body, nik);
    }

    /** A number as capital letters (names may hold letters only): 0 = A, 25 = Z, 26 = BA, ... */
    static String letters(long n) {
        StringBuilder sb = new StringBuilder();
        do {
            sb.append((char) ('A' + n % 26));
            n /= 26;
        } while (n > 0);
        return sb.reverse().toString();
    }

    private Call payment(Member m) {
        String key = "SOAK-" + runId + "-" + paymentKeys.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("membershipId", m.id());
        body.put("amount", m.amount());
        body.put("paidOn", today.toString());
        body.put("reference", "teller " + key);
        return post(Kind.PAYMENT, "/api/payments", body, key, "Idempotency-Key", key);
    }

    /** A payment that was answered 201 sent again, byte for byte (a teller's retry); a new one if none yet. */
    private Call replay(Member m) {
        long done = donePaymentCount.get();
        if (done == 0) {
            return payment(m);
        }
        Call first = donePayments.get((int) (random.nextLong(Math.min(done, donePayments.length()))));
        if (first == null) {
            return payment(m);
        }
        return new Call(Kind.PAYMENT_REPLAY, first.request(), "\"replayed\":true");
    }

    /** A transport claim after a work accident a few days ago, for a member (eligible or refused: both 201). */
    private Call claim(Member m) {
        LocalDate event = today.minusDays(1 + random.nextInt(20));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("participantId", m.participantId());
        body.put("kind", "JKK_TRANSPORT");
        body.put("cause", "WORK_ACCIDENT");
        body.put("eventDate", event.toString());
        body.put(
                "transport",
                List.of(Map.of(
                        "mode",
                        random.nextBoolean() ? "LAND" : "SEA",
                        "date",
                        event.toString(),
                        "description",
                        "Ke RSUD",
                        "amount",
                        250_000 + random.nextInt(20) * 50_000)));
        return post(Kind.CLAIM, "/api/claims", body, "\"id\"");
    }

    // ---------------------------------------------------------------------------------------------------- setup

    private void setup() throws Exception {
        Clock clock = context.getBean(Clock.class);
        today = LocalDate.now(clock);
        latest = YearMonth.now(clock);
        long t0 = System.nanoTime();
        BillingRuns billing = context.getBean(BillingRuns.class);
        for (YearMonth month : List.of(latest.minusMonths(1), latest)) {
            BillingRunResult r = billing.run(month, ADMIN);
            log("setup: billing run %s: %s, %,d bills", month, r.status(), r.billsCreated());
        }
        KurImportResult kur = importKurFile(Integer.parseInt(option("kurLoans", "20000")));
        log("setup: KUR file %,d rows: %,d loans in, %,d refused", kur.rows(), kur.inserted(), kur.rejected());
        for (String table : List.of("participant", "membership", "bill", "kur_loan", "coverage_monthly")) {
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
        log("setup: billing, KUR file and VACUUM ANALYZE in %.1f s", (System.nanoTime() - t0) / 1e9);

        Vault vault = context.getBean(Vault.class); // NIKs are sealed in the registry: opened for the sample
        people = jdbc.sql("""
                SELECT id, nik_enc, full_name, kabkota_code FROM participant
                 ORDER BY hashint8(id + :seed), id LIMIT 2000""")
                .param("seed", Long.parseLong(option("seed", "61")))
                .query((rs, i) -> {
                    String first = rs.getString(3).split(" ")[0];
                    return new Person(
                            rs.getLong(1),
                            vault.openText(rs.getBytes(2), IdentityView.NIK_COLUMN),
                            first.substring(0, Math.min(first.length(), 3 + i % 2)),
                            rs.getString(4));
                })
                .list();
        members = jdbc.sql("""
                SELECT m.id, m.participant_id, max(b.amount) FROM membership m JOIN bill b ON b.membership_id = m.id
                 WHERE m.end_month IS NULL AND m.participant_id IS NOT NULL AND b.amount > 0
                 GROUP BY m.id, m.participant_id ORDER BY hashint8(m.id + :seed), m.id LIMIT 2000""")
                .param("seed", Long.parseLong(option("seed", "61")))
                .query((rs, i) -> new Member(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .list();
        desa = jdbc.sql("SELECT DISTINCT region_code FROM participant WHERE length(region_code) = 13 ORDER BY 1")
                .query(String.class)
                .list();
        String dataDirectory =
                jdbc.sql("SHOW data_directory").query(String.class).single();
        postmasterPid = Long.parseLong(Files.readAllLines(Path.of(dataDirectory, "postmaster.pid"))
                .get(0)
                .trim());
        RegionDirectory regions = context.getBean(RegionDirectory.class);
        kabKota = regions.children(PROVINCE).stream().map(Region::code).toList();
        coverageRegions = new ArrayList<>(List.of(PROVINCE));
        coverageRegions.addAll(kabKota);
        for (String k : kabKota) {
            regions.children(k).stream().map(Region::code).forEach(coverageRegions::add);
        }
        log(
                "setup: sample of %d participants, %d open memberships with bills, %d desa, %d coverage regions",
                people.size(), members.size(), desa.size(), coverageRegions.size());
        ContributionBenchmark.check(
                people.size() == 2000 && members.size() >= 100 && desa.size() > 10,
                "sample data",
                "2000 participants, 100+ memberships",
                people.size() + ", " + members.size());

        // tokens over HTTP, as an administrator would issue them (one BCrypt each); the officer's session for pages
        officerBearer = "Bearer " + issueToken(OFFICER);
        analystBearer = "Bearer " + issueToken(ANALYST);
        bankBearer = "Bearer " + issueToken(BANK);
        CookieManager cookies = new CookieManager();
        HttpLoad.signIn(base, OFFICER, HttpLoad.DEMO_PASSWORD, "/peserta", cookies);
        officerCookie = HttpLoad.cookieHeader(cookies);
        log("setup: API tokens for %s, %s, %s; page session of %s", OFFICER, ANALYST, BANK, OFFICER);
    }

    private String issueToken(String username) throws Exception {
        HttpClient http = HttpLoad.client(null);
        String basic = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString((username + ":" + HttpLoad.DEMO_PASSWORD)
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
                        .header("Authorization", basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                JSON.writeValueAsString(Map.of("username", username, "name", "soak " + runId))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        ContributionBenchmark.check(
                r.statusCode() == 201,
                "POST /api/tokens for " + username,
                201,
                r.statusCode() + " " + HttpLoad.abbreviate(r.body()));
        return JSON.readTree(r.body()).path("token").asString();
    }

    /**
     * A KUR file of bank KALBAR, one loan per sampled participant: 70% with the participant's NIK and name, 30% a
     * valid NIK of the same kecamatan and birth date that is not in the registry; schemes and plafonds as the
     * KurBenchmark's file. Imported as an administrator.
     */
    private KurImportResult importKurFile(int loans) throws Exception {
        Path file = Files.createTempFile("soak-kur-", ".csv");
        try {
            String select = """
                    SELECT 'KALBAR' AS bank, 'Bank Kalbar ' || p.kabkota_code AS branch,
                           'SOAK-' || lpad(p.id::text, 10, '0') AS loan_id,
                           CASE WHEN h.a < 700 THEN n.nik
                                ELSE substr(n.nik, 1, 12) || lpad((5000 + h.b % 5000)::text, 4, '0') END AS nik,
                           p.full_name AS name,
                           CASE WHEN h.c < 30 THEN 'SUPER_MIKRO' WHEN h.c < 80 THEN 'MIKRO' WHEN h.c < 95 THEN 'KECIL'
                                ELSE 'KHUSUS' END AS scheme,
                           CASE WHEN h.c < 30 THEN 1000000 + (h.d % 19) * 500000
                                WHEN h.c < 80 THEN 10500000 + (h.d % 180) * 500000
                                WHEN h.c < 95 THEN 100500000 + (h.d % 800) * 500000
                                ELSE 5000000 + (h.d % 100) * 4950000 END AS plafond,
                           lindung_today() - 1 - (h.b % 700) AS disbursed_on,
                           (ARRAY['Perdagangan', 'Pertanian', 'Perikanan'])[1 + h.d % 3] AS sector,
                           p.region_code AS region_code
                      FROM participant p
                      JOIN soak_participant_nik n ON n.id = p.id
                     CROSS JOIN LATERAL (SELECT ((hashint8(p.id + 11)::bigint + 2147483648) % 1000)::int AS a,
                                                ((hashint8(p.id + 101)::bigint + 2147483648) % 100000)::int AS b,
                                                ((hashint8(p.id + 1009)::bigint + 2147483648) % 100)::int AS c,
                                                ((hashint8(p.id + 10007)::bigint + 2147483648) % 100000)::int AS d) h
                     ORDER BY hashint8(p.id + 3), p.id""" + " LIMIT " + loans;
            // the registry's NIKs are sealed: opened here into a table of the benchmark's own, dropped after
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            OpenedNiks.into(context, "soak_participant_nik");
            DataSource dataSource = context.getBean(DataSource.class);
            try (Connection connection = dataSource.getConnection();
                    OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                connection
                        .unwrap(PGConnection.class)
                        .getCopyAPI()
                        .copyOut("COPY (" + select + ") TO STDOUT (FORMAT csv, DELIMITER ';', HEADER)", out);
            }
            jdbc.sql("DROP TABLE soak_participant_nik").update();
            try (InputStream in = Files.newInputStream(file)) {
                return context.getBean(KurImports.class).importFile("soak-kalbar.csv", in, ADMIN);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    // ------------------------------------------------------------------------------------------- memory, logs

    private void installGcListener() {
        Set<String> heapPools = new java.util.HashSet<>();
        String oldPool = null;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
                if (pool.getName().contains("Old") || pool.getName().contains("Tenured")) {
                    oldPool = pool.getName();
                }
            }
        }
        String old = oldPool;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                                        notification.getType())) {
                                    return;
                                }
                                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                        (CompositeData) notification.getUserData());
                                if (info.getGcCause().contains("No GC")) { // G1's concurrent cycle reports itself too
                                    return;
                                }
                                long after = 0;
                                for (Map.Entry<String, MemoryUsage> e :
                                        info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                                    if (heapPools.contains(e.getKey())) {
                                        after += e.getValue().getUsed();
                                    }
                                }
                                MemoryUsage oldAfter = old == null
                                        ? null
                                        : info.getGcInfo()
                                                .getMemoryUsageAfterGc()
                                                .get(old);
                                lastAfterGc.set(after);
                                if (oldAfter != null) {
                                    lastOldAfterGc.set(oldAfter.getUsed());
                                }
                                minAfterGcInWindow.accumulateAndGet(after, Math::min);
                                gcCount.incrementAndGet();
                                if (!info.getGcName().contains("Concurrent")
                                        && !info.getGcAction().contains("concurrent")) {
                                    gcMillis.addAndGet(info.getGcInfo().getDuration());
                                    gcMaxPause.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
                                }
                            },
                            null,
                            null);
        }
    }

    /** Counts the application's log events at WARN and above (and keeps the first few). */
    private void installLogCounter() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext logback)) {
            notes.add("Log events were not counted (Logback not in use).");
            return;
        }
        AppenderBase<ILoggingEvent> counter = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                if (!event.getLevel().isGreaterOrEqual(Level.WARN)) {
                    return;
                }
                (event.getLevel().isGreaterOrEqual(Level.ERROR) ? errorEvents : warnEvents).incrementAndGet();
                if (logSamples.size() < 10) {
                    logSamples.add(event.getLevel() + " " + event.getLoggerName() + ": "
                            + HttpLoad.abbreviate(event.getFormattedMessage())
                            + (event.getThrowableProxy() == null
                                    ? ""
                                    : " [" + event.getThrowableProxy().getClassName() + ": "
                                            + event.getThrowableProxy().getMessage() + "]"));
                }
            }
        };
        counter.setContext(logback);
        counter.setName("soak-counter");
        counter.start();
        logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(counter);
    }

    /** The sampler: a row every {@code every}; a full GC at the start of the measured time and every {@code fullGc}. */
    private void sample(long start, long measureFrom, long end, Duration every, Duration fullGcEvery) {
        long step = every.toNanos();
        long nextSample = start + step;
        cpuAtLastSample = cpu();
        long nextFullGc = start + measureFrom;
        try {
            while (true) {
                long nextEvent = Math.min(nextSample, nextFullGc);
                long wait;
                while ((wait = nextEvent - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, 1_000_000_000L));
                }
                if (nextFullGc <= nextSample) {
                    long at = (nextFullGc - start - measureFrom) / 1_000_000_000L;
                    if (at == 0) {
                        cpuAtMeasureStart = cpu();
                    }
                    liveHeap.add(fullGc(at == 0 ? "start of the measured time" : "under load", at));
                    nextFullGc = fullGcEvery.isZero() || nextFullGc + fullGcEvery.toNanos() >= start + end
                            ? Long.MAX_VALUE
                            : nextFullGc + fullGcEvery.toNanos();
                    continue;
                }
                sampleRow(start, measureFrom, nextSample);
                nextSample += step;
            }
        } catch (InterruptedException e) {
            // the load is over
        }
    }

    private void sampleRow(long start, long measureFrom, long at) {
        long elapsed = Math.round((at - start - measureFrom) / 1e9);
        long used = memory.getHeapMemoryUsage().getUsed();
        long minAfter = minAfterGcInWindow.getAndSet(Long.MAX_VALUE);
        long gcs = gcCount.getAndSet(0);
        long pauses = gcMillis.getAndSet(0);
        long maxPause = gcMaxPause.getAndSet(0);
        String pool = "n/a";
        DataSource ds = context.getBean(DataSource.class);
        if (ds instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            HikariPoolMXBean p = hikari.getHikariPoolMXBean();
            pool = p.getActiveConnections() + "/" + p.getTotalConnections();
        }
        long backends = jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")
                .query(Long.class)
                .single();
        long dbSize = databaseSize();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long[] cpuNow = cpu();
        String[] cores = cores(cpuAtLastSample, cpuNow);
        cpuAtLastSample = cpuNow;
        String[] row = {
            String.valueOf(elapsed),
            cores[0],
            cores[1],
            cores[2],
            mb(used),
            mb(lastAfterGc.get()),
            minAfter == Long.MAX_VALUE ? "–" : mb(minAfter),
            mb(lastOldAfterGc.get()),
            String.valueOf(gcs),
            String.valueOf(pauses),
            String.valueOf(maxPause),
            String.valueOf(threads),
            pool,
            String.valueOf(backends),
            mb(dbSize),
            String.valueOf(inFlight.get()),
            String.format(Locale.ROOT, "%,d", completed.get())
        };
        synchronized (heapRows) {
            heapRows.add(row);
            heapSeries.add(new long[] {elapsed, lastAfterGc.get(), lastOldAfterGc.get(), used});
        }
        log(
                "t=%+5ds cores used: JVM %s, PostgreSQL %s, whole machine %s; heap %s MB used, %s MB after last GC"
                        + " (min in window %s), old %s MB; %d GCs, %d ms paused; %d threads; pool %s; %d backends; db %s MB;"
                        + " %d in flight; %s done",
                elapsed,
                row[1],
                row[2],
                row[3],
                row[4],
                row[5],
                row[6],
                row[7],
                gcs,
                pauses,
                threads,
                pool,
                backends,
                row[14],
                inFlight.get(),
                row[16]);
    }

    private long fullGc(String when, long atSeconds) {
        long t0 = System.nanoTime();
        System.gc();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        long used = memory.getHeapMemoryUsage().getUsed();
        synchronized (liveRows) {
            liveRows.add(new String[] {String.valueOf(atSeconds), when, mb(used), String.valueOf(millis)});
        }
        log("full GC at t=%ds (%s): live heap %s MB, took %d ms", atSeconds, when, mb(used), millis);
        return used;
    }

    /**
     * CPU so far: {wall ns, this JVM's CPU ns, PostgreSQL's CPU ticks (the postmaster and its children), the whole
     * machine's busy ticks}; ticks are 1/100 s.
     */
    private long[] cpu() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long pg = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String stat = Files.readString(proc.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(proc.getFileName().toString());
                    // f[1] = ppid, f[11] = utime, f[12] = stime (fields 4, 14, 15 of proc(5))
                    if (pid == postmasterPid || Long.parseLong(f[1]) == postmasterPid) {
                        pg += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (Exception gone) {
                    // the process ended meanwhile
                }
            }
        } catch (Exception e) {
            pg = -1;
        }
        long busy = -1;
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            busy = total - Long.parseLong(f[4]) - Long.parseLong(f[5]); // minus idle and iowait
        } catch (Exception e) {
            // not Linux
        }
        return new long[] {System.nanoTime(), jvm, pg, busy};
    }

    /** Cores used between two {@link #cpu()} readings: JVM, PostgreSQL, whole machine. */
    private static String[] cores(long[] from, long[] to) {
        double seconds = Math.max(1e-9, (to[0] - from[0]) / 1e9);
        return new String[] {
            String.format(Locale.ROOT, "%.2f", (to[1] - from[1]) / 1e9 / seconds),
            from[2] < 0 || to[2] < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (to[2] - from[2]) / 100.0 / seconds),
            from[3] < 0 || to[3] < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (to[3] - from[3]) / 100.0 / seconds)
        };
    }

    private long databaseSize() {
        return jdbc.sql("SELECT pg_database_size(current_database())")
                .query(Long.class)
                .single();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of(
                "participant",
                "payment",
                "payment_allocation",
                "claim",
                "audit_log",
                "event_publication",
                "kur_loan",
                "coverage_span")) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return counts;
    }

    // --------------------------------------------------------------------------------------------------- report

    private boolean report(
            double rate,
            Duration warmup,
            Duration measured,
            int workers,
            long measureFrom,
            long maxLag,
            Map<String, Long> rowsBefore,
            long dbBefore,
            String loadBefore,
            String loadStart,
            String loadEnd) {
        int n = sent;
        List<Integer> measuredIdx = new ArrayList<>();
        int warmErrors = 0;
        int unfinished = 0;
        for (int i = 0; i < n; i++) {
            if (latency[i] < 0) {
                unfinished++;
                continue;
            }
            if (scheduled[i] >= measureFrom) {
                measuredIdx.add(i);
            } else if (failed[i]) {
                warmErrors++;
            }
        }
        long errors = measuredIdx.stream().filter(i -> failed[i]).count();
        Stats all = Stats.of(measuredIdx, latency);
        Stats allService = Stats.of(measuredIdx, service);
        double seconds = measured.toNanos() / 1e9;

        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "%n=== Soak run: %.0f requests/s for %s" + " (after a %s warm-up), %d workers, open loop ===%n%n",
                rate,
                measured,
                warmup,
                workers));
        sb.append("| measured | value |\n|---|---:|\n");
        row(sb, "requests sent (measured time)", String.format(Locale.ROOT, "%,d", measuredIdx.size()));
        row(sb, "achieved rate", String.format(Locale.ROOT, "%.2f /s", measuredIdx.size() / seconds));
        row(sb, "errors (unexpected status, bad body, exception, time-out)", String.valueOf(errors));
        row(sb, "errors during the warm-up (not counted above)", String.valueOf(warmErrors));
        row(sb, "requests not finished", String.valueOf(unfinished));
        row(sb, "latency p50 / p95 / p99 / max (ms, from the scheduled send)", all.line());
        row(sb, "service time p50 / p95 / p99 / max (ms, from the actual send)", allService.line());
        row(sb, "most requests in flight at once (sent and not yet answered)", String.valueOf(maxInFlight.get()));
        row(sb, "CPU during the measured time, in cores", cpuSummary);
        row(sb, "dispatcher's latest send (ms behind schedule)", HttpLoad.ms(maxLag));
        row(sb, "application log events WARN / ERROR (warm-up and load)", warnEvents.get() + " / " + errorEvents.get());
        sb.append('\n');

        sb.append("| request | share | count | errors | p50 ms | p95 ms | p99 ms | max ms |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Kind k : Kind.values()) {
            List<Integer> of =
                    measuredIdx.stream().filter(i -> kindOf[i] == k.ordinal()).toList();
            Stats s = Stats.of(of, latency);
            sb.append(String.format(
                    Locale.ROOT,
                    "| %s | %d%% | %,d | %d | %s |%n",
                    k.label,
                    k.percent,
                    of.size(),
                    of.stream().filter(i -> failed[i]).count(),
                    s.cells()));
        }
        sb.append(String.format(
                Locale.ROOT, "| **all** | 100%% | %,d | %d | %s |%n%n", measuredIdx.size(), errors, all.cells()));

        sb.append("| minute | requests | errors | p50 ms | p95 ms | p99 ms | max ms |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|\n");
        int minutes = (int) Math.ceil(seconds / 60);
        List<Double> perMinuteP99 = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            long from = measureFrom + m * 60_000_000_000L;
            long to = from + 60_000_000_000L;
            List<Integer> of = measuredIdx.stream()
                    .filter(i -> scheduled[i] >= from && scheduled[i] < to)
                    .toList();
            Stats s = Stats.of(of, latency);
            perMinuteP99.add(s.p(99) / 1e6);
            sb.append(String.format(
                    Locale.ROOT,
                    "| %d | %,d | %d | %s |%n",
                    m + 1,
                    of.size(),
                    of.stream().filter(i -> failed[i]).count(),
                    s.cells()));
        }
        sb.append('\n');

        sb.append("| t (s) | cores: JVM | cores: PostgreSQL | cores: machine | heap used MB | after last GC MB"
                + " | min after GC in window MB | old gen after GC MB | GCs | GC pause ms | longest pause ms | threads"
                + " | pool active/total | DB backends | DB MB | in flight | answered |\n");
        sb.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        synchronized (heapRows) {
            heapRows.forEach(r -> sb.append("| ").append(String.join(" | ", r)).append(" |\n"));
        }
        sb.append('\n');
        sb.append("| full GC at t (s) | when | live heap MB | took ms |\n|---:|---|---:|---:|\n");
        synchronized (liveRows) {
            liveRows.forEach(r -> sb.append("| ").append(String.join(" | ", r)).append(" |\n"));
        }
        sb.append('\n');

        Map<String, Long> rowsAfter = rowCounts();
        sb.append("| table | rows before | rows after | added |\n|---|---:|---:|---:|\n");
        rowsBefore.forEach((table, before) -> sb.append(String.format(
                Locale.ROOT,
                "| %s | %,d | %,d | %,d |%n",
                table,
                before,
                rowsAfter.get(table),
                rowsAfter.get(table) - before)));
        long dbAfter = databaseSize();
        sb.append(String.format(
                Locale.ROOT, "%nDatabase: %s MB before the load, %s MB after.%n", mb(dbBefore), mb(dbAfter)));

        // drift: first and last minutes
        double firstP99 = perMinuteP99.isEmpty() ? 0 : perMinuteP99.get(0);
        double lastP99 = perMinuteP99.isEmpty() ? 0 : perMinuteP99.get(perMinuteP99.size() - 1);
        double medianP99 = perMinuteP99.stream()
                .sorted()
                .skip(perMinuteP99.size() / 2)
                .findFirst()
                .orElse(0.0);
        String heapTrend = heapTrend();
        String liveTrend = liveHeap.size() >= 2
                ? String.format(
                        Locale.ROOT,
                        "%s MB at the start, %s MB at the end" + " (%+.1f MB)",
                        mb(liveHeap.get(0)),
                        mb(liveHeap.get(liveHeap.size() - 1)),
                        (liveHeap.get(liveHeap.size() - 1) - liveHeap.get(0)) / 1048576.0)
                : "n/a";
        sb.append(String.format(
                Locale.ROOT,
                "%nPer-minute p99: first %.1f ms, median %.1f ms, last %.1f ms, highest" + " %.1f ms.%n",
                firstP99,
                medianP99,
                lastP99,
                perMinuteP99.stream().mapToDouble(d -> d).max().orElse(0)));
        sb.append("Heap after GC (samples): ").append(heapTrend).append(".\n");
        sb.append("Live heap after a full GC: ").append(liveTrend).append(".\n");
        if (!failures.isEmpty()) {
            sb.append("\nFailures (first ").append(failures.size()).append("):\n");
            failures.forEach(f -> sb.append("- ").append(f).append('\n'));
        }
        if (!logSamples.isEmpty()) {
            sb.append("\nLog events at WARN and above (first ")
                    .append(logSamples.size())
                    .append("):\n");
            logSamples.forEach(f -> sb.append("- ").append(f).append('\n'));
        }
        notes.forEach(note -> sb.append("- ").append(note).append('\n'));
        sb.append(String.format(
                Locale.ROOT,
                "%nMachine: %d cores, Java %s, max heap %d MB; load average before the"
                        + " start %s, when the load began %s, at its end %s.%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                first3(loadBefore),
                first3(loadStart),
                first3(loadEnd)));
        Map<String, Long> mix = new LinkedHashMap<>();
        measuredIdx.forEach(i -> mix.merge(Kind.values()[kindOf[i]].name(), 1L, Long::sum));
        sb.append("Mix sent: ").append(mix).append('\n');
        boolean passed = errors == 0 && unfinished == 0;
        sb.append(
                passed
                        ? "SOAK PASSED: no errors\n"
                        : "SOAK FAILED: " + errors + " errors, " + unfinished + " unfinished\n");
        System.out.println(sb);
        return passed;
    }

    /** Heap after GC in the first and the last two minutes of samples. */
    private String heapTrend() {
        synchronized (heapRows) {
            List<long[]> measuredRows =
                    heapSeries.stream().filter(r -> r[0] > 0).toList();
            if (measuredRows.size() < 4) {
                return "too few samples";
            }
            long lastT = measuredRows.get(measuredRows.size() - 1)[0];
            double first = measuredRows.stream()
                    .filter(r -> r[0] <= 120)
                    .mapToLong(r -> r[1])
                    .average()
                    .orElse(0);
            double last = measuredRows.stream()
                    .filter(r -> r[0] > lastT - 120)
                    .mapToLong(r -> r[1])
                    .average()
                    .orElse(0);
            double oldFirst = measuredRows.stream()
                    .filter(r -> r[0] <= 120)
                    .mapToLong(r -> r[2])
                    .average()
                    .orElse(0);
            double oldLast = measuredRows.stream()
                    .filter(r -> r[0] > lastT - 120)
                    .mapToLong(r -> r[2])
                    .average()
                    .orElse(0);
            long maxAfter = measuredRows.stream().mapToLong(r -> r[1]).max().orElse(0);
            return String.format(
                    Locale.ROOT,
                    "first two minutes %.0f MB (old gen %.0f MB), last two minutes %.0f MB"
                            + " (old gen %.0f MB), highest %s MB",
                    first / 1048576,
                    oldFirst / 1048576,
                    last / 1048576,
                    oldLast / 1048576,
                    mb(maxAfter));
        }
    }

    /** Nearest-rank percentiles of the values at some indexes. */
    private record Stats(long[] sorted) {

        static Stats of(List<Integer> indexes, long[] values) {
            long[] v = indexes.stream().mapToLong(i -> values[i]).toArray();
            Arrays.sort(v);
            return new Stats(v);
        }

        long p(double percentile) {
            return HttpLoad.nearestRank(sorted, percentile);
        }

        long max() {
            return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        }

        String line() {
            return HttpLoad.ms(p(50)) + " / " + HttpLoad.ms(p(95)) + " / " + HttpLoad.ms(p(99)) + " / "
                    + HttpLoad.ms(max());
        }

        String cells() {
            return HttpLoad.ms(p(50)) + " | " + HttpLoad.ms(p(95)) + " | " + HttpLoad.ms(p(99)) + " | "
                    + HttpLoad.ms(max());
        }
    }

    private static void row(StringBuilder sb, String what, String value) {
        sb.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f", bytes / 1048576.0);
    }

    private static String first3(String loadavg) {
        String[] parts = loadavg.trim().split("\\s+");
        return String.join(" ", Arrays.copyOf(parts, Math.min(3, parts.length)));
    }

    private static void log(String format, Object... args) {
        System.out.println("[soak] " + String.format(Locale.ROOT, format, args));
    }
}
