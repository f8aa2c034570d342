package id.lindung.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Samples the total heap in use every 20 ms while a benchmark step runs (a pool's own peak says nothing about the
 * sum at one moment). Shared by the benchmarks: either start it before the step, interrupt and join it after and
 * read {@link #peak}, or let {@link #measure} do all of that around a step.
 */
final class HeapSampler extends Thread {

    final AtomicLong peak = new AtomicLong();
    private final MemoryMXBean memory;

    HeapSampler(MemoryMXBean memory) {
        super("heap-sampler");
        setDaemon(true);
        this.memory = memory;
    }

    @Override
    public void run() {
        while (!isInterrupted()) {
            peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * A measured step: its result, wall time, and heap in use before (after a GC), at its sampled peak, as the sum
     * of the per-pool peaks (an upper bound) and after the step and a GC.
     */
    static final class Measured<T> {
        final T value;
        final long millis;
        final long heapBefore;
        final long peakSampled;
        final long peakPools;
        final long heapAfterGc;

        Measured(T value, long millis, long heapBefore, long peakSampled, long peakPools, long heapAfterGc) {
            this.value = value;
            this.millis = millis;
            this.heapBefore = heapBefore;
            this.peakSampled = peakSampled;
            this.peakPools = peakPools;
            this.heapAfterGc = heapAfterGc;
        }
    }

    /**
     * Runs a step with the heap sampled; {@code afterStep} gets the step's milliseconds before the final GC (e.g. to
     * print the slowest statements).
     */
    static <T> Measured<T> measure(Callable<T> step, LongConsumer afterStep) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        var heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapSampler sampler = new HeapSampler(memory);
        sampler.start();
        long t0 = System.nanoTime();
        T value = step.call();
        long millis = (System.nanoTime() - t0) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        long poolPeaks =
                heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        afterStep.accept(millis);
        System.gc();
        long heapAfterGc = memory.getHeapMemoryUsage().getUsed();
        return new Measured<>(
                value, millis, heapBefore, Math.max(sampler.peak.get(), heapBefore), poolPeaks, heapAfterGc);
    }
}
