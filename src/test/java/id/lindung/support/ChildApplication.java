package id.lindung.support;

import id.lindung.LindungApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Lindung as a separate OS process (a child JVM on the test's own class path), so that a test can kill it the hard
 * way ({@link #kill()}: SIGKILL, no shutdown hook, no graceful anything) and start it again on the same database.
 * The database lives outside the child (the test's embedded server, passed as {@code LINDUNG_DB_URL}), so it
 * survives the kill. The child's output goes to {@code <log dir>/<name>.log}; {@link #close()} kills the child if it
 * still runs, and a JVM shutdown hook does too should the test JVM end first.
 */
public final class ChildApplication implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Thread reaper;

    private ChildApplication(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.reaper = new Thread(process::destroyForcibly, "kill child " + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts the application in a child JVM and waits until it is ready ({@code /actuator/health/readiness} answers
     * UP: the start-up work, such as runners and ready-event listeners, is done).
     *
     * @param name names the log file and the child's database sessions ({@code application_name})
     * @param jdbcUrl the database (without {@code ApplicationName}; it is added)
     * @param properties more {@code --key=value} arguments for the application
     */
    public static ChildApplication start(
            String name, Path logDir, String jdbcUrl, String user, String password, Map<String, String> properties) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Path tmp = Files.createDirectories(logDir.resolve("tmp-" + name));
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // C1 only: a start costs about 10 s of CPU instead of 15-18 s (C2 compiling on two shared cores)
                    "-Xmx768m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-Dfile.encoding=UTF-8",
                    // multipart uploads and Tomcat's work directory: what a killed process leaves stays in target/
                    "-Djava.io.tmpdir=" + tmp,
                    "-cp",
                    System.getProperty("java.class.path"),
                    LindungApplication.class.getName(),
                    "--spring.profiles.active=test",
                    "--server.port=" + port));
            properties.forEach((k, v) -> command.add("--" + k + "=" + v));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("LINDUNG_") || k.equals("PORT"));
            env.put("LINDUNG_DB_URL", jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + name);
            env.put("LINDUNG_DB_USER", user);
            env.put("LINDUNG_DB_PASSWORD", password == null ? "" : password);
            long started = System.nanoTime();
            ChildApplication child = new ChildApplication(name, builder.start(), port, log);
            try {
                child.awaitUp(started);
            } catch (RuntimeException | Error e) {
                child.close();
                throw e;
            }
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp(long startedNanos) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        long deadline = startedNanos + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("child " + name + " ended with exit code " + process.exitValue()
                        + " before it was up; its log " + log + " ends:\n" + tail(40));
            }
            try {
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    System.out.printf(
                            "child %s (pid %d) up on port %d after %d ms (%d ms CPU)%n",
                            name,
                            process.pid(),
                            port,
                            (System.nanoTime() - startedNanos) / 1_000_000,
                            process.info()
                                    .totalCpuDuration()
                                    .map(Duration::toMillis)
                                    .orElse(-1L));
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(
                "child " + name + " not up after " + START_TIMEOUT + "; its log " + log + " ends:\n" + tail(40));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** The {@code application_name} of the child's database sessions. */
    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL ({@link Process#destroyForcibly()} on Linux): the process ends at once. @return its exit code */
    public int kill() {
        process.destroyForcibly();
        return waitForExit();
    }

    /** SIGTERM: a graceful shutdown (SIGKILL after 30 s). @return the exit code */
    public int stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        return waitForExit();
    }

    private int waitForExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child " + name + " (pid " + process.pid() + ") still alive");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    /** The last lines of the child's log. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log not readable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
