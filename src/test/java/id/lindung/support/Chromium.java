package id.lindung.support;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Debian's Chromium driven by Playwright for the browser tests: no browser download, flags for running as root in
 * a container. A missing browser fails the test (opt out on purpose with {@code LINDUNG_SKIP_BROWSER=1}).
 */
public final class Chromium {

    private Chromium() {}

    public static Playwright playwright() {
        assumeFalse("1".equals(System.getenv("LINDUNG_SKIP_BROWSER")), "LINDUNG_SKIP_BROWSER=1");
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        Path chromium = find().orElseGet(() ->
                fail("Chromium not found (/usr/bin/chromium or on PATH). Install it: apt-get install -y chromium "
                        + "(or set LINDUNG_SKIP_BROWSER=1 to skip this test)."));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(chromium)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run",
                                "--disable-quic")));
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
        return browser;
    }

    private static Optional<Path> find() {
        Stream<Path> candidates = Stream.concat(
                Stream.of(Path.of("/usr/bin/chromium")),
                Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                        .filter(dir -> !dir.isBlank())
                        .flatMap(dir -> Stream.of(Path.of(dir, "chromium"), Path.of(dir, "chromium-browser"))));
        return candidates.filter(Files::isExecutable).findFirst();
    }

    /** The Maven build directory a test class was compiled into (target/, or another via -Dlindung.build.dir). */
    public static Path buildDir(Class<?> testClass) {
        try {
            return Path.of(testClass
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getParent();
        } catch (Exception e) {
            return Path.of("target");
        }
    }
}
