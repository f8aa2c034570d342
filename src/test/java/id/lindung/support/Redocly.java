package id.lindung.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redocly CLI's {@code lint}, pinned to one version and run through {@code npx} with the repository's
 * {@code redocly.yaml} (the recommended rules). Needs Node.js and npm on the PATH (./run-tests installs them when
 * missing); the first run downloads the CLI into npm's cache (~/.npm), later runs take a few seconds.
 */
public final class Redocly {

    /** 1.x: the 2.x line needs Node.js 20.19 or 22, and Debian 12 ships Node.js 18. */
    public static final String CLI = "@redocly/cli@1.34.20";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Redocly() {}

    /** What lint found: its exit code, the totals and one line per problem (rule, where, what). */
    public record Result(int exitCode, int errors, int warnings, List<String> problems) {

        public boolean clean() {
            return exitCode == 0 && errors == 0 && warnings == 0;
        }
    }

    public static Result lint(Path document) {
        List<String> command = List.of(
                "npx",
                "--yes",
                CLI,
                "lint",
                "--config",
                Path.of("redocly.yaml").toAbsolutePath().toString(),
                "--format",
                "json",
                "--max-problems",
                "10000",
                document.toAbsolutePath().toString());
        Path output;
        Process process;
        try {
            output = Files.createTempFile("redocly", ".json");
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectOutput(output.toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "npx not found: the OpenAPI lint needs Node.js and npm (./run-tests installs them)", e);
        }
        try {
            // the first run downloads the CLI; later ones take seconds
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("redocly lint did not finish in 10 minutes");
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            Files.deleteIfExists(output);
            int start = text.indexOf('{');
            if (start < 0) {
                throw new IllegalStateException(
                        "redocly lint answered no report (exit " + process.exitValue() + "): " + text);
            }
            JsonNode report = JSON.readTree(text.substring(start));
            List<String> problems = new ArrayList<>();
            for (JsonNode problem : report.path("problems")) {
                problems.add(problem.path("severity").asString() + " "
                        + problem.path("ruleId").asString() + " "
                        + problem.path("location").path(0).path("pointer").asString() + ": "
                        + problem.path("message").asString());
            }
            return new Result(
                    process.exitValue(),
                    report.path("totals").path("errors").asInt(-1),
                    report.path("totals").path("warnings").asInt(-1),
                    problems);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
