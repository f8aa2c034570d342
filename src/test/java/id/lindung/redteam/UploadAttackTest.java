package id.lindung.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.authz.Endpoints;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Tags;
import id.lindung.support.Xlsx;
import id.lindung.support.XlsxBombs;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16, point 6, from the attacker's side: decompression bombs built here with {@code ZipOutputStream} (a huge
 * inline cell, a sheet of whitespace, a thousand-to-one sheet of small rows, too many parts, headers that lie about
 * sizes) uploaded over HTTP to every upload endpoint the running application has, read from Spring MVC's mappings so
 * that a new upload endpoint without a case here fails {@link #everyUploadEndpointIsAttacked}; truncated multipart
 * bodies; invalid {@code ?lang=} values and bad request parameters. Each must get a 4xx (or the page's own error list)
 * with a clear message, no text of a library, and the server must not have allocated the bomb's content.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadAttackTest {

    /** What betrays a library's message or a stack trace in an answer. */
    static final Pattern LIBRARY_TEXT = Pattern.compile("Exception|\\b(java|javax|jakarta|org|com)\\.[a-z]+\\.|"
            + "ZIP archive|Zip content|Stream ended|Unexpected (character|EOF|end)|XMLStream|fastexcel|dhatim|"
            + "commons-compress|FileUpload|Tomcat|Jackson|\\bat [a-z]+\\.[a-z]+");
    /** Bytes the server's request threads may allocate for one refused bomb; reading one allocates hundreds of MB. */
    private static final long ALLOCATION_BOUND = 64L << 20;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    /** An upload endpoint: how to reach it, as whom, and whether it reads XLSX workbooks. */
    record Target(String key, String path, boolean api, String user, boolean xlsx) {}

    private final List<Target> targets = new ArrayList<>();
    private final Map<String, RedTeamSession> sessions = new HashMap<>();

    @BeforeAll
    void targets() {
        YearMonth now = YearMonth.from(id.lindung.support.TestClock.DATE);
        long programmeId = ApiFixtures.createKetapangProgramme(
                ApiClient.as(port, "petugas.ketapang"),
                "Serangan unggah " + System.nanoTime(),
                10_000_000,
                now,
                now.plusMonths(2));
        targets.add(new Target("POST /api/kur/files", "/api/kur/files", true, "petugas.kalbar", true));
        targets.add(new Target("POST /kur/unggah", "/kur/unggah", false, "petugas.kalbar", true));
        targets.add(new Target("POST /api/contribution-history", "/api/contribution-history", true, "admin", true));
        targets.add(new Target("POST /iuran/riwayat", "/iuran/riwayat", false, "admin", true));
        targets.add(new Target(
                "POST /api/sponsorship/programmes/{id}/beneficiaries",
                "/api/sponsorship/programmes/" + programmeId + "/beneficiaries",
                true,
                "petugas.ketapang",
                true));
        targets.add(new Target(
                "POST /bantuan-iuran/{id:\\d+}/penerima",
                "/bantuan-iuran/" + programmeId + "/penerima",
                false,
                "petugas.ketapang",
                true));
        targets.add(new Target("POST /api/payment-files", "/api/payment-files", true, "admin", false));
        targets.add(new Target("POST /iuran/berkas-pembayaran", "/iuran/berkas-pembayaran", false, "admin", false));
        targets.add(new Target("POST /api/coverage/denominators", "/api/coverage/denominators", true, "admin", false));
        targets.add(new Target("POST /cakupan/penyebut", "/cakupan/penyebut", false, "admin", false));
        // a claim that does not exist: the attacker's file must not be read, nor its reader's words shown
        targets.add(
                new Target("POST /api/claims/{id}/documents", "/api/claims/999999999/documents", true, "admin", false));
        targets.add(new Target("POST /klaim/{id:\\d+}/dokumen", "/klaim/999999999/dokumen", false, "admin", false));
    }

    private RedTeamSession as(String user) {
        return sessions.computeIfAbsent(user, u -> RedTeamSession.signIn(port, u));
    }

    @Test
    void everyUploadEndpointIsAttacked() {
        Set<String> uploads = Endpoints.of(context).stream()
                .filter(Endpoints.Endpoint::consumesMultipart)
                .map(Endpoints.Endpoint::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> attacked = targets.stream().map(Target::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(attacked)
                .as("upload endpoints of the application: add a Target for a new one")
                .isEqualTo(uploads);
    }

    // --------------------------------------------------------------------------------------------------- bombs

    /** The bombs, each with the refusal it must get (default limits). */
    private static Map<String, Bomb> bombs() {
        Map<String, Bomb> bombs = new LinkedHashMap<>();
        bombs.put("huge inline cell", new Bomb(XlsxBombs.hugeCell(60), "upload.xlsx.cell"));
        bombs.put("sheet of whitespace", new Bomb(XlsxBombs.whitespace(200), "upload.xlsx.cell"));
        bombs.put("1000:1 small rows", new Bomb(XlsxBombs.repeatedRows(1_000_000), "upload.xlsx.ratio"));
        bombs.put("too many parts", new Bomb(XlsxBombs.manyEntries(1_500), "upload.xlsx.entries"));
        bombs.put("lying sizes", new Bomb(XlsxBombs.lyingSizes(1_000_000), "upload.xlsx.ratio"));
        return bombs;
    }

    record Bomb(byte[] bytes, String refusal) {}

    @Test
    void decompressionBombsAreRefusedBeforeAnyCellIsRead() {
        Map<String, Bomb> bombs = bombs();
        assertThat(bombs.get("huge inline cell").bytes().length)
                .as("a small file on the wire")
                .isLessThan(100_000);
        assertThat(bombs.get("sheet of whitespace").bytes().length).isLessThan(400_000);
        List<String> failures = new ArrayList<>();
        for (Target target : targets.stream().filter(Target::xlsx).toList()) {
            for (Map.Entry<String, Bomb> bomb : bombs.entrySet()) {
                long before = requestThreadAllocation();
                RedTeamSession.Answer answer = as(target.user())
                        .upload(
                                target.path(),
                                target.api(),
                                "bom.xlsx",
                                bomb.getValue().bytes());
                long allocated = requestThreadAllocation() - before;
                answer = target.api() ? answer : as(target.user()).pageAfterRedirect(answer);
                String what = target.key() + " <- " + bomb.getKey() + ": ";
                String expected = message(bomb.getValue().refusal());
                if (target.api()) {
                    if (answer.status() != 422
                            || !answer.text()
                                    .contains("\"code\":\"" + bomb.getValue().refusal())) {
                        failures.add(what + answer.status() + " " + answer.text());
                    }
                } else if (answer.status() >= 500 || !answer.text().contains(expected)) {
                    failures.add(what + answer.status() + " without the message '" + expected + "'");
                }
                if (LIBRARY_TEXT.matcher(answer.text()).find()) {
                    failures.add(what + "library text in the answer: " + excerpt(answer.text()));
                }
                if (allocated > ALLOCATION_BOUND) {
                    failures.add(what + "the server allocated " + (allocated >> 20) + " MB");
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** Uploads that take only CSV or PDF refuse a workbook by its content, whatever it holds. */
    @Test
    void bombsSentToCsvAndPdfUploadsAreRefusedByTheirContent() {
        byte[] bomb = XlsxBombs.hugeCell(60);
        List<String> failures = new ArrayList<>();
        for (Target target : targets.stream().filter(t -> !t.xlsx()).toList()) {
            for (String name : List.of("bom.xlsx", "bom.csv", "bom.pdf")) {
                RedTeamSession.Answer answer = as(target.user()).upload(target.path(), target.api(), name, bomb);
                answer = target.api() ? answer : as(target.user()).pageAfterRedirect(answer);
                String what = target.key() + " <- " + name + ": ";
                boolean refused = target.api()
                        ? answer.status() >= 400 && answer.status() < 500
                        : answer.status() < 500
                                && (answer.status() >= 400
                                        || answer.text().contains("biner")
                                        || answer.text().contains("PDF"));
                if (!refused) {
                    failures.add(what + answer.status() + " " + excerpt(answer.text()));
                }
                if (LIBRARY_TEXT.matcher(answer.text()).find()) {
                    failures.add(what + "library text in the answer: " + excerpt(answer.text()));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /** A workbook within the limits still goes through (the limits refuse bombs, not files). */
    @Test
    void anOrdinaryWorkbookIsStillRead() {
        byte[] workbook = Xlsx.sheet(
                "KUR",
                "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;" + "region_code",
                new Object[] {
                    "KALBAR",
                    "Ketapang",
                    "RT-UP-1",
                    "6104011705900001",
                    "Sri Wahyuni",
                    "MIKRO",
                    10_000_000,
                    LocalDate.of(2026, 10, 1),
                    "Perdagangan",
                    "61.04.01"
                });
        RedTeamSession.Answer answer = as("petugas.kalbar").upload("/api/kur/files", true, "kur.xlsx", workbook);
        assertThat(answer.status()).as(answer.text()).isEqualTo(201);
    }

    // ----------------------------------------------------------------------------------------------- requests

    @Test
    void aTruncatedMultipartBodyIsRefusedWithLindungsAnswer() {
        byte[] workbook = Xlsx.sheet("KUR", "bank;name", new Object[] {"KALBAR", "Sri"});
        List<String> failures = new ArrayList<>();
        for (Target target : targets) {
            String boundary = "----cut" + System.nanoTime();
            byte[] body = RedTeamSession.multipart(boundary, "kur.xlsx", workbook, false);
            RedTeamSession.Answer answer = as(target.user())
                    .post(target.path(), target.api(), "multipart/form-data; boundary=" + boundary, body);
            checkRefusal(target.key() + " truncated", target.api(), answer, failures);
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void anInvalidLanguageIsIgnoredNotA500() {
        RedTeamSession anonymous = RedTeamSession.anonymous(port);
        RedTeamSession officer = as("petugas.kalbar");
        List<String> failures = new ArrayList<>();
        for (String lang : List.of("xx_!!", "%00", "e%0d%0aSet-Cookie:x=1", "en-US-x-" + "a".repeat(300), "_", "-")) {
            for (String path : List.of("/login?lang=", "/?lang=", "/peserta?lang=")) {
                RedTeamSession.Answer answer = (path.startsWith("/login") ? anonymous : officer).page(path + lang);
                if (answer.status() >= 500 || answer.text().isBlank()) {
                    failures.add(path + lang + ": " + answer.status());
                }
            }
            RedTeamSession.Answer api = officer.api("/api/regions?lang=" + lang);
            if (api.status() >= 500 || api.text().isBlank()) {
                failures.add("/api/regions?lang=" + lang + ": " + api.status());
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * Every page and API list without path variables, asked with bad values for the parameters lists take: a 4xx
     * with Lindung's page or problem details, or the list as usual — never a 500. A sweep over every endpoint, so
     * in the matrix lane (the full run), not the fast one.
     */
    @Test
    @Tag(Tags.MATRIX)
    void badRequestParametersAreRefusedNotA500() {
        RedTeamSession officer = as("admin");
        List<String> failures = new ArrayList<>();
        List<String> bad = List.of(
                "page=-1&size=-5",
                "page=abc&size=x",
                "page=99999999999&size=2147483647",
                "page=2147483647&size=200",
                "year=99999999999&tahun=-1&bulan=13&month=2026-13",
                "q=%00&nik=%00&name=%00",
                "status=%27%22%3C&kelompok=%3Cscript%3E&region=..%2F..&bank=%00");
        for (Endpoints.Endpoint endpoint : Endpoints.of(context)) {
            if (!endpoint.method().equals("GET")
                    || !endpoint.variables().isEmpty()
                    || endpoint.pattern().startsWith("/actuator")
                    || endpoint.pattern().contains("*")
                    || endpoint.pattern().equals("/error")
                    || endpoint.pattern().startsWith("/v3/")
                    || endpoint.pattern().startsWith("/swagger")) {
                continue;
            }
            for (String query : bad) {
                String path = endpoint.pattern() + "?" + query;
                RedTeamSession.Answer answer = endpoint.api() ? officer.api(path) : officer.page(path);
                if (answer.status() >= 500
                        || (answer.status() >= 400 && answer.text().isBlank())) {
                    failures.add(path + ": " + answer.status() + " " + excerpt(answer.text()));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private void checkRefusal(String what, boolean api, RedTeamSession.Answer answer, List<String> failures) {
        if (answer.status() < 400 || answer.status() >= 500) {
            failures.add(what + ": " + answer.status() + " " + excerpt(answer.text()));
        } else if (api && !answer.contentType().contains("problem+json")) {
            failures.add(what + ": " + answer.status() + " as " + answer.contentType() + " " + excerpt(answer.text()));
        } else if (!api && !answer.text().contains("id=\"error-title\"")) {
            failures.add(what + ": " + answer.status() + " without Lindung's error page " + excerpt(answer.text()));
        }
        if (LIBRARY_TEXT.matcher(answer.text()).find()) {
            failures.add(what + ": library text in the answer: " + excerpt(answer.text()));
        }
    }

    private String message(String code) {
        return context.getBean(org.springframework.context.MessageSource.class)
                .getMessage(code, new Object[] {0}, java.util.Locale.forLanguageTag("id-ID"))
                .replaceAll("\\{.*", "")
                .split(":")[0];
    }

    /**
     * Bytes allocated so far by this server's request threads (its Tomcat connector's {@code exec} threads; other
     * servers may run in the JVM beside this test).
     */
    private long requestThreadAllocation() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        // the connector's name, "http-nio-auto-1-<port>" once bound to a random port, names its threads without the
        // port: "http-nio-auto-1-exec-3"
        String name = ((AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler())
                .getName()
                .replace("\"", "")
                .replaceFirst("-" + server.getPort() + "$", "");
        String prefix = name + "-exec-";
        long total = 0;
        int seen = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith(prefix)) {
                total += Math.max(0, threads.getThreadAllocatedBytes(thread.getId()));
                seen++;
            }
        }
        if (seen == 0) {
            throw new IllegalStateException("no request thread named " + prefix + "*");
        }
        return total;
    }

    private static String excerpt(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
