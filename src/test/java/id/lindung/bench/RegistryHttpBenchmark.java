package id.lindung.bench;

import id.lindung.LindungApplication;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.bench.HttpLoad.Result;
import id.lindung.participant.IdentityView;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.SearchCriteria;
import id.lindung.shared.crypto.Vault;
import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load run of the participant registry over real HTTP, for the goals: start-up to healthy with the demo
 * registry present (under 15 s), lookup by NIK (p95 under 5 ms) and name-prefix search within a kab/kota (p95
 * under 50 ms) on a registry of 1,000,000 participants.
 *
 * <ol>
 * <li><b>Prepare.</b> Starts the app in-process on a persistent embedded database directory with demo data on.
 * The {@code DemoDataLoader} fills the registry only when it is empty, so the first run loads
 * {@code participants} demo workers (a few minutes for a million) and later runs reuse the directory as it is
 * (delete it to load again). Fails when the directory holds a registry of a different size. A registry that was
 * never analyzed (fresh bulk load) gets one {@code VACUUM (ANALYZE)}, the state autovacuum reaches shortly after
 * a load anyway, so the numbers do not depend on when autovacuum happened to run.</li>
 * <li><b>HTTP.</b> Signs in once through the form login (GET /login, hidden {@code _csrf}, POST /login) and
 * reuses the session cookie for every API call: HTTP Basic would run a BCrypt check on every request. Samples
 * random existing rows (seeded), warms up, then measures {@code GET /api/participants?nik=} and
 * {@code GET /api/participants?name=&region=&size=20} with one client and with several concurrent clients,
 * checking every answer (200; exactly the one participant for a NIK; at least one hit for a prefix taken from a
 * real row of that kab/kota). Then the same searches straight on {@code ParticipantManagement} (no HTTP) to split
 * database from web-stack time, and EXPLAIN ANALYZE of the slowest searches, so a
 * missed goal comes with its plan.</li>
 * <li><b>Start-up.</b> Closes the in-process app and starts it {@code startups} times as a separate JVM on the
 * same directory, timing process start to the first {@code GET /actuator/health} answering 200 with status UP
 * (polled every 100 ms), then stops it with SIGTERM and waits for the embedded PostgreSQL to be gone.</li>
 * </ol>
 *
 * <p>Arguments, all optional, {@code key=value}: {@code dataDir} (default {@code target-bench2/bench-db}),
 * {@code participants} (1000000), {@code samples} (2000), {@code warmup} (2000 per endpoint), {@code requests}
 * (5000 per endpoint and phase), {@code clients} (4), {@code startups} (3), {@code user} (petugas.kalbar),
 * {@code seed} (61), {@code serviceRequests} (1000), {@code http} / {@code startup} (true: run that part). Run (see
 * docs/benchmarks.md):
 *
 * <pre>
 * mvn -B -q -Dlindung.build.dir=target-bench2 test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=id.lindung.bench.RegistryHttpBenchmark
 * </pre>
 */
public final class RegistryHttpBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern STARTED =
            Pattern.compile("Started LindungApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    private final Map<String, String> options;
    private final List<String[]> summary = new ArrayList<>();
    private final List<String[]> startups = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private RegistryHttpBenchmark(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String a = arg.startsWith("--") ? arg.substring(2) : arg;
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value, got: " + arg);
            }
            options.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new RegistryHttpBenchmark(options).run();
    }

    private String option(String key, String fallback) {
        return options.getOrDefault(key, System.getProperty("bench." + key, fallback));
    }

    /**
     * Any {@code lindung.*} option goes to the application, in-process and in the start-up runs, e.g.
     * {@code lindung.reads.rows-per-hour.officer=1000000000} or {@code lindung.clock.start=2026-12-07T09:00:00}.
     */
    private List<String> applicationOptions() {
        return options.entrySet().stream()
                .filter(e -> e.getKey().startsWith("lindung."))
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .sorted()
                .toList();
    }

    private int intOption(String key, int fallback) {
        return Integer.parseInt(option(key, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        Path dataDir = Path.of(option("dataDir", "target-bench2/bench-db")).toAbsolutePath();
        long participants = Long.parseLong(option("participants", "1000000"));
        boolean http = Boolean.parseBoolean(option("http", "true"));
        boolean startup = Boolean.parseBoolean(option("startup", "true"));
        log(
                "machine: %d cores, %s, load average %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                loadAverage());
        log("data directory: %s", dataDir);

        if (http) {
            long started = System.nanoTime();
            List<String> appArgs = new ArrayList<>(List.of(
                    "--lindung.embedded-db.enabled=true",
                    "--lindung.embedded-db.data-dir=" + dataDir,
                    "--lindung.demo.enabled=true",
                    "--lindung.demo.participants=" + participants,
                    "--server.port=0"));
            appArgs.addAll(applicationOptions());
            try (ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(LindungApplication.class).run(appArgs.toArray(String[]::new))) {
                double prepareSeconds = (System.nanoTime() - started) / 1e9;
                // the audit trail's time is the business clock's (lindung.clock.start may move it)
                java.time.Instant startedAt =
                        app.getBean(java.time.Clock.class).instant().minusNanos(System.nanoTime() - started);
                JdbcClient jdbc = app.getBean(JdbcClient.class);
                vault = app.getBean(Vault.class);
                long count = jdbc.sql("SELECT count(*) FROM participant")
                        .query(Long.class)
                        .single();
                boolean existed = jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'PARTICIPANTS_BULK_LOADED'"
                                        + " AND occurred_at >= ?")
                                .param(java.sql.Timestamp.from(startedAt))
                                .query(Long.class)
                                .single()
                        == 0;
                log(
                        "registry: %,d participants (%s, in-process start %.1f s)",
                        count, existed ? "directory reused" : "loaded now", prepareSeconds);
                if (Math.abs(count - participants) > participants / 100) {
                    throw new IllegalStateException("the directory " + dataDir + " holds " + count
                            + " participants, not " + participants + ": delete it to load the registry again");
                }
                notes.add(String.format(
                        Locale.ROOT,
                        "Registry: %,d participants (%s; in-process start incl. any" + " load %.1f s).",
                        count,
                        existed ? "data directory reused" : "loaded in this run",
                        prepareSeconds));
                analyzeIfNeeded(jdbc);
                int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
                measureHttp(port, jdbc, app.getBean(ParticipantManagement.class));
            }
        }
        if (startup) {
            measureStartup(dataDir);
        }
        printSummary();
    }

    // ---------------------------------------------------------------------------------------------- preparation

    private void analyzeIfNeeded(JdbcClient jdbc) {
        Map<String, Object> stats = jdbc.sql("SELECT n_live_tup, last_analyze, last_autoanalyze, last_vacuum,"
                        + " last_autovacuum FROM pg_stat_user_tables WHERE relname = 'participant'")
                .query()
                .singleRow();
        log("participant table statistics: %s", stats);
        if (stats.get("last_analyze") == null && stats.get("last_autoanalyze") == null) {
            long t = System.nanoTime();
            jdbc.sql("VACUUM (ANALYZE) participant").update();
            log(
                    "VACUUM (ANALYZE) participant: never analyzed since the load, done in %.1f s",
                    (System.nanoTime() - t) / 1e9);
            notes.add("The table had not been analyzed since the bulk load; the run did VACUUM (ANALYZE) participant"
                    + " first (what autovacuum does shortly after a load).");
        }
        String collation = jdbc.sql("SELECT datcollate FROM pg_database WHERE datname = current_database()")
                .query(String.class)
                .single();
        log("database collation: %s", collation);
    }

    /** Opens the registry's sealed NIKs for the sample (set once the application runs). */
    private Vault vault;

    private record Row(String nik, String nameKey, String kabKota) {}

    /** Random existing rows, the same for the same seed and registry. */
    private List<Row> sample(JdbcClient jdbc, int n, long seed) {
        Map<String, Object> range = jdbc.sql("SELECT min(id) AS lo, max(id) AS hi FROM participant")
                .query()
                .singleRow();
        long lo = ((Number) range.get("lo")).longValue();
        long hi = ((Number) range.get("hi")).longValue();
        Random random = new Random(seed);
        Set<Long> ids = new LinkedHashSet<>();
        while (ids.size() < Math.min(n, hi - lo + 1)) {
            ids.add(lo + (long) (random.nextDouble() * (hi - lo + 1)));
        }
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        List<Row> rows = jdbc.sql(
                        "SELECT nik_enc, name_key, kabkota_code FROM participant WHERE id IN (" + in + ") ORDER BY id")
                .query((rs, i) -> new Row(
                        vault.openText(rs.getBytes(1), IdentityView.NIK_COLUMN), rs.getString(2), rs.getString(3)))
                .list();
        List<Row> shuffled = new ArrayList<>(rows);
        java.util.Collections.shuffle(shuffled, random);
        return shuffled;
    }

    /** The first word of the name cut to 3 or 4 letters, as an officer would type it. */
    private static String prefix(String nameKey, Random random) {
        String first = nameKey.split(" ")[0];
        int len = 3 + random.nextInt(2);
        return first.length() <= len ? first : first.substring(0, len);
    }

    // --------------------------------------------------------------------------------------------------- HTTP

    private record Call(URI uri, String nik, String prefix, String kabKota) {}

    private void measureHttp(int port, JdbcClient jdbc, ParticipantManagement management) throws Exception {
        int samples = intOption("samples", 2000);
        int warmup = intOption("warmup", 2000);
        int requests = intOption("requests", 5000);
        int clients = intOption("clients", 4);
        long seed = Long.parseLong(option("seed", "61"));
        String user = option("user", "petugas.kalbar");
        String base = "http://localhost:" + port;

        List<Row> rows = sample(jdbc, samples, seed);
        Random random = new Random(seed + 1);
        List<Call> nikCalls = new ArrayList<>();
        List<Call> searchCalls = new ArrayList<>();
        for (Row row : rows) {
            nikCalls.add(new Call(URI.create(base + "/api/participants?nik=" + row.nik()), row.nik(), null, null));
            String prefix = prefix(row.nameKey(), random);
            searchCalls.add(new Call(
                    URI.create(base + "/api/participants?name=" + HttpLoad.encode(prefix) + "&region=" + row.kabKota()
                            + "&size=20"),
                    null,
                    prefix,
                    row.kabKota()));
        }
        log(
                "sampled %d rows; e.g. %s and %s",
                rows.size(), nikCalls.get(0).uri(), searchCalls.get(0).uri());

        CookieManager cookies = new CookieManager();
        HttpLoad.signIn(base, user, HttpLoad.DEMO_PASSWORD, "/api/participants/counts", cookies);
        log("signed in as %s with the form login; session cookie reused for every request", user);
        String cookie = HttpLoad.cookieHeader(cookies);

        Predicate<String> nikOk = body -> {
            JsonNode items = JSON.readTree(body).path("items");
            return items.size() == 1;
        };
        Predicate<String> searchOk = body -> {
            JsonNode items = JSON.readTree(body).path("items");
            return items.size() >= 1 && items.size() <= 20;
        };

        log("warm-up: %d NIK lookups and %d searches", warmup, warmup);
        load("warm-up NIK", nikCalls, warmup, 1, cookie, nikOk);
        load("warm-up search", searchCalls, warmup, 1, cookie, searchOk);

        String load = loadAverage();
        log("load average before the measured phases: %s", load);
        Result nik1 = load("NIK lookup", nikCalls, requests, 1, cookie, nikOk);
        Result search1 = load("name prefix in kab/kota", searchCalls, requests, 1, cookie, searchOk);
        Result nikN = load("NIK lookup", nikCalls, requests, clients, cookie, nikOk);
        Result searchN = load("name prefix in kab/kota", searchCalls, requests, clients, cookie, searchOk);
        notes.add("Load average before the measured HTTP phases: " + load + "; after: " + loadAverage() + ".");
        for (Result r : List.of(nik1, search1, nikN, searchN)) {
            double goal = r.label().startsWith("NIK") ? 5 : 50;
            summary.add(new String[] {
                r.label() + " (" + r.clients() + (r.clients() == 1 ? " client)" : " clients)"),
                String.valueOf(r.count()),
                ms(r.percentile(50)),
                ms(r.percentile(95)),
                ms(r.percentile(99)),
                ms(r.max()),
                String.format(Locale.ROOT, "%.0f", r.throughput()),
                "p95 < " + (int) goal + " ms: " + (r.percentile(95) / 1e6 < goal ? "met" : "MISSED")
            });
        }
        measureService(management, user, rows, seed, Math.min(requests, intOption("serviceRequests", 1000)));
        explainSlowest(jdbc, search1, searchCalls);
    }

    /**
     * The same searches straight on {@link ParticipantManagement} in this JVM (both SQL statements, the pool, no
     * HTTP, security or JSON): what is left of the HTTP latency is the web stack and the client.
     */
    private void measureService(ParticipantManagement management, String user, List<Row> rows, long seed, int n) {
        LindungUser by = new LindungUser(user, user, Role.OFFICER, RegionScope.of("61"));
        Random random = new Random(seed + 1);
        List<SearchCriteria> nik = new ArrayList<>();
        List<SearchCriteria> name = new ArrayList<>();
        for (Row row : rows) {
            nik.add(new SearchCriteria(row.nik(), null, null));
            name.add(new SearchCriteria(null, prefix(row.nameKey(), random), row.kabKota()));
        }
        for (List<SearchCriteria> criteria : List.of(nik, name)) {
            boolean isNik = criteria == nik;
            long[] nanos = new long[n];
            long started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                int found = management
                        .search(criteria.get(i % criteria.size()), 0, 20, by)
                        .items()
                        .size();
                nanos[i] = System.nanoTime() - t0;
                if (isNik ? found != 1 : found < 1) {
                    throw new IllegalStateException("service search found " + found + " for " + criteria.get(i));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Result r = Result.of(
                    (isNik ? "NIK lookup" : "name prefix in kab/kota") + ", service call, no HTTP",
                    1,
                    nanos,
                    seconds,
                    0,
                    List.of());
            log(
                    "%-26s: %d calls, p50 %s ms, p95 %s ms, p99 %s ms, max %s ms",
                    r.label(), n, ms(r.percentile(50)), ms(r.percentile(95)), ms(r.percentile(99)), ms(r.max()));
            summary.add(new String[] {
                r.label() + " (1 client)",
                String.valueOf(n),
                ms(r.percentile(50)),
                ms(r.percentile(95)),
                ms(r.percentile(99)),
                ms(r.max()),
                String.format(Locale.ROOT, "%.0f", r.throughput()),
                "(breakdown)"
            });
        }
    }

    /** {@code n} requests taken round-robin from {@code calls}, by {@code clients} threads each with its own client. */
    private Result load(String label, List<Call> calls, int n, int clients, String cookie, Predicate<String> valid)
            throws Exception {
        Result r = HttpLoad.run(
                        label,
                        clients,
                        n,
                        null,
                        i -> HttpLoad.get(calls.get(i % calls.size()).uri(), "Cookie", cookie),
                        (i, body) -> valid.test(body))
                .requireNoErrors();
        if (label.startsWith("warm-up")) {
            return r;
        }
        log(
                "%-26s %d client(s): %d requests, p50 %s ms, p95 %s ms, p99 %s ms, max %s ms, %.0f req/s; load %s",
                label,
                clients,
                n,
                ms(r.percentile(50)),
                ms(r.percentile(95)),
                ms(r.percentile(99)),
                ms(r.max()),
                r.throughput(),
                loadAverage());
        return r;
    }

    /** EXPLAIN ANALYZE of the two statements the search runs, for the slowest sequential searches. */
    private void explainSlowest(JdbcClient jdbc, Result sequentialSearch, List<Call> calls) {
        long[] raw = sequentialSearch.raw();
        Integer[] order = new Integer[raw.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(raw[b], raw[a]));
        Set<String> seen = new LinkedHashSet<>();
        log("--- diagnostics: EXPLAIN (ANALYZE, BUFFERS) of the slowest sequential searches ---");
        for (Integer i : order) {
            Call call = calls.get(i % calls.size());
            if (call.prefix() == null || !seen.add(call.prefix() + "|" + call.kabKota())) {
                continue;
            }
            String like = call.prefix()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                            .replace("'", "''") + "%";
            String where = "TRUE AND name_key LIKE '" + like + "' AND kabkota_code = '" + call.kabKota() + "'";
            log(
                    "search name=%s region=%s took %s ms over HTTP; rows matching (capped 10001): %d",
                    call.prefix(),
                    call.kabKota(),
                    ms(raw[i]),
                    jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM participant WHERE " + where + " LIMIT 10001) c")
                            .query(Long.class)
                            .single());
            explain(jdbc, "SELECT count(*) FROM (SELECT 1 FROM participant WHERE " + where + " LIMIT 10001) capped");
            explain(
                    jdbc,
                    "SELECT id, nik_enc, full_name, birth_date, sex, region_code, status FROM participant WHERE "
                            + where + " ORDER BY name_key, id LIMIT 20 OFFSET 0");
            if (seen.size() >= 3) {
                break;
            }
        }
    }

    private static void explain(JdbcClient jdbc, String sql) {
        System.out.println("EXPLAIN (ANALYZE, BUFFERS) " + sql);
        jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + sql)
                .query(String.class)
                .list()
                .forEach(line -> System.out.println("    " + line));
    }

    // ------------------------------------------------------------------------------------------------ start-up

    private void measureStartup(Path dataDir) throws Exception {
        int runs = intOption("startups", 3);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = classPath();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1))
                .build();
        List<Double> healthy = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                throw new IllegalStateException("a PostgreSQL server still runs on " + dataDir);
            }
            int port = freePort();
            Path logFile = dataDir.getParent().resolve("startup-" + run + ".log");
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-cp",
                    classPath,
                    "id.lindung.LindungApplication",
                    "--lindung.embedded-db.enabled=true",
                    "--lindung.embedded-db.data-dir=" + dataDir,
                    "--server.port=" + port,
                    "--lindung.demo.enabled=true"));
            command.addAll(applicationOptions());
            ProcessBuilder pb =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile());
            String load = loadAverage();
            long t0 = System.nanoTime();
            Process process = pb.start();
            double seconds;
            try {
                seconds = waitHealthy(http, port, process, t0);
            } finally {
                process.destroy(); // SIGTERM: Spring closes the context, which stops the embedded PostgreSQL
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor();
                    log("start-up %d: the app did not stop within 90 s after SIGTERM; killed", run);
                }
            }
            for (int i = 0; i < 100 && Files.exists(dataDir.resolve("postmaster.pid")); i++) {
                Thread.sleep(100);
            }
            String log = Files.readString(logFile);
            Matcher m = STARTED.matcher(log);
            String started = m.find() ? m.group(1) + " s (process running for " + m.group(2) + " s)" : "?";
            healthy.add(seconds);
            log(
                    "start-up %d: healthy after %.2f s; log says Started LindungApplication in %s; exit %d; load %s"
                            + " before; log %s",
                    run, seconds, started, process.exitValue(), load, logFile);
            startups.add(new String[] {
                String.valueOf(run),
                String.format(Locale.ROOT, "%.2f", seconds),
                started,
                load,
                "< 15 s: " + (seconds < 15 ? "met" : "MISSED")
            });
        }
        List<Double> sorted = new ArrayList<>(healthy);
        sorted.sort(Double::compare);
        double median = sorted.get(sorted.size() / 2);
        startups.add(new String[] {
            "**median of " + runs + "**",
            String.format(Locale.ROOT, "**%.2f**", median),
            "",
            "",
            "< 15 s: " + (median < 15 ? "met" : "MISSED")
        });
    }

    private static double waitHealthy(HttpClient http, int port, Process process, long t0) throws Exception {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with " + process.exitValue() + " before healthy");
            }
            try {
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"status\":\"UP\"")) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not healthy within 300 s");
    }

    /** The test class path: the class loader's URLs under exec:java, else java.class.path. */
    private static String classPath() {
        String explicit = System.getProperty("bench.classpath");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        ClassLoader loader = RegistryHttpBenchmark.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(new File(url.toURI()).getPath());
                } catch (Exception e) {
                    entries.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ------------------------------------------------------------------------------------------------- output

    private void printSummary() {
        StringBuilder sb = new StringBuilder("\n## Registry HTTP benchmark\n\n");
        sb.append(
                "| HTTP (session cookie, sequential requests per client) | requests | p50 ms | p95 ms | p99 ms | max ms | req/s | goal |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (String[] row : summary) {
            sb.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        if (!startups.isEmpty()) {
            sb.append("\n| start-up (separate JVM, demo data present) | process start → health UP, s |"
                    + " log: Started LindungApplication in | load average before | goal |\n");
            sb.append("|---|---:|---|---|---|\n");
            for (String[] row : startups) {
                sb.append("| ").append(String.join(" | ", row)).append(" |\n");
            }
        }
        sb.append('\n');
        for (String note : notes) {
            sb.append("- ").append(note).append('\n');
        }
        sb.append("- Machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(System.getProperty("java.runtime.version"))
                .append("; load average at the end ")
                .append(loadAverage())
                .append(".\n");
        System.out.println(sb);
    }

    private static String ms(long nanos) {
        return HttpLoad.ms(nanos);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
