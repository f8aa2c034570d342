package id.lindung.support;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a page costs the network, as Chromium's developer tools count it: the bytes that came over the wire for every
 * request of a visit (headers and compressed body: {@code Network.loadingFinished.encodedDataLength}; a file taken
 * from the browser's cache counts 0) until the network has been idle for half a second (at most five seconds after the
 * load event), and the time from the start of the navigation to the page's load event. Optionally under the developer tools' "Fast 3G" profile.
 */
public final class NetworkMeter {

    /** Chromium's "Fast 3G" preset: 1.6 Mbit/s down, 750 kbit/s up, 562.5 ms round trip (each times 0.9 / 3.75). */
    public static final Throttle FAST_3G = new Throttle(562.5, 1_600_000 / 8 * 0.9, 750_000 / 8 * 0.9);

    /** Latency in ms and throughput in bytes per second. */
    public record Throttle(double latencyMs, double downBytesPerSecond, double upBytesPerSecond) {}

    /** One request of a visit: its URL and the bytes it cost (0 when served from the browser's cache). */
    public record Transfer(String url, long bytes, boolean fromCache) {}

    /** One visit: every request, their bytes together, and the time to the load event. */
    public record Visit(String path, List<Transfer> transfers, long loadMillis) {
        public long bytes() {
            return transfers.stream().mapToLong(Transfer::bytes).sum();
        }

        public long requests() {
            return transfers.size();
        }

        /** The requests that cost bytes, largest first, for messages. */
        public String describe() {
            StringBuilder s = new StringBuilder(path + ": " + bytes() + " bytes in " + requests() + " requests");
            transfers.stream()
                    .filter(t -> t.bytes() > 0)
                    .sorted((a, b) -> Long.compare(b.bytes(), a.bytes()))
                    .forEach(
                            t -> s.append("\n  ").append(t.bytes()).append("  ").append(t.url()));
            return s.toString();
        }
    }

    private final Page page;
    private final CDPSession cdp;
    private final Map<String, String> urls = new HashMap<>();
    private final Map<String, Boolean> cached = new HashMap<>();
    private final List<Transfer> transfers = new ArrayList<>();

    private NetworkMeter(Page page) {
        this.page = page;
        this.cdp = page.context().newCDPSession(page);
        cdp.send("Network.enable");
        cdp.on(
                "Network.requestWillBeSent",
                e -> urls.put(
                        e.get("requestId").getAsString(),
                        e.getAsJsonObject("request").get("url").getAsString()));
        cdp.on(
                "Network.requestServedFromCache",
                e -> cached.put(e.get("requestId").getAsString(), true));
        cdp.on("Network.responseReceived", e -> {
            if (e.getAsJsonObject("response").has("fromDiskCache")
                    && e.getAsJsonObject("response").get("fromDiskCache").getAsBoolean()) {
                cached.put(e.get("requestId").getAsString(), true);
            }
        });
        cdp.on("Network.loadingFinished", e -> {
            String id = e.get("requestId").getAsString();
            transfers.add(new Transfer(
                    urls.getOrDefault(id, "?"),
                    Math.round(e.get("encodedDataLength").getAsDouble()),
                    cached.getOrDefault(id, false)));
        });
    }

    /** Starts counting the page's traffic. */
    public static NetworkMeter on(Page page) {
        return new NetworkMeter(page);
    }

    /** From now on the page's network is as slow as {@code throttle}. */
    public NetworkMeter throttle(Throttle throttle) {
        JsonObject conditions = new JsonObject();
        conditions.addProperty("offline", false);
        conditions.addProperty("latency", throttle.latencyMs());
        conditions.addProperty("downloadThroughput", throttle.downBytesPerSecond());
        conditions.addProperty("uploadThroughput", throttle.upBytesPerSecond());
        cdp.send("Network.emulateNetworkConditions", conditions);
        return this;
    }

    /** Opens {@code path}, waits until the network is idle and returns what it cost. */
    public Visit visit(String path) {
        transfers.clear();
        page.navigate(path);
        try {
            page.waitForLoadState(LoadState.NETWORKIDLE, new Page.WaitForLoadStateOptions().setTimeout(5_000));
        } catch (TimeoutError polling) {
            // a page that polls (htmx "every") is never idle: what came in five seconds after the load counts
        }
        Object load = page.evaluate(
                "() => { const n = performance.getEntriesByType('navigation')[0]; return n ? n.loadEventEnd : -1; }");
        long loadMillis = load instanceof Number n ? Math.round(n.doubleValue()) : -1;
        return new Visit(path, List.copyOf(transfers), loadMillis);
    }

    /** The pages the signed-in page's navigation links to, home first, without the API documentation. */
    public static List<String> navigation(Page page) {
        Set<String> paths = new LinkedHashSet<>(List.of("/"));
        for (Object href : (List<?>) page.evaluate(
                "() => Array.from(document.querySelectorAll('a[id^=nav-]')).map(a => a.getAttribute('href'))")) {
            String path = String.valueOf(href);
            if (path.startsWith("/") && !path.startsWith("/swagger")) {
                paths.add(path);
            }
        }
        return List.copyOf(paths);
    }
}
