package id.lindung.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * One throw-away PostgreSQL server for every Spring test context of the test JVM, and one database per context,
 * copied from a template migrated once ({@code CREATE DATABASE ... TEMPLATE}).
 *
 * <p>Each context used to start its own embedded server and run all migrations (the region reference data
 * alone takes 2-3 s): about 12-15 s of a context's start on 2 cores. A context now gets a database with the same
 * schema in well under a second, and the contexts stay as separate as before: no context sees another's rows.
 * The template is migrated by the first context's own Flyway configuration (its SQL and Java migrations), and
 * each context still runs Flyway, which finds nothing pending and validates the checksums.
 *
 * <p>Applies to {@code @SpringBootTest} contexts whose environment asks for the embedded server (the test profile)
 * and names no database ({@code LINDUNG_DB_URL} empty); everything else (an external server, the applications
 * that crash tests and benchmarks start as child processes) is left as it is. Registered in
 * {@code META-INF/spring.factories} of the test classpath. decisions.md: "The test suite: one server, a database per
 * context".
 */
public final class SharedPostgres implements ContextCustomizerFactory {

    private static final Logger log = LoggerFactory.getLogger(SharedPostgres.class);
    private static final String TEMPLATE = "lindung_template";
    private static final String USER = "postgres";
    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    private static EmbeddedPostgres server;
    private static boolean templateMigrated;

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return AnnotatedElementUtils.hasAnnotation(testClass, SpringBootTest.class) ? new Customizer() : null;
    }

    /** All instances equal: the customizer does not split the context cache. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ConfigurableEnvironment env = context.getEnvironment();
            String url = env.getProperty("spring.datasource.url", "");
            boolean embedded = env.getProperty("lindung.embedded-db.enabled", Boolean.class, false);
            String dataDir = env.getProperty("lindung.embedded-db.data-dir", "");
            // a reporting copy needs a primary with wal_level=logical: the application starts its own servers
            boolean reporting = env.getProperty("lindung.reporting.embedded", Boolean.class, false);
            if (!url.isBlank() || !embedded || !dataDir.isBlank() || reporting) {
                return;
            }
            EmbeddedPostgres postgres = server(env.getProperty("lindung.embedded-db.shared-buffers", "128MB"));
            String database = "lindung_ctx_" + CONTEXTS.incrementAndGet();
            env.getPropertySources()
                    .addFirst(new MapPropertySource(
                            "sharedPostgres",
                            Map.of(
                                    "spring.datasource.url",
                                    postgres.getJdbcUrl(USER, database),
                                    "spring.datasource.username",
                                    USER,
                                    "spring.datasource.password",
                                    "",
                                    "spring.datasource.hikari.pool-name",
                                    "lindung-embedded",
                                    "spring.datasource.hikari.maximum-pool-size",
                                    env.getProperty("lindung.embedded-db.pool-size", "20"),
                                    // contexts stay cached for the rest of the run: idle ones hold few connections of
                                    // the server
                                    "spring.datasource.hikari.minimum-idle",
                                    "2",
                                    "spring.datasource.hikari.idle-timeout",
                                    "30000")));
            context.getBeanFactory().registerSingleton("sharedPostgresMigration", (FlywayMigrationStrategy)
                    flyway -> migrate(flyway, database));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }

    private static synchronized EmbeddedPostgres server(String sharedBuffers) {
        if (server == null) {
            long started = System.nanoTime();
            try {
                // as platform.EmbeddedPostgresConfiguration starts a throw-away server, with room for the
                // connections of every cached context
                server = EmbeddedPostgres.builder()
                        .setCleanDataDirectory(true)
                        // stopped after the last context has closed (below), not by zonky's JVM hook, which would
                        // run beside Spring's and leave closing connection pools waiting
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "600")
                        .setServerConfig("shared_buffers", sharedBuffers)
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("The tests' embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres running = server;
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    running.close();
                } catch (IOException e) {
                    log.warn("The tests' embedded PostgreSQL did not stop cleanly", e);
                }
            });
            log.info(
                    "Shared test PostgreSQL started on port {} ({} ms)",
                    server.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return server;
    }

    /**
     * A new database on the shared server for an application started outside the Spring test framework (the
     * benchmark smoke runs): a copy of the template once a test context has migrated it, else empty (the application
     * migrates it). @return the arguments that point the application at it
     */
    public static List<String> freshDatabaseArgs() {
        EmbeddedPostgres postgres = server("128MB");
        String database = "lindung_app_" + CONTEXTS.incrementAndGet();
        synchronized (SharedPostgres.class) {
            execute("CREATE DATABASE " + database + (templateMigrated ? " TEMPLATE " + TEMPLATE : ""));
        }
        return List.of(
                "--spring.datasource.url=" + postgres.getJdbcUrl(USER, database),
                "--spring.datasource.username=" + USER,
                "--spring.datasource.password=");
    }

    /** Creates the context's database from the template (migrating the template first, once), then migrates it. */
    private static void migrate(Flyway flyway, String database) {
        synchronized (SharedPostgres.class) {
            long started = System.nanoTime();
            if (!templateMigrated) {
                execute("CREATE DATABASE " + TEMPLATE);
                Flyway.configure(flyway.getConfiguration().getClassLoader())
                        .configuration(flyway.getConfiguration())
                        .dataSource(server.getJdbcUrl(USER, TEMPLATE), USER, "")
                        .load()
                        .migrate();
                templateMigrated = true;
                log.info("Template database migrated ({} ms)", (System.nanoTime() - started) / 1_000_000);
            }
            execute("CREATE DATABASE " + database + " TEMPLATE " + TEMPLATE);
            log.info(
                    "Database {} created from the template ({} ms)",
                    database,
                    (System.nanoTime() - started) / 1_000_000);
        }
        flyway.migrate();
    }

    private static void execute(String sql) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
