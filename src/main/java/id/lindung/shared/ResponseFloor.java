package id.lindung.shared;

import java.time.Duration;

/**
 * Makes an answer take at least a floor of time from its start, so that a lookup that finds a row and one that does
 * not look alike from outside (the public check, the worker's sign-in).
 */
public final class ResponseFloor {

    private ResponseFloor() {}

    /** Sleeps what is left of {@code floor} since {@code startedNanos} ({@link System#nanoTime()}). */
    public static void padTo(long startedNanos, Duration floor) {
        long left = floor.toNanos() - (System.nanoTime() - startedNanos);
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
