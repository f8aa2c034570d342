package id.lindung.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP load client of the benchmarks ({@link RegistryHttpBenchmark}, {@link CoverageBenchmark}): sequential
 * requests per client thread, each thread with its own {@code java.net.http.HttpClient} (HTTP/1.1, keep-alive),
 * every answer checked, latencies kept per request for nearest-rank percentiles; plus the form login that gives a
 * session cookie.
 */
final class HttpLoad {

    /** The demo users' password ({@code InitialUsers}). */
    static final String DEMO_PASSWORD = "lindung2026";

    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private HttpLoad() {}

    /** Whether the answer to request {@code index} (status 200) is right. */
    @FunctionalInterface
    interface Check {
        boolean ok(int index, String body);
    }

    /**
     * A load phase. {@code nanos} sorted; {@code raw[i]} is the latency of request {@code i}, numbered in the order
     * the clients took them; {@code errors} answers that were not 200 or failed the check (or threw), with up to
     * five of them described in {@code failures}.
     */
    record Result(
            String label, int clients, long[] nanos, double seconds, long[] raw, int errors, List<String> failures) {

        static Result of(String label, int clients, long[] raw, double seconds, int errors, List<String> failures) {
            long[] sorted = raw.clone();
            Arrays.sort(sorted);
            return new Result(label, clients, sorted, seconds, raw, errors, failures);
        }

        int count() {
            return nanos.length;
        }

        long percentile(double p) {
            return nearestRank(nanos, p);
        }

        long max() {
            return nanos.length == 0 ? 0 : nanos[nanos.length - 1];
        }

        double throughput() {
            return nanos.length / seconds;
        }

        /** The requests whose number passes {@code keep}, over the same wall time (errors are not split). */
        Result only(String label, IntPredicate keep) {
            long[] kept = java.util.stream.IntStream.range(0, raw.length)
                    .filter(keep)
                    .mapToLong(i -> raw[i])
                    .toArray();
            return of(label, clients, kept, seconds, 0, List.of());
        }

        /** Throws when any answer failed, naming a few. */
        Result requireNoErrors() {
            if (errors > 0) {
                throw new IllegalStateException(
                        label + ": " + errors + " of " + count() + " responses failed the check, e.g. " + failures);
            }
            return this;
        }

        /** p50, p95, p99, max in ms and the throughput, for a log line. */
        String line() {
            return String.format(
                    Locale.ROOT,
                    "%d requests, %d errors, p50 %s ms, p95 %s ms, p99 %s ms, max %s ms," + " %.0f req/s",
                    count(),
                    errors,
                    ms(percentile(50)),
                    ms(percentile(95)),
                    ms(percentile(99)),
                    ms(max()),
                    throughput());
        }
    }

    /**
     * Sends requests from {@code clients} threads until {@code maxRequests} were sent or {@code duration} (if not
     * {@code null}) has passed, whichever comes first; a request already sent is waited for.
     *
     * @param requests request {@code i} (the caller cycles through its calls)
     */
    static Result run(
            String label,
            int clients,
            int maxRequests,
            @Nullable Duration duration,
            IntFunction<HttpRequest> requests,
            Check check)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<long[][]> perThread = new ArrayList<>(); // {indexes, nanos, size}
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : started + duration.toNanos();
        for (int c = 0; c < clients; c++) {
            HttpClient http = client(null);
            long[][] mine = {new long[1024], new long[1024], new long[1]};
            perThread.add(mine);
            Thread t = new Thread(
                    () -> {
                        while (System.nanoTime() < deadline) {
                            int i = next.getAndIncrement();
                            if (i >= maxRequests) {
                                return;
                            }
                            HttpRequest request = requests.apply(i);
                            long t0 = System.nanoTime();
                            String failure = null;
                            try {
                                HttpResponse<String> response =
                                        http.send(request, HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() != 200 || !check.ok(i, response.body())) {
                                    failure = response.statusCode() + " " + abbreviate(response.body());
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                failure = e.toString();
                            } catch (Exception e) {
                                failure = e.toString();
                            }
                            record(mine, i, System.nanoTime() - t0);
                            if (failure != null) {
                                errors.incrementAndGet();
                                if (failures.size() < 5) {
                                    failures.add(request.uri() + " -> " + failure);
                                }
                            }
                            if (Thread.currentThread().isInterrupted()) {
                                return;
                            }
                        }
                    },
                    "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int total = perThread.stream().mapToInt(m -> (int) m[2][0]).sum();
        long[] raw = new long[total];
        for (long[][] m : perThread) {
            for (int k = 0; k < m[2][0]; k++) {
                raw[(int) m[0][k]] = m[1][k];
            }
        }
        return Result.of(label, clients, raw, seconds, errors.get(), List.copyOf(failures));
    }

    private static void record(long[][] mine, int index, long nanos) {
        int n = (int) mine[2][0];
        if (n == mine[0].length) {
            mine[0] = Arrays.copyOf(mine[0], n * 2);
            mine[1] = Arrays.copyOf(mine[1], n * 2);
        }
        mine[0][n] = index;
        mine[1][n] = nanos;
        mine[2][0] = n + 1;
    }

    /** A GET asking for JSON, with the given headers (name, value, name, value …). */
    static HttpRequest get(URI uri, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        return b.build();
    }

    static HttpClient client(@Nullable CookieManager cookies) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        if (cookies != null) {
            b.cookieHandler(cookies);
        }
        return b.build();
    }

    /**
     * Form login once (GET /login, hidden {@code _csrf}, POST /login), then {@code GET checkPath} with the session
     * cookie must answer 200. The cookie is in {@code cookies} afterwards.
     */
    static void signIn(String base, String user, String password, String checkPath, CookieManager cookies)
            throws Exception {
        HttpClient http = client(cookies);
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = CSRF.matcher(page.body());
        if (page.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("no login form with _csrf at /login: " + page.statusCode());
        }
        String csrf = m.group(1) != null ? m.group(1) : m.group(2);
        String form = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
        HttpResponse<String> login = http.send(
                HttpRequest.newBuilder(URI.create(base + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("form login failed: " + login.statusCode() + " " + location);
        }
        HttpResponse<String> check = http.send(
                HttpRequest.newBuilder(URI.create(base + checkPath)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (check.statusCode() != 200) {
            throw new IllegalStateException("session cookie not accepted at " + checkPath + ": " + check.statusCode());
        }
    }

    /** The {@code Cookie} header value of the session that {@link #signIn} left in {@code cookies}. */
    static String cookieHeader(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .map(c -> c.getName() + "=" + c.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow(() -> new IllegalStateException("no session cookie"));
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The {@code p}th percentile of ascending {@code sorted} by nearest rank; 0 when there are none. */
    static long nearestRank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Nanoseconds as milliseconds with two decimals. */
    static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1e6);
    }
}
