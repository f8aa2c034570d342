package id.lindung.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.jspecify.annotations.Nullable;

/**
 * An open-model load run shared by the SNAP and DCI benchmarks: request {@code i} is handed at exactly
 * {@code start + i / rate} by one dispatcher thread to a pool of workers, so a slow answer does not hold the next
 * request back, and its latency runs from that scheduled time to the end of its call (queueing counts). From the first
 * request of the measured phase (after the warm-up) on, {@link ContributionBenchmark.TimedDataSource}'s statement
 * times are counted afresh.
 */
final class OpenLoad {

    private OpenLoad() {}

    /**
     * What a run left: per request its latency (nanoseconds; -1: never finished, counted as failed) and whether it
     * failed, a few failures, when it started, how long the measured phase took, the dispatcher's largest lag and the
     * most requests in flight.
     */
    record Run(
            long[] latency,
            boolean[] failed,
            List<String> failures,
            long start,
            int firstMeasured,
            long measuredNanos,
            long maxLag,
            int maxInFlight) {}

    /**
     * Sends {@code total} requests at {@code rate} a second from {@code workers} threads named {@code thread};
     * {@code send} makes call {@code i} and answers null when it was right, else what was wrong. Waits {@code grace}
     * after the last was handed over; what has not finished by then is abandoned. {@code start}, before the first
     * request, is given to {@code beforeStart} (e.g. for a sampler of the measured phase).
     */
    static Run run(
            String thread,
            int total,
            double rate,
            Duration warmup,
            int workers,
            Duration grace,
            java.util.function.LongConsumer beforeStart,
            IntFunction<@Nullable String> send)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, thread);
            t.setDaemon(true);
            return t;
        });
        long[] latency = new long[total];
        boolean[] failed = new boolean[total];
        Arrays.fill(latency, -1);
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        long measureFrom = warmup.toNanos();
        long start = System.nanoTime() + 200_000_000L;
        beforeStart.accept(start);
        long maxLag = 0;
        boolean cleared = false;
        for (int i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / rate);
            if (!cleared && due - start >= measureFrom) {
                ContributionBenchmark.TimedDataSource.STATS.clear(); // from here on, the measured phase's statements
                cleared = true;
            }
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            int index = i;
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            pool.execute(() -> {
                try {
                    String failure = send.apply(index);
                    if (failure != null) {
                        failed[index] = true;
                        if (failures.size() < 10) {
                            failures.add(failure);
                        }
                    }
                } finally {
                    latency[index] = System.nanoTime() - due;
                    inFlight.decrementAndGet();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
            pool.shutdownNow(); // bounded: what was not even sent by now counts as unanswered
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        for (int i = 0; i < total; i++) {
            failed[i] |= latency[i] < 0;
        }
        return new Run(
                latency,
                failed,
                List.copyOf(failures),
                start,
                (int) Math.ceil(measureFrom * rate / 1e9),
                System.nanoTime() - start - measureFrom,
                maxLag,
                maxInFlight.get());
    }
}
