package id.lindung.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts an embedded PostgreSQL server (zonky binaries) when no external server is configured, that is when
 * {@code spring.datasource.url} (environment {@code LINDUNG_DB_URL}) is empty, and the embedded server is asked
 * for ({@code lindung.embedded-db.enabled}: demo mode, the tests, or {@code LINDUNG_EMBEDDED_DB=true}). Neither:
 * {@link MissingDatabaseConfiguration} stops the start.
 *
 * <p>With a data directory the server keeps its data between runs; without one it runs in a throw-away
 * directory, which is what the tests use.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${lindung.embedded-db.enabled}")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, Environment environment)
            throws IOException {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                // Spring stops the server (destroyMethod) after everything that still needs the database has
                // closed; zonky's own JVM hook would stop it first and leave those waiting for a connection.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", properties.sharedBuffers());
        if (environment.getProperty("lindung.reporting.embedded", Boolean.class, false)
                || !environment.getProperty("lindung.reporting.url", "").isBlank()) {
            // a reporting copy subscribes to this server (shared.reporting): logical decoding needs it
            builder.setServerConfig("wal_level", "logical");
        }
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        String dataDir = properties.dataDir();
        if (dataDir == null || dataDir.isBlank()) {
            // throw-away server: nothing to keep, so durability can go for speed
            builder.setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        } else {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info(
                "Embedded PostgreSQL started on port {} ({} ms, data: {})",
                postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000,
                dataDir == null || dataDir.isBlank()
                        ? "throw-away"
                        : Path.of(dataDir).toAbsolutePath());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabaseProperties properties) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        ds.setUsername("postgres");
        ds.setPoolName("lindung-embedded");
        ds.setMaximumPoolSize(properties.poolSize());
        return ds;
    }
}
