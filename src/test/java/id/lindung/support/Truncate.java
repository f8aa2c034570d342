package id.lindung.support;

import java.time.Duration;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties tables between tests while the previous test's asynchronous listeners (coverage read model, KUR re-match)
 * may still be reading them: waits (at most five seconds) for the published events to be handled, then truncates,
 * trying again when PostgreSQL chose the truncate as a deadlock's victim (a listener's read lock against the
 * truncate's exclusive lock, taken in another order).
 */
public final class Truncate {

    private Truncate() {}

    public static void tables(JdbcClient jdbc, String tables) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until
                && jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date" + " IS NULL")
                                .query(Long.class)
                                .single()
                        > 0) {
            sleep(50);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql("TRUNCATE " + tables + " CASCADE").update();
                return;
            } catch (PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
                sleep(100L * attempt);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
