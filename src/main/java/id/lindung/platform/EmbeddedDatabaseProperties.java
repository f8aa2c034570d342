package id.lindung.platform;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The embedded PostgreSQL server (zonky binaries), for demo mode and tests only.
 *
 * @param enabled start the embedded server when no external one is configured ({@code spring.datasource.url},
 *        environment {@code LINDUNG_DB_URL}); on in demo mode ({@code demo} profile, {@code mvn spring-boot:run})
 *        and in the tests, otherwise only when asked for ({@code LINDUNG_EMBEDDED_DB=true}). Off without a database
 *        URL, the start stops with a message naming the variables to set.
 * @param dataDir where the server keeps its data between runs; empty for a throw-away server (the tests)
 * @param port fixed port, e.g. to look inside with psql; 0 for any free one
 * @param poolSize connections in the application's pool
 * @param sharedBuffers PostgreSQL {@code shared_buffers}
 */
@ConfigurationProperties("lindung.embedded-db")
@Validated
record EmbeddedDatabaseProperties(
        @NotNull Boolean enabled,
        @Nullable String dataDir,
        @NotNull @Min(0) @Max(65535) Integer port,
        @DefaultValue("20") @Min(1) int poolSize,
        @DefaultValue("256MB") @NotBlank String sharedBuffers) {}
