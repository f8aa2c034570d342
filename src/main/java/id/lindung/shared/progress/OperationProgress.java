package id.lindung.shared.progress;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The operations in progress on this node, by user and the operation id the page sent (a UUID made in the browser):
 * only the user who started one reads it. Kept in memory, not in the database: an entry goes {@link #EXPIRY} after
 * its last report, and at most {@link #MAX_ENTRIES} are kept (beyond that new operations run without progress).
 * With several nodes, the request and its polls must reach the same node (sticky sessions), see docs/decisions.md.
 */
@Component
public class OperationProgress {

    static final Duration EXPIRY = Duration.ofMinutes(10);
    static final int MAX_ENTRIES = 10_000;
    private static final Pattern OPERATION_ID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final Map<String, Progress> operations = new ConcurrentHashMap<>();

    /**
     * The handle the work of {@code user}'s operation reports into; {@link Progress#none()} when the id is missing or
     * not a UUID, or too many operations are kept. Starting an id again starts it afresh.
     */
    public Progress start(String user, @Nullable String operationId) {
        if (operationId == null || !OPERATION_ID.matcher(operationId).matches()) {
            return Progress.none();
        }
        sweep();
        if (operations.size() >= MAX_ENTRIES) {
            return Progress.none();
        }
        Progress progress = new Progress();
        operations.put(key(user, operationId), progress);
        return progress;
    }

    /** The state of {@code user}'s operation; empty for an unknown or expired id and for another user's. */
    public Optional<Progress.State> state(String user, String operationId) {
        if (!OPERATION_ID.matcher(operationId).matches()) {
            return Optional.empty();
        }
        Progress progress = operations.get(key(user, operationId));
        if (progress == null || expired(progress, System.nanoTime())) {
            return Optional.empty();
        }
        return Optional.of(progress.state());
    }

    private void sweep() {
        long now = System.nanoTime();
        operations.values().removeIf(p -> expired(p, now));
    }

    private static boolean expired(Progress progress, long now) {
        return now - progress.touched() > EXPIRY.toNanos();
    }

    private static String key(String user, String operationId) {
        return user + '\n' + operationId.toLowerCase(java.util.Locale.ROOT);
    }
}
