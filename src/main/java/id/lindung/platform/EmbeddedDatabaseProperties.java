package id.lindung.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server.
 *
 * @param dataDir where the server keeps its data; empty for a throw-away server
 * @param port fixed port, or 0 for any free one
 * @param poolSize connections in the pool
 * @param sharedBuffers PostgreSQL {@code shared_buffers}
 */
@ConfigurationProperties("lindung.embedded-db")
record EmbeddedDatabaseProperties(String dataDir, @DefaultValue("0") int port, @DefaultValue("20") int poolSize,
        @DefaultValue("256MB") String sharedBuffers) {
}
