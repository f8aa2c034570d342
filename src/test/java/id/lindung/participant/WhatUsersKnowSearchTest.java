package id.lindung.participant;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.SignIn;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Issue 18 point 7, over HTTP: the registration form takes the birth date and sex from the NIK when they are left
 * empty (a browser without JavaScript) and refuses a mismatch; the registry is searched by the NIK's last digits and
 * by a part of the name anywhere in it. The attacker's side: too few digits, more than the last four digits of a
 * masked NIK (they would spell out its hidden birth date a digit at a time), and an ending registered in another
 * kab/kota are refused or find nothing, and every answer shows NIKs as the role may see them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WhatUsersKnowSearchTest {

    private static final String KETAPANG_DESA = "61.04.01.2011";
    private static final String PONTIANAK_DESA = "61.71.01.1002";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFormFillsBirthDateAndSexFromTheNikAndRefusesAMismatch() throws Exception {
        LocalDate birth = LocalDate.of(1987, 2, 9).plusDays(System.nanoTime() % 200);
        String nik = Niks.nik("610401", birth, true);
        String name = "Siti Isian Nik " + letters();

        // sent without birth date and sex, as a browser without JavaScript may: taken from the NIK
        HttpResponse<String> saved = postForm(
                "petugas.ketapang", "/peserta/baru", Map.of("nik", nik, "fullName", name, "regionCode", KETAPANG_DESA));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        String location = saved.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.replaceAll(".*/peserta/(\\d+).*", "$1"));
        Response read = ApiClient.as(port, "petugas.ketapang").get("/api/participants/" + id);
        assertThat(read.json().path("birthDate").asString()).isEqualTo(birth.toString());
        assertThat(read.json().path("sex").asString()).isEqualTo("P");

        // what was entered is never overwritten: a different date or sex is refused, naming the NIK's digits
        String other = Niks.nik("610401", birth, true);
        HttpResponse<String> wrongDate = postForm(
                "petugas.ketapang",
                "/peserta/baru",
                Map.of(
                        "nik",
                        other,
                        "fullName",
                        name + " Dua",
                        "regionCode",
                        KETAPANG_DESA,
                        "birthDate",
                        birth.plusDays(1).toString(),
                        "sex",
                        "P"));
        assertThat(wrongDate.statusCode()).isNotEqualTo(302);
        assertThat(wrongDate.body()).contains("id=\"nik-error\"").contains(other.substring(6, 12));
        HttpResponse<String> wrongSex = postForm(
                "petugas.ketapang",
                "/peserta/baru",
                Map.of("nik", other, "fullName", name + " Dua", "regionCode", KETAPANG_DESA, "sex", "L"));
        assertThat(wrongSex.statusCode()).isNotEqualTo(302);
        assertThat(wrongSex.body()).contains("id=\"nik-error\"");
        assertThat(ApiClient.as(port, "petugas.ketapang")
                        .get("/api/participants?nik=" + other)
                        .json()
                        .path("items"))
                .isEmpty();
    }

    @Test
    void aNikEndingFindsOnlyWithinScopeAndAMaskedNikGivesNoMoreThanItsLastFourDigits() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        LocalDate birth = LocalDate.of(1979, 3, 1).plusDays(System.nanoTime() % 300);
        int serial = 1000 + (int) (System.nanoTime() % 8000);
        String ketapangNik = Niks.of("610401", birth, false, serial);
        String pontianakNik = Niks.of("617101", birth, false, serial);
        String name = "Ujang Ekor Nik " + letters();
        ApiFixtures.register(officer, ketapangNik, name, birth, "L", KETAPANG_DESA);
        ApiFixtures.register(officer, pontianakNik, name + " Kota", birth, "L", PONTIANAK_DESA);
        String four = ketapangNik.substring(12);
        String ten = ketapangNik.substring(6);

        // a Ketapang officer (full NIKs): the last four or more digits find the Ketapang one, never Pontianak's
        ApiClient ketapang = ApiClient.as(port, "petugas.ketapang");
        for (String ending : new String[] {four, ten}) {
            Response found = ketapang.get("/api/participants?nik=" + ending + "&size=100");
            assertThat(found.status()).as(found.text()).isEqualTo(200);
            assertThat(found.json()
                            .path("items")
                            .valueStream()
                            .map(i -> i.path("nik").asString()))
                    .contains(ketapangNik)
                    .doesNotContain(pontianakNik)
                    .allMatch(n -> n.endsWith(ending));
        }
        // a longer ending that is not the Ketapang one's finds it not
        String wrongTen = (ten.charAt(0) == '0' ? "1" : "0") + ten.substring(1);
        assertThat(ketapang.get("/api/participants?nik=" + wrongTen)
                        .json()
                        .path("items")
                        .valueStream()
                        .map(i -> i.path("nik").asString()))
                .doesNotContain(ketapangNik);
        // Pontianak's NIK in full from Ketapang: nothing (as before)
        assertThat(ketapang.get("/api/participants?nik=" + pontianakNik).json().path("items"))
                .isEmpty();

        // too few digits, or not digits: refused with a clear message
        Response three = ketapang.inEnglish().get("/api/participants?nik=" + ketapangNik.substring(13));
        assertThat(three.status()).isEqualTo(422);
        assertThat(three.text()).contains("at least the last 4 digits");
        assertThat(ketapang.get("/api/participants?nik=61*4").status()).isEqualTo(422);
        String page = ApiClient.as(port, "petugas.ketapang")
                .getPage("/peserta?nik=12")
                .text();
        assertThat(page).contains("id=\"search-errors\"").contains("minimal 4 digit terakhir NIK");

        // an analyst of Ketapang sees NIKs masked: the last four digits find the participant, masked ...
        ApiClient analyst = ApiClient.as(port, "analis.ketapang");
        long mark = jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log")
                .query(Long.class)
                .single();
        Response masked = analyst.get("/api/participants?nik=" + four + "&size=100");
        assertThat(masked.status()).as(masked.text()).isEqualTo(200);
        assertThat(masked.json()
                        .path("items")
                        .valueStream()
                        .map(i -> i.path("nik").asString()))
                .contains(ketapangNik.substring(0, 6) + "******" + four)
                .doesNotContain(ketapangNik)
                .noneMatch(n -> n.startsWith("6171"));
        String maskedPage = analyst.getPage("/peserta?nik=" + four).text();
        assertThat(maskedPage).contains(name).doesNotContain(ketapangNik).doesNotContain(pontianakNik);
        // ... but five to fifteen digits would test the hidden birth-date digits one at a time: refused
        for (int digits = 5; digits < 16; digits++) {
            Response longer = analyst.get("/api/participants?nik=" + ketapangNik.substring(16 - digits));
            assertThat(longer.status()).as(digits + " digits").isEqualTo(422);
        }
        assertThat(analyst.getPage("/peserta?nik=" + ten).text())
                .contains("id=\"search-errors\"")
                .doesNotContain(name);
        // the export refuses the same
        assertThat(analyst.get("/peserta/ekspor.csv?nik=" + ten).status()).isEqualTo(422);

        // an ending search is a list read like any other: audited and counted against the hourly budget
        long lines = jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'analis.ketapang' AND action = 'LIST_READ'"
                        + " AND (changes ->> 'rows')::int > 0 AND id > ?")
                .param(mark)
                .query(Long.class)
                .single();
        assertThat(lines).isPositive();
    }

    @Test
    void aNameIsFoundByAnyPartOfItOnAnIndex() {
        ApiClient officer = ApiClient.as(port, "petugas.kalbar");
        String tag = letters();
        String name = "Maria Goretti " + tag + " Wulandari";
        ApiFixtures.participant(officer, name, LocalDate.of(1992, 7, 7), true, KETAPANG_DESA);

        ApiClient ketapang = ApiClient.as(port, "petugas.ketapang");
        for (String part : new String[] {tag.toLowerCase(java.util.Locale.ROOT), "wulan", "goretti " + tag}) {
            assertThat(ketapang.get("/api/participants?name=" + enc(part))
                            .json()
                            .path("items")
                            .valueStream()
                            .map(i -> i.path("fullName").asString()))
                    .as(part)
                    .contains(name);
        }
        // out of scope: a Pontianak officer does not find her
        assertThat(ApiClient.as(port, "petugas.kalbar")
                        .get("/api/participants?name=" + tag + "&region=61.71")
                        .json()
                        .path("items"))
                .isEmpty();
        // the hint says what can be searched
        assertThat(ketapang.getPage("/peserta").text())
                .contains("id=\"search-hint\"")
                .contains("minimal 4");
        // on a million participants a part of a name is looked up in a trigram index (the plan on many rows:
        // ParticipantBulkLoaderTests)
        assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'participant_name_trgm_idx'")
                        .query(String.class)
                        .single())
                .contains("gin (name_key gin_trgm_ops)");
    }

    @Test
    void theKurWorkListIsFilteredByAKabKotaNameCompletedWithinScope() {
        ApiClient bank = ApiClient.as(port, "bank.kalbar");
        String all = bank.getPage("/kur/daftar-kerja").text();
        assertThat(all).contains("<datalist id=\"kabkota-options\"").contains("label=\"61.04\"");
        String ketapang = all.replaceAll("(?s).*<option value=\"([^\"]+)\" label=\"61.04\".*", "$1");
        // the name as completed, or without its "Kabupaten", filters as the code does
        for (String typed : new String[] {ketapang, ketapang.replaceFirst("^Kabupaten ", ""), "61.04"}) {
            String page =
                    bank.getPage("/kur/daftar-kerja?kabkota=" + enc(typed)).text();
            assertThat(page).as(typed).contains("title=\"61.04\"").doesNotContain("id=\"kur-errors\"");
        }
        // a Ketapang analyst is offered Ketapang only, and another kab/kota's name resolves to nothing in scope
        String analyst = ApiClient.as(port, "analis.ketapang")
                .getPage("/kur/daftar-kerja?kabkota=Pontianak")
                .text();
        assertThat(analyst.replaceAll("(?s).*<datalist id=\"kabkota-options\">(.*?)</datalist>.*", "$1"))
                .contains("61.04")
                .doesNotContain("61.71");
        assertThat(analyst).doesNotContain("title=\"61.71\"");
    }

    /** Signs in through the login form (a browser's session and its CSRF token) and posts a form. */
    private HttpResponse<String> postForm(String user, String path, Map<String, String> fields) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        send(
                http,
                base + "/login",
                Map.of("username", user, "password", ApiClient.DEMO_PASSWORD, "_csrf", csrf(http, base + "/login")));
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(http, base + path));
        return send(http, base + path, all);
    }

    private static String csrf(HttpClient http, String url) throws Exception {
        return SignIn.csrfToken(
                http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                        .body());
    }

    private static HttpResponse<String> send(HttpClient http, String url, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String letters() {
        long n = System.nanoTime();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            sb.append((char) ('A' + (n % 26)));
            n /= 26;
        }
        return sb.charAt(0) + sb.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
