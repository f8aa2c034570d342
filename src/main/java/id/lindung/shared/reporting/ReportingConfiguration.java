package id.lindung.shared.reporting;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link ReportingJdbc} for every module: on the primary alone by default; with a reporting copy configured, the copy
 * set up ({@link ReportingCopy}), its read-only pool and the primary's heartbeat.
 */
@Configuration(proxyBeanMethods = false)
class ReportingConfiguration {

    /** The read-only pool on the copy; not a candidate for plain DataSource injection (the primary stays that). */
    static final String READER_POOL = "reportingReaderPool";

    @Bean
    ReportingJdbc reportingJdbc(
            JdbcClient primary, Clock clock, @Qualifier(READER_POOL) ObjectProvider<DataSource> reader) {
        DataSource pool = reader.getIfAvailable();
        return pool == null
                ? ReportingJdbc.primaryOnly(primary, clock)
                : new ReportingJdbc(primary, JdbcClient.create(pool), clock);
    }

    /** The beans of a configured reporting copy. */
    @Configuration(proxyBeanMethods = false)
    @Conditional(Enabled.class)
    static class CopyConfiguration {

        private static final Logger log = LoggerFactory.getLogger(CopyConfiguration.class);

        @Bean(destroyMethod = "close")
        ReportingCopy reportingCopy(
                ReportingProperties properties,
                Environment environment,
                DataSource primary,
                Flyway flyway,
                ObjectProvider<FlywayMigrationInitializer> primaryMigrated)
                throws IOException, SQLException {
            primaryMigrated.getIfAvailable(); // the primary's migrations first
            ReportingCopy copy =
                    ReportingCopy.open(properties, environment.getProperty("lindung.embedded-db.data-dir", ""));
            try {
                HikariDataSource pool = primary.unwrap(HikariDataSource.class);
                copy.setUp(JdbcClient.create(primary), pool, flyway, properties.publisher());
            } catch (RuntimeException | SQLException e) {
                copy.close();
                throw e;
            }
            return copy;
        }

        @Bean(name = READER_POOL, destroyMethod = "close", defaultCandidate = false)
        HikariDataSource reportingReaderPool(ReportingCopy copy) {
            return copy.readerPool(10);
        }

        /**
         * Stamps the primary's heartbeat row now and every {@code lindung.reporting.heartbeat}. Its thread is held by
         * a {@link Heartbeat}, not published as an executor bean: an {@code Executor} bean would make Spring Boot
         * leave out its task executor (module listeners on a new thread each) and could become the scheduler of
         * every {@code @Scheduled} job.
         */
        @Bean(destroyMethod = "close")
        Heartbeat reportingHeartbeat(
                ReportingProperties properties, JdbcClient primary, Clock clock, ReportingCopy copy) {
            ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "reporting-heartbeat");
                t.setDaemon(true);
                return t;
            });
            Runnable stamp = () -> {
                try {
                    primary.sql("INSERT INTO reporting_heartbeat (id, beat) VALUES (1, :beat)"
                                    + " ON CONFLICT (id) DO UPDATE SET beat = excluded.beat")
                            .param("beat", OffsetDateTime.now(clock))
                            .update();
                } catch (RuntimeException e) {
                    log.warn("Reporting heartbeat not written: {}", e.getMessage());
                }
            };
            stamp.run();
            long millis = properties.heartbeat().toMillis();
            beat.scheduleWithFixedDelay(stamp, millis, millis, TimeUnit.MILLISECONDS);
            return new Heartbeat(beat);
        }
    }

    /** The heartbeat's thread, stopped with the application. */
    record Heartbeat(ScheduledExecutorService beat) implements AutoCloseable {
        @Override
        public void close() {
            beat.shutdownNow();
        }
    }

    /** A reporting copy is configured: {@code lindung.reporting.embedded} or {@code lindung.reporting.url}. */
    static final class Enabled implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment())
                    .bind("lindung.reporting", ReportingProperties.class)
                    .map(ReportingProperties::enabled)
                    .orElse(false);
        }
    }
}
