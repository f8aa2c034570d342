package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.LindungApplication;
import id.lindung.support.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded server keeps its data in the data directory: what one run wrote, the next run finds, and the
 * migrations do not run twice.
 */
@Tag(Tags.CRASH)
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LindungApplication.class)
                .profiles("test")
                .run("--lindung.embedded-db.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void dataSurvivesARestart() {
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            jdbc.sql("INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, changes)"
                            + " VALUES (lindung_now(), 'test', 'RESTART_PROBE', 'probe', '1', '{}')")
                    .update();
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'RESTART_PROBE'")
                            .query(Long.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM region").query(Long.class).single())
                    .isEqualTo(91_599);
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success")
                            .query(Long.class)
                            .single())
                    .isEqualTo(jdbc.sql("SELECT count(*) FROM flyway_schema_history")
                            .query(Long.class)
                            .single());
        }
    }
}
