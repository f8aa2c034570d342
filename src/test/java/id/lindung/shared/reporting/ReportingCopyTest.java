package id.lindung.shared.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The reporting copy with two embedded servers, as in demo mode: what the primary writes reaches the copy, the
 * dashboard and the registry export read the copy, the page says how fresh it is, and the copy's connections cannot
 * write. The primary and the copy are this context's own throw-away servers (support.SharedPostgres steps aside: the
 * primary needs wal_level=logical).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lindung.reporting.embedded=true", "lindung.reporting.heartbeat=200ms"})
@ActiveProfiles("test")
// servers of its own: runs beside the other test classes, its methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class ReportingCopyTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @Autowired
    ReportingJdbc reporting;

    @Autowired
    JdbcClient primary;

    @Autowired
    ReportingCopy copy;

    @Autowired
    @Qualifier(ReportingConfiguration.READER_POOL)
    HikariDataSource readerPool;

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void writesReachTheCopy_theDashboardAndTheExportReadIt_andThePageSaysHowFresh() throws Exception {
        waitFor("the initial copy", reporting::onCopy);
        JdbcClient admin = JdbcClient.create(copy.admin());

        // a write on the primary reaches the copy
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        long first =
                ApiFixtures.participant(officer, "Salinan Pertama", LocalDate.of(1985, 3, 4), true, "61.04.01.2011");
        waitFor("the new participant on the copy", () -> count(admin, first) == 1);

        // the dashboard reads the copy: a cell that only the copy holds is what it shows
        YearMonth month = YearMonth.from(TestClock.DATE);
        admin.sql("INSERT INTO coverage_monthly (region_code, month, segment, channel, active)"
                        + " VALUES ('61.12', :month, 'INFORMAL', 'SELF', 4242)")
                .param("month", month.atDay(1))
                .update();
        assertThat(primary.sql("SELECT count(*) FROM coverage_monthly WHERE region_code = '61.12'")
                        .query(Long.class)
                        .single())
                .isZero();
        ApiClient analyst = ApiClient.as(port, "analis.provinsi");
        var dashboard = analyst.get("/api/coverage?region=61.12");
        assertThat(dashboard.status()).as(dashboard.text()).isEqualTo(200);
        assertThat(dashboard.json().path("total").path("active").asLong()).isEqualTo(4242);

        // the page says how fresh the copy is
        String page = analyst.getPage("/cakupan?wilayah=61.12").text();
        assertThat(page).containsPattern("id=\"freshness\"[^>]*>Data per \\d\\d:\\d\\d:\\d\\d WIB, \\d+ detik");
        assertThat(ApiClient.as(port, "analis.provinsi")
                        .getPage("/cakupan?wilayah=61.12&lang=en")
                        .text())
                .containsPattern("Figures as of \\d\\d:\\d\\d:\\d\\d WIB, \\d+ seconds ago");

        // with replication paused the export shows the copy as it was, and the freshness falls behind
        admin.sql("ALTER SUBSCRIPTION " + ReportingCopy.SUBSCRIPTION + " DISABLE")
                .update();
        long second =
                ApiFixtures.participant(officer, "Salinan Kedua", LocalDate.of(1986, 5, 6), true, "61.04.01.2011");
        Thread.sleep(2_500);
        String export = exportOf(analyst);
        assertThat(export).contains("Salinan Pertama").doesNotContain("Salinan Kedua");
        assertThat(reporting.freshness().orElseThrow().age()).isGreaterThan(Duration.ofSeconds(1));
        admin.sql("ALTER SUBSCRIPTION " + ReportingCopy.SUBSCRIPTION + " ENABLE")
                .update();
        waitFor("the second participant on the copy", () -> count(admin, second) == 1);
        assertThat(exportOf(analyst)).contains("Salinan Kedua");
        waitFor(
                "the freshness back under a second",
                () -> reporting.freshness().orElseThrow().age().compareTo(Duration.ofSeconds(1)) < 0);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theCopyIsReadOnly_evenForSomeoneWhoTurnsTheReadOnlyTransactionOff() throws Exception {
        waitFor("the initial copy", reporting::onCopy);
        JdbcClient reads = reporting.reads();
        assertThat(reads.sql("SELECT current_user").query(String.class).single())
                .isEqualTo(ReportingCopy.READER);
        assertThatThrownBy(() ->
                        reads.sql("UPDATE reporting_heartbeat SET beat = now()").update())
                .hasMessageContaining("read-only transaction");
        try (Connection c = readerPool.getConnection();
                Statement s = c.createStatement()) {
            c.setReadOnly(false);
            s.execute("SET default_transaction_read_only = off");
            s.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
            assertThatThrownBy(() -> s.execute("DELETE FROM participant")).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("CREATE TABLE intruder (x int)")).hasMessageContaining("denied");
            assertThatThrownBy(() -> s.execute("ALTER SUBSCRIPTION " + ReportingCopy.SUBSCRIPTION + " DISABLE"))
                    .hasMessageContaining("must be owner");
        }
    }

    private String exportOf(ApiClient client) {
        return new String(client.getBytes("/peserta/ekspor.csv?name=Salinan").body(), StandardCharsets.UTF_8);
    }

    private static long count(JdbcClient db, long participant) {
        return db.sql("SELECT count(*) FROM participant WHERE id = :id")
                .param("id", participant)
                .query(Long.class)
                .single();
    }

    /** Polls every 100 ms until the condition holds; fails after {@link #WAIT}. */
    /**
     * The copy's heartbeat thread is not an executor bean: one would make Spring Boot leave out its task executor, and
     * module listeners would each get a new thread (a 1,000,000-bill benchmark run showed "SimpleAsyncTaskExecutor"
     * threads) and could take over the scheduler of every scheduled job.
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theModuleListenersKeepSpringBootsPooledExecutor(
            @Autowired org.springframework.context.ApplicationContext context) {
        assertThat(context.getBean("applicationTaskExecutor"))
                .isInstanceOf(org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor.class);
        assertThat(context.getBeansOfType(java.util.concurrent.Executor.class).keySet())
                .containsExactlyInAnyOrder("applicationTaskExecutor", "taskScheduler");
    }

    static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", WAIT, what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
