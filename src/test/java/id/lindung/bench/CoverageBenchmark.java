package id.lindung.bench;

import id.lindung.access.ApiTokens;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.bench.ContributionBenchmark.TimedDataSource;
import id.lindung.bench.HeapSampler.Measured;
import id.lindung.bench.HttpLoad.Result;
import id.lindung.coverage.CoverageDashboards;
import id.lindung.coverage.CoverageReadModel;
import id.lindung.coverage.CoverageReadModel.RebuildResult;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Date;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The UCJ coverage dashboard (issue 6) at scale on a throw-away embedded PostgreSQL: 1,000,000 participants with
 * memberships spread over the last six years (most of them started in the last 30 months, with growth), the full
 * rebuild of the read model and the dashboard over HTTP under load. Goals: rebuild under 10 s, dashboard p95 under
 * 100 ms on 2 cores. Not a test; run it by hand (see docs/benchmarks.md):
 *
 * <pre>
 * MAVEN_OPTS=-Xmx1g mvn -q -B -Dlindung.build.dir=target-covbench test-compile \
 *   org.codehaus.mojo:exec-maven-plugin:3.5.0:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=id.lindung.bench.CoverageBenchmark "-Dexec.args=1000000"
 * </pre>
 *
 * Steps: (setup, not measured) bulk-load N demo participants; per kab/kota 40 employers and 10 contractors;
 * {@code projects} construction projects (10-199 workers, 3-17 months, started in the last 30 months) each with its
 * JAKON membership (ended when the project's last month has passed); one membership for 88% of the participants
 * (1% PMI, 32% PU with an employer of their kab/kota, 55% BPU through SELF, AGENT, KUR_BANK or GOV_SPONSOR), a
 * quarter of them started 31-72 months ago and the rest in the last 30 months, more of them recently; 15% ended at a
 * month between their start and now; {@code kurLoans} KUR loans of participants. (measured) {@code rebuilds} full
 * rebuilds of the read model, checked against counts computed here straight from {@code membership}; then the
 * dashboard API ({@code /api/coverage}, bearer token) and pages ({@code /cakupan}, session cookie) under load: a
 * warm-up, then {@code duration} seconds for each number of concurrent {@code clients}; then the same dashboards as
 * service calls (no HTTP) and the plans of the dashboard's statements (auto_explain).
 *
 * <p>Arguments, in any order: N (default 1,000,000); {@code key=value} options: {@code projects} (3000),
 * {@code kurLoans} (300000), {@code rebuilds} (3), {@code clients} (1,4,8), {@code duration} (30 s per phase),
 * {@code warmup} (10 s), {@code serviceCalls} (20 per kind), {@code top} (statements listed per step, 12),
 * {@code explain=false} (no plans), {@code pages=false} (API only),
 * {@code pause=s} (keep the app and database up that long at the end, for psql), {@code seed} (61); any
 * {@code --property=value} for the application.
 */
public final class CoverageBenchmark {

    static final LindungUser ADMIN = ContributionBenchmark.ADMIN;
    /** The dashboard's main audience: a government analyst of the province. */
    private static final String ANALYST = "analis.provinsi";

    private static final String PROVINCE = "61";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The p95 goal of the issue, ms. */
    private static final double GOAL_P95_MS = 100;
    /** The rebuild goal of the issue, ms. */
    private static final long GOAL_REBUILD_MS = 10_000;
    /** Membership segment and the coverage segment it counts in (PMI count in none). */
    private static final String[][] SEGMENTS = {{"PU", "FORMAL"}, {"BPU", "INFORMAL"}, {"JAKON", "CONSTRUCTION"}};

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final Map<String, String> options;
    private final List<String[]> rebuildRows = new ArrayList<>();
    private final List<String[]> httpRows = new ArrayList<>();
    private final List<String[]> serviceRows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int top;

    private CoverageBenchmark(ConfigurableApplicationContext context, Map<String, String> options) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.options = options;
        this.top = Integer.parseInt(options.getOrDefault("top", "12"));
    }

    public static void main(String[] args) throws Exception {
        ContributionBenchmark.Args a = ContributionBenchmark.Args.parse(args);
        List<String> appArgs = new ArrayList<>(a.appArgs());
        if (appArgs.stream().noneMatch(arg -> arg.startsWith("--server.port="))) {
            appArgs.add("--server.port=0"); // a free port: application.properties names 8080, which beats a default
        }
        String loadBefore = ContributionBenchmark.loadAverage();
        ConfigurableApplicationContext context = ContributionBenchmark.start(appArgs);
        try {
            new CoverageBenchmark(context, a.options()).run(a.count(), loadBefore);
        } finally {
            TimedDataSource.explain(context, -1);
            context.close();
        }
    }

    private String option(String key, String fallback) {
        return options.getOrDefault(key, fallback);
    }

    private int intOption(String key, int fallback) {
        return Integer.parseInt(option(key, Integer.toString(fallback)));
    }

    private void run(long count, String loadBefore) throws Exception {
        System.out.printf(Locale.ROOT, "%n=== Coverage benchmark: N=%,d, load average %s ===%n", count, loadBefore);
        long setupStarted = System.nanoTime();
        setup(count);
        long setupMs = ContributionBenchmark.ms(setupStarted);
        notes.add(String.format(
                Locale.ROOT,
                "Setup (not measured): %.0f s. Load average before the run: %s.",
                setupMs / 1e3,
                loadBefore));

        // ------------------------------------------------------------------ 1. full rebuilds
        CoverageReadModel readModel = context.getBean(CoverageReadModel.class);
        // the application started on an empty database and published its ended months empty; the data above stands
        // for a registry that was there before them, so the first rebuild publishes them (later ones find no revision)
        jdbc.sql("TRUNCATE coverage_published, coverage_published_month, coverage_revision")
                .update();
        int rebuilds = intOption("rebuilds", 3);
        List<Long> walls = new ArrayList<>();
        RebuildResult last = null;
        for (int run = 1; run <= rebuilds; run++) {
            jdbc.sql("CHECKPOINT").update();
            String load = ContributionBenchmark.loadAverage();
            TimedDataSource.STATS.clear();
            Measured<RebuildResult> m =
                    HeapSampler.measure(readModel::rebuild, millis -> TimedDataSource.printTop(top, millis));
            last = m.value;
            walls.add(m.millis);
            System.out.printf(
                    Locale.ROOT,
                    "MEASURED rebuild %d: %,d ms (service says %,d ms): %,d spans, %,d cells,"
                            + " %s to %s; heap before %d MB, peak %d MB sampled, after GC %d MB; load %s%n",
                    run,
                    m.millis,
                    m.value.millis(),
                    m.value.spans(),
                    m.value.cells(),
                    m.value.firstMonth(),
                    m.value.lastMonth(),
                    m.heapBefore >> 20,
                    m.peakSampled >> 20,
                    m.heapAfterGc >> 20,
                    load);
            rebuildRows.add(new String[] {
                String.valueOf(run),
                String.format(Locale.ROOT, "%,d", m.millis),
                String.format(Locale.ROOT, "%,d", m.value.millis()),
                String.format(Locale.ROOT, "%,d", m.value.spans()),
                String.format(Locale.ROOT, "%,d", m.value.cells()),
                (m.heapBefore >> 20) + " MB",
                (m.peakSampled >> 20) + " MB",
                (m.heapAfterGc >> 20) + " MB",
                first(load, 3)
            });
        }
        List<Long> sorted = new ArrayList<>(walls);
        sorted.sort(Long::compare);
        long median = sorted.get(sorted.size() / 2);
        rebuildRows.add(new String[] {
            "**median**",
            String.format(Locale.ROOT, "**%,d**", median),
            "",
            "",
            "",
            "",
            "",
            "",
            "< 10 s: " + (median < GOAL_REBUILD_MS ? "met" : "MISSED")
        });
        checkReadModel(last);

        // ------------------------------------------------------------------ 2. the dashboard over HTTP
        measureHttp(last.lastMonth());
        printSummary(count, median, loadBefore);
        int pause = intOption("pause", 0);
        if (pause > 0) {
            log(
                    "pausing %d s: the database listens on port %s",
                    pause,
                    jdbc.sql("SELECT current_setting('port')")
                            .query(String.class)
                            .single());
            Thread.sleep(pause * 1000L);
        }
    }

    // ------------------------------------------------------------------------------------------------ setup

    private void setup(long count) {
        ContributionBenchmark.loadRegistry(context, count, "coverage benchmark");
        long t0 = System.nanoTime();
        long[] made = createMemberships(intOption("projects", 3000));
        long bills = createLedger();
        long loans = createKurLoans(Math.min(count, Long.parseLong(option("kurLoans", "300000"))), count);
        for (String table :
                List.of("employer", "construction_project", "membership", "bill", "kur_loan", "participant")) {
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
        System.out.printf(
                Locale.ROOT,
                "setup: %,d employers, %,d projects, %,d memberships (%,d JAKON), %,d bills,"
                        + " %,d KUR loans, vacuumed, in %,d ms%n",
                made[0],
                made[1],
                made[2],
                made[3],
                bills,
                loans,
                ContributionBenchmark.ms(t0));
        printMix();
    }

    /**
     * Employers, construction projects with their JAKON memberships, and one membership for 88% of the participants
     * (a hash of the id picks everything, so a run is repeatable).
     *
     * @return employers, projects, memberships, of which JAKON
     */
    private long[] createMemberships(int projects) {
        // 40 employers and 10 contractors per kab/kota, each in one of its kecamatan (as a desa code of a participant)
        long employers = jdbc.sql("""
                INSERT INTO employer (npp, name, risk_class, kbli, region_code)
                SELECT 'COV-' || k.kabkota_code || '-' || lpad(g::text, 3, '0'),
                       CASE WHEN g <= 40 THEN 'PT Cakupan ' ELSE 'CV Konstruksi ' END || k.kabkota_code || ' ' || g,
                       CASE WHEN g <= 40 THEN 1 + g % 5 ELSE 4 END, CASE WHEN g > 40 THEN '41011' END,
                       k.codes[1 + g % cardinality(k.codes)]
                  FROM (SELECT kabkota_code, array_agg(region_code ORDER BY region_code) AS codes
                          FROM (SELECT DISTINCT ON (left(region_code, 8)) kabkota_code, region_code FROM participant
                                 ORDER BY left(region_code, 8), region_code) d
                         GROUP BY kabkota_code) k
                 CROSS JOIN generate_series(1, 50) g""").update();
        long projectCount = jdbc.sql("""
                INSERT INTO construction_project (employer_id, name, contract_value, start_month, end_month,
                                                  worker_count, region_code)
                SELECT c.ids[1 + g.g % cardinality(c.ids)], 'Proyek konstruksi ' || g.g,
                       500000000 + g.b * 10000000::bigint,
                       (date_trunc('month', lindung_today()) - make_interval(months => g.a % 30))::date,
                       (date_trunc('month', lindung_today()) - make_interval(months => g.a % 30)
                          + make_interval(months => 2 + g.b % 16))::date,
                       10 + g.c % 190, c.regions[1 + g.g % cardinality(c.ids)]
                  FROM (SELECT g, ((hashint8(g + 31)::bigint + 2147483648) % 1000)::int AS a,
                               ((hashint8(g + 37)::bigint + 2147483648) % 1000)::int AS b,
                               ((hashint8(g + 41)::bigint + 2147483648) % 1000)::int AS c
                          FROM generate_series(1, :projects) g) g
                 CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids, array_agg(region_code ORDER BY id) AS regions
                               FROM employer WHERE name LIKE 'CV Konstruksi %') c""").param("projects", projects).update();
        long jakon = jdbc.sql("""
                INSERT INTO membership (participant_id, employer_id, project_id, segment, channel, programmes,
                                        start_month, end_month, end_reason, ended_at, region_code, registered_on)
                SELECT NULL, p.employer_id, p.id, 'JAKON', 'EMPLOYER', 'JKK,JKM', p.start_month, x.end_month,
                       CASE WHEN x.end_month IS NOT NULL THEN 'CONTRACT_ENDED' END,
                       CASE WHEN x.end_month IS NOT NULL THEN lindung_now() END, p.region_code, p.start_month
                  FROM construction_project p
                 CROSS JOIN LATERAL (SELECT CASE WHEN p.end_month < date_trunc('month', lindung_today())
                                                 THEN p.end_month END AS end_month) x
                 ORDER BY p.id""").update();
        // r: segment (12% none, 1% PMI, 32% PU, 55% BPU); s: start; c: channel and programmes; e: end; f: employer
        long workers = jdbc.sql("""
                INSERT INTO membership (participant_id, employer_id, segment, channel, programmes, sector,
                                        government_paid, contract_months, start_month, end_month, end_reason,
                                        ended_at, region_code, registered_on)
                SELECT p.id, CASE WHEN x.segment = 'PU' THEN e.ids[1 + h.f % cardinality(e.ids)] END, x.segment,
                       x.channel,
                       CASE WHEN x.segment = 'PU' THEN 'JKK,JKM,JHT,JP,JKP' WHEN h.c % 5 = 0 THEN 'JKK,JKM,JHT'
                            ELSE 'JKK,JKM' END,
                       'OTHER', x.channel = 'GOV_SPONSOR', CASE WHEN x.segment = 'PMI' THEN 24 END,
                       (date_trunc('month', lindung_today()) - make_interval(months => k.ago))::date,
                       CASE WHEN k.ended THEN (date_trunc('month', lindung_today())
                                               - make_interval(months => (k.ago * h.e2 / 1000)::int))::date END,
                       CASE WHEN NOT k.ended THEN NULL WHEN h.e % 10 < 7 THEN 'LAPSED' WHEN h.e % 10 < 9
                            THEN 'REQUESTED' ELSE 'DECEASED' END,
                       CASE WHEN k.ended THEN lindung_now() END, p.region_code,
                       (date_trunc('month', lindung_today()) - make_interval(months => k.ago))::date
                  FROM participant p
                  JOIN (SELECT kabkota_code, array_agg(id ORDER BY id) AS ids FROM employer
                         WHERE name LIKE 'PT Cakupan %' GROUP BY kabkota_code) e ON e.kabkota_code = p.kabkota_code
                 CROSS JOIN LATERAL (SELECT ((hashint8(p.id)::bigint + 2147483648) % 1000)::int AS r,
                                            ((hashint8(p.id + 7919)::bigint + 2147483648) % 1000)::int AS s,
                                            ((hashint8(p.id + 104729)::bigint + 2147483648) % 1000)::int AS c,
                                            ((hashint8(p.id + 1299709)::bigint + 2147483648) % 1000)::int AS e,
                                            ((hashint8(p.id + 15485863)::bigint + 2147483648) % 1000)::int AS e2,
                                            ((hashint8(p.id + 32452843)::bigint + 2147483648) % 1000)::int AS f) h
                 CROSS JOIN LATERAL (SELECT CASE WHEN h.r < 130 THEN 'PMI' WHEN h.r < 450 THEN 'PU' ELSE 'BPU' END
                                              AS segment,
                                            CASE WHEN h.r < 130 THEN 'SELF' WHEN h.r < 450 THEN 'EMPLOYER'
                                                 WHEN h.c % 100 < 35 THEN 'SELF' WHEN h.c % 100 < 70 THEN 'AGENT'
                                                 WHEN h.c % 100 < 85 THEN 'KUR_BANK' ELSE 'GOV_SPONSOR' END
                                              AS channel) x
                 CROSS JOIN LATERAL (SELECT a.ago, a.ago >= 1 AND h.e < 150 AS ended
                                       FROM (SELECT CASE WHEN h.s < 250 THEN 31 + h.s % 42
                                                         ELSE least(29, floor(30 * (1 - sqrt((h.s - 250) / 750.0)))
                                                                    )::int
                                                    END AS ago) a) k
                 WHERE h.r >= 120
                 ORDER BY p.id""").update();
        return new long[] {employers, projectCount, jakon + workers, jakon};
    }

    /**
     * The contribution ledger, set-wise: a bill for every owed month of every membership from its start to its end or
     * the current month (construction and PMI: one bill for the contract), paid or open by a hash of the membership's
     * id. Wage earners (PU): 8% of employers in arrears for their last 1-6 months, the others paid up to last month
     * (the current month's bill not yet due). BPU: 60% pay every month, the current one included; 20% leave every
     * fourth month unpaid; 10% stopped paying 1-5 months ago; 10% never paid. Construction and PMI: 90% paid. Due
     * dates: the 15th of the month after (PU, construction, PMI) or of the month itself (BPU).
     */
    private long createLedger() {
        long t0 = System.nanoTime();
        long bills = jdbc.sql("""
                INSERT INTO bill (membership_id, period, due_date, amount, paid, status, province_code)
                SELECT m.id, g.period::date,
                       CASE WHEN m.segment = 'BPU' THEN g.period::date + 14
                            ELSE (g.period + INTERVAL '1 month')::date + 14 END,
                       100000,
                       CASE WHEN p.paid THEN 100000 ELSE 0 END, CASE WHEN p.paid THEN 'PAID' ELSE 'OPEN' END, '61'
                  FROM membership m
                 CROSS JOIN LATERAL (SELECT ((hashint8(m.id + 7)::bigint + 2147483648) % 1000)::int AS h,
                                            date_trunc('month', lindung_today())::date AS cur) x
                 CROSS JOIN LATERAL generate_series(m.start_month,
                                  CASE WHEN m.segment IN ('JAKON', 'PMI') THEN m.start_month
                                       ELSE least(coalesce(m.end_month, x.cur), x.cur) END, INTERVAL '1 month') g(period)
                 CROSS JOIN LATERAL (SELECT (extract(year FROM age(x.cur, g.period::date)) * 12
                                             + extract(month FROM age(x.cur, g.period::date)))::int AS k,
                                            (extract(year FROM age(g.period::date, m.start_month)) * 12
                                             + extract(month FROM age(g.period::date, m.start_month)))::int AS n) a
                 CROSS JOIN LATERAL (SELECT CASE
                          WHEN m.segment IN ('JAKON', 'PMI') THEN x.h % 10 <> 0
                          WHEN m.segment = 'PU' AND x.h < 80 THEN a.k >= 1 + x.h % 6
                          WHEN m.segment = 'PU' THEN a.k >= 1
                          WHEN x.h < 600 THEN TRUE
                          WHEN x.h < 800 THEN a.n % 4 <> 3 AND a.k >= 1
                          WHEN x.h < 900 THEN a.k >= 1 + x.h % 5
                          ELSE FALSE END AS paid) p
                 """).update();
        System.out.printf(Locale.ROOT, "setup: %,d bills in %,d ms%n", bills, ContributionBenchmark.ms(t0));
        return bills;
    }

    /**
     * KUR loans of about {@code loans} participants (a hash of the id picks them), 70% with the participant's desa
     * code and 30% with only the kab/kota (as some banks send), matched as {@code KurMatching} would: PROTECTED with
     * an open JKK membership, LAPSED with an ended one, else NOT_ENROLLED. The dashboard shows them per region. The
     * loans carry the participant's sealed NIK and index as they are (sealed for the registry's column: the dashboard
     * never opens them).
     */
    private long createKurLoans(long loans, long participants) {
        if (loans <= 0) {
            return 0;
        }
        long perMillion = Math.max(1, loans * 1_000_000 / Math.max(1, participants));
        return jdbc.sql("""
                INSERT INTO kur_loan (bank_code, loan_id, branch, nik_enc, nik_hash, name, birth_date, scheme, plafond, disbursed_on,
                                      sector, region_code, mandatory, participant_id, match_status, row_hash,
                                      first_file_id, last_file_id)
                SELECT 'KALBAR', 'COV-' || lpad(p.id::text, 10, '0'), 'Bank Kalbar ' || p.kabkota_code,
                       p.nik_enc, p.nik_hash,
                       p.full_name, p.birth_date, 'MIKRO', 25000000, lindung_today() - (p.id % 900)::int, 'Perdagangan',
                       CASE WHEN p.id % 10 < 7 THEN p.region_code ELSE p.kabkota_code END, FALSE, p.id,
                       CASE WHEN EXISTS (SELECT 1 FROM membership m WHERE m.participant_id = p.id
                                            AND m.end_month IS NULL AND m.programmes LIKE '%JKK%') THEN 'PROTECTED'
                            WHEN EXISTS (SELECT 1 FROM membership m WHERE m.participant_id = p.id) THEN 'LAPSED'
                            ELSE 'NOT_ENROLLED' END,
                       md5(p.id::text), 0, 0
                  FROM participant p
                 WHERE (hashint8(p.id + 77)::bigint + 2147483648) % 1000000 < :perMillion
                 ORDER BY p.id""").param("perMillion", perMillion).update();
    }

    private void printMix() {
        System.out.println("setup: membership mix (segment, channel: memberships, ended, earliest and latest start)");
        jdbc.sql("""
                SELECT segment, channel, count(*), count(end_month), min(start_month), max(start_month)
                  FROM membership GROUP BY 1, 2 ORDER BY 1, 2""").query(rs -> {
            System.out.printf(
                    Locale.ROOT,
                    "  %-5s %-11s %,9d %,9d  %s .. %s%n",
                    rs.getString(1),
                    rs.getString(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getDate(5),
                    rs.getDate(6));
        });
        System.out.println("setup: memberships started per month, last 30 months (growth):");
        StringBuilder line = new StringBuilder("  ");
        jdbc.sql("""
                SELECT to_char(start_month, 'YY-MM'), count(*) FROM membership
                 WHERE start_month > date_trunc('month', lindung_today()) - INTERVAL '30 months'
                 GROUP BY start_month, 1 ORDER BY start_month""").query(rs -> {
            line.append(rs.getString(1))
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%,d", rs.getLong(2)))
                    .append("  ");
        });
        System.out.println(line);
    }

    // ------------------------------------------------------------------------------------------------ checks

    /**
     * The independent count, once: every protected month of the window straight from the ledger's
     * {@code contribution_protected_month_v}, per kecamatan key, membership segment and month, with {@code membership}
     * and the projects' workers read here (not through the read model or enrolment's view).
     */
    private void countFromLedger(YearMonth first, YearMonth last) {
        long t0 = System.nanoTime();
        jdbc.sql("DROP TABLE IF EXISTS bench_expected").update();
        jdbc.sql("""
                CREATE TABLE bench_expected AS
                SELECT left(m.region_code, 8) AS region_key, m.segment, p.month,
                       sum(CASE WHEN m.segment = 'JAKON' THEN coalesce(c.worker_count, 0) ELSE 1 END) AS workers
                  FROM contribution_protected_month_v p
                  JOIN membership m ON m.id = p.membership_id
                  LEFT JOIN construction_project c ON c.id = m.project_id
                 WHERE p.month BETWEEN :first AND :last
                 GROUP BY 1, 2, 3""").param("first", date(first)).param("last", date(last)).update();
        log("independent count from contribution_protected_month_v: %,d ms", ContributionBenchmark.ms(t0));
    }

    /** What the read model must hold, from the independent count of the ledger. */
    private long expected(String region, String membershipSegment, YearMonth month) {
        return jdbc.sql("""
                SELECT coalesce(sum(workers), 0) FROM bench_expected
                 WHERE segment = :segment AND left(region_key, length(:region)) = :region AND month = :month""")
                .param("segment", membershipSegment)
                .param("region", region)
                .param("month", date(month))
                .query(Long.class)
                .single();
    }

    private long counted(String region, String coverageSegment, YearMonth month) {
        return jdbc.sql("""
                SELECT coalesce(sum(active), 0) FROM coverage_monthly
                 WHERE segment = :segment AND region_code = :region AND month = :month""")
                .param("segment", coverageSegment)
                .param("region", region)
                .param("month", date(month))
                .query(Long.class)
                .single();
    }

    private void checkReadModel(RebuildResult r) {
        countFromLedger(r.firstMonth(), r.lastMonth());
        long memberships = jdbc.sql("""
                SELECT count(DISTINCT p.membership_id) FROM contribution_protected_month_v p
                  JOIN membership m ON m.id = p.membership_id
                 WHERE m.segment <> 'PMI' AND p.month BETWEEN ? AND ?""")
                .params(date(r.firstMonth()), date(r.lastMonth()))
                .query(Long.class)
                .single();
        ContributionBenchmark.check(
                r.spans() == memberships,
                "spans = memberships other than PMI protected in the" + " window",
                memberships,
                r.spans());
        long cells = jdbc.sql("SELECT count(*) FROM coverage_monthly")
                .query(Long.class)
                .single();
        ContributionBenchmark.check(r.cells() == cells, "cells reported = rows of coverage_monthly", cells, r.cells());
        YearMonth latest = r.lastMonth();
        // the province in the latest month, every segment; then cells of kab/kota, segment and month
        List<Object[]> cases = new ArrayList<>();
        for (String[] s : SEGMENTS) {
            cases.add(new Object[] {PROVINCE, s, latest});
        }
        cases.add(new Object[] {"61.71", SEGMENTS[1], latest});
        cases.add(new Object[] {"61.04", SEGMENTS[0], latest.minusMonths(5)});
        cases.add(new Object[] {"61.12", SEGMENTS[2], latest.minusMonths(12)});
        cases.add(new Object[] {"61.01", SEGMENTS[1], latest.minusMonths(23)});
        cases.add(new Object[] {"61.72", SEGMENTS[0], latest.minusMonths(18)});
        cases.add(new Object[] {"61.06", SEGMENTS[2], latest.minusMonths(2)});
        cases.add(new Object[] {PROVINCE, SEGMENTS[1], r.firstMonth()});
        long provinceLatest = 0;
        for (Object[] c : cases) {
            String region = (String) c[0];
            String[] segment = (String[]) c[1];
            YearMonth month = (YearMonth) c[2];
            long want = expected(region, segment[0], month);
            long got = counted(region, segment[1], month);
            System.out.printf(
                    Locale.ROOT,
                    "check: %s %-12s %s: read model %,d, ledger %,d%n",
                    region,
                    segment[1],
                    month,
                    got,
                    want);
            ContributionBenchmark.check(
                    got == want,
                    "active " + segment[1] + " in " + region + ", " + month
                            + " (read model against an independent count from the ledger)",
                    want,
                    got);
            ContributionBenchmark.check(
                    want > 0, "a non-empty cell " + region + " " + segment[1] + " " + month, "> 0", want);
            if (region.equals(PROVINCE) && month.equals(latest)) {
                provinceLatest += got;
            }
        }
        notes.add(String.format(
                Locale.ROOT,
                "Read model checked against independent counts from"
                        + " `contribution_protected_month_v` for"
                        + " %d cells (the province's three segments in %s: %,d active in all; six kab/kota, segment and"
                        + " month cells back to %s; the province's first month %s): all equal.",
                cases.size(),
                latest,
                provinceLatest,
                latest.minusMonths(23),
                r.firstMonth()));
    }

    // --------------------------------------------------------------------------------------------------- HTTP

    /** One request of the mix: its kind (a row of the results), URI, whether it is a page, and what must be in it. */
    private record Call(String kind, URI uri, boolean page, String region, YearMonth month) {}

    private void measureHttp(YearMonth latest) throws Exception {
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        String base = "http://localhost:" + port;
        String token = context.getBean(ApiTokens.class)
                .issue(
                        null,
                        "coverage benchmark",
                        null,
                        null,
                        new LindungUser(ANALYST, ANALYST, Role.GOV_ANALYST, RegionScope.of(PROVINCE)))
                .token();
        String bearer = "Bearer " + token;
        CookieManager cookies = new CookieManager();
        HttpLoad.signIn(base, ANALYST, HttpLoad.DEMO_PASSWORD, "/api/coverage/targets", cookies);
        String cookie = HttpLoad.cookieHeader(cookies);
        log(
                "API as %s with a bearer token (%s…), pages with the form login's session cookie",
                ANALYST, token.substring(0, 8));

        RegionDirectory regions = context.getBean(RegionDirectory.class);
        List<Region> kabKota = regions.children(PROVINCE);
        List<Region> kecamatan = new ArrayList<>();
        kabKota.forEach(k -> kecamatan.addAll(regions.children(k.code())));
        Map<String, String> names = new LinkedHashMap<>();
        kabKota.forEach(r -> names.put(r.code(), r.name()));
        kecamatan.forEach(r -> names.put(r.code(), r.name()));
        names.put(PROVINCE, regions.find(PROVINCE).orElseThrow().name());
        log("%d kab/kota, %d kecamatan", kabKota.size(), kecamatan.size());
        ContributionBenchmark.check(kabKota.size() == 14, "kab/kota of Kalimantan Barat", 14, kabKota.size());

        checkAnswers(base, bearer, latest, kecamatan);
        boolean pages = !"false".equals(option("pages", "true")) && pagesWork(base, cookie, latest, names);

        long seed = Long.parseLong(option("seed", "61"));
        List<Call> calls = mix(base, latest, kabKota, kecamatan, pages, new Random(seed));
        Map<String, Long> kinds = new LinkedHashMap<>();
        calls.forEach(c -> kinds.merge(c.kind(), 1L, Long::sum));
        log("request mix (%d calls, cycled): %s", calls.size(), kinds);
        HttpRequest[] requests = calls.stream()
                .map(c -> c.page()
                        ? HttpLoad.get(c.uri(), "Cookie", cookie, "Accept", "text/html")
                        : HttpLoad.get(c.uri(), "Authorization", bearer))
                .toArray(HttpRequest[]::new);
        HttpLoad.Check check = (i, body) -> answers(calls.get(i % calls.size()), body, names);

        int warmup = intOption("warmup", 10);
        Duration duration = Duration.ofSeconds(intOption("duration", 30));
        int[] clients = Arrays.stream(option("clients", "1,4,8").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        long errors = phases("as is", warmup, duration, clients, calls, requests, check, kinds.keySet());
        if (!"false".equals(option("status", "true"))) {
            errors += statusLookups(base, bearer, warmup, duration, seed);
        }
        measureService("as is", latest, kabKota, kecamatan, seed);
        if (!"false".equals(option("explain", "true"))) {
            explainDashboards(latest, kecamatan);
        }
        ContributionBenchmark.check(errors == 0, "every answer 200 and right", 0, errors);
    }

    /**
     * The protection status of one membership today over HTTP ({@code GET /api/memberships/{id}/status}, issue 15:
     * computed from the ledger — bills and payments of the membership, the money applied oldest first): 2,000
     * memberships drawn by the seed, a warm-up, then {@code duration} with 4 clients. @return errors
     */
    private long statusLookups(String base, String bearer, int warmup, Duration duration, long seed) throws Exception {
        List<Long> ids = jdbc.sql("SELECT id FROM membership WHERE participant_id IS NOT NULL"
                        + " ORDER BY hashint8(id # ?), id LIMIT 2000")
                .param(seed)
                .query(Long.class)
                .list();
        HttpRequest[] requests = ids.stream()
                .map(id ->
                        HttpLoad.get(URI.create(base + "/api/memberships/" + id + "/status"), "Authorization", bearer))
                .toArray(HttpRequest[]::new);
        HttpLoad.Check check = (i, body) ->
                body.contains("\"membershipId\":" + ids.get(i % ids.size()) + ",") && body.contains("\"protectedOn\":");
        Result w = HttpLoad.run(
                "status warm-up",
                4,
                Integer.MAX_VALUE,
                Duration.ofSeconds(warmup),
                i -> requests[i % requests.length],
                check);
        log("status: warm-up %d s, 4 clients: %s", warmup, w.line());
        String load = ContributionBenchmark.loadAverage();
        TimedDataSource.STATS.clear();
        Result r = HttpLoad.run("status", 4, Integer.MAX_VALUE, duration, i -> requests[i % requests.length], check);
        log("status: 4 clients, %d s: %s; load before %s", duration.toSeconds(), r.line(), first(load, 3));
        printStatements(4, r);
        addHttpRow("4", "membership status (`/api/memberships/{id}/status`)", r, r.errors(), first(load, 3));
        return w.errors() + r.errors();
    }

    /** A warm-up, then {@code duration} for each number of clients; a row per kind of request. @return errors */
    private long phases(
            String variant,
            int warmup,
            Duration duration,
            int[] clients,
            List<Call> calls,
            HttpRequest[] requests,
            HttpLoad.Check check,
            java.util.Set<String> kinds)
            throws Exception {
        Result w = HttpLoad.run(
                "warm-up", 4, Integer.MAX_VALUE, Duration.ofSeconds(warmup), i -> requests[i % requests.length], check);
        log("%s: warm-up %d s, 4 clients: %s", variant, warmup, w.line());
        long errors = w.errors();
        for (int n : clients) {
            String load = ContributionBenchmark.loadAverage();
            TimedDataSource.STATS.clear();
            Result r = HttpLoad.run("all", n, Integer.MAX_VALUE, duration, i -> requests[i % requests.length], check);
            log(
                    "%s: %d client(s), %d s: %s; load before %s, after %s",
                    variant,
                    n,
                    duration.toSeconds(),
                    r.line(),
                    first(load, 3),
                    first(ContributionBenchmark.loadAverage(), 3));
            if (r.errors() > 0) {
                log("FAILED ANSWERS, e.g. %s", r.failures());
            }
            errors += r.errors();
            printStatements(n, r);
            String label = variant.equals("as is") ? String.valueOf(n) : n + " (" + variant + ")";
            addHttpRow(label, "**all requests**", r, r.errors(), first(load, 3));
            for (String kind : kinds) {
                addHttpRow(
                        label,
                        kind,
                        r.only(kind, i -> calls.get(i % calls.size()).kind().equals(kind)),
                        0,
                        "");
            }
        }
        notes.add("Load average after the HTTP phases (" + variant + "): "
                + first(ContributionBenchmark.loadAverage(), 3) + ".");
        return errors;
    }

    /**
     * The request mix, shuffled: the province (latest month) 10%, each kab/kota in turn (latest) 25%, a random
     * kecamatan (latest) 20%, a random region of any level in one of the 23 earlier months of the trend 20%,
     * denominators 5%, targets 5% and, when the pages work, the dashboard page of a random level and month 15%.
     */
    private static List<Call> mix(
            String base, YearMonth latest, List<Region> kabKota, List<Region> kecamatan, boolean pages, Random random) {
        List<Call> calls = new ArrayList<>();
        int size = 2000;
        int[] weights = {10, 25, 20, 20, 5, 5, pages ? 15 : 0};
        int total = Arrays.stream(weights).sum();
        for (int i = 0; i < size; i++) {
            int pick = random.nextInt(total);
            int kind = 0;
            while (pick >= weights[kind]) {
                pick -= weights[kind++];
            }
            YearMonth earlier = latest.minusMonths(1 + random.nextInt(23));
            String any = switch (random.nextInt(3)) {
                case 0 -> PROVINCE;
                case 1 -> kabKota.get(random.nextInt(kabKota.size())).code();
                default -> kecamatan.get(random.nextInt(kecamatan.size())).code();
            };
            calls.add(
                    switch (kind) {
                        case 0 -> api(base, "API province, latest month", PROVINCE, latest);
                        case 1 ->
                            api(
                                    base,
                                    "API kab/kota, latest month",
                                    kabKota.get(i % kabKota.size()).code(),
                                    latest);
                        case 2 ->
                            api(
                                    base,
                                    "API kecamatan, latest month",
                                    kecamatan
                                            .get(random.nextInt(kecamatan.size()))
                                            .code(),
                                    latest);
                        case 3 -> api(base, "API any level, earlier month", any, earlier);
                        case 4 ->
                            new Call(
                                    "API denominators",
                                    URI.create(base + "/api/coverage/denominators"),
                                    false,
                                    null,
                                    null);
                        case 5 ->
                            new Call("API targets", URI.create(base + "/api/coverage/targets"), false, null, null);
                        default -> {
                            YearMonth month = random.nextBoolean() ? latest : earlier;
                            yield new Call(
                                    "page /cakupan, any level and month",
                                    URI.create(base + "/cakupan?wilayah=" + any + "&bulan=" + month),
                                    true,
                                    any,
                                    month);
                        }
                    });
        }
        return calls;
    }

    private static Call api(String base, String kind, String region, YearMonth month) {
        return new Call(
                kind, URI.create(base + "/api/coverage?region=" + region + "&month=" + month), false, region, month);
    }

    /** The answer is for the region and month asked (API), names the region (page), or is a list. */
    private static boolean answers(Call call, String body, Map<String, String> names) {
        if (call.page()) {
            return body.contains(HtmlUtils.htmlEscape(names.get(call.region())));
        }
        if (call.region() == null) {
            return body.startsWith("[") && body.length() > 2;
        }
        JsonNode d = JSON.readTree(body);
        return d.path("region").path("code").asString("").equals(call.region())
                && d.path("month").asString("").equals(call.month().toString());
    }

    /** The API's figures against the independent counts, before any load: province, a kab/kota, a kecamatan. */
    private void checkAnswers(String base, String bearer, YearMonth latest, List<Region> kecamatan) throws Exception {
        String busiest = jdbc.sql(
                        "SELECT left(region_code, 8) FROM membership GROUP BY 1 ORDER BY count(*) DESC," + " 1 LIMIT 1")
                .query(String.class)
                .single();
        ContributionBenchmark.check(
                kecamatan.stream().anyMatch(k -> k.code().equals(busiest)),
                "the busiest kecamatan is in the region directory",
                busiest,
                "not found");
        var http = HttpLoad.client(null);
        for (Object[] c : List.of(
                new Object[] {PROVINCE, latest},
                new Object[] {"61.71", latest},
                new Object[] {"61.04", latest.minusMonths(7)},
                new Object[] {busiest, latest.minusMonths(3)})) {
            String region = (String) c[0];
            YearMonth month = (YearMonth) c[1];
            var response = http.send(
                    HttpLoad.get(
                            URI.create(base + "/api/coverage?region=" + region + "&month=" + month),
                            "Authorization",
                            bearer),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            ContributionBenchmark.check(
                    response.statusCode() == 200,
                    "GET /api/coverage?region=" + region,
                    200,
                    response.statusCode() + " " + HttpLoad.abbreviate(response.body()));
            JsonNode d = JSON.readTree(response.body());
            long all = 0;
            for (String[] s : SEGMENTS) {
                long want = expected(region, s[0], month);
                all += want;
                long got = -1;
                for (JsonNode seg : d.path("segments")) {
                    if (seg.path("segment").asString("").equals(s[1])) {
                        got = seg.path("figure").path("active").asLong();
                    }
                }
                ContributionBenchmark.check(
                        got == want, "API " + region + " " + month + " " + s[1] + " active", want, got);
            }
            long total = d.path("total").path("active").asLong();
            ContributionBenchmark.check(total == all, "API " + region + " " + month + " total active", all, total);
            if (region.equals(PROVINCE)) {
                long people = jdbc.sql("SELECT count(DISTINCT nik_hash) FROM kur_loan")
                        .query(Long.class)
                        .single();
                long kur = d.path("kur").path("borrowers").asLong();
                ContributionBenchmark.check(kur == people, "API province KUR borrowers (people)", people, kur);
            }
            log(
                    "API %s %s: %,d protected (equal to the count from the ledger), coverage %s bp, %d children, %d trend"
                            + " points",
                    region,
                    month,
                    total,
                    d.path("total").path("coverage").asString("-"),
                    d.path("children").size(),
                    d.path("trend").size());
        }
        if (notes.stream().noneMatch(n -> n.startsWith("Before the load"))) {
            notes.add("Before the load, `GET /api/coverage` for the province (latest month, with its KUR borrowers),"
                    + " Kota Pontianak (latest), Ketapang (7 months earlier) and the busiest kecamatan (3 months"
                    + " earlier)"
                    + " gave the same protected counts per segment as the independent count from the ledger"
                    + ".");
        }
    }

    /** Whether {@code /cakupan} answers 200 naming the region for the province, a kab/kota and a kecamatan. */
    private boolean pagesWork(String base, String cookie, YearMonth latest, Map<String, String> names)
            throws Exception {
        var http = HttpLoad.client(null);
        String kecamatan =
                names.keySet().stream().filter(c -> c.length() == 8).findFirst().orElseThrow();
        for (String region : List.of(PROVINCE, "61.04", kecamatan)) {
            URI uri = URI.create(base + "/cakupan?wilayah=" + region + "&bulan=" + latest.minusMonths(1));
            var response = http.send(
                    HttpLoad.get(uri, "Cookie", cookie, "Accept", "text/html"),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains(HtmlUtils.htmlEscape(names.get(region)))) {
                log(
                        "pages left out of the load: %s answered %d %s",
                        uri, response.statusCode(), HttpLoad.abbreviate(response.body()));
                notes.add("The dashboard page `/cakupan` did not work when this ran (" + response.statusCode() + " for "
                        + uri.getPath() + "?" + uri.getQuery() + "); the load is the API only.");
                return false;
            }
            log("page %s: 200, %,d bytes", uri, response.body().length());
        }
        return true;
    }

    private void addHttpRow(String clients, String kind, Result r, long errors, String load) {
        boolean all = kind.startsWith("**");
        double p95 = r.percentile(95) / 1e6;
        httpRows.add(new String[] {
            clients,
            kind,
            String.format(Locale.ROOT, "%,d", r.count()),
            String.valueOf(errors),
            HttpLoad.ms(r.percentile(50)),
            HttpLoad.ms(r.percentile(95)),
            HttpLoad.ms(r.percentile(99)),
            HttpLoad.ms(r.max()),
            String.format(Locale.ROOT, "%.0f", r.throughput()),
            (all ? "" : p95 < GOAL_P95_MS ? "met" : "MISSED"),
            load
        });
        if (all) {
            httpRows.get(httpRows.size() - 1)[9] = p95 < GOAL_P95_MS ? "**met**" : "**MISSED**";
        }
        log("  %-40s %s", kind, r.line());
    }

    /** The application's statements during a phase: count, total and mean per execution. */
    private void printStatements(int clients, Result r) {
        if (top <= 0) {
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "  statements during the %d-client phase (%,d requests), by total time:%n",
                clients,
                r.count());
        TimedDataSource.STATS.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(top)
                .forEach(e -> System.out.printf(
                        Locale.ROOT,
                        "  %9.1f ms %7dx %7.3f ms each  %s%n",
                        e.getValue()[1] / 1e6,
                        e.getValue()[0],
                        e.getValue()[1] / 1e6 / e.getValue()[0],
                        e.getKey()));
    }

    // ------------------------------------------------------------------------------------------------ breakdown

    /** The same dashboards as service calls in this JVM (no HTTP, security or JSON), one after the other. */
    private void measureService(
            String variant, YearMonth latest, List<Region> kabKota, List<Region> kecamatan, long seed) {
        CoverageDashboards dashboards = context.getBean(CoverageDashboards.class);
        LindungUser analyst = new LindungUser(ANALYST, ANALYST, Role.GOV_ANALYST, RegionScope.of(PROVINCE));
        int n = intOption("serviceCalls", 20);
        Random random = new Random(seed + 1);
        Map<String, java.util.function.IntFunction<String[]>> kinds = new LinkedHashMap<>();
        kinds.put("province, latest month", i -> new String[] {PROVINCE, latest.toString()});
        kinds.put("kab/kota, latest month", i ->
                new String[] {kabKota.get(i % kabKota.size()).code(), latest.toString()});
        kinds.put("kecamatan, latest month", i ->
                new String[] {kecamatan.get(random.nextInt(kecamatan.size())).code(), latest.toString()});
        kinds.put("province, earlier month", i -> new String[] {
            PROVINCE, latest.minusMonths(1 + random.nextInt(23)).toString()
        });
        for (var kind : kinds.entrySet()) {
            long[] nanos = new long[n];
            long started = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String[] q = kind.getValue().apply(i);
                long t0 = System.nanoTime();
                dashboards.dashboard(q[0], YearMonth.parse(q[1]), analyst);
                nanos[i] = System.nanoTime() - t0;
            }
            Result r = Result.of(kind.getKey(), 1, nanos, (System.nanoTime() - started) / 1e9, 0, List.of());
            log("%s: service call %-26s %s", variant, kind.getKey(), r.line());
            serviceRows.add(new String[] {
                kind.getKey() + " (" + variant + ")",
                String.valueOf(n),
                HttpLoad.ms(r.percentile(50)),
                HttpLoad.ms(r.percentile(95)),
                HttpLoad.ms(r.percentile(99)),
                HttpLoad.ms(r.max())
            });
        }
    }

    /** auto_explain (ANALYZE, BUFFERS) of every statement of three dashboards: the plans, as PostgreSQL ran them. */
    private void explainDashboards(YearMonth latest, List<Region> kecamatan) throws Exception {
        CoverageDashboards dashboards = context.getBean(CoverageDashboards.class);
        LindungUser analyst = new LindungUser(ANALYST, ANALYST, Role.GOV_ANALYST, RegionScope.of(PROVINCE));
        TimedDataSource.explain(context, 0);
        try {
            // one connection for all: a plan reaches the client with the next statement's answer
            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                for (String[] q : new String[][] {
                    {PROVINCE, latest.toString()},
                    {"61.04", latest.minusMonths(6).toString()},
                    {kecamatan.get(0).code(), latest.minusMonths(12).toString()}
                }) {
                    System.out.printf("%n--- plans of the dashboard %s %s ---%n", q[0], q[1]);
                    dashboards.dashboard(q[0], YearMonth.parse(q[1]), analyst);
                }
                jdbc.sql("SELECT 1").query().singleRow();
            });
        } finally {
            TimedDataSource.explain(context, -1);
        }
    }

    // ------------------------------------------------------------------------------------------------- output

    private void printSummary(long count, long medianRebuild, String loadBefore) {
        String sizes = jdbc.sql("SELECT pg_size_pretty(pg_total_relation_size('membership')) || ' membership, '"
                        + " || pg_size_pretty(pg_total_relation_size('coverage_span')) || ' coverage_span, '"
                        + " || pg_size_pretty(pg_total_relation_size('coverage_monthly')) || ' coverage_monthly, '"
                        + " || pg_size_pretty(pg_total_relation_size('kur_loan')) || ' kur_loan'")
                .query(String.class)
                .single();
        StringBuilder sb =
                new StringBuilder(String.format(Locale.ROOT, "%n=== Coverage benchmark: N=%,d ===%n%n", count));
        table(
                sb,
                "| rebuild | wall ms | RebuildResult.millis | spans | cells | heap before | peak (sampled) |"
                        + " after GC | load average before |",
                "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
                rebuildRows);
        sb.append(String.format(
                Locale.ROOT,
                "%nRebuild goal < 10 s: %s (median %,d ms).%n%n",
                medianRebuild < GOAL_REBUILD_MS ? "met" : "MISSED",
                medianRebuild));
        table(
                sb,
                "| clients | requests | count | errors | p50 ms | p95 ms | p99 ms | max ms | req/s | p95 < 100 ms |"
                        + " load average before |",
                "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
                httpRows);
        sb.append('\n');
        table(
                sb,
                "| service call, no HTTP (1 caller) | calls | p50 ms | p95 ms | p99 ms | max ms |",
                "|---|---:|---:|---:|---:|---:|",
                serviceRows);
        sb.append('\n');
        notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        sb.append("- Tables: ").append(sizes).append(".\n");
        sb.append(String.format(
                Locale.ROOT,
                "- Machine: %d cores, Java %s, max heap %d MB; load average before %s," + " at the end %s.%n",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20,
                first(loadBefore, 3),
                first(ContributionBenchmark.loadAverage(), 3)));
        sb.append("ALL CHECKS PASSED\n");
        System.out.println(sb);
    }

    private static void table(StringBuilder sb, String header, String rule, List<String[]> rows) {
        sb.append(header).append('\n').append(rule).append('\n');
        rows.forEach(r -> sb.append("| ").append(String.join(" | ", r)).append(" |\n"));
    }

    private static String first(String loadavg, int fields) {
        String[] parts = loadavg.trim().split("\\s+");
        return String.join(" ", Arrays.copyOf(parts, Math.min(fields, parts.length)));
    }

    private static Date date(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }

    private static void log(String format, Object... args) {
        System.out.println("[bench] " + String.format(Locale.ROOT, format, args));
    }
}
