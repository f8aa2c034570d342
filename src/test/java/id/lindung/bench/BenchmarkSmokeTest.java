package id.lindung.bench;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.SharedPostgres;
import id.lindung.support.Tags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every benchmark once at a small size, so that none rots unnoticed between the runs by hand (docs/benchmarks.md):
 * the same code, set-up checks and result checks as the big run, a few seconds each. Each runs on its own throw-away
 * database (most on the tests' shared server, see {@link #args}), with its business clock at a moment that used to break a benchmark: before the 15th (bills not yet due),
 * the last evening of a month, the first morning of a year. The sizes measure nothing; the figures stay in
 * docs/benchmarks.md.
 */
@Tag(Tags.BENCH_SMOKE)
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BenchmarkSmokeTest {

    /** The first morning of a month, before any bill of the month is due. */
    private static final String MONTH_START = "--lindung.clock.start=2026-12-01T08:00:00";
    /** The last evening of a month (17:00-24:00 UTC is already the next day in Asia/Pontianak). */
    private static final String MONTH_END = "--lindung.clock.start=2026-11-30T20:00:00";
    /** The first morning of a year. */
    private static final String YEAR_START = "--lindung.clock.start=2027-01-01T08:00:00";

    @TempDir
    Path dir;

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void kur() throws Exception {
        KurBenchmark.main(args("2000", "top=0", MONTH_START));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void contribution() throws Exception {
        ContributionBenchmark.main(args("2000", "top=0", MONTH_END));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void historyImport() throws Exception {
        HistoryImportBenchmark.main(args("2000", YEAR_START));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void coverage() throws Exception {
        CoverageBenchmark.main(args(
                "2000",
                "top=0",
                "projects=1000",
                "kurLoans=200",
                "rebuilds=1",
                "clients=1",
                "warmup=0",
                "duration=1",
                "serviceCalls=2",
                "explain=false",
                MONTH_START));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void registryLoad() throws Exception {
        RegistryLoadBenchmark.main(args("2000", MONTH_END));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void replicaLag() throws Exception {
        // servers of its own: the primary needs wal_level=logical, which the shared test server does not have
        ReplicaLagBenchmark.main(new String[] {"1000", "sample=100", "heartbeat=200ms", "catchUp=120", MONTH_END});
    }

    /**
     * The benchmark's arguments and a new database on the tests' shared server (support.SharedPostgres), instead of
     * a server of its own: the benchmark code runs as it does on its own server. Not for the registry HTTP benchmark
     * (its data directory and restarts are part of it) and the soak run (it counts the server's connections).
     */
    private static String[] args(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(SharedPostgres.freshDatabaseArgs());
        return all.toArray(String[]::new);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void snap() throws Exception {
        SnapBenchmark.main(args("1000", "rate=10", "duration=PT3S", "warmup=PT1S", "banks=2", "lag=10", "top=0"));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void dci() throws Exception {
        DciBenchmark.main(args(
                "1000",
                "batch=100",
                "batchRate=2",
                "singleRate=10",
                "duration=PT2S",
                "warmup=PT1S",
                "workers=4",
                "top=0",
                MONTH_START));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void outreach() throws Exception {
        OutreachBenchmark.main(args("1000", "emails=50", "deliverFor=PT30S"));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void enrolmentPolicy() throws Exception {
        EnrolmentPolicyBenchmark.main(args("n=20", "warmup=5", "rounds=1", "policyCalls=10000"));
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void registryHttp() throws Exception {
        RegistryHttpBenchmark.main(new String[] {
            "dataDir=" + dir.resolve("registry-db"),
            "participants=1000",
            "samples=50",
            "warmup=20",
            "requests=50",
            "clients=2",
            "serviceRequests=20",
            "startups=1",
            "lindung.crypto.keyring=" + dir.resolve("keyring.properties"),
            "lindung.clock.start=2026-12-01T08:00:00"
        });
        assertThat(Files.exists(dir.resolve("registry-db").resolve("postmaster.pid")))
                .as("the embedded server stopped")
                .isFalse();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void soak() throws Exception {
        assertThat(SoakBenchmark.run(
                        "duration=PT5S",
                        "warmup=PT1S",
                        "rate=10",
                        "participants=2000",
                        "kurLoans=200",
                        "workers=8",
                        "sample=PT5S",
                        "fullGc=0",
                        "throwAway=true",
                        "--lindung.crypto.keyring=" + dir.resolve("keyring.properties"),
                        MONTH_END))
                .as("soak run passed (no errors, see the output)")
                .isTrue();
    }
}
