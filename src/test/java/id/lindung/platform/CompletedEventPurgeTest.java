package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Completed event publications go after the configured retention (30 days), by the business clock; recent ones,
 * and incomplete or failed ones however old, stay.
 */
@SpringBootTest
@ActiveProfiles("test")
class CompletedEventPurgeTest {

    @Autowired
    CompletedEventPurge purge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void publicationsCompletedLongerAgoThanTheRetentionAreDeleted() {
        Instant now = clock.instant();
        UUID old = publication(
                now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(30)).minusSeconds(60), "COMPLETED");
        UUID recent = publication(now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(29)), "COMPLETED");
        UUID incomplete = publication(now.minus(Duration.ofDays(90)), null, "PUBLISHED");
        UUID failed = publication(now.minus(Duration.ofDays(90)), null, "FAILED");

        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT id FROM event_publication WHERE id IN (?, ?, ?, ?)")
                        .params(old, recent, incomplete, failed)
                        .query(UUID.class)
                        .list())
                .containsExactlyInAnyOrder(recent, incomplete, failed);
        assertThat(purge.purge()).as("nothing left to delete").isZero();
    }

    private UUID publication(Instant published, @Nullable Instant completed, String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                               completion_date, status, completion_attempts)
                VALUES (?, 'test.listener', 'test.Event', ?, ?, ?, ?, 1)""")
                .params(
                        id,
                        "{\"id\":\"" + id + "\"}",
                        Timestamp.from(published),
                        completed == null ? null : Timestamp.from(completed),
                        status)
                .update();
        return id;
    }
}
