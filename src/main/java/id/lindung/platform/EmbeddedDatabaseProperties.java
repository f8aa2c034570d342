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
 * The embedded PostgreSQL server (zonky binaries), started when no external one is configured.
 *
 * @param dataDir where the server keeps its data between runs; empty for a throw-away server (the tests)
 * @param port fixed port, e.g. to look inside with psql; 0 for any free one
 * @param poolSize connections in the application's pool
 * @param sharedBuffers PostgreSQL {@code shared_buffers}
 */
@ConfigurationProperties("lindung.embedded-db")
@Validated
record EmbeddedDatabaseProperties(@Nullable String dataDir,
        @NotNull @Min(0) @Max(65535) Integer port, @DefaultValue("20") @Min(1) int poolSize,
        @DefaultValue("256MB") @NotBlank String sharedBuffers) {
}
