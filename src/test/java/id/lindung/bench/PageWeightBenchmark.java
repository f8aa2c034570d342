package id.lindung.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import id.lindung.LindungApplication;
import id.lindung.support.ApiClient;
import id.lindung.support.Chromium;
import id.lindung.support.NetworkMeter;
import id.lindung.support.NetworkMeter.Visit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What each page costs a phone on a weak connection (issue 18, point 2): Lindung with its demo data for Kalimantan
 * Barat on a throw-away embedded PostgreSQL, Debian's Chromium at 375×812 under the developer tools' "Fast 3G"
 * profile ({@link NetworkMeter#FAST_3G}). For each demo user, every page its navigation offers: the first visit with
 * an empty browser cache (a fresh browser context with the user's session) and a repeat visit right after; bytes
 * over the wire (headers and compressed bodies, as the developer tools count them) and the time to the load event.
 * Prints a Markdown table.
 *
 * <pre>
 * mvn -q -B -Dlindung.build.dir=target-weight test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *     -Dexec.classpathScope=test -Dexec.mainClass=id.lindung.bench.PageWeightBenchmark
 * </pre>
 *
 * Options as {@code key=value}: {@code participants} (demo size, 20000), {@code users} (comma-separated, default the
 * five roles' demo users), {@code throttle} ({@code fast3g} or {@code none}); {@code --property=value} goes to the
 * application.
 */
public final class PageWeightBenchmark {

    private PageWeightBenchmark() {}

    public static void main(String[] args) {
        int participants = 20_000;
        List<String> users = List.of("agen.ketapang", "petugas.kalbar", "bank.kalbar", "analis.provinsi", "admin");
        boolean throttle = true;
        List<String> appArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--lindung.embedded-db.enabled=true",
                "--lindung.embedded-db.data-dir=",
                "--lindung.demo.enabled=true",
                "--logging.level.id.lindung=WARN"));
        for (String arg : args) {
            if (arg.startsWith("--")) {
                appArgs.add(arg);
                continue;
            }
            String[] kv = arg.split("=", 2);
            switch (kv[0]) {
                case "participants" -> participants = Integer.parseInt(kv[1]);
                case "users" -> users = List.of(kv[1].split(","));
                case "throttle" -> throttle = !"none".equals(kv[1]);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        appArgs.add("--lindung.demo.participants=" + participants);
        try (ConfigurableApplicationContext app =
                        new SpringApplicationBuilder(LindungApplication.class).run(appArgs.toArray(String[]::new));
                Playwright playwright = Chromium.playwright();
                Browser browser = Chromium.launch(playwright)) {
            String base = "http://localhost" + ":" + app.getEnvironment().getProperty("local.server.port");
            log(
                    "Lindung with %,d demo participants at %s; Chromium %s, 375x812, %s",
                    participants,
                    base,
                    browser.version(),
                    throttle ? "Fast 3G (562.5 ms, 1.44 Mbit/s down, 675 kbit/s up)" : "no throttle");
            System.out.println();
            System.out.println("| user | page | first visit KB | first visit load s | repeat visit KB | repeat load s |"
                    + " requests (first / repeat) |");
            System.out.println("|---|---|---:|---:|---:|---:|---:|");
            measure(browser, base, null, List.of("/login"), throttle);
            for (String user : users) {
                measure(browser, base, user, null, throttle);
            }
        }
    }

    /** Every page of the user's navigation (or the given paths), first and repeat visit. */
    private static void measure(Browser browser, String base, String user, List<String> given, boolean throttle) {
        BrowserContext.StorageStateOptions none = new BrowserContext.StorageStateOptions();
        String state;
        List<String> paths;
        try (BrowserContext signIn = newContext(browser, base, null)) {
            Page page = signIn.newPage();
            if (user != null) {
                page.navigate("/login");
                page.locator("input[name=username]").fill(user);
                page.locator("input[name=password]").fill(ApiClient.DEMO_PASSWORD);
                page.locator("#login-submit").click();
                page.waitForURL(url -> url.endsWith("/"));
            }
            paths = given != null ? given : NetworkMeter.navigation(page);
            state = signIn.storageState(none);
        }
        for (String path : paths) {
            try (BrowserContext cold = newContext(browser, base, state)) {
                Page page = cold.newPage();
                NetworkMeter meter = NetworkMeter.on(page);
                if (throttle) {
                    meter.throttle(NetworkMeter.FAST_3G);
                }
                Visit first = meter.visit(path);
                Visit repeat = meter.visit(path);
                System.out.printf(
                        Locale.ROOT,
                        "| %s | `%s` | %.1f | %.2f | %.1f | %.2f | %d / %d |%n",
                        user == null ? "(not signed in)" : user,
                        path,
                        first.bytes() / 1024.0,
                        first.loadMillis() / 1000.0,
                        repeat.bytes() / 1024.0,
                        repeat.loadMillis() / 1000.0,
                        first.requests(),
                        repeat.requests());
            }
        }
    }

    private static BrowserContext newContext(Browser browser, String base, String storageState) {
        Browser.NewContextOptions options = new Browser.NewContextOptions()
                .setBaseURL(base)
                .setLocale("id-ID")
                .setViewportSize(375, 812)
                .setIsMobile(true)
                .setHasTouch(true);
        if (storageState != null) {
            options.setStorageState(storageState);
        }
        BrowserContext context = browser.newContext(options);
        context.setDefaultTimeout(120_000);
        return context;
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
