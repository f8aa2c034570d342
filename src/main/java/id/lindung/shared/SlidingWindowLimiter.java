package id.lindung.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts attempts per key (a NIK's blind index, a client address, a phone's hash) within a sliding window, in memory,
 * and refuses an attempt once a key had its limit in the window. Forgets keys whose attempts are all older than the
 * window once it holds more than {@code maxKeys}. One node only: behind several nodes each counts its own (the
 * public pages' limiters say so in docs/decisions.md).
 */
public final class SlidingWindowLimiter {

    private final Clock clock;
    private final Duration window;
    private final int maxKeys;
    private final Map<String, Deque<Instant>> recent = new HashMap<>();

    public SlidingWindowLimiter(Clock clock, Duration window, int maxKeys) {
        this.clock = clock;
        this.window = window;
        this.maxKeys = maxKeys;
    }

    public Duration window() {
        return window;
    }

    /** Counts an attempt against a key unless it already had {@code limit} in the window; whether it was admitted. */
    public synchronized boolean admit(String key, int limit) {
        Instant now = clock.instant();
        Instant start = now.minus(window);
        if (recent.size() > maxKeys) {
            recent.values()
                    .removeIf(times -> times.isEmpty() || !times.peekLast().isAfter(start));
        }
        boolean[] admitted = {false};
        recent.compute(key, (k, times) -> {
            Deque<Instant> kept = times == null ? new ArrayDeque<>() : times;
            while (!kept.isEmpty() && !kept.peekFirst().isAfter(start)) {
                kept.pollFirst();
            }
            if (kept.size() < limit) {
                kept.addLast(now);
                admitted[0] = true;
            }
            return kept.isEmpty() ? null : kept;
        });
        return admitted[0];
    }
}
