package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.authz.Endpoints;
import id.lindung.access.authz.Endpoints.Endpoint;
import id.lindung.access.authz.ExpectationTable;
import id.lindung.access.authz.ExpectationTable.Access;
import id.lindung.access.authz.ExpectationTable.Row;
import id.lindung.access.authz.Fixtures;
import id.lindung.access.authz.Fixtures.FixtureSet;
import id.lindung.access.authz.MatrixClient;
import id.lindung.access.authz.MatrixClient.Answer;
import id.lindung.access.authz.MatrixClient.Body;
import id.lindung.access.authz.Refusals;
import id.lindung.access.authz.Refusals.Outcome;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.support.ApiClient;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The authorisation matrix (issue 8): every endpoint of the running application — read from Spring MVC's own
 * handler mappings, REST API and pages alike — asked over real HTTP by each of the eight demo users and by an
 * anonymous caller, for an entity inside and one outside the Ketapang users' region scope, and each answer held
 * against the checked-in table {@code src/test/resources/authz/endpoints.csv} (format and how to classify a new
 * endpoint: docs/decisions.md, "Authorization matrix"). An endpoint without a row, or a row without an endpoint,
 * fails {@link #theTableHasARowForEveryEndpointAndAnEndpointForEveryRow}, so a new endpoint cannot be missed.
 *
 * <p>Writes send minimal bodies (see {@link #REQUESTS}) so that an allowed caller is stopped by validation (400/422)
 * or a conflict (409) after the role and scope checks, not by a missing field before them. The API is called with
 * an API token per user (HTTP Basic checks BCrypt on every request, ~80 ms; {@code -Dlindung.authz.api-auth=basic}
 * uses Basic instead), the pages with one form login per user whose session and CSRF token are reused.
 */
@Tag(Tags.MATRIX)
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lindung.test.context=access-authorization-matrix")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    private static final Logger log = LoggerFactory.getLogger(AuthorizationMatrixTest.class);
    static final String TABLE = "/authz/endpoints.csv";

    /** A caller of the matrix: a demo user (username, role, scope, the bank it acts for) or anonymous. */
    record Caller(
            @Nullable String username,
            @Nullable Role role,
            String scope,
            @Nullable String bank) {

        boolean anonymous() {
            return username == null;
        }

        String column() {
            return role == null ? ExpectationTable.ANONYMOUS : role.name();
        }

        boolean includes(String region) {
            return region.equals(scope) || region.startsWith(scope + ".");
        }

        @Override
        public String toString() {
            return anonymous() ? "anonymous" : username;
        }
    }

    static final List<Caller> CALLERS = List.of(
            new Caller("admin", Role.ADMIN, "61", null),
            new Caller("petugas.kalbar", Role.OFFICER, "61", null),
            new Caller("petugas.pontianak", Role.OFFICER, "61.71", null),
            new Caller("petugas.ketapang", Role.OFFICER, "61.04", null),
            new Caller("analis.provinsi", Role.GOV_ANALYST, "61", null),
            new Caller("analis.ketapang", Role.GOV_ANALYST, "61.04", null),
            new Caller("bank.kalbar", Role.BANK_OFFICER, "61", "KALBAR"),
            new Caller("agen.ketapang", Role.AGENT, "61.04", null),
            new Caller(null, null, "", null));

    /**
     * Which fixture fills a path variable, by the pattern's beginning (the first that matches wins):
     * {@code prefix, variable, fixture, variable, fixture, …}.
     */
    static final List<List<String>> VARIABLES = List.of(
            List.of("/api/participants/duplicates/", "id", "dupA", "otherId", "dupB"),
            List.of("/peserta/duplikat/", "id", "dupA", "otherId", "dupB"),
            List.of("/api/drafts/participants/", "id", "participant"),
            List.of("/api/participants/", "id", "participant"),
            List.of("/peserta/", "id", "participant"),
            List.of("/api/memberships/", "id", "membership"),
            List.of("/api/start-corrections/", "id", "startCorrection"),
            List.of("/kepesertaan/", "id", "membership"),
            List.of("/saya/kepesertaan/", "id", "membership"),
            List.of("/saya/usaha/", "id", "umkmBusiness"),
            List.of("/umkm/permintaan/", "id", "umkmRequest"),
            List.of("/api/employers/", "id", "employer"),
            List.of("/api/projects/", "id", "project"),
            List.of("/api/claims/", "id", "claim", "documentId", "document"),
            List.of("/klaim/", "id", "claim"),
            List.of("/api/payments/", "key", "paymentKey"),
            List.of("/api/contribution-rules/", "ref", "ruleRef"),
            List.of("/api/holidays/", "day", "holiday"),
            List.of("/api/tokens/", "id", "token"),
            List.of("/api/kur/files/", "id", "kurFile"),
            List.of("/kur/berkas/", "id", "kurFile"),
            List.of("/api/kur/loans/", "bank", "loanBank", "loanId", "loanId"),
            List.of("/api/coverage/targets/", "region", "region", "year", "targetYear"),
            List.of("/api/paritrana/cycles/{id}/indicators/", "id", "cycle", "code", "weightCode"),
            List.of("/api/paritrana/cycles/", "id", "cycle"),
            List.of("/api/paritrana/entrants/{id}/evidence/", "id", "entrant", "code", "evidenceCode"),
            List.of("/api/paritrana/entrants/{id}/scores/", "id", "entrant", "code", "juryCode"),
            List.of("/api/paritrana/entrants/", "id", "entrant"),
            List.of("/paritrana/peserta/", "id", "entrant"),
            List.of("/paritrana/", "id", "cycle"),
            List.of("/api/sponsorship/programmes/", "id", "programme", "month", "billMonth"),
            List.of("/bantuan-iuran/", "id", "programme"),
            List.of("/api/regions/{code}/boundaries", "code", "province"),
            List.of("/ui/progress/", "operation", "operation"),
            List.of("/api/regions/", "code", "region"));

    /**
     * What a request sends besides its method and path: a query string, a JSON body (for JSON endpoints; default
     * {@code {}} for writes), form fields (for pages; multipart for uploads) and a file (default a one-line text
     * file). {@code {name}} is replaced by the fixture of that name.
     */
    record Request(
            String query,
            @Nullable String json,
            Map<String, String> form,
            @Nullable String fileName,
            @Nullable String file) {

        static final Request DEFAULT = new Request("", null, Map.of(), null, null);

        static Request query(String query) {
            return new Request(query, null, Map.of(), null, null);
        }

        static Request json(String json) {
            return new Request("", json, Map.of(), null, null);
        }

        static Request form(String... keyValues) {
            Map<String, String> form = new LinkedHashMap<>();
            for (int i = 0; i < keyValues.length; i += 2) {
                form.put(keyValues[i], keyValues[i + 1]);
            }
            return new Request("", null, form, null, null);
        }

        Request file(String name, String content) {
            return new Request(query, json, form, name, content);
        }

        Request withJson(String body) {
            return new Request(query, body, form, fileName, file);
        }
    }

    static final String KUR_HEADER = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n";
    static final String PAYMENT_HEADER = "reference;membership_id;amount;paid_on\n";
    static final String DENOMINATOR_HEADER = "region_code;year;segment;workers;source;source_date\n";
    static final String BENEFICIARY_HEADER = "nik;name;birth_date;desa_code;occupation;phone\n";
    static final String STALE_VERSION = "{\"version\": -1}";

    /** Requests that need more than the default to reach the role and scope checks. */
    static final Map<String, Request> REQUESTS = Map.ofEntries(
            // the API
            Map.entry("POST /api/participants/duplicates/{id}/{otherId}", Request.query("confirmed=false")),
            // records with primitive fields: Jackson refuses a missing primitive (422) before any check
            Map.entry("POST /api/participants/{id}/relatives", Request.json("{\"heir\": false}")),
            Map.entry(
                    "POST /api/claims/{id}/scholarship-years",
                    Request.json("{\"married\": false, \"working\": false}")),
            Map.entry("PUT /api/paritrana/entrants/{id}/evidence/{code}", Request.json("{\"value\": 0}")),
            Map.entry("POST /api/sponsorship/programmes/{id}/end", Request.json("{\"version\": 0}")),
            Map.entry("POST /api/billing-runs", Request.json("{\"period\": \"2015-07\"}")),
            Map.entry("POST /api/payment-files", Request.DEFAULT.file("bayar.csv", PAYMENT_HEADER)),
            Map.entry("POST /api/claims/{id}/assign", Request.json(STALE_VERSION)),
            Map.entry("POST /api/claims/{id}/verify", Request.json(STALE_VERSION)),
            Map.entry("POST /api/claims/{id}/approve", Request.json(STALE_VERSION)),
            Map.entry("POST /api/claims/{id}/reject", Request.json(STALE_VERSION)),
            Map.entry("POST /api/claims/{id}/payment", Request.json(STALE_VERSION)),
            Map.entry(
                    "POST /api/claims/{id}/documents",
                    Request.form("documentType", "KWITANSI").file("kwitansi.txt", "bukan dokumen")),
            Map.entry("POST /api/kur/files", Request.DEFAULT.file("kur.csv", KUR_HEADER)),
            Map.entry(
                    "POST /api/kur/assignments",
                    Request.json("{\"bank\": \"KALBAR\", \"loanIds\": [\"MATRIKS-TIDAK-ADA\"], \"agent\": null}")),
            Map.entry("POST /api/kur/loans/{bank}/{loanId}/enrol", Request.json("{\"declaredIncome\": 1}")),
            Map.entry(
                    "PUT /api/coverage/targets/{region}/{year}",
                    Request.json("{\"target\": 5000, \"source\": \"uji matriks\"}")),
            Map.entry(
                    "POST /api/coverage/denominators",
                    Request.DEFAULT.file("penyebut.csv", DENOMINATOR_HEADER).withJson(DENOMINATOR_HEADER)),
            Map.entry("POST /api/paritrana/cycles", Request.json("{\"year\": 1999, \"category\": \"KABKOTA\"}")),
            Map.entry("PUT /api/paritrana/cycles/{id}/status", Request.json("{\"status\": \"OPEN\"}")),
            Map.entry("PUT /api/paritrana/cycles/{id}/indicators/{code}", Request.json("{\"weight\": 101}")),
            Map.entry("PUT /api/paritrana/entrants/{id}/scores/{code}", Request.json("{\"score\": 101}")),
            Map.entry(
                    "POST /api/sponsorship/programmes/{id}/beneficiaries",
                    Request.DEFAULT.file("penerima.csv", BENEFICIARY_HEADER)),
            // the pages
            Map.entry("POST /peserta/duplikat/{id}/{otherId}", Request.form("confirmed", "false")),
            Map.entry("POST /iuran/tarif/koreksi", Request.form("ref", "{ruleRef}")),
            Map.entry("POST /iuran/penagihan", Request.form("bulan", "2015-07")),
            Map.entry("POST /iuran/berkas-pembayaran", Request.DEFAULT.file("bayar.csv", PAYMENT_HEADER)),
            Map.entry("GET /klaim/baru", Request.query("peserta={participant}")),
            Map.entry("POST /klaim/baru", Request.form("participantId", "{participant}")),
            Map.entry(
                    "POST /klaim/{id:\\d+}/dokumen",
                    Request.form("documentType", "KWITANSI").file("kwitansi.txt", "bukan dokumen")),
            Map.entry("POST /klaim/{id:\\d+}/ambil", Request.form("version", "-1")),
            Map.entry("POST /klaim/{id:\\d+}/verifikasi", Request.form("version", "-1")),
            Map.entry("POST /klaim/{id:\\d+}/setujui", Request.form("version", "-1")),
            Map.entry("POST /klaim/{id:\\d+}/tolak", Request.form("version", "-1")),
            Map.entry("POST /klaim/{id:\\d+}/bayar", Request.form("version", "-1")),
            Map.entry("POST /kur/unggah", Request.DEFAULT.file("kur.csv", KUR_HEADER)),
            Map.entry(
                    "POST /kur/daftar-kerja/daftarkan",
                    Request.form("bank", "{loanBank}", "loanId", "{loanId}", "declaredIncome", "1")),
            Map.entry("POST /kur/daftar-kerja/serahkan", Request.form("pinjaman", "KALBAR|MATRIKS-TIDAK-ADA")),
            Map.entry("POST /cakupan/penyebut", Request.DEFAULT.file("penyebut.csv", DENOMINATOR_HEADER)),
            Map.entry(
                    "POST /cakupan/target",
                    Request.form("region", "{region}", "year", "{targetYear}", "target", "50", "source", "uji")),
            Map.entry("POST /cakupan/target/hapus", Request.form("region", "{region}", "year", "{targetYear}")),
            Map.entry("POST /paritrana", Request.form("year", "1999", "category", "KABKOTA")),
            Map.entry("POST /paritrana/{id}/status", Request.form("status", "OPEN")),
            Map.entry("POST /paritrana/{id}/bobot", Request.form("code", "{weightCode}", "weight", "101")),
            Map.entry("POST /paritrana/peserta/{id}/bukti", Request.form("code", "{evidenceCode}", "value", "0")),
            Map.entry("POST /paritrana/peserta/{id}/nilai", Request.form("code", "{juryCode}", "score", "101")),
            Map.entry(
                    "POST /bantuan-iuran/{id:\\d+}/penerima", Request.DEFAULT.file("penerima.csv", BENEFICIARY_HEADER)),
            Map.entry("POST /bantuan-iuran/{id:\\d+}/bayar", Request.form("bulan", "{billMonth}")));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    private List<Endpoint> endpoints;
    private ExpectationTable table;
    private Fixtures fixtures;
    private Refusals refusals;
    private final Map<Caller, MatrixClient> clients = new LinkedHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger checkedEndpoints = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();
    /** Callers asking at once: the machine has few cores, and the server renders and queries for each. */
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeAll
    void readEndpointsAndTable() {
        endpoints = Endpoints.of(context);
        table = ExpectationTable.load(TABLE);
    }

    // ------------------------------------------------------------------------------------------- the table

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theTableHasARowForEveryEndpointAndAnEndpointForEveryRow() {
        Set<String> keys = new TreeSet<>();
        endpoints.forEach(e -> keys.add(e.key()));
        List<String> missing = endpoints.stream()
                .filter(e -> !table.rows().containsKey(e.key()))
                .map(e -> e.key() + "   <- " + e.handler())
                .distinct()
                .toList();
        List<String> stale = table.rows().values().stream()
                .filter(r -> !keys.contains(r.key()))
                .map(r -> "line " + r.line() + ": " + r.key())
                .toList();
        List<String> misused = new ArrayList<>();
        for (Row row : table.rows().values()) {
            endpoints.stream()
                    .filter(e -> e.key().equals(row.key()))
                    .findFirst()
                    .ifPresent(e -> {
                        List<String> names;
                        try {
                            names = fixtureNames(e);
                        } catch (IllegalStateException unknown) {
                            misused.add("line " + row.line() + ": " + unknown.getMessage());
                            return;
                        }
                        boolean owned =
                                names.stream().anyMatch(n -> Fixtures.TOKEN.contains(n) || Fixtures.BANK.contains(n));
                        for (String column : ExpectationTable.COLUMNS) {
                            if (row.of(column) == Access.SCOPED && names.isEmpty()) {
                                misused.add("line " + row.line() + ": " + row.key() + " is 'scoped' for " + column
                                        + " but names no entity (write 'allow': its lists are narrowed to the scope)");
                            }
                            if (row.of(column) == Access.OWN && !owned) {
                                misused.add("line " + row.line() + ": " + row.key() + " is 'own' for " + column
                                        + " but names nothing a user or bank owns (an API token, a KUR file or loan)");
                            }
                        }
                    });
        }
        List<String> problems = new ArrayList<>(table.problems());
        missing.forEach(m ->
                problems.add("no row for " + m + " (add one: see docs/decisions.md," + " 'Authorization matrix')"));
        stale.forEach(s -> problems.add("no such endpoint any more: " + s + " (remove the row)"));
        problems.addAll(misused);
        REQUESTS.keySet().stream()
                .filter(k -> !keys.contains(k))
                .forEach(k -> problems.add("REQUESTS names no endpoint: " + k));
        assertThat(problems)
                .as("the expectation table %s against the application's %d endpoints", TABLE, keys.size())
                .isEmpty();
    }

    /**
     * Found while writing the table: the list of possible duplicates showed a kab/kota user every pair with one
     * worker in its scope, with the other worker's NIK and name from outside it (a pair it cannot resolve either).
     */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void aKabKotaUserSeesNoPossibleDuplicateWithAWorkerOutsideItsScope() {
        ParticipantManagement participants = context.getBean(ParticipantManagement.class);
        LindungUser admin = new LindungUser("admin", "Administrator", Role.ADMIN, RegionScope.of("61"));
        LocalDate birth = LocalDate.of(1966, 6, 16);
        long ketapang = participants
                .register(
                        new ParticipantDetails(
                                Niks.nik("610401", birth, false),
                                "Sepasang Lintas Wilayah",
                                birth,
                                Sex.L,
                                "61.04.01.2011",
                                null,
                                null,
                                null),
                        admin)
                .participant()
                .id();
        long pontianak = participants
                .register(
                        new ParticipantDetails(
                                Niks.nik("617101", birth, false),
                                "Sepasang Lintas Wilayah",
                                birth,
                                Sex.L,
                                "61.71.01.1002",
                                null,
                                null,
                                null),
                        admin)
                .participant()
                .id();

        for (String user : List.of("petugas.ketapang", "petugas.pontianak", "analis.ketapang", "agen.ketapang")) {
            ApiClient.Response list = ApiClient.as(port, user).get("/api/participants/duplicates?size=200");
            assertThat(list.status()).isEqualTo(200);
            assertThat(list.text()).as(user).doesNotContain("\"id\":" + pontianak + ",", "\"id\":" + ketapang + ",");
        }
        ApiClient.Response province = ApiClient.as(port, "petugas.kalbar").get("/api/participants/duplicates?size=200");
        assertThat(province.text()).contains("\"id\":" + pontianak + ",", "\"id\":" + ketapang + ",");
    }

    // ------------------------------------------------------------------------------------------- the matrix

    @TestFactory
    @Execution(ExecutionMode.SAME_THREAD)
    Stream<DynamicTest> everyEndpointAnswersEveryCallerAsTheTableSays() {
        prepare();
        List<DynamicTest> tests = new ArrayList<>();
        for (Row row : table.rows().values()) {
            List<Endpoint> handlers =
                    endpoints.stream().filter(e -> e.key().equals(row.key())).toList();
            if (row.excluded() || handlers.isEmpty()) {
                continue; // the table test reports rows without an endpoint
            }
            tests.add(DynamicTest.dynamicTest(row.key(), () -> {
                List<String> failures = new ArrayList<>();
                for (Endpoint endpoint : handlers) {
                    failures.addAll(check(row, endpoint));
                }
                checkedEndpoints.incrementAndGet();
                assertThat(failures)
                        .as("%s (table line %d)", row.key(), row.line())
                        .isEmpty();
            }));
        }
        return tests.stream();
    }

    @AfterAll
    void summary() {
        pool.shutdownNow();
        if (started.get() > 0) {
            log.info(
                    "Authorization matrix: {} endpoints, {} callers, {} requests in {} s",
                    checkedEndpoints.get(),
                    CALLERS.size(),
                    requests.get(),
                    (System.nanoTime() - started.get()) / 1_000_000_000);
        }
    }

    /** Fixtures, the refusal texts, and one signed-in client per caller; the callers checked against the users. */
    private void prepare() {
        long t0 = System.nanoTime();
        for (Caller c : CALLERS) {
            if (c.anonymous()) {
                continue;
            }
            var user = jdbc.sql("SELECT role, region_scope FROM app_user WHERE username = ?")
                    .param(c.username())
                    .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                    .single();
            assertThat(user).as(c.username()).containsExactly(c.role().name(), c.scope());
            assertThat(jdbc.sql("SELECT bank_code FROM kur_bank_user WHERE username = ?")
                            .param(c.username())
                            .query(String.class)
                            .optional()
                            .orElse(null))
                    .as(c.username())
                    .isEqualTo(c.bank());
        }
        fixtures = new Fixtures(context);
        refusals = new Refusals(messages);
        boolean basic = "basic".equals(System.getProperty("lindung.authz.api-auth"));
        for (Caller c : CALLERS) {
            if (c.anonymous()) {
                clients.put(c, MatrixClient.anonymous(port));
                continue;
            }
            String authorization;
            if (basic) {
                authorization = MatrixClient.basic(c.username(), ApiClient.DEMO_PASSWORD);
            } else {
                ApiClient.Response issued = ApiClient.as(port, c.username())
                        .post("/api/tokens", ApiClient.json("name", "authorization matrix"));
                assertThat(issued.status()).as(issued.text()).isEqualTo(201);
                authorization = "Bearer " + issued.json().path("token").asString();
            }
            clients.put(c, MatrixClient.signedIn(port, c.username(), ApiClient.DEMO_PASSWORD, authorization));
        }
        log.info(
                "Authorization matrix prepared in {} ms ({} API authentication)",
                (System.nanoTime() - t0) / 1_000_000,
                basic ? "HTTP Basic" : "API token");
        started.set(System.nanoTime());
    }

    /**
     * Every caller against one handler of a row, for each fixture set it names; the mismatches. The callers run at
     * once (each with its own session), except against endpoints that delete what the next caller needs again.
     */
    private List<String> check(Row row, Endpoint endpoint) throws Exception {
        List<String> names;
        try {
            names = fixtureNames(endpoint);
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
        // deletes: each caller needs the entity the one before deleted; PDFs: several renderings at once only
        // fight over the test JVM's small heap
        boolean oneAtATime = endpoint.method().equals("DELETE")
                || endpoint.pattern().endsWith("/hapus")
                || endpoint.pattern().endsWith(".pdf");
        List<Future<List<String>>> results = new ArrayList<>();
        for (Caller caller : CALLERS) {
            Callable<List<String>> task = () -> check(row, endpoint, names, caller);
            results.add(oneAtATime ? CompletableFuture.completedFuture(task.call()) : pool.submit(task));
        }
        List<String> failures = new ArrayList<>();
        for (Future<List<String>> result : results) {
            failures.addAll(result.get(5, TimeUnit.MINUTES));
        }
        return failures;
    }

    /** One caller against one handler, for each fixture set the request names. */
    private List<String> check(Row row, Endpoint endpoint, List<String> names, Caller caller) {
        List<String> failures = new ArrayList<>();
        Request template = REQUESTS.getOrDefault(endpoint.key(), Request.DEFAULT);
        // anonymous callers are turned away (or served) before any entity is read: one set is enough
        List<FixtureSet> sets = names.isEmpty() || caller.anonymous() ? List.of(fixtures.ketapang) : fixtures.sets();
        boolean regional = names.stream().anyMatch(Fixtures.REGIONAL::contains);
        Access access = row.of(caller.column());
        Set<String> sent = new HashSet<>();
        for (FixtureSet set : sets) {
            Map<String, String> values = new LinkedHashMap<>(set.values());
            values.putAll(fixtures.beforeRequest(endpoint, set, names));
            String path = Endpoints.expand(endpoint.pattern(), v -> values.get(variableFixture(endpoint, v)));
            String query = fill(template.query(), values);
            String url = path + (query.isEmpty() ? "" : "?" + query);
            Body body = body(endpoint, template, values);
            if (!sent.add(endpoint.method() + " " + url + body.describe())) {
                continue; // the same request for both sets: the entities named are not regional
            }
            boolean inScope = !regional || caller.includes(set.region());
            Boolean owned = Fixtures.owns(caller.username(), caller.bank(), set, names);
            MatrixClient client = clients.get(caller);
            Answer answer = client.send(endpoint.method(), url, body, endpoint.api());
            requests.incrementAndGet();
            Answer followed = null;
            boolean write = !endpoint.reads();
            if (!endpoint.api()
                    && write
                    && (answer.status() == 302 || answer.status() == 303)
                    && !answer.location().replaceAll("\\?.*", "").endsWith("/login")) {
                followed = client.follow(answer.location());
                requests.incrementAndGet();
            }
            Outcome outcome = refusals.classify(endpoint.api(), write, answer, followed);
            Set<Outcome> expected = expected(access, caller, inScope, owned, endpoint);
            if (!expected.contains(outcome)) {
                failures.add(String.format(
                        "%s as %s%s: %s %s -> expected %s (%s), got %d %s%s",
                        endpoint.key(),
                        caller,
                        sets.size() > 1
                                ? " [" + set.name() + " entity, " + (inScope ? "in" : "outside") + " scope]"
                                : "",
                        endpoint.method(),
                        url,
                        expected,
                        access.name().toLowerCase(),
                        answer.status(),
                        outcome,
                        detail(answer, followed)));
            }
        }
        return failures;
    }

    /** The outcomes the table's access allows for a caller and an entity in or outside its reach. */
    static Set<Outcome> expected(
            Access access, Caller caller, boolean inScope, @Nullable Boolean owned, Endpoint endpoint) {
        Set<Outcome> refusedOrHidden = EnumSet.of(Outcome.REFUSED, Outcome.NOT_FOUND);
        return switch (access) {
            case ALLOW, PUBLIC -> EnumSet.of(Outcome.ALLOWED);
            case LOGIN ->
                endpoint.api() && !endpoint.reads()
                        // a write without a session or credentials meets the CSRF check before the sign-in check
                        ? EnumSet.of(Outcome.LOGIN, Outcome.REFUSED)
                        : EnumSet.of(Outcome.LOGIN);
            case DENY -> inScope ? EnumSet.of(Outcome.REFUSED) : refusedOrHidden;
            case SCOPED -> inScope ? EnumSet.of(Outcome.ALLOWED) : refusedOrHidden;
            case OWN ->
                owned == null
                        ? EnumSet.noneOf(Outcome.class) // 'own' for an endpoint owning nothing
                        : owned ? EnumSet.of(Outcome.ALLOWED) : refusedOrHidden;
            case PROVINCE ->
                caller.scope().length() > 2
                        ? (inScope ? EnumSet.of(Outcome.REFUSED) : refusedOrHidden)
                        : EnumSet.of(Outcome.ALLOWED);
            case EXCLUDED -> EnumSet.allOf(Outcome.class);
        };
    }

    private String detail(Answer answer, @Nullable Answer followed) {
        String text = followed != null ? followed.text() : answer.text();
        String refusal = refusals.refusalIn(text);
        if (!refusal.isEmpty()) {
            return " [" + refusal + "]";
        }
        if (!answer.location().isEmpty()) {
            return " [-> " + answer.location() + "]";
        }
        String shown = answer.contentType().contains("json")
                ? answer.text()
                : answer.text()
                        .replaceAll("(?s)<head>.*?</head>", "")
                        .replaceAll("<[^>]+>", " ")
                        .replaceAll("\\s+", " ");
        return shown.isBlank()
                ? ""
                : " [" + shown.strip().substring(0, Math.min(240, shown.strip().length())) + "]";
    }

    /** The fixtures an endpoint's request names: its path variables' and its template's placeholders. */
    static List<String> fixtureNames(Endpoint endpoint) {
        List<String> names = new ArrayList<>();
        for (String variable : endpoint.variables()) {
            names.add(variableFixture(endpoint, variable));
        }
        Request template = REQUESTS.getOrDefault(endpoint.key(), Request.DEFAULT);
        List<String> texts = new ArrayList<>(template.form().values());
        texts.add(template.query());
        if (template.json() != null) {
            texts.add(template.json());
        }
        for (String text : texts) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static String variableFixture(Endpoint endpoint, String variable) {
        for (List<String> entry : VARIABLES) {
            if (endpoint.pattern().startsWith(entry.get(0))) {
                for (int i = 1; i < entry.size(); i += 2) {
                    if (entry.get(i).equals(variable)) {
                        return entry.get(i + 1);
                    }
                }
            }
        }
        throw new IllegalStateException("no fixture for {" + variable + "} of " + endpoint.key()
                + ": add it to AuthorizationMatrixTest.VARIABLES (and to Fixtures if it is a new kind of entity)");
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException("no fixture named " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Body body(Endpoint endpoint, Request template, Map<String, String> values) {
        if (endpoint.reads() || endpoint.method().equals("DELETE")) {
            return Body.none();
        }
        Map<String, String> form = new LinkedHashMap<>();
        template.form().forEach((k, v) -> form.put(k, fill(v, values)));
        if (endpoint.consumesMultipart()) {
            String name = template.fileName() == null ? "berkas.csv" : template.fileName();
            String content = template.file() == null ? "kolom\n" : template.file();
            return Body.multipart(form, name, fill(content, values).getBytes(StandardCharsets.UTF_8));
        }
        if (endpoint.api()) {
            if (endpoint.consumes().stream().anyMatch(c -> c.startsWith("text/"))) {
                return Body.csv(template.json() == null ? "kolom\n" : template.json());
            }
            return Body.json(template.json() == null ? "{}" : fill(template.json(), values));
        }
        return Body.form(form);
    }
}
