package id.lindung.bench;

import id.lindung.LindungApplication;
import id.lindung.access.LindungUser;
import id.lindung.demodata.DemoGeography;
import id.lindung.demodata.DemoRegistryGenerator;
import id.lindung.participant.BulkLoadResult;
import id.lindung.participant.BulkParticipant;
import id.lindung.participant.ParticipantBulkLoader;
import id.lindung.region.RegionDirectory;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Generates and bulk-loads a demo registry (default 1,000,000 participants) into a throw-away embedded PostgreSQL
 * and prints the time and the peak heap. Not a test; run it by hand (see docs/benchmarks.md):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx512m mvn -q -Dlindung.build.dir=target-bench test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.RegistryLoadBenchmark -Dexec.args=1000000
 * </pre>
 *
 * Arguments: the number of participants, then any {@code --property=value} for the application (e.g.
 * {@code --lindung.embedded-db.data-dir=/tmp/bench-pg} for a durable server with fsync on).
 */
public final class RegistryLoadBenchmark {

    private RegistryLoadBenchmark() {}

    public static void main(String[] args) throws Exception {
        long count = 1_000_000;
        List<String> appArgs = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--")) {
                appArgs.add(arg);
            } else {
                count = Long.parseLong(arg.replace("_", ""));
            }
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LindungApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "lindung.demo.participants=0",
                        // the application's default (the test profile halves it)
                        "lindung.embedded-db.shared-buffers=256MB")
                .run(appArgs.toArray(String[]::new));
        try {
            run(context, count);
        } finally {
            context.close();
        }
    }

    private static void run(ConfigurableApplicationContext context, long count) throws InterruptedException {
        RegionDirectory regions = context.getBean(RegionDirectory.class);
        ParticipantBulkLoader loader = context.getBean(ParticipantBulkLoader.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        if (!loader.isRegistryEmpty()) {
            throw new IllegalStateException("the registry is not empty; use a fresh data directory");
        }
        DemoGeography kalbar = DemoGeography.of(regions, "61");
        DemoRegistryGenerator generator = new DemoRegistryGenerator(kalbar, 61);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapSampler sampler = new HeapSampler(memory);
        sampler.start();

        long started = System.nanoTime();
        BulkLoadResult result = loader.load(generator.iterator(count), "benchmark, seed 61", LindungUser.SYSTEM);
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        sampler.interrupt();
        sampler.join();
        long poolPeaks =
                heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();

        // the generator alone, for the breakdown (its JIT is warm by now)
        long genStarted = System.nanoTime();
        Iterator<BulkParticipant> again = generator.iterator(count);
        long relatives = 0;
        while (again.hasNext()) {
            relatives += again.next().relatives().size();
        }
        long genElapsed = (System.nanoTime() - genStarted) / 1_000_000;

        long rows =
                jdbc.sql("SELECT count(*) FROM participant").query(Long.class).single();
        String size = jdbc.sql(
                        "SELECT pg_size_pretty(pg_total_relation_size('participant')"
                                + " + pg_total_relation_size('participant_relative') + pg_total_relation_size('umkm_business'))")
                .query(String.class)
                .single();
        long maxHeap = memory.getHeapMemoryUsage().getMax();
        System.out.printf(
                Locale.ROOT,
                """

                === Registry load benchmark ===
                participants          %,d (in table: %,d)
                family members        %,d
                UMKM businesses       %,d
                duplicate pairs       %,d
                generate + load       %,d ms  (%,.0f participants/s)
                generation alone      %,d ms  (second pass, warm JIT; %,d family members)
                heap before load      %,d MB
                peak heap (sampled)   %,d MB  (total used, sampled every 20 ms; max heap %,d MB)
                peak heap (pools)     %,d MB  (sum of per-pool peaks, an upper bound)
                tables on disk        %s
                processors            %d
                java                  %s
                """,
                result.participants(),
                rows,
                result.relatives(),
                result.businesses(),
                result.duplicatePairsFlagged(),
                elapsed,
                result.participants() * 1000.0 / Math.max(1, elapsed),
                genElapsed,
                relatives,
                heapBefore >> 20,
                sampler.peak.get() >> 20,
                maxHeap >> 20,
                poolPeaks >> 20,
                size,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
    }
}
