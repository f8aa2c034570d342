package id.lindung.shared.reporting;

import static id.lindung.shared.reporting.ReportingCopyTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.LindungApplication;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reporting copy of demo mode kept between runs: a restart resumes replication without copying anything again,
 * and a copy whose schema is behind the primary's (as after an upgrade that brings a migration) is built again and
 * then holds the primary's rows. Both servers keep their data in a temporary directory, as {@code ./data/postgres}
 * and {@code ./data/postgres-reporting} in demo mode.
 */
// servers of its own: runs beside the other test classes (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class ReportingCopyRestartTest {

    @TempDir
    Path dir;

    private long subscription;

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aRestartResumes_andACopyBehindInSchemaIsBuiltAgain() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            ReportingJdbc reporting = app.getBean(ReportingJdbc.class);
            waitFor("the initial copy", reporting::onCopy);
            // a row only the copy holds: a copy built again would lose it
            copyOf(app)
                    .sql("INSERT INTO coverage_target (region_code, year, target, source)"
                            + " VALUES ('61.12', 2099, 1, 'only on the copy')")
                    .update();
            subscription = subscriptionOf(app);
        }
        try (ConfigurableApplicationContext app = start()) {
            ReportingJdbc reporting = app.getBean(ReportingJdbc.class);
            waitFor("the copy after a restart", reporting::onCopy);
            assertThat(markers(copyOf(app))).as("the copy was kept").isEqualTo(1);
            assertThat(subscriptionOf(app)).as("the same subscription").isEqualTo(subscription);
            app.getBean(JdbcClient.class)
                    .sql("INSERT INTO coverage_target (region_code, year, target, source)"
                            + " VALUES ('61.11', 2098, 2, 'on the primary')")
                    .update();
            waitFor("a write after the restart on the copy", () -> primaryRows(copyOf(app)) == 1);
            // the copy's schema falls behind: its latest migration undone, as if the primary had one more
            JdbcClient copy = copyOf(app);
            copy.sql("DROP TABLE reporting_heartbeat").update();
            copy.sql("DELETE FROM flyway_schema_history WHERE version = '96'").update();
        }
        try (ConfigurableApplicationContext app = start()) {
            ReportingJdbc reporting = app.getBean(ReportingJdbc.class);
            waitFor("the copy built again", reporting::onCopy);
            assertThat(markers(copyOf(app))).as("the copy was built again").isZero();
            assertThat(subscriptionOf(app)).as("a new subscription").isNotEqualTo(subscription);
            assertThat(primaryRows(copyOf(app))).as("the primary's rows copied").isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LindungApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--lindung.embedded-db.data-dir=" + dir.resolve("postgres"),
                        "--lindung.reporting.embedded=true",
                        "--lindung.reporting.heartbeat=200ms");
    }

    private static JdbcClient copyOf(ConfigurableApplicationContext app) {
        return JdbcClient.create(app.getBean(ReportingCopy.class).admin());
    }

    private static long subscriptionOf(ConfigurableApplicationContext app) {
        return copyOf(app)
                .sql("SELECT oid::bigint FROM pg_subscription WHERE subname = :s")
                .param("s", ReportingCopy.SUBSCRIPTION)
                .query(Long.class)
                .single();
    }

    private static long markers(JdbcClient copy) {
        return copy.sql("SELECT count(*) FROM coverage_target WHERE region_code = '61.12' AND year = 2099")
                .query(Long.class)
                .single();
    }

    private static long primaryRows(JdbcClient copy) {
        return copy.sql("SELECT count(*) FROM coverage_target WHERE region_code = '61.11' AND year = 2098")
                .query(Long.class)
                .single();
    }
}
