package id.lindung.bench;

import id.lindung.access.LindungUser;
import id.lindung.bench.ContributionBenchmark.TimedDataSource;
import id.lindung.bench.HeapSampler.Measured;
import id.lindung.kur.KurImportResult;
import id.lindung.kur.KurImports;
import id.lindung.kur.KurMatching;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A KUR disbursement file at scale (default 1,000,000 rows against 1,000,000 participants) on a throw-away embedded
 * PostgreSQL, against its floor: a plain COPY of the same file into an empty table of text columns. Not a test; run
 * it by hand (see docs/benchmarks.md):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -B -Dlindung.build.dir=target-kurbench test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.KurBenchmark "-Dexec.args=1000000 --server.port=0"
 * </pre>
 *
 * Steps: (setup, not measured) bulk-load N demo participants; BPU memberships with JKK for about 40% of them (one in
 * eight ended, the open ones billed for the two previous months and the current one, one in ten of those with the
 * last two open: in arrears, not protected); a file of N rows written to disk by {@code COPY ... TO}, one loan per
 * participant in a random order, about 70% with the participant's NIK and 30% with a valid NIK that is not in the
 * registry, schemes mixed
 * with plafonds inside their ranges except 0.5% above every range. (measured) the floor (COPY of the file into
 * {@code kur_floor}, ten text columns, through the pgjdbc CopyManager); {@code KurImports.importFile} of the file;
 * the same file again (a replay, must change nothing); {@code KurMatching.matchAll}; the floor once more (into a
 * second table) to see how much it varies. The import is checked against counts computed independently from the
 * floor table: rows in, rows refused, loans per match status.
 *
 * <p>Arguments, in any order: the number of participants and rows N; {@code top=n} (after each step, the n
 * statements that took the most time, default 15); {@code explain=ms} (auto_explain plans of statements slower than
 * ms, printed; slows the run); {@code file=path} (default: the temp directory; deleted afterwards unless
 * {@code keep=true}); {@code matchAll=false} to skip that step; any {@code --property=value} for the application.
 */
public final class KurBenchmark {

    /** An administrator of Kalimantan Barat (no bank): may import any bank's file. */
    static final LindungUser ADMIN = ContributionBenchmark.ADMIN;

    private static final String FLOOR_TABLE = "(bank text, branch text, loan_id text, nik text, name text,"
            + " scheme text, plafond text, disbursed_on text, sector text, region_code text)";

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final List<String[]> summary = new ArrayList<>();
    private int top = 15;

    private KurBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
    }

    public static void main(String[] args) throws Exception {
        ContributionBenchmark.Args a = ContributionBenchmark.Args.parse(args);
        String loadBefore = loadAverage();
        ConfigurableApplicationContext context = ContributionBenchmark.start(a.appArgs());
        try {
            new KurBenchmark(context).run(a.count(), a.options(), loadBefore);
        } finally {
            context.close();
        }
    }

    private void run(long count, Map<String, String> options, String loadBefore) throws Exception {
        System.out.printf(Locale.ROOT, "%n=== KUR benchmark: N=%,d, load average %s ===%n", count, loadBefore);

        // ------------------------------------------------------------------ setup (not measured)
        long loadMs = ContributionBenchmark.loadRegistry(context, count, "KUR benchmark");
        // the registry's NIKs are sealed: opened for the file and for the expected counts (no application code)
        OpenedNiks.into(context, "bench_participant_nik");
        long t0 = System.nanoTime();
        long[] enrolled = createMembershipsAndBills();
        long membershipMs = ms(t0);
        System.out.printf(
                Locale.ROOT,
                "setup: %,d BPU memberships with JKK (%,d ended), %,d bills (%,d open and" + " overdue) in %,d ms%n",
                enrolled[0],
                enrolled[1],
                enrolled[2],
                enrolled[3],
                membershipMs);

        Path file = options.containsKey("file")
                ? Path.of(options.get("file"))
                : Files.createTempFile("lindung-kur-", ".csv");
        boolean keep = Boolean.parseBoolean(options.getOrDefault("keep", "false"));
        try {
            t0 = System.nanoTime();
            long written = writeKurFile(file);
            System.out.printf(
                    Locale.ROOT,
                    "setup: KUR file %s: %,d rows, %,d bytes, written in %,d ms%n",
                    file,
                    written,
                    Files.size(file),
                    ms(t0));
            check(written == count, "rows in the KUR file", count, written);
            top = Integer.parseInt(options.getOrDefault("top", "15"));
            TimedDataSource.explain(context, Integer.parseInt(options.getOrDefault("explain", "-1")));
            runSteps(count, file, !"false".equals(options.get("matchAll")), loadMs, membershipMs, loadBefore);
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
            }
            TimedDataSource.explain(context, -1);
        }
    }

    private void runSteps(long count, Path file, boolean matchAll, long loadMs, long membershipMs, String loadBefore)
            throws Exception {
        // ------------------------------------------------------------------ 1. the floor
        jdbc.sql("CREATE TABLE kur_floor " + FLOOR_TABLE).update();
        Measured<Long> floor = measure(() -> copyFloor("kur_floor", file));
        check(floor.value == count, "rows copied into kur_floor", count, floor.value);
        addRow("floor: COPY into kur_floor", floor, floor.value + " rows");
        jdbc.sql("ANALYZE kur_floor").update();
        Map<String, Long> expected = expectedFromFloor();
        System.out.println("expected from kur_floor (independent SQL): " + expected);

        // ------------------------------------------------------------------ 2. the import
        KurImports imports = context.getBean(KurImports.class);
        Measured<KurImportResult> imported = measure(() -> importFile(imports, file));
        KurImportResult r = imported.value;
        System.out.printf(
                Locale.ROOT,
                "import: file %d, %,d rows, %,d inserted, %,d updated, %,d unchanged,"
                        + " %,d refused, replayed %s; first errors: %s%n",
                r.fileId(),
                r.rows(),
                r.inserted(),
                r.updated(),
                r.unchanged(),
                r.rejected(),
                r.replayed(),
                r.errors().stream()
                        .limit(3)
                        .map(e -> e.line() + " " + e.field() + " " + e.code())
                        .toList());
        long good = expected.get("good");
        check(!r.replayed(), "first import is not a replay", false, true);
        check(r.rows() == count, "rows read", count, r.rows());
        check(
                r.inserted() == good && r.updated() == 0 && r.unchanged() == 0,
                "inserted / updated / unchanged",
                good + "/0/0",
                r.inserted() + "/" + r.updated() + "/" + r.unchanged());
        check(r.rejected() == count - good, "rows refused", count - good, r.rejected());
        Map<String, Long> state = loanState();
        System.out.println("kur_loan: " + state);
        check(state.get("loans") == good, "rows in kur_loan", good, state.get("loans"));
        for (String k : List.of("matched", "PROTECTED", "LAPSED", "NOT_ENROLLED")) {
            check(state.get(k).equals(expected.get(k)), "loans " + k, expected.get(k), state.get(k));
        }
        check(
                state.get("PROTECTED") + state.get("LAPSED") + state.get("NOT_ENROLLED") == good,
                "statuses add up to the loans",
                good,
                state);
        check(state.get("errors") == count - good, "error rows listed", count - good, state.get("errors"));
        addRow("import (KurImports.importFile)", imported, r.inserted() + " in, " + r.rejected() + " refused");

        // ------------------------------------------------------------------ 3. the same file again
        Measured<KurImportResult> replay = measure(() -> importFile(imports, file));
        check(
                replay.value.replayed() && replay.value.fileId() == r.fileId(),
                "the same file is a replay",
                "replayed, file " + r.fileId(),
                replay.value.replayed() + ", file " + replay.value.fileId());
        Map<String, Long> afterReplay = loanState();
        check(afterReplay.equals(state), "nothing changed by the replay", state, afterReplay);
        addRow("same file again (replay)", replay, "replayed, 0 changed");

        // ------------------------------------------------------------------ 4. match every loan again
        if (matchAll) {
            KurMatching matching = context.getBean(KurMatching.class);
            Measured<Integer> all = measure(matching::matchAll);
            Map<String, Long> afterMatch = loanState();
            System.out.printf(Locale.ROOT, "matchAll: %,d loans changed%n", all.value);
            check(all.value == 0, "loans changed by matchAll (nothing happened since the import)", 0, all.value);
            for (String k : List.of("loans", "matched", "PROTECTED", "LAPSED", "NOT_ENROLLED")) {
                check(
                        afterMatch.get(k).equals(state.get(k)),
                        "after matchAll, loans " + k,
                        state.get(k),
                        afterMatch.get(k));
            }
            addRow("KurMatching.matchAll (every loan matched, none changed)", all, all.value + " changed");
        }

        // ------------------------------------------------------------------ 5. the floor again (variance)
        jdbc.sql("CREATE TABLE kur_floor2 " + FLOOR_TABLE).update();
        Measured<Long> floor2 = measure(() -> copyFloor("kur_floor2", file));
        addRow("floor again: COPY into kur_floor2", floor2, floor2.value + " rows");
        jdbc.sql("DROP TABLE kur_floor2").update();
        // the least any store of loans by key must do: the same COPY into a table with only the primary key
        jdbc.sql("CREATE TABLE kur_floor_keyed " + FLOOR_TABLE.replace(")", ", PRIMARY KEY (bank, loan_id))"))
                .update();
        Measured<Long> keyed = measure(() -> copyFloor("kur_floor_keyed", file));
        addRow("COPY into a table with a primary key", keyed, keyed.value + " rows");
        jdbc.sql("DROP TABLE kur_floor_keyed").update();
        jdbc.sql("DROP TABLE kur_floor").update();

        String sizes = jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('kur_loan')) || ' kur_loan, '"
                        + " || pg_size_pretty(pg_total_relation_size('participant')) || ' participant'")
                .query(String.class)
                .single();
        String server = jdbc.sql("SELECT 'PostgreSQL ' || current_setting('server_version') || ', shared_buffers '"
                        + " || current_setting('shared_buffers') || ', work_mem ' || current_setting('work_mem')")
                .query(String.class)
                .single();
        StringBuilder table = new StringBuilder();
        String format = "| %-34s | %9s | %7s | %-28s | %11s | %10s | %12s | %8s |%n";
        table.append(String.format(
                Locale.ROOT,
                format,
                "step",
                "time ms",
                "x floor",
                "rows",
                "heap before",
                "peak (smp)",
                "peak (pools)",
                "after GC"));
        for (String[] row : summary) {
            table.append(String.format(Locale.ROOT, format, (Object[]) row));
        }
        System.out.printf(
                Locale.ROOT,
                """

                === KUR benchmark: N=%,d, file %,d bytes ===
                setup (not measured)  participants %,d ms, memberships and bills %,d ms
                %s
                import / floor        %.2f x (goal: within 3 x); with the second floor %.2f x
                replay / floor        %.2f x
                heap: MB used; "peak (smp)" = total used sampled every 20 ms, "peak (pools)" = sum of per-pool
                peaks (an upper bound), "after GC" = in use after the step and a System.gc(); max heap %,d MB
                tables on disk        %s
                server                %s
                processors            %d
                java                  %s
                load average          before %s, after %s
                ALL CHECKS PASSED
                """,
                count,
                Files.size(file),
                loadMs,
                membershipMs,
                table,
                (double) imported.millis / floor.millis,
                (double) imported.millis / floor2.millis,
                (double) replay.millis / floor.millis,
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() >> 20,
                sizes,
                server,
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                loadBefore,
                loadAverage());
    }

    // ------------------------------------------------------------------------------------------------ setup

    /**
     * BPU memberships with JKK for about 40% of the participants (a hash of the id picks them), starting 3-38 months
     * ago by the business clock; one in eight ended (LAPSED) one to three months ago. Every open one has a bill for
     * each of the two previous months and the current one, due the 15th of its month (BPU); one in ten has the last
     * two still open: last month's is overdue on any day of this month, and the current month unpaid is not
     * protected (the ledger's rule, {@code contribution_protected_now_v}).
     *
     * @return memberships, ended, bills, bills open and overdue
     */
    private long[] createMembershipsAndBills() {
        long memberships = jdbc.sql("""
                INSERT INTO membership (participant_id, segment, channel, programmes, sector, government_paid,
                                        start_month, end_month, end_reason, ended_at, region_code)
                SELECT p.id, 'BPU',
                       CASE h.r % 3 WHEN 0 THEN 'SELF' WHEN 1 THEN 'AGENT' ELSE 'KUR_BANK' END,
                       CASE WHEN h.r % 5 = 0 THEN 'JKK,JKM,JHT' ELSE 'JKK,JKM' END, 'OTHER', FALSE,
                       (date_trunc('month', lindung_today()) - make_interval(months => 3 + h.s % 36))::date,
                       CASE WHEN h.r % 8 = 0
                            THEN (date_trunc('month', lindung_today())
                                  - make_interval(months => 1 + h.s % 3))::date END,
                       CASE WHEN h.r % 8 = 0 THEN 'LAPSED' END,
                       CASE WHEN h.r % 8 = 0 THEN lindung_now() END,
                       p.region_code
                  FROM participant p
                 CROSS JOIN LATERAL (SELECT ((hashint8(p.id)::bigint + 2147483648) % 1000)::int AS r,
                                            ((hashint8(p.id + 7919)::bigint + 2147483648) % 1000)::int AS s) h
                 WHERE h.r < 400
                 ORDER BY p.id""").update();
        long bills = jdbc.sql("""
                INSERT INTO bill (membership_id, period, due_date, amount, paid, status, province_code)
                SELECT m.id, b.period, b.period + 14, 16800,
                       CASE WHEN b.last AND m.id % 10 = 3 THEN 0 ELSE 16800 END,
                       CASE WHEN b.last AND m.id % 10 = 3 THEN 'OPEN' ELSE 'PAID' END, '61'
                  FROM membership m
                 CROSS JOIN LATERAL (VALUES
                         ((date_trunc('month', lindung_today()) - INTERVAL '2 months')::date, FALSE),
                         ((date_trunc('month', lindung_today()) - INTERVAL '1 month')::date, TRUE),
                         (date_trunc('month', lindung_today())::date, TRUE)) b(period, last)
                 WHERE m.end_month IS NULL
                 ORDER BY m.id, b.period""").update();
        jdbc.sql("VACUUM ANALYZE membership").update();
        jdbc.sql("VACUUM ANALYZE bill").update();
        jdbc.sql("VACUUM ANALYZE participant").update();
        long ended = jdbc.sql("SELECT count(*) FROM membership WHERE end_month IS NOT NULL")
                .query(Long.class)
                .single();
        long overdue = jdbc.sql("SELECT coalesce(sum(overdue_bills), 0) FROM contribution_overdue_v")
                .query(Long.class)
                .single();
        check(overdue > 0 || memberships < 100, "some bills overdue", "> 0", overdue);
        return new long[] {memberships, ended, bills, overdue};
    }

    /**
     * One loan per participant in a random order (hash of the id), written by COPY ... TO STDOUT straight to disk.
     * About 70% carry the participant's NIK and name (one in fifty of them with a name the registry does not have),
     * 30% a NIK of the same kecamatan and birth date with a serial from 5000 (valid, not in the registry). Schemes:
     * 30% Super Mikro (written "Super Mikro"), 50% Mikro, 15% Kecil, 3% Khusus, 2% PMI, plafonds in steps inside
     * their ranges; 0.5% with a plafond of Rp600,000,000, above every range. Disbursed in the last 900 days, in the
     * participant's kab/kota.
     *
     * @return rows written
     */
    private long writeKurFile(Path file) throws Exception {
        String select = """
                SELECT 'KALBAR' AS bank, 'Bank Kalbar ' || coalesce(k.name, p.kabkota_code) AS branch,
                       'KB-' || lpad(p.id::text, 10, '0') AS loan_id,
                       CASE WHEN h.a < 700 THEN n.nik
                            ELSE substr(n.nik, 1, 12) || lpad((5000 + h.b % 5000)::text, 4, '0') END AS nik,
                       CASE WHEN h.a < 700 AND h.b % 50 = 0 THEN p.full_name || ' Saputra' ELSE p.full_name END
                         AS name,
                       CASE WHEN h.c < 30 THEN 'Super Mikro' WHEN h.c < 80 THEN 'MIKRO' WHEN h.c < 95 THEN 'KECIL'
                            WHEN h.c < 98 THEN 'KHUSUS' ELSE 'PMI' END AS scheme,
                       CASE WHEN h.d % 200 = 0 THEN 600000000
                            WHEN h.c < 30 THEN 1000000 + (h.d % 19) * 500000
                            WHEN h.c < 80 THEN 10500000 + (h.d % 180) * 500000
                            WHEN h.c < 95 THEN 100500000 + (h.d % 800) * 500000
                            WHEN h.c < 98 THEN 5000000 + (h.d % 100) * 4950000
                            ELSE 5000000 + (h.d % 20) * 5000000 END AS plafond,
                       lindung_today() - (h.b % 900) AS disbursed_on,
                       (ARRAY['Perdagangan', 'Pertanian', 'Industri pengolahan', 'Perikanan',
                              'Jasa kemasyarakatan'])[1 + h.d % 5] AS sector,
                       p.kabkota_code AS region_code
                  FROM participant p
                  JOIN bench_participant_nik n ON n.id = p.id
                  LEFT JOIN region k ON k.code = p.kabkota_code
                 CROSS JOIN LATERAL (SELECT ((hashint8(p.id + 11)::bigint + 2147483648) % 1000)::int AS a,
                                            ((hashint8(p.id + 101)::bigint + 2147483648) % 100000)::int AS b,
                                            ((hashint8(p.id + 1009)::bigint + 2147483648) % 100)::int AS c,
                                            ((hashint8(p.id + 10007)::bigint + 2147483648) % 100000)::int AS d) h
                 ORDER BY hashint8(p.id + 3), p.id""";
        DataSource dataSource = context.getBean(DataSource.class);
        try (Connection connection = dataSource.getConnection();
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyOut("COPY (" + select + ") TO STDOUT (FORMAT csv, DELIMITER ';', HEADER)", out);
        }
    }

    private static KurImportResult importFile(KurImports imports, Path file) throws Exception {
        try (InputStream in = new FileInputStream(file.toFile())) {
            return imports.importFile(file.getFileName().toString(), in, ADMIN);
        }
    }

    /** The floor: the file as it is, into a table of text columns, one COPY (pgjdbc CopyManager, autocommit). */
    private long copyFloor(String table, Path file) throws Exception {
        DataSource dataSource = context.getBean(DataSource.class);
        try (Connection connection = dataSource.getConnection();
                InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16)) {
            return connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("COPY " + table + " FROM STDIN (FORMAT csv, HEADER true, DELIMITER ';')", in);
        }
    }

    /**
     * What the import must give, computed from the floor table without the application's code: rows whose plafond
     * lies in their scheme's range go in; each is PROTECTED when its NIK's participant has an open JKK membership
     * whose current month (business clock) is paid, LAPSED when it has a JKK membership otherwise, else NOT_ENROLLED.
     */
    private Map<String, Long> expectedFromFloor() {
        Map<String, Long> expected = new LinkedHashMap<>();
        jdbc.sql("""
                WITH f AS (
                  SELECT f.nik
                    FROM kur_floor f
                    JOIN kur_scheme_rule r ON r.scheme = upper(replace(f.scheme, ' ', '_'))
                   WHERE f.plafond::bigint BETWEEN r.plafond_min AND r.plafond_max),
                s AS (
                  SELECT p.id AS participant_id,
                         CASE WHEN p.id IS NULL THEN 'NOT_ENROLLED'
                              WHEN EXISTS (SELECT 1 FROM membership m
                                             JOIN bill b ON b.membership_id = m.id
                                                        AND b.period = date_trunc('month', lindung_today())
                                                        AND b.status = 'PAID'
                                            WHERE m.participant_id = p.id AND m.programmes LIKE '%JKK%'
                                              AND m.end_month IS NULL)
                                THEN 'PROTECTED'
                              WHEN EXISTS (SELECT 1 FROM membership m
                                            WHERE m.participant_id = p.id AND m.programmes LIKE '%JKK%')
                                THEN 'LAPSED'
                              ELSE 'NOT_ENROLLED' END AS status
                    FROM f LEFT JOIN bench_participant_nik p ON p.nik = f.nik)
                SELECT count(*) AS good, count(participant_id) AS matched,
                       count(*) FILTER (WHERE status = 'PROTECTED') AS protected,
                       count(*) FILTER (WHERE status = 'LAPSED') AS lapsed,
                       count(*) FILTER (WHERE status = 'NOT_ENROLLED') AS not_enrolled
                  FROM s""").query(rs -> {
            expected.put("good", rs.getLong(1));
            expected.put("matched", rs.getLong(2));
            expected.put("PROTECTED", rs.getLong(3));
            expected.put("LAPSED", rs.getLong(4));
            expected.put("NOT_ENROLLED", rs.getLong(5));
        });
        return expected;
    }

    /** Counts and a fingerprint of kur_loan and the files, to check results and that a step changed nothing. */
    private Map<String, Long> loanState() {
        Map<String, Long> state = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT count(*), count(participant_id),
                       count(*) FILTER (WHERE match_status = 'PROTECTED'),
                       count(*) FILTER (WHERE match_status = 'LAPSED'),
                       count(*) FILTER (WHERE match_status = 'NOT_ENROLLED'),
                       count(*) FILTER (WHERE mandatory), count(*) FILTER (WHERE name_mismatch),
                       count(*) FILTER (WHERE enrolled_at_disbursement),
                       coalesce(sum(hashtext(row_hash || last_file_id)), 0),
                       coalesce(extract(epoch FROM max(updated_at)) * 1000, 0)::bigint,
                       (SELECT count(*) FROM kur_file), (SELECT count(*) FROM kur_file_error)
                  FROM kur_loan""").query(rs -> {
            String[] names = {
                "loans",
                "matched",
                "PROTECTED",
                "LAPSED",
                "NOT_ENROLLED",
                "mandatory",
                "name_mismatch",
                "enrolled_at_disbursement",
                "fingerprint",
                "last_update_ms",
                "files",
                "errors"
            };
            for (int i = 0; i < names.length; i++) {
                state.put(names[i], rs.getLong(i + 1));
            }
        });
        return state;
    }

    // ------------------------------------------------------------------------------------------------ measuring

    private <T> Measured<T> measure(Callable<T> step) throws Exception {
        jdbc.sql("CHECKPOINT").update();
        TimedDataSource.STATS.clear();
        return HeapSampler.measure(step, millis -> {
            TimedDataSource.printTop(top, millis);
            long inStatements =
                    TimedDataSource.STATS.values().stream().mapToLong(v -> v[1]).sum() / 1_000_000;
            System.out.printf(
                    Locale.ROOT,
                    "  %,d ms outside the timed statements (reading, checking, COPY)%n",
                    millis - inStatements);
        });
    }

    /** A line of the summary: the step's time also as a multiple of the first floor (the goal's unit). */
    private void addRow(String step, Measured<?> m, String rows) {
        double floorMillis = summary.isEmpty() ? m.millis : Double.parseDouble(summary.get(0)[1].replace(",", ""));
        String[] row = {
            step,
            String.format(Locale.ROOT, "%,d", m.millis),
            String.format(Locale.ROOT, "%.2f", m.millis / Math.max(1.0, floorMillis)),
            rows,
            (m.heapBefore >> 20) + " MB",
            (m.peakSampled >> 20) + " MB",
            (m.peakPools >> 20) + " MB",
            (m.heapAfterGc >> 20) + " MB"
        };
        summary.add(row);
        System.out.println("MEASURED " + String.join(" | ", row));
    }

    private static void check(boolean ok, String what, Object expected, Object actual) {
        ContributionBenchmark.check(ok, what, expected, actual);
    }

    private static long ms(long startedNanos) {
        return ContributionBenchmark.ms(startedNanos);
    }

    private static String loadAverage() {
        return ContributionBenchmark.loadAverage();
    }
}
