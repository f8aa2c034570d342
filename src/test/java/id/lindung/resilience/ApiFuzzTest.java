package id.lindung.resilience;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.contribution.Members;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.participant.ParticipantManagement;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.Tags;
import id.lindung.support.TestClock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Random and mutated JSON bodies (truncated, wrong types, huge numbers, deep nesting, unicode, nulls, garbage) sent
 * over real HTTP to the API's POST and PUT endpoints for a fixed time ({@link Fuzz}): the answer is a success or a
 * 4xx problem (application/problem+json), never a 5xx. Shares ConcurrencyTest's context (same configuration).
 */
@Tag(Tags.FUZZ)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lindung.test.context=resilience-concurrency")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzTest {

    @LocalServerPort
    int port;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    private ApiClient admin;
    private final List<Endpoint> endpoints = new ArrayList<>();

    /**
     * Whether the endpoint's valid body is refused by design: an unknown claim (999999) or loan, a stale version
     * (ending a programme), a token issuing a token (the fuzz client signs in with one). Every other endpoint must
     * answer its valid body with a success, so that the fuzzing reaches its work and not only its refusals.
     */
    private static boolean refusedByDesign(String endpoint) {
        return endpoint.contains("/999999/")
                || endpoint.contains("/NO-SUCH-LOAN/")
                || endpoint.endsWith("/end")
                || endpoint.equals("POST /api/tokens");
    }

    /** An endpoint and a valid body, as field → raw JSON value. */
    private record Endpoint(String method, String path, Map<String, String> fields) {}

    private void endpoint(String method, String path, String... fieldsAndRawValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndRawValues.length; i += 2) {
            fields.put(fieldsAndRawValues[i], fieldsAndRawValues[i + 1]);
        }
        endpoints.add(new Endpoint(method, path, fields));
    }

    @BeforeAll
    void fixture() {
        admin = ConcurrencyTest.adminWithToken(port, "api fuzz");
        long membership = new Members(participants, enrolment)
                .bpu(YearMonth.of(2026, 1), 1_000_000)
                .id();
        long participant = new Members(participants, enrolment).participant();
        long unenrolled = new Members(participants, enrolment).participant(); // the programme enrols participant
        YearMonth now = YearMonth.now(TestClock.CLOCK);
        Response programme = admin.post(
                "/api/sponsorship/programmes",
                json(
                        "name",
                        "Fuzz",
                        "sponsorRegion",
                        "61.04",
                        "legalBasis",
                        "Perbup 1/2026",
                        "fundingSource",
                        "APBD",
                        "budget",
                        1_000_000_000,
                        "startMonth",
                        now.toString(),
                        "endMonth",
                        now.plusMonths(5).toString()));
        assertThat(programme.status()).as(programme.text()).isEqualTo(201);
        long programmeId = programme.json().path("id").asLong();

        endpoint(
                "POST",
                "/api/participants",
                "nik",
                "\"6104011705900001\"",
                "fullName",
                "\"Budi Santoso\"",
                "birthDate",
                "\"1990-05-17\"",
                "sex",
                "\"L\"",
                "regionCode",
                "\"61.04.01.2011\"",
                "phone",
                "\"081234567890\"",
                "occupation",
                "\"Petani\"");
        endpoint(
                "POST",
                "/api/payments",
                "idempotencyKey",
                "\"FUZZ-1\"",
                "membershipId",
                Long.toString(membership),
                "amount",
                "16800",
                "paidOn",
                "\"2026-01-10\"",
                "reference",
                "\"teller\"");
        endpoint("PUT", "/api/coverage/targets/61.04/2027", "target", "70", "source", "\"RPJMD\"");
        endpoint("POST", "/api/sponsorship/simulations", "workers", "{\"61.04\": 1000}", "months", "12");
        endpoint(
                "POST",
                "/api/sponsorship/programmes",
                "name",
                "\"Fuzz\"",
                "sponsorRegion",
                "\"61.04\"",
                "legalBasis",
                "\"Perbup\"",
                "fundingSource",
                "\"APBD\"",
                "budget",
                "1000000",
                "startMonth",
                "\"" + now + "\"",
                "endMonth",
                "\"" + now.plusMonths(2) + "\"");
        endpoint(
                "POST",
                "/api/sponsorship/programmes/" + programmeId + "/beneficiaries",
                "participantIds",
                "[" + participant + "]");
        endpoint(
                "POST",
                "/api/sponsorship/programmes/" + programmeId + "/payments",
                "month",
                "\"" + now + "\"",
                "paidOn",
                "\"" + java.time.LocalDate.now(TestClock.CLOCK) + "\"",
                "reference",
                "\"SP2D-1\"");
        endpoint(
                "POST",
                "/api/sponsorship/programmes/" + programmeId + "/end",
                "lastMonth",
                "\"" + now + "\"",
                "action",
                "\"END\"",
                "version",
                "999");
        endpoint(
                "POST",
                "/api/kur/assignments",
                "bank",
                "\"KALBAR\"",
                "loanIds",
                "[\"L-1\", \"L-2\"]",
                "agent",
                "\"agen.ketapang\"");
        endpoint("POST", "/api/kur/loans/KALBAR/NO-SUCH-LOAN/enrol", "desaCode", "\"61.04.01.2011\"");
        endpoint(
                "POST",
                "/api/memberships",
                "participantId",
                Long.toString(unenrolled),
                "segment",
                "\"BPU\"",
                "channel",
                "\"SELF\"",
                "programmes",
                "[\"JHT\"]",
                "baseAmount",
                "1000000",
                "sector",
                "\"OTHER\"",
                "governmentPaid",
                "false",
                "startMonth",
                "\"2026-11\"");
        endpoint(
                "PUT", "/api/memberships/" + membership + "/base", "amount", "2000000", "effectiveFrom", "\"2026-12\"");
        endpoint(
                "POST",
                "/api/employers",
                "npp",
                "\"NPP999\"",
                "name",
                "\"PT Fuzz\"",
                "riskClass",
                "2",
                "regionCode",
                "\"61.04.01.2011\"");
        endpoint(
                "POST",
                "/api/quotes",
                "segment",
                "\"PU\"",
                "month",
                "\"2026-11\"",
                "base",
                "5000000",
                "riskClass",
                "3",
                "programmes",
                "[\"JHT\",\"JP\"]");
        endpoint(
                "POST",
                "/api/claims",
                "participantId",
                Long.toString(participant),
                "kind",
                "\"DEATH\"",
                "cause",
                "\"OTHER\"",
                "eventDate",
                "\"2026-05-10\"",
                "heirs",
                "[{\"name\": \"Siti\", \"relation\": \"SPOUSE\", \"nik\": null, \"account\": \"BRI 1\"}]");
        endpoint("POST", "/api/claims/999999/approve", "version", "1");
        endpoint("POST", "/api/claims/999999/verify", "version", "1", "documentsCompleteOn", "\"2026-05-06\"");
        endpoint(
                "POST", "/api/tokens", "username", "\"bank.kalbar\"", "name", "\"H2H\"", "expiresOn", "\"2030-01-01\"");
        // a day far from every claim of this context, within the calendar's two years ahead
        endpoint(
                "PUT",
                "/api/holidays/" + TestClock.DATE.plusYears(2).minusDays(2),
                "name",
                "\"Libur\"",
                "source",
                "\"SKB\"");
    }

    // -------------------------------------------------------------------------------------------- generators

    private static String value(Random r, int depth) {
        return switch (r.nextInt(depth > 2 ? 12 : 15)) {
            case 0 -> "null";
            case 1 -> r.nextBoolean() ? "true" : "false";
            case 2 -> Long.toString(r.nextLong());
            case 3 -> "9".repeat(1 + r.nextInt(400)); // far beyond a long
            case 4 ->
                "-" + r.nextInt(1000) + "." + r.nextInt(1000) + "e" + (r.nextBoolean() ? "" : "-") + r.nextInt(100_000);
            case 5 -> "\"" + escape(Fuzz.text(r, 40)) + "\"";
            case 6 -> "\"" + escape(Fuzz.tricky(r)) + "\"";
            case 7 -> "\"" + "x".repeat(r.nextInt(200_000)) + "\"";
            case 8 -> r.nextBoolean() ? "\"\\ud800\"" : "\"Budi\\u0000Santoso\""; // lone surrogate, NUL
            case 9 -> "\"2026-" + r.nextInt(20) + "-" + r.nextInt(40) + "\"";
            case 10 -> "\"" + r.nextInt(10_000) + "-" + r.nextInt(20) + "\"";
            case 11 -> "[" + "[".repeat(r.nextInt(5_000)); // deep, maybe never closed
            case 12 -> "{\"a\": " + value(r, depth + 1) + "}";
            case 13 -> "[" + value(r, depth + 1) + ", " + value(r, depth + 1) + "]";
            default -> "[".repeat(2_000 + r.nextInt(2_000)) + "]".repeat(2_000 + r.nextInt(2_000));
        };
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String render(Map<String, String> fields) {
        StringBuilder s = new StringBuilder("{");
        fields.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "")
                .append('"')
                .append(escape(k))
                .append("\": ")
                .append(v));
        return s.append('}').toString();
    }

    private static String body(Random r, Endpoint e) {
        Map<String, String> fields = new LinkedHashMap<>(e.fields());
        List<String> names = new ArrayList<>(fields.keySet());
        switch (r.nextInt(8)) {
            case 0, 1, 2 -> { // one to all fields replaced by a random value
                int changes = 1 + r.nextInt(names.size());
                for (int i = 0; i < changes; i++) {
                    fields.put(names.get(r.nextInt(names.size())), value(r, 0));
                }
                return render(fields);
            }
            case 3 -> { // fields dropped, unknown ones added
                fields.remove(names.get(r.nextInt(names.size())));
                fields.put(Fuzz.text(r, 10), value(r, 0));
                return render(fields);
            }
            case 4 -> { // the valid body, truncated
                String valid = render(fields);
                return valid.substring(0, r.nextInt(valid.length()));
            }
            case 5 -> { // byte-level mutations of the valid body
                return Fuzz.mutate(r, render(fields));
            }
            case 6 -> { // not an object at all
                return value(r, 0);
            }
            default -> { // garbage
                return Fuzz.text(r, 200);
            }
        }
    }

    @Test
    void randomAndMutatedJsonBodies_getASuccessOrAProblem_neverA5xx() {
        Map<String, Integer> statuses = new java.util.TreeMap<>();
        // every endpoint's first wrong answer (the run goes on, so one run shows every endpoint that fails)
        Map<String, String> failures = new java.util.TreeMap<>();
        // every endpoint's answer to its valid body (the first round)
        Map<String, String> validAnswers = new java.util.TreeMap<>();
        // every endpoint its valid body and at least two variations, however slow the machine
        int cases = Fuzz.run("API JSON", 2.0, 3 * endpoints.size(), (r, n) -> {
            Endpoint e = endpoints.get(n % endpoints.size());
            String body = n < endpoints.size() ? render(e.fields()) : body(r, e);
            Response response = e.method().equals("PUT") ? admin.put(e.path(), body) : admin.post(e.path(), body);
            String endpoint = e.method() + " " + e.path();
            statuses.merge(endpoint + " " + response.status(), 1, Integer::sum);
            if (n < endpoints.size()) {
                validAnswers.put(
                        endpoint,
                        response.status() + " "
                                + response.text()
                                        .substring(
                                                0, Math.min(300, response.text().length())));
            }
            String shown = body.length() > 300 ? body.substring(0, 300) + "…(" + body.length() + " chars)" : body;
            String type = response.raw().headers().firstValue("Content-Type").orElse("");
            if (response.status() >= 500 || response.status() >= 400 && !type.startsWith("application/problem+json")) {
                failures.putIfAbsent(
                        endpoint,
                        "case " + n + " with " + shown + " → " + response.status() + " " + type + " "
                                + response.text());
            }
        });
        System.out.println("API fuzz: " + cases + " requests; " + statuses);
        assertThat(failures)
                .as("endpoints answering 5xx or a 4xx that is no problem (seed printed above)")
                .isEmpty();
        // the run reached the endpoints' work, not only their refusals
        Set<String> succeeded = statuses.keySet().stream()
                .filter(k -> k.matches(".* 2\\d\\d$"))
                .map(k -> k.substring(0, k.lastIndexOf(' ')))
                .collect(java.util.stream.Collectors.toSet());
        assertThat(endpoints.stream().map(e -> e.method() + " " + e.path()).filter(e -> !refusedByDesign(e)))
                .as("endpoints that answered a success at least once; answers to the valid bodies: %s", validAnswers)
                .allMatch(succeeded::contains);
    }
}
