package id.lindung.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps Spring Modulith's event publication registry ({@code event_publication}, this module's table) from growing
 * for ever: a publication whose listener completed is kept for {@code lindung.events.completed-retention} (default
 * 30 days, long enough to look into what a listener did last month) and then deleted, nightly at
 * {@code lindung.events.purge-cron} (WIB; {@code -} turns it off, the tests call {@link #purge}). Incomplete and
 * failed publications are never deleted here: they are republished at start-up and must stay until they succeed.
 * The cutoff comes from the business clock, the same clock the registry stamps completions with.
 */
@Component
class CompletedEventPurge {

    private static final Logger log = LoggerFactory.getLogger(CompletedEventPurge.class);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration retention;

    CompletedEventPurge(JdbcClient jdbc, Clock clock, EventProperties properties) {
        Duration retention = properties.completedRetention();
        if (retention.isNegative()) {
            throw new IllegalStateException("lindung.events.completed-retention must not be negative: " + retention);
        }
        this.jdbc = jdbc;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(cron = "${lindung.events.purge-cron}", zone = "Asia/Pontianak")
    void nightly() {
        purge();
    }

    /** Deletes the publications completed before now minus the retention. @return how many went */
    int purge() {
        Instant cutoff = clock.instant().minus(retention);
        int deleted = jdbc.sql("DELETE FROM event_publication WHERE completion_date < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
        log.info("Event publications completed before {}: {} deleted", cutoff, deleted);
        return deleted;
    }
}
