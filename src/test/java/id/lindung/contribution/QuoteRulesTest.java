package id.lindung.contribution;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 point 8: a quote refuses what enrolment refuses, with the same message codes and texts (one rules class,
 * {@code enrolment.MembershipRules}), over HTTP: each refusal on its own, then a seeded loop of random terms sent to
 * both doors, where enrolment refuses exactly when the quote refuses, for the same reasons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class QuoteRulesTest {

    private static final String DESA = "61.04.01.2011";
    private static final String MONTH = "2026-03";

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    /** Enrolments start in the business clock's month (back-dating is limited per role); quotes use MONTH. */
    private String start() {
        return start(0);
    }

    private String start(int monthsLater) {
        return YearMonth.now(clock).plusMonths(monthsLater).toString();
    }

    private ApiClient officer() {
        return ApiClient.as(port, "petugas.kalbar");
    }

    private Response quote(Object... keyValues) {
        return officer().post("/api/quotes", json(keyValues));
    }

    private static void assertRefused(Response r, String field, String code) {
        assertThat(r.status()).as(r.text()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asString())
                .as(r.text())
                .isEqualTo(field);
        assertThat(r.json().path("errors").get(0).path("code").asString())
                .as(r.text())
                .isEqualTo(code);
    }

    private static String firstMessage(Response r) {
        return r.json().path("errors").get(0).path("message").asString();
    }

    private long participant() {
        return ApiFixtures.participant(officer(), "Antonius Lorens", LocalDate.of(1988, 4, 9), false, DESA);
    }

    private long employer(int riskClass) {
        Response r = officer()
                .post(
                        "/api/employers",
                        json(
                                "npp",
                                "QR" + riskClass + System.nanoTime() % 1_000_000_000L,
                                "name",
                                "PT Kapuas " + riskClass,
                                "riskClass",
                                riskClass,
                                "regionCode",
                                DESA));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private Response enrol(Object... keyValues) {
        return officer().post("/api/memberships", json(keyValues));
    }

    @Test
    void bpuIncomeBelowTheFloorIsRefusedWithEnrolmentsMessage() {
        Response quoted = quote("segment", "BPU", "month", MONTH, "base", 900_000);
        assertRefused(quoted, "base", "enrolment.income.below-floor");
        Response enrolled =
                enrol("participantId", participant(), "segment", "BPU", "baseAmount", 900_000, "startMonth", start());
        assertRefused(enrolled, "baseAmount", "enrolment.income.below-floor");
        assertThat(firstMessage(quoted))
                .isEqualTo(firstMessage(enrolled))
                .isEqualTo("Penghasilan yang dilaporkan paling sedikit Rp1.000.000.");
        assertRefused(quote("segment", "BPU", "month", MONTH), "base", "field.required");
    }

    @Test
    void puWithoutRiskClassIsRefusedInsteadOfDroppingJkk() {
        assertRefused(quote("segment", "PU", "month", MONTH, "base", 5_000_000), "riskClass", "field.required");
        assertRefused(
                quote("segment", "PU", "month", MONTH, "base", 5_000_000, "riskClass", 6),
                "riskClass",
                "employer.risk-class.range");
        Response ok = quote("segment", "PU", "month", MONTH, "base", 5_000_000, "riskClass", 3);
        assertThat(ok.status()).as(ok.text()).isEqualTo(200);
        List<String> programmes = new ArrayList<>();
        ok.json().path("lines").forEach(l -> programmes.add(l.path("programme").asString()));
        assertThat(programmes).contains("JKK", "JKM");
        assertRefused(quote("segment", "PU", "month", MONTH, "base", 0, "riskClass", 3), "base", "amount.positive");
    }

    @Test
    void programmesTheSegmentCannotHaveAreRefusedWithEnrolmentsMessage() {
        Response quoted = quote("segment", "BPU", "month", MONTH, "base", 1_000_000, "programmes", List.of("JP"));
        assertRefused(quoted, "programmes", "enrolment.programme.unavailable");
        Response enrolled = enrol(
                "participantId",
                participant(),
                "segment",
                "BPU",
                "baseAmount",
                1_000_000,
                "programmes",
                List.of("JP"),
                "startMonth",
                start());
        assertThat(firstMessage(quoted))
                .isEqualTo(firstMessage(enrolled))
                .isEqualTo("Program JP tidak tersedia untuk segmen BPU.");
        assertRefused(
                quote("segment", "JAKON", "month", MONTH, "contractValue", 100_000_000, "programmes", List.of("JHT")),
                "programmes",
                "enrolment.programme.unavailable");
        assertRefused(
                quote("segment", "PU", "month", MONTH, "base", 5_000_000, "riskClass", 1, "sector", "TRANSPORT"),
                "sector",
                "enrolment.sector.bpu-only");
        assertRefused(
                quote("segment", "PMI", "month", MONTH, "contractMonths", 24, "governmentPaid", true),
                "governmentPaid",
                "enrolment.government-paid.bpu-only");
    }

    @Test
    void constructionAndMigrantQuotesNeedTheirContractAndAreNotZero() {
        assertRefused(quote("segment", "JAKON", "month", MONTH), "contractValue", "field.required");
        Response zeroValue = quote("segment", "JAKON", "month", MONTH, "contractValue", 0);
        assertRefused(zeroValue, "contractValue", "amount.positive");
        Response project = officer()
                .post(
                        "/api/projects",
                        json(
                                "employerId",
                                employer(3),
                                "name",
                                "Jembatan",
                                "contractValue",
                                0,
                                "startMonth",
                                start(),
                                "endMonth",
                                start(6),
                                "workerCount",
                                10,
                                "regionCode",
                                DESA));
        assertRefused(project, "contractValue", "amount.positive");
        assertThat(firstMessage(zeroValue)).isEqualTo(firstMessage(project));

        assertRefused(quote("segment", "PMI", "month", MONTH), "contractMonths", "field.required");
        assertRefused(
                quote("segment", "PMI", "month", MONTH, "contractMonths", 121),
                "contractMonths",
                "enrolment.contract-months.range");
        assertRefused(
                quote(
                        "segment",
                        "PMI",
                        "month",
                        MONTH,
                        "contractMonths",
                        24,
                        "programmes",
                        List.of("JHT"),
                        "base",
                        150_000),
                "base",
                "enrolment.pmi-jht.amount");

        // the one-off part is what these segments pay: a quote without firstMonth includes it
        Response construction = quote("segment", "JAKON", "month", MONTH, "contractValue", 50_000_000);
        assertThat(construction.status()).as(construction.text()).isEqualTo(200);
        assertThat(construction.json().path("total").asLong()).isEqualTo(105_000 + 15_000);
        Response migrant = quote("segment", "PMI", "month", MONTH, "contractMonths", 24);
        assertThat(migrant.status()).as(migrant.text()).isEqualTo(200);
        assertThat(migrant.json().path("total").asLong()).isEqualTo(370_000);
        // a later month of a project owes nothing, when asked for explicitly
        assertThat(quote("segment", "JAKON", "month", MONTH, "contractValue", 50_000_000, "firstMonth", false)
                        .json()
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void aMonthBeforeTheProgrammesBeganIsRefused() {
        assertRefused(
                quote("segment", "BPU", "month", "2015-06", "base", 1_000_000), "month", "enrolment.start.too-early");
        assertRefused(quote("segment", "BPU", "base", 1_000_000), "month", "field.required");
    }

    /** Enrolment's field names as a quote calls them (the employer is where enrolment takes the risk class from). */
    private static final Map<String, String> QUOTE_FIELD = Map.of("baseAmount", "base", "employerId", "riskClass");

    @Test
    void forRandomTermsEnrolmentRefusesExactlyWhenTheQuoteRefuses_forTheSameReasons() {
        Map<Integer, Long> employers = new HashMap<>();
        for (int riskClass = 1; riskClass <= 5; riskClass++) {
            employers.put(riskClass, employer(riskClass));
        }
        Random random = new Random(20260515L);
        String[] segments = {"PU", "BPU", "PMI", "JAKON"};
        String[] programmes = {"JKK", "JKM", "JHT", "JP", "JKP"};
        Long[] bases = {null, 0L, 100_000L, 150_000L, 999_999L, 1_000_000L, 5_000_000L};
        Integer[] riskClasses = {null, 1, 3, 5};
        String[] sectors = {null, "OTHER", "TRANSPORT"};
        Integer[] contractMonths = {null, 0, 24, 121};
        Long[] contractValues = {null, 0L, 250_000_000L};
        int refused = 0;
        int accepted = 0;
        for (int trial = 0; trial < 80; trial++) {
            String segment = segments[random.nextInt(segments.length)];
            Map<String, Object> quote = new LinkedHashMap<>();
            Map<String, Object> enrol = new LinkedHashMap<>();
            quote.put("segment", segment);
            quote.put("month", MONTH);
            String path;
            if (segment.equals("JAKON")) {
                // a construction project takes only its contract: the employer, dates and workers are fixed
                Long value = contractValues[random.nextInt(contractValues.length)];
                quote.put("contractValue", value);
                path = "/api/projects";
                enrol.putAll(Map.of(
                        "employerId",
                        employers.get(3),
                        "name",
                        "Proyek " + trial,
                        "startMonth",
                        start(),
                        "endMonth",
                        start(6),
                        "workerCount",
                        5,
                        "regionCode",
                        DESA));
                enrol.put("contractValue", value);
            } else {
                List<String> asked = new ArrayList<>();
                for (String p : programmes) {
                    if (random.nextInt(4) == 0) {
                        asked.add(p);
                    }
                }
                Long base = bases[random.nextInt(bases.length)];
                Integer riskClass = riskClasses[random.nextInt(riskClasses.length)];
                String sector = sectors[random.nextInt(sectors.length)];
                boolean governmentPaid = random.nextInt(4) == 0;
                Integer months = contractMonths[random.nextInt(contractMonths.length)];
                quote.putAll(Map.of("programmes", asked, "governmentPaid", governmentPaid));
                quote.put("base", base);
                quote.put("riskClass", segment.equals("PU") ? riskClass : null);
                quote.put("sector", sector);
                quote.put("contractMonths", months);
                path = "/api/memberships";
                enrol.putAll(Map.of(
                        "participantId",
                        participant(),
                        "segment",
                        segment,
                        "programmes",
                        asked,
                        "governmentPaid",
                        governmentPaid,
                        "startMonth",
                        start()));
                enrol.put("baseAmount", base);
                enrol.put("employerId", segment.equals("PU") && riskClass != null ? employers.get(riskClass) : null);
                enrol.put("sector", sector);
                enrol.put("contractMonths", months);
            }
            Response q = officer().post("/api/quotes", json(flat(quote)));
            Response e = officer().post(path, json(flat(enrol)));
            assertThat(q.status()).as("quote %s: %s", quote, q.text()).isIn(200, 422);
            assertThat(e.status()).as("enrolment %s: %s", enrol, e.text()).isIn(201, 422);
            assertThat(e.status() == 422)
                    .as("enrolment %s refused (%s) iff quote %s refused (%s)", enrol, e.text(), quote, q.text())
                    .isEqualTo(q.status() == 422);
            if (q.status() == 422) {
                assertThat(reasons(e, true)).as("reasons for %s", quote).isEqualTo(reasons(q, false));
                refused++;
            } else {
                accepted++;
            }
        }
        // the loop exercised both outcomes
        assertThat(refused).isGreaterThan(20);
        assertThat(accepted).isGreaterThan(10);
    }

    private static Object[] flat(Map<String, Object> map) {
        List<Object> out = new ArrayList<>();
        map.forEach((k, v) -> {
            out.add(k);
            out.add(v);
        });
        return out.toArray();
    }

    /** "field code" of every error, the enrolment's fields named as a quote names them. */
    private static TreeSet<String> reasons(Response r, boolean enrolment) {
        TreeSet<String> reasons = new TreeSet<>();
        for (JsonNode error : r.json().path("errors")) {
            String field = error.path("field").asString();
            reasons.add((enrolment ? QUOTE_FIELD.getOrDefault(field, field) : field) + " "
                    + error.path("code").asString());
        }
        return reasons;
    }
}
