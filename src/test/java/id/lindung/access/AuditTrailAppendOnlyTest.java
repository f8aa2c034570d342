package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Audit lines cannot be changed or deleted through the application (V27): every UPDATE, DELETE and TRUNCATE sent
 * through the application's own DataSource is refused by the database, even one that matches no row, and the lines
 * stay as written. Inserting still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AuditTrailAppendOnlyTest {

    @Autowired
    DataSource dataSource;

    private JdbcClient jdbc;
    private long line;

    @BeforeEach
    void aLine() {
        jdbc = JdbcClient.create(dataSource);
        line = jdbc.sql("""
                INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, region_code, changes)
                VALUES (lindung_now(), 'petugas.ketapang', 'PARTICIPANT_VIEWED', 'participant', '1', '61.04', '{}')
                RETURNING id""").query(Long.class).single();
    }

    @Test
    void anUpdateIsRefused() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor = 'someone.else' WHERE id = ?")
                        .param(line)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() ->
                        jdbc.sql("UPDATE audit_log SET actor = 'x' WHERE false").update())
                .as("refused even when no row matches")
                .hasStackTraceContaining("append-only");
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE id = ?")
                        .param(line)
                        .query(String.class)
                        .single())
                .isEqualTo("petugas.ketapang");
    }

    @Test
    void aDeleteIsRefused() {
        long before = count();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = ?")
                        .param(line)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log").update()).hasStackTraceContaining("append-only");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aTruncateIsRefused() {
        long before = count();
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
                .isInstanceOf(DataAccessException.class)
                .hasStackTraceContaining("append-only");
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM audit_log").query(Long.class).single();
    }
}
