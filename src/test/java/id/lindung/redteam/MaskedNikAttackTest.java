package id.lindung.redteam;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The attack of issue 16: masked NIKs rebuilt from what is shown beside them. The six hidden digits of
 * {@code 610401******0001} are the birth date (women: day + 40), so any surface that shows a masked NIK and the full
 * birth date gives the NIK back. As each role that sees NIKs masked (government analyst, bank officer, field agent)
 * the test reads every surface that names the victim — participant API, search, detail, history, relatives, the
 * registry export, duplicates, the edit form, KUR loan lists and exports, claims with heirs — and tries what the
 * outside tester did: for every masked NIK and every date in the same response, rebuild the NIK and compare. It also
 * checks that no response carries the full NIK, a full birth date, an heir's bank account or a diagnosis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class MaskedNikAttackTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final List<String> MASKED_ROLES = List.of("analis.provinsi", "bank.kalbar", "agen.ketapang");
    private static final Pattern MASKED = Pattern.compile("(\\d{6})\\*{6}(\\d{4})");
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern LONG_DATE = Pattern.compile("(\\d{1,2}) (\\p{L}+) (\\d{4})");
    private static final String ACCOUNT = "0123456789012";
    private static final String DIAGNOSIS = "Fraktur terbuka tibia kiri";

    @LocalServerPort
    int port;

    private LocalDate birth;
    private String nik;
    private String heirNik;
    private LocalDate heirBirth;
    private long participant;
    private long claim;
    private String name;

    @BeforeEach
    void victim() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        long salt = System.nanoTime() % 10_000;
        birth = LocalDate.of(1985, 3, 7).plusDays(salt % 300);
        nik = Niks.nik("610401", birth, true); // a woman: day + 40 in the NIK
        name = "Korban Uji " + letters(salt);
        Response registered =
                ApiFixtures.register(officer, nik, name, birth, "P", KETAPANG_DESA, "phone", "081234567890");
        participant = registered.json().path("participant").path("id").asLong();
        // a change of birth date: the audit history holds both dates
        Response read = officer.get("/api/participants/" + participant);
        LocalDate corrected = birth.plusDays(1);
        String correctedNik = Niks.nik("610401", corrected, true);
        Response changed = officer.put(
                "/api/participants/" + participant,
                ApiFixtures.worker(
                        correctedNik,
                        name,
                        corrected,
                        "P",
                        KETAPANG_DESA,
                        "phone",
                        "081234567890",
                        "version",
                        read.json().path("version").asInt()));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        birth = corrected;
        nik = correctedNik;
        heirBirth = LocalDate.of(1983, 11, 20).plusDays(salt % 200);
        heirNik = Niks.nik("610401", heirBirth, false);
        Response heir = officer.post(
                "/api/participants/" + participant + "/relatives",
                ApiFixtures.relative("SPOUSE", "Suami " + name, heirNik, heirBirth.toString(), "L", true));
        assertThat(heir.status()).as(heir.text()).isEqualTo(201);
        // a KUR loan of the victim from the bank's file, with the birth date the bank holds
        String file = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code;birth_date\n"
                + "KALBAR;Ketapang;MASK-" + salt + ";" + nik + ";" + name + ";MIKRO;50000000;2026-10-02;Perdagangan;"
                + "61.04;" + birth + "\n";
        Response loans = ApiClient.as(port, "bank.kalbar")
                .postMultipart(
                        "/api/kur/files",
                        Map.of(),
                        "file",
                        "mask-" + salt + ".csv",
                        file.getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(loans.status()).as(loans.text()).isIn(200, 201);
        // a claim with the heir's NIK and bank account and a diagnosis in the intake
        Response taken = officer.post(
                "/api/claims",
                ApiFixtures.workAccidentClaim(
                        participant,
                        "JKK_MEDICAL",
                        "2026-10-01",
                        "invoices",
                        List.of(Map.of("date", "2026-10-01", "description", DIAGNOSIS, "amount", 1_500_000)),
                        "heirs",
                        List.of(Map.of(
                                "name", "Suami " + name, "relation", "SPOUSE", "nik", heirNik, "bankAccount", ACCOUNT)),
                        "note",
                        DIAGNOSIS));
        assertThat(taken.status()).as(taken.text()).isEqualTo(201);
        claim = taken.json().path("id").asLong();
    }

    private Map<String, String> surfaces(String user) {
        Map<String, String> paths = new LinkedHashMap<>();
        String q = name.replace(" ", "%20");
        paths.put("api search", "/api/participants?name=" + q);
        paths.put("api detail", "/api/participants/" + participant);
        paths.put("api history", "/api/participants/" + participant + "/history");
        paths.put("api relatives", "/api/participants/" + participant + "/relatives");
        paths.put("api duplicates", "/api/participants/duplicates?size=100");
        paths.put("page search", "/peserta?name=" + q);
        paths.put("page detail", "/peserta/" + participant);
        paths.put("page edit", "/peserta/" + participant + "/ubah");
        paths.put("page duplicates", "/peserta/duplikat");
        paths.put("csv registry", "/peserta/ekspor.csv?name=" + q);
        paths.put("api kur loans", "/api/kur/loans?size=200");
        paths.put("api kur work list", "/api/kur/work-list?size=200");
        paths.put("page kur loans", "/kur/peminjam");
        paths.put("csv kur loans", "/kur/peminjam.csv");
        paths.put("page kur work list", "/kur/daftar-kerja");
        paths.put("api claims of participant", "/api/participants/" + participant + "/claims");
        paths.put("api claim", "/api/claims/" + claim);
        paths.put("page claim", "/klaim/" + claim);
        return paths;
    }

    @Test
    void noMaskedSurfaceGivesTheNikBack() {
        List<String> leaks = new ArrayList<>();
        int read = 0;
        for (String user : MASKED_ROLES) {
            ApiClient client = ApiClient.as(port, user);
            for (Map.Entry<String, String> surface : surfaces(user).entrySet()) {
                String path = surface.getValue();
                Response r = path.startsWith("/api/") ? client.get(path) : client.getPage(path);
                if (r.status() != 200) {
                    continue; // refused to this role: nothing shown
                }
                read++;
                String body = r.text();
                String where = user + " " + surface.getKey() + " (" + path + ")";
                for (String secret : List.of(nik, heirNik, ACCOUNT, DIAGNOSIS)) {
                    if (body.contains(secret)) {
                        leaks.add(where + ": shows " + secret);
                    }
                }
                for (LocalDate d : List.of(birth, heirBirth)) {
                    for (String shown : renderings(d)) {
                        if (body.contains(shown)) {
                            leaks.add(where + ": shows the birth date " + shown);
                        }
                    }
                }
                for (String rebuilt : rebuild(body)) {
                    if (rebuilt.equals(nik) || rebuilt.equals(heirNik)) {
                        leaks.add(where + ": NIK rebuilt " + rebuilt);
                    }
                }
            }
        }
        assertThat(read).as("surfaces the masked roles could read").isGreaterThanOrEqualTo(20);
        assertThat(leaks).isEmpty();
    }

    @Test
    void theSameSurfacesShowTheNikToThoseWhoVerifyIdentities() {
        // the attack above must be able to fail: an officer's answers do hold what it looks for
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        String detail = officer.get("/api/participants/" + participant).text();
        assertThat(detail).contains(nik, birth.toString());
        assertThat(officer.get("/api/claims/" + claim).text()).contains(heirNik, ACCOUNT, DIAGNOSIS);
        assertThat(rebuild(
                        "NIK " + nik.substring(0, 6) + "******" + nik.substring(12) + " lahir " + birth + " perempuan"))
                .contains(nik);
    }

    @Test
    void anAgentCannotSetTheBirthDateToConfirmAGuess() {
        ApiClient agent = ApiClient.as(port, "agen.ketapang");
        Response shown = agent.get("/api/participants/" + participant);
        assertThat(shown.json().path("birthDate").isNull()
                        || shown.json().path("birthDate").isMissingNode())
                .isTrue();
        assertThat(shown.json().path("birthYear").asInt()).isEqualTo(birth.getYear());
        for (LocalDate guess : List.of(birth, birth.plusDays(1))) {
            Response tried = agent.put(
                    "/api/participants/" + participant,
                    ApiFixtures.worker(
                            shown.json().path("nik").asString(),
                            name,
                            guess,
                            "P",
                            KETAPANG_DESA,
                            "version",
                            shown.json().path("version").asInt()));
            // the right guess and the wrong one answer the same
            assertThat(tried.status()).as(tried.text()).isEqualTo(422);
            assertThat(tried.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("birthDate");
        }
        Response tried = agent.put(
                "/api/participants/" + participant,
                json(
                        "nik",
                        nik,
                        "fullName",
                        name,
                        "sex",
                        "P",
                        "regionCode",
                        KETAPANG_DESA,
                        "version",
                        shown.json().path("version").asInt()));
        assertThat(tried.status()).isEqualTo(422);
        assertThat(tried.json().path("errors").get(0).path("field").asString()).isEqualTo("nik");
        // what an agent may change, it changes; the identity stays
        Response renamed = agent.put(
                "/api/participants/" + participant,
                json(
                        "nik",
                        shown.json().path("nik").asString(),
                        "fullName",
                        name + " Putri",
                        "sex",
                        "P",
                        "regionCode",
                        KETAPANG_DESA,
                        "phone",
                        "081299990000",
                        "version",
                        shown.json().path("version").asInt()));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        String stored = ApiClient.as(port, "petugas.kalbar")
                .get("/api/participants/" + participant)
                .text();
        assertThat(stored).contains(nik, birth.toString(), name + " Putri");
    }

    /** A name part from a number (names take letters only). */
    private static String letters(long n) {
        StringBuilder b = new StringBuilder();
        for (long v = n + 1; v > 0; v /= 26) {
            b.append((char) ('a' + v % 26));
        }
        return "Ibu" + b;
    }

    /** The ways a page, an export or an API may write a date. */
    private static List<String> renderings(LocalDate d) {
        Locale id = Locale.forLanguageTag("id-ID");
        return List.of(
                d.toString(),
                d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", id)),
                d.format(DateTimeFormatter.ofPattern("d MMM yyyy", id)),
                d.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH)),
                d.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                d.format(DateTimeFormatter.ofPattern("dd-MM-yyyy")),
                "[" + d.getYear() + "," + d.getMonthValue() + "," + d.getDayOfMonth() + "]");
    }

    /** Every NIK the masked ones and the dates of the same text give back (both sexes). */
    static List<String> rebuild(String body) {
        List<LocalDate> dates = new ArrayList<>();
        Matcher iso = ISO_DATE.matcher(body);
        while (iso.find()) {
            try {
                dates.add(LocalDate.of(
                        Integer.parseInt(iso.group(1)),
                        Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3))));
            } catch (java.time.DateTimeException e) {
                // not a date
            }
        }
        Matcher written = LONG_DATE.matcher(body);
        while (written.find()) {
            for (Locale locale : List.of(Locale.forLanguageTag("id-ID"), Locale.ENGLISH)) {
                for (String pattern : List.of("d MMMM yyyy", "d MMM yyyy")) {
                    try {
                        dates.add(LocalDate.parse(written.group(), DateTimeFormatter.ofPattern(pattern, locale)));
                    } catch (java.time.format.DateTimeParseException e) {
                        // another format
                    }
                }
            }
        }
        List<String> rebuilt = new ArrayList<>();
        Matcher masked = MASKED.matcher(body);
        while (masked.find()) {
            for (LocalDate d : dates) {
                for (int women = 0; women <= 40; women += 40) {
                    rebuilt.add(masked.group(1)
                            + String.format(
                                    "%02d%02d%02d", d.getDayOfMonth() + women, d.getMonthValue(), d.getYear() % 100)
                            + masked.group(2));
                }
            }
        }
        return rebuilt;
    }
}
