package id.lindung.contribution.snap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Per-bank limits on VA inquiries, so that a bank (or whoever holds its keys) cannot walk membership numbers to
 * collect masked names and amounts: at most {@link #INQUIRIES_PER_MINUTE} inquiries a minute, and none once
 * {@link #MISSES_PER_HOUR} inquiries in the last hour found no bill (unknown VA, ended membership, nothing owed).
 * Kept in memory per instance (docs/decisions.md, "SNAP for banks: payment, status, limits").
 */
@Component
class SnapLimits {

    static final int INQUIRIES_PER_MINUTE = 1_200;
    static final int MISSES_PER_HOUR = 60;
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final Duration HOUR = Duration.ofHours(1);

    private final Clock clock;
    private final Map<Long, Deque<Instant>> inquiries = new HashMap<>();
    private final Map<Long, Deque<Instant>> misses = new HashMap<>();

    SnapLimits(Clock clock) {
        this.clock = clock;
    }

    /** Counts an inquiry of the bank unless it is over a limit. */
    synchronized boolean admit(long clientId) {
        Instant now = clock.instant();
        Deque<Instant> missed = recent(misses, clientId, now.minus(HOUR));
        Deque<Instant> asked = recent(inquiries, clientId, now.minus(MINUTE));
        if (missed.size() >= MISSES_PER_HOUR || asked.size() >= INQUIRIES_PER_MINUTE) {
            return false;
        }
        asked.addLast(now);
        return true;
    }

    /** Counts an inquiry of the bank that found no bill. */
    synchronized void missed(long clientId) {
        misses.computeIfAbsent(clientId, id -> new ArrayDeque<>()).addLast(clock.instant());
    }

    private static Deque<Instant> recent(Map<Long, Deque<Instant>> times, long clientId, Instant since) {
        Deque<Instant> kept = times.computeIfAbsent(clientId, id -> new ArrayDeque<>());
        while (!kept.isEmpty() && !kept.peekFirst().isAfter(since)) {
            kept.pollFirst();
        }
        return kept;
    }
}
