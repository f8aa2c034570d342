package id.lindung.resilience;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ChildApplication;
import id.lindung.support.Chromium;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Date;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 8: the process is killed (SIGKILL) in the middle of a large piece of work — a KUR disbursement file, a
 * billing run, a bank payment file — and after a restart the work finishes, with no row lost or doubled (counts and
 * sums against what the file or the memberships say) and nothing left RUNNING.
 *
 * <p>The application under test runs as a child JVM ({@link ChildApplication}, the test's class path, profile
 * {@code test}), so it can be killed like a real process. The database is an embedded PostgreSQL server that this
 * test starts itself, as the platform module does (zonky binaries, a throw-away directory), with a database of its
 * own; the children get it as {@code LINDUNG_DB_URL}, so the kill does not touch it. The first child creates the
 * schema and the registry (the demo loader, through {@code ParticipantBulkLoader}: {@value #MEMBERS} participants);
 * the test then replaces the demo memberships by one BPU membership per participant whose bill is known
 * (set-based SQL, as the contribution benchmark does). Each child's sessions carry its name as
 * {@code application_name}: the test knows the work is mid-way by the statement the child's session is executing
 * ({@code pg_stat_activity}) and how far the table it writes has grown, or by the run's committed checkpoint, and
 * kills it there. It then starts a new child, ends the dead child's sessions (as the server would once a busy
 * session's statement ends: its transaction is rolled back), checks what the crash left, and finishes the work the
 * way a user would: the same file again, the same month again. The restarted child of one scenario is where the
 * next scenario's work starts and is killed (four starts, not six: a start takes 10-30 s here). Children's logs:
 * {@code <build dir>/crash-restart/*.log}.
 */
@Tag(Tags.CRASH)
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRestartTest {

    /** Participants and memberships (one BPU membership each) for the billing run and the payment file. */
    static final int MEMBERS = 30_000;
    /** Rows of the KUR file. */
    static final int KUR_ROWS = 150_000;
    /** Every this many rows of the KUR file breaks its scheme's plafond range (refused, listed as an error). */
    static final int KUR_BAD_EVERY = 997;
    /** Memberships per billing range (transaction); the application's default is 100,000. */
    static final int BILLING_BATCH = 2_000;
    /** The business clock's month (7 December 2026): the file pays the month's bills, nothing else is owed yet. */
    static final YearMonth MONTH = YearMonth.of(2026, 12);

    static final LocalDate PAID_ON = LocalDate.of(2026, 12, 5);
    /**
     * Every this many bills the payment file has a second line for the membership: money beyond the bill, which pays
     * ahead (January 2027 in full, Rp8.200 of February: two allocations).
     */
    static final int CREDIT_EVERY = 4;

    static final long CREDIT = 25_000;
    static final String KUR_HEADER = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code";
    static final int SIGKILL_EXIT = 128 + 9;
    static final String DATABASE = "lindung_crash";

    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private final List<ChildApplication> children = new java.util.ArrayList<>();
    /** The restarted child of the last scenario that passed: the next scenario starts its work on it. */
    private ChildApplication handedOver;

    private long killedAt;
    private Path logDir;
    private EmbeddedPostgres postgres;
    private HikariDataSource dataSource;
    private JdbcClient jdbc;
    private String dbUrl;

    @BeforeAll
    void databaseRegistryAndMemberships() throws Exception {
        logDir = Chromium.buildDir(CrashRestartTest.class).resolve("crash-restart");
        if (Files.isDirectory(logDir)) {
            FileSystemUtils.deleteRecursively(logDir);
        }
        // no Spring context here to set log levels: the server's and the pool's start-up chatter off
        for (String logger : List.of("io.zonky", "com.zaxxer.hikari")) {
            ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(logger))
                    .setLevel(ch.qos.logback.classic.Level.WARN);
        }
        long t0 = System.nanoTime();
        // as platform.EmbeddedPostgresConfiguration starts a throw-away server (tests)
        postgres = EmbeddedPostgres.builder()
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .setServerConfig("shared_buffers", "128MB")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
        dbUrl = postgres.getJdbcUrl("postgres", DATABASE);
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(dbUrl);
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(2);
        dataSource.setPoolName("crash-test");
        jdbc = JdbcClient.create(dataSource);

        // the first child migrates the empty database and loads the demo registry (bulk loader), without the demo's
        // memberships and their contribution history (this test writes its own)
        ChildApplication first = start(
                "kur-1",
                Map.of("lindung.demo.participants", Integer.toString(MEMBERS), "lindung.demo.memberships", "false"));
        assertThat(count("SELECT count(*) FROM participant_identity_v")).isEqualTo(MEMBERS);
        assertThat(count("SELECT count(*) FROM membership")).isZero();
        // one BPU membership (JKK, JKM) per participant from the billed month, declared income 1.0-5.0 million: its
        // bill is 1% JKK + Rp6,800 JKM, halved in December 2026 (PP 50/2025)
        long memberships = jdbc.sql("""
                INSERT INTO membership (participant_id, segment, channel, programmes, sector, government_paid,
                                        start_month, region_code)
                SELECT p.participant_id, 'BPU', 'AGENT', 'JKK,JKM', 'OTHER', FALSE, :month, p.region_code
                  FROM participant_identity_v p ORDER BY p.participant_id""").param("month", date(MONTH)).update();
        jdbc.sql("""
                INSERT INTO membership_base (membership_id, effective_from, amount)
                SELECT m.id, m.start_month, 1000000 + (m.id % 41) * 100000 FROM membership m""").update();
        jdbc.sql("VACUUM ANALYZE membership").update();
        jdbc.sql("VACUUM ANALYZE membership_base").update();
        assertThat(memberships).isEqualTo(MEMBERS);
        System.out.printf(
                "setup: database, schema, %,d participants (demo loader) and memberships in %,d ms%n",
                MEMBERS, (System.nanoTime() - t0) / 1_000_000);
        handedOver = first;
    }

    /** Kills every child but the one a passing scenario handed over to the next. */
    @AfterEach
    void killChildren() {
        children.stream().filter(c -> c != handedOver).forEach(ChildApplication::close);
        children.clear();
        if (handedOver != null) {
            children.add(handedOver);
        }
    }

    @AfterAll
    void killTheLastChildAndStopTheDatabase() throws Exception {
        children.forEach(ChildApplication::close);
        if (handedOver != null) {
            handedOver.close();
        }
        background.shutdownNow();
        if (dataSource != null) {
            dataSource.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    // -------------------------------------------------------------------------------------------- 1. KUR file

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(1)
    void killedDuringAKurImport_theSameFileAgainImportsEveryRowOnce() throws Exception {
        KurFile file = kurFile("CRASH-KUR-", KUR_ROWS);
        assertThat(file.good() + file.bad()).isEqualTo(KUR_ROWS);

        ChildApplication first = running("kur-1");
        long sizeBefore = count("SELECT pg_relation_size('kur_loan')");
        Future<Response> upload = background.submit(() -> admin(first)
                .postMultipart("/api/kur/files", Map.of(), "file", "kur-besar.csv", file.bytes(), "text/csv"));
        // killed while the loans are being written: the upsert runs and kur_loan has grown by 4 MB (about 15,000
        // loans, not committed)
        String seen = awaitStatement(
                first,
                upload,
                () -> count("SELECT pg_relation_size('kur_loan')") >= sizeBefore + (4 << 20),
                "INSERT INTO kur_loan");
        killMidWay(
                first,
                upload,
                seen + ", kur_loan grown by " + (count("SELECT pg_relation_size('kur_loan')") - sizeBefore >> 20)
                        + " MB");

        ChildApplication second = start("kur-2");
        // what the crash left, once the dead child's sessions have ended: nothing of the file (one
        // transaction, never committed)
        awaitSessionsEnded(first);
        assertThat(count("SELECT count(*) FROM kur_file WHERE sha256 = ?", file.sha256()))
                .as("the import committed before the kill: make the file bigger")
                .isZero();
        assertThat(count("SELECT count(*) FROM kur_loan WHERE loan_id LIKE 'CRASH-KUR-%'"))
                .isZero();
        Response again = admin(second)
                .postMultipart("/api/kur/files", Map.of(), "file", "kur-besar.csv", file.bytes(), "text/csv");
        assertThat(again.status()).as(again.text()).isEqualTo(201);
        assertThat(again.json().path("replayed").asBoolean()).isFalse();
        assertThat(again.json().path("rows").asInt()).isEqualTo(KUR_ROWS);
        assertThat(again.json().path("inserted").asInt()).isEqualTo(file.good());
        assertThat(again.json().path("rejected").asInt()).isEqualTo(file.bad());
        long fileId = again.json().path("fileId").asLong();
        Response replay = admin(second)
                .postMultipart("/api/kur/files", Map.of(), "file", "kur-besar.csv", file.bytes(), "text/csv");
        assertThat(replay.status()).as(replay.text()).isEqualTo(201);
        assertThat(replay.json().path("replayed").asBoolean()).isTrue();
        assertThat(replay.json().path("fileId").asLong()).isEqualTo(fileId);

        Map<String, Object> loans = jdbc.sql("""
                SELECT count(*) AS n, count(DISTINCT (bank_code, loan_id)) AS distinct_loans,
                       coalesce(sum(plafond), 0) AS plafond, count(*) FILTER (WHERE first_file_id = :file
                       AND last_file_id = :file) AS of_file
                  FROM kur_loan WHERE loan_id LIKE 'CRASH-KUR-%'""").param("file", fileId).query().singleRow();
        assertThat(loans)
                .containsEntry("n", (long) file.good())
                .containsEntry("distinct_loans", (long) file.good())
                .containsEntry("of_file", (long) file.good());
        assertThat(((Number) loans.get("plafond")).longValue()).isEqualTo(file.plafondSum());
        assertThat(count("SELECT count(*) FROM kur_file WHERE sha256 = ?", file.sha256()))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM kur_file_error WHERE file_id = ?", fileId))
                .isEqualTo(file.bad());
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE action = 'KUR_FILE_IMPORTED'"
                                + " AND changes->>'sha256' = ?",
                        file.sha256()))
                .isEqualTo(1);
        assertNothingLeftRunning();
        handedOver = second;
    }

    /** A KUR file: its bytes, SHA-256, rows that will be stored, rows refused and the stored rows' plafond sum. */
    record KurFile(byte[] bytes, String sha256, int good, int bad, long plafondSum) {}

    /**
     * {@code rows} loans (ids {@code prefix + i}) of Bank Kalbar and BRI in Ketapang, MIKRO, plafond 10,000,001 to
     * 100,000,000 except every {@value #KUR_BAD_EVERY}th row, whose 5,000,000 lies below the MIKRO range.
     */
    static KurFile kurFile(String prefix, int rows) throws Exception {
        StringBuilder csv = new StringBuilder(rows * 100).append(KUR_HEADER).append('\n');
        int good = 0;
        int bad = 0;
        long sum = 0;
        LocalDate born = LocalDate.of(1960, 1, 1);
        for (int i = 0; i < rows; i++) {
            LocalDate birth = born.plusDays(i % 14_600);
            boolean female = i % 2 == 1;
            String nik = Niks.of("610401", birth, female, 1 + i / 14_600);
            long plafond;
            if (i % KUR_BAD_EVERY == KUR_BAD_EVERY - 1) {
                plafond = 5_000_000;
                bad++;
            } else {
                plafond = 10_000_001 + (i * 7_919L) % 90_000_000;
                good++;
                sum += plafond;
            }
            csv.append(i % 3 == 0 ? "BRI" : "KALBAR")
                    .append(";Ketapang;")
                    .append(prefix)
                    .append(i)
                    .append(';')
                    .append(nik)
                    .append(";Debitur ")
                    .append(i)
                    .append(";MIKRO;")
                    .append(plafond)
                    .append(";2025-06-15;Perdagangan;61.04\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        return new KurFile(bytes, sha256(bytes), good, bad, sum);
    }

    // -------------------------------------------------------------------------------------------- 2. billing run

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(2)
    void killedDuringABillingRun_theRunIsMarkedInterruptedAndTheSameMonthAgainFinishesIt() throws Exception {
        assertThat(count("SELECT count(*) FROM billing_run WHERE period = ?", date(MONTH)))
                .as("the month is billed once, by this test")
                .isZero();
        long lastMembership = count("SELECT max(id) FROM membership");
        // killed once the committed checkpoint has passed 40% of the memberships (a range or more still to go)
        long killFrom = count("SELECT id FROM membership ORDER BY id OFFSET ? LIMIT 1", MEMBERS * 2 / 5);
        Map<String, Object> expected = jdbc.sql("""
                SELECT count(*) AS bills, sum((b.amount / 100 + 6800) / 2) AS total
                  FROM membership m JOIN membership_base b ON b.membership_id = m.id""").query().singleRow();
        long expectedBills = ((Number) expected.get("bills")).longValue();
        long expectedTotal = ((Number) expected.get("total")).longValue();
        assertThat(expectedBills).isEqualTo(MEMBERS);

        ChildApplication first = running("billing-1");
        Future<Response> run =
                background.submit(() -> admin(first).post("/api/billing-runs", json("period", MONTH.toString())));
        long checkpoint = await(first, run, "a billing checkpoint past membership " + killFrom, () -> {
            long c = count(
                    "SELECT coalesce(max(last_membership_id), 0) FROM billing_run WHERE period = ?"
                            + " AND status = 'RUNNING'",
                    date(MONTH));
            return c >= killFrom ? c : null;
        });
        killMidWay(first, run, "checkpoint " + checkpoint);

        // what the crash left: the run RUNNING (as the dead process left it) ...
        long runId = count("SELECT id FROM billing_run WHERE period = ?", date(MONTH));
        assertThat(jdbc.sql("SELECT status FROM billing_run WHERE id = ?")
                        .param(runId)
                        .query(String.class)
                        .single())
                .isEqualTo("RUNNING");

        ChildApplication second = start("billing-2");
        // ... and, once the dead child's sessions have ended, exactly the ranges it committed up to its
        // checkpoint; the range in flight left nothing
        awaitSessionsEnded(first);
        Map<String, Object> left = jdbc.sql("SELECT last_membership_id, bills_created FROM billing_run WHERE id = ?")
                .param(runId)
                .query()
                .singleRow();
        long leftAt = ((Number) left.get("last_membership_id")).longValue();
        assertThat(leftAt)
                .as("killed mid-run")
                .isGreaterThanOrEqualTo(checkpoint)
                .isLessThan(lastMembership);
        long committed = count("SELECT count(*) FROM membership WHERE id <= ?", leftAt);
        assertThat(((Number) left.get("bills_created")).longValue())
                .as("bills the run counted")
                .isEqualTo(committed);
        assertThat(count("SELECT count(*) FROM bill WHERE period = ?", date(MONTH)))
                .as("bills after the crash")
                .isEqualTo(committed);
        assertThat(count("SELECT count(*) FROM bill WHERE period = ? AND membership_id > ?", date(MONTH), leftAt))
                .as("bills of the range in flight")
                .isZero();
        System.out.printf(
                "billing run %d interrupted at membership %d of %d: %,d bills committed%n",
                runId, leftAt, lastMembership, committed);
        ApiClient admin = admin(second);
        // on start-up the new process marked the run interrupted: not shown as running forever
        Response runs = admin.get("/api/billing-runs");
        assertThat(runs.status()).isEqualTo(200);
        assertThat(runs.json().get(0).path("runId").asLong()).isEqualTo(runId);
        assertThat(runs.json().get(0).path("status").asString())
                .as("status after the restart")
                .isEqualTo("FAILED");
        assertThat(runs.json().get(0).path("error").asString()).startsWith("interrupted");

        Response resumed = admin.post("/api/billing-runs", json("period", MONTH.toString()));
        assertThat(resumed.status()).as(resumed.text()).isEqualTo(200);
        assertThat(resumed.json().path("runId").asLong())
                .as("the interrupted run resumed")
                .isEqualTo(runId);
        assertThat(resumed.json().path("status").asString()).isEqualTo("DONE");
        assertThat(resumed.json().path("billsCreated").asLong()).isEqualTo(expectedBills);
        assertThat(resumed.json().path("lastMembershipId").asLong()).isEqualTo(lastMembership);
        Response again = admin.post("/api/billing-runs", json("period", MONTH.toString()));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("billsCreated").asLong())
                .as("the month again creates nothing")
                .isZero();

        Map<String, Object> bills = jdbc.sql("""
                SELECT count(*) AS bills, count(DISTINCT membership_id) AS members, sum(amount) AS total,
                       count(*) FILTER (WHERE billing_run_id <> :run) AS other_run,
                       count(*) FILTER (WHERE status <> 'OPEN') AS not_open
                  FROM bill WHERE period = :month""")
                .param("month", date(MONTH))
                .param("run", runId)
                .query()
                .singleRow();
        assertThat(bills)
                .containsEntry("bills", expectedBills)
                .containsEntry("members", expectedBills)
                .containsEntry("other_run", 0L)
                .containsEntry("not_open", 0L);
        assertThat(((Number) bills.get("total")).longValue()).isEqualTo(expectedTotal);
        Map<String, Object> lines = jdbc.sql("""
                SELECT count(*) AS lines, sum(l.employer_amount + l.worker_amount) AS total
                  FROM bill_line l JOIN bill b ON b.id = l.bill_id WHERE b.period = ?""").param(date(MONTH)).query().singleRow();
        assertThat(lines).containsEntry("lines", 4 * expectedBills); // JKK, JKM and their PP 50/2025 discounts
        assertThat(((Number) lines.get("total")).longValue()).isEqualTo(expectedTotal);
        assertThat(count(
                        "SELECT count(*) FROM bill b WHERE b.period = ? AND b.amount <> (SELECT sum(l.employer_amount"
                                + " + l.worker_amount) FROM bill_line l WHERE l.bill_id = b.id)",
                        date(MONTH)))
                .as("bills whose amount is not the sum of their lines")
                .isZero();
        assertThat(jdbc.sql("SELECT status FROM billing_run WHERE period = ? ORDER BY id")
                        .param(date(MONTH))
                        .query(String.class)
                        .list())
                .containsExactly("DONE", "DONE");
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE action = 'BILLING_RUN_DONE' AND entity_id = ?",
                        Long.toString(runId)))
                .isEqualTo(1);
        assertNothingLeftRunning();
        handedOver = second;
    }

    // -------------------------------------------------------------------------------------------- 3. payment file

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(3)
    void killedDuringAPaymentFile_theSameFileAgainPaysEveryLineOnce() throws Exception {
        ChildApplication first = running("payments-1");
        if (count("SELECT count(*) FROM billing_run WHERE period = ? AND status = 'DONE'", date(MONTH)) == 0) {
            // run alone: the billing test bills the month otherwise
            Response billed = admin(first).post("/api/billing-runs", json("period", MONTH.toString()));
            assertThat(billed.status()).as(billed.text()).isEqualTo(200);
        }
        Map<String, Object> open = jdbc.sql("SELECT count(*) AS n, sum(amount) AS total FROM bill WHERE period = ?"
                        + " AND status = 'OPEN' AND paid = 0")
                .param(date(MONTH))
                .query()
                .singleRow();
        long bills = ((Number) open.get("n")).longValue();
        long billTotal = ((Number) open.get("total")).longValue();
        assertThat(bills).isEqualTo(MEMBERS);
        PaymentFile file = paymentFile();
        assertThat(file.lines()).isEqualTo(bills + (bills + CREDIT_EVERY - 1) / CREDIT_EVERY);
        assertThat(file.total()).isEqualTo(billTotal + file.credit());

        long sizeBefore = count("SELECT pg_relation_size('payment')");
        Future<Response> upload = background.submit(() -> admin(first)
                .postMultipart("/api/payment-files", Map.of(), "file", "bank-januari.csv", file.bytes(), "text/csv"));
        // past reading and checking the file: payments being recorded (payment grown by 1 MB, about 10,000 rows,
        // not committed) or allocated, bills being marked paid
        String seen = awaitStatement(
                first,
                upload,
                () -> count("SELECT pg_relation_size('payment')") >= sizeBefore + (1 << 20),
                "INSERT INTO payment (",
                "INSERT INTO payment_allocation",
                "UPDATE bill b SET paid",
                "INSERT INTO late_fine");
        killMidWay(first, upload, seen);

        ChildApplication second = start("payments-2");
        // what the crash left, once the dead child's sessions have ended: nothing of the file (one
        // transaction, never committed)
        awaitSessionsEnded(first);
        assertThat(count("SELECT count(*) FROM payment_file WHERE sha256 = ?", file.sha256()))
                .as("the file was applied before the kill: make it bigger")
                .isZero();
        assertThat(count("SELECT count(*) FROM payment WHERE idempotency_key LIKE 'CRASH-%'"))
                .isZero();
        assertThat(count("SELECT coalesce(sum(paid), 0) FROM bill WHERE period = ?", date(MONTH)))
                .isZero();

        Response again = admin(second)
                .postMultipart("/api/payment-files", Map.of(), "file", "bank-januari.csv", file.bytes(), "text/csv");
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json().path("replayed").asBoolean()).isFalse();
        assertThat(again.json().path("rows").asLong()).isEqualTo(file.lines());
        assertThat(again.json().path("applied").asLong()).isEqualTo(file.lines());
        assertThat(again.json().path("rejected").asLong()).isZero();
        assertThat(again.json().path("alreadyKnown").asLong()).isZero();
        assertThat(again.json().path("totalAmount").asLong()).isEqualTo(file.total());
        long fileId = again.json().path("fileId").asLong();
        Map<String, Object> before = accounts(fileId);
        Response replay = admin(second)
                .postMultipart("/api/payment-files", Map.of(), "file", "bank-januari.csv", file.bytes(), "text/csv");
        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        assertThat(replay.json().path("replayed").asBoolean()).isTrue();
        assertThat(replay.json().path("fileId").asLong()).isEqualTo(fileId);
        stop(second);

        Map<String, Object> accounts = accounts(fileId);
        assertThat(accounts).as("the replay changed nothing").isEqualTo(before);
        // the extra lines paid ahead: January 2027 in part, or in full and February in part (by the member's bill)
        long aheadBills = count("SELECT count(*) FROM bill WHERE period > ? AND paid > 0", date(MONTH));
        assertThat(count("SELECT coalesce(sum(paid), 0) FROM bill WHERE period > ?", date(MONTH)))
                .isEqualTo(file.credit());
        assertThat(accounts)
                .containsEntry("payments", file.lines())
                .containsEntry("paid", file.total())
                .containsEntry("keys", file.lines())
                .containsEntry("credit", 0L)
                .containsEntry("allocations", bills + aheadBills)
                .containsEntry("allocated", file.total())
                .containsEntry("bills_paid", bills)
                .containsEntry("bills_paid_sum", billTotal)
                .containsEntry("not_adding_up", 0L)
                .containsEntry("fines", 0L)
                .containsEntry("files", 1L);
        assertThat(count(
                        "SELECT count(*) FROM audit_log WHERE action = 'PAYMENT_FILE_APPLIED'"
                                + " AND changes->>'sha256' = ?",
                        file.sha256()))
                .isEqualTo(1);
        assertNothingLeftRunning();
    }

    /** A payment file: bytes, SHA-256, lines, total, and the part of it that is credit (no bill to pay). */
    record PaymentFile(byte[] bytes, String sha256, long lines, long total, long credit) {}

    /**
     * One line per open bill of the month for its amount, paid on the 5th (before the due date: no fines), and for
     * every {@value #CREDIT_EVERY}th bill a second line of Rp25,000 paid on the 6th (beyond the bill: it pays ahead). In a
     * bank's order, not the memberships'.
     */
    private PaymentFile paymentFile() throws Exception {
        StringBuilder csv = new StringBuilder("reference;membership_id;amount;paid_on\n");
        long[] totals = new long[4]; // lines, total, credit, bills
        jdbc.sql("SELECT id, membership_id, amount FROM bill WHERE period = ? AND status = 'OPEN'"
                        + " ORDER BY hashint8(id), id")
                .param(date(MONTH))
                .query(rs -> {
                    long bill = rs.getLong(1);
                    long membership = rs.getLong(2);
                    long amount = rs.getLong(3);
                    csv.append("CRASH-PAY-")
                            .append(bill)
                            .append(';')
                            .append(membership)
                            .append(';')
                            .append(amount)
                            .append(';')
                            .append(PAID_ON)
                            .append('\n');
                    totals[0]++;
                    totals[1] += amount;
                    if (totals[3]++ % CREDIT_EVERY == 0) {
                        csv.append("CRASH-CREDIT-")
                                .append(bill)
                                .append(';')
                                .append(membership)
                                .append(';')
                                .append(CREDIT)
                                .append(';')
                                .append(PAID_ON.plusDays(1))
                                .append('\n');
                        totals[0]++;
                        totals[1] += CREDIT;
                        totals[2] += CREDIT;
                    }
                });
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        return new PaymentFile(bytes, sha256(bytes), totals[0], totals[1], totals[2]);
    }

    private Map<String, Object> accounts(long fileId) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM payment WHERE payment_file_id = :file) AS payments,
                       (SELECT coalesce(sum(amount), 0)::bigint FROM payment WHERE payment_file_id = :file) AS paid,
                       (SELECT count(*) FROM payment WHERE idempotency_key LIKE 'CRASH-%') AS keys,
                       (SELECT coalesce(sum(unallocated), 0)::bigint FROM payment WHERE payment_file_id = :file)
                         AS credit,
                       (SELECT count(*) FROM payment_allocation a JOIN payment p ON p.id = a.payment_id
                         WHERE p.payment_file_id = :file) AS allocations,
                       (SELECT coalesce(sum(a.amount), 0)::bigint FROM payment_allocation a JOIN payment p
                           ON p.id = a.payment_id WHERE p.payment_file_id = :file) AS allocated,
                       (SELECT count(*) FROM bill WHERE period = :month AND status = 'PAID' AND paid = amount)
                         AS bills_paid,
                       (SELECT coalesce(sum(paid), 0)::bigint FROM bill WHERE period = :month) AS bills_paid_sum,
                       (SELECT count(*) FROM payment p WHERE p.payment_file_id = :file AND p.amount <> p.unallocated
                          + coalesce((SELECT sum(a.amount) FROM payment_allocation a WHERE a.payment_id = p.id), 0))
                         AS not_adding_up,
                       (SELECT count(*) FROM late_fine) AS fines,
                       (SELECT count(*) FROM payment_file) AS files""")
                .param("file", fileId)
                .param("month", date(MONTH))
                .query()
                .singleRow();
    }

    // -------------------------------------------------------------------------------------------- the child

    /** The child handed over by the previous scenario, or a new one. */
    private ChildApplication running(String name) {
        ChildApplication child = handedOver;
        handedOver = null;
        if (child != null && child.isAlive()) {
            System.out.printf("child %s goes on with the next scenario%n", child.name());
            return child;
        }
        return start(name);
    }

    private ChildApplication start(String name) {
        return start(name, Map.of());
    }

    private ChildApplication start(String name, Map<String, String> properties) {
        Map<String, String> all = new java.util.HashMap<>(properties);
        all.put("lindung.contribution.billing-batch-size", Integer.toString(BILLING_BATCH));
        ChildApplication child = ChildApplication.start(name, logDir, dbUrl, "postgres", "", all);
        children.add(child);
        return child;
    }

    private static ApiClient admin(ChildApplication child) {
        return ApiClient.as(child.port(), "admin");
    }

    /**
     * Waits until a session of the child is executing a statement that contains one of {@code fragments} and
     * {@code andThen} holds: the work is mid-way. @return the statement's start
     */
    private String awaitStatement(
            ChildApplication child, Future<Response> request, BooleanSupplier andThen, String... fragments) {
        Pattern any = Pattern.compile(String.join(
                "|", java.util.Arrays.stream(fragments).map(Pattern::quote).toList()));
        return await(
                child,
                request,
                "a statement with " + String.join(" or ", fragments),
                () -> jdbc
                        .sql("SELECT query FROM pg_stat_activity WHERE application_name = ? AND state = 'active'")
                        .param(child.name())
                        .query(String.class)
                        .list()
                        .stream()
                        .filter(q -> any.matcher(q).find())
                        .map(q -> q.replaceAll("\\s+", " ").trim())
                        .map(q -> q.substring(0, Math.min(60, q.length())))
                        .findFirst()
                        .filter(q -> andThen.getAsBoolean())
                        .orElse(null));
    }

    /** Polls {@code probe} every 10 ms until it answers (not null); fails if the request ends first. */
    private <T> T await(ChildApplication child, Future<Response> request, String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            T seen = probe.get();
            if (seen != null) {
                return seen;
            }
            if (request.isDone()) {
                throw new AssertionError(
                        "the request ended before " + what + " was seen: " + outcome(request) + "\n" + child.tail(30));
            }
            sleep(10);
        }
        throw new AssertionError("no " + what + " within 120 s; child log ends:\n" + child.tail(30));
    }

    /**
     * SIGKILL, and the child's database sessions ended; the request in flight fails (the connection died with the
     * process).
     */
    private void killMidWay(ChildApplication child, Future<Response> request, String seen) throws Exception {
        int exit = child.kill();
        killedAt = System.nanoTime();
        int ended = endSessions(child);
        System.out.printf("child %s killed (SIGKILL) at: %s; %d database sessions ended%n", child.name(), seen, ended);
        assertThat(exit).as("exit code of a SIGKILLed JVM").isEqualTo(SIGKILL_EXIT);
        try {
            Response r = request.get(30, TimeUnit.SECONDS);
            throw new AssertionError(
                    "the request was answered although the process was killed: " + r.status() + " " + r.text());
        } catch (ExecutionException expected) {
            // connection reset or closed by the dying process
        }
    }

    /**
     * Ends the killed child's database sessions. By itself the server notices a dead client only when the statement
     * a session is busy with ends and it tries to answer; then it rolls the transaction back. Ending them at once has
     * the same outcome (nothing of the open transaction stays) without waiting for the statement, which took up to
     * 10 s idle and over 120 s on a loaded machine. @return how many sessions were ended
     */
    private int endSessions(ChildApplication child) {
        // the pids first: in one statement the server may end sessions before it has filtered them by name
        List<Integer> pids = jdbc.sql("SELECT pid FROM pg_stat_activity WHERE application_name = ?")
                .param(child.name())
                .query(Integer.class)
                .list();
        pids.forEach(pid -> jdbc.sql("SELECT pg_terminate_backend(?)")
                .param(pid)
                .query(Boolean.class)
                .single());
        return pids.size();
    }

    /** Waits until the killed child's sessions, ended at the kill, are gone from the server. */
    private void awaitSessionsEnded(ChildApplication child) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (count("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?", child.name()) > 0) {
            assertThat(System.nanoTime())
                    .as("sessions of the killed child still open")
                    .isLessThan(deadline);
            sleep(50);
        }
        System.out.printf(
                "child %s: its database sessions gone by %d ms after the kill%n",
                child.name(), (System.nanoTime() - killedAt) / 1_000_000);
    }

    private static void stop(ChildApplication child) {
        int exit = child.stop();
        assertThat(exit).as("exit code of a graceful stop (SIGTERM)").isIn(0, 128 + 15);
    }

    /**
     * No billing run left RUNNING or FAILED, no transaction left open, no advisory lock held by anyone — once the
     * readers a billing run or a payment file sets off after its commit (coverage rebuild, KUR re-match, each under an
     * advisory lock of its own) have finished.
     */
    private void assertNothingLeftRunning() {
        assertThat(count("SELECT count(*) FROM billing_run WHERE status <> 'DONE'"))
                .isZero();
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                                    + " AND state LIKE 'idle in transaction%'"))
                            .isZero();
                    assertThat(count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
                            .isZero();
                });
    }

    private static String outcome(Future<Response> request) {
        try {
            Response r = request.get();
            return r.status() + " "
                    + r.text().substring(0, Math.min(300, r.text().length()));
        } catch (Exception e) {
            return e.toString();
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static Date date(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
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
