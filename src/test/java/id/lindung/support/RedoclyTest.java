package id.lindung.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint can fail: a document with problems is reported as such, a clean one as clean. */
class RedoclyTest {

    @TempDir
    Path dir;

    @Test
    void aDocumentWithProblemsFailsTheLint() throws Exception {
        // no summary, no security, no 4xx answer, an operation id used twice, a server on localhost
        Path broken = Files.writeString(dir.resolve("broken.json"), """
                {"openapi": "3.1.0",
                 "info": {"title": "Broken", "version": "1"},
                 "servers": [{"url": "http://localhost:8080"}],
                 "paths": {
                   "/a": {"get": {"operationId": "same", "responses": {"200": {"description": "OK"}}}},
                   "/b": {"get": {"operationId": "same", "responses": {"200": {"description": "OK"}}}}}}
                """);

        Redocly.Result result = Redocly.lint(broken);

        assertThat(result.clean()).isFalse();
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.errors()).isPositive();
        assertThat(result.warnings()).isPositive();
        assertThat(result.problems())
                .anyMatch(p -> p.contains("operation-operationId-unique"))
                .anyMatch(p -> p.contains("operation-summary"))
                .anyMatch(p -> p.contains("security-defined"))
                .anyMatch(p -> p.contains("operation-4xx-response"));
    }

    @Test
    void aCleanDocumentPasses() throws Exception {
        Path clean = Files.writeString(dir.resolve("clean.json"), """
                {"openapi": "3.1.0",
                 "info": {"title": "Clean", "version": "1", "description": "A tiny clean document",
                          "license": {"name": "CC0-1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}},
                 "servers": [{"url": "/"}],
                 "security": [],
                 "paths": {
                   "/a": {"get": {"operationId": "a", "summary": "A", "description": "A",
                     "responses": {"200": {"description": "OK"}, "404": {"description": "Not found"}}}}}}
                """);

        Redocly.Result result = Redocly.lint(clean);

        assertThat(result.problems()).isEmpty();
        assertThat(result.clean()).isTrue();
    }
}
