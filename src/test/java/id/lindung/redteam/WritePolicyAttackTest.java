package id.lindung.redteam;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.ApiFixtures;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The write policy attacked from the caller's side (issue 16, points 2 and 9), over real HTTP: every write of
 * memberships (enrol, change base, end, start correction, construction project), payments, registry, claim intake
 * and the KUR enrol action, by every role, for a worker inside and outside the caller's scope, for a bank's own and
 * another bank's borrower, per segment (PU, BPU, PMI; JAKON through a project), with the income at and one rupiah
 * past the role's limit and the start in the current month or back-dated. What each case must answer is computed
 * from {@link #TABLE}, the write-policy table of docs/decisions.md (and the README's role table), which the first
 * test checks is printed there word for word: change the rules and the documentation in one step, or this fails.
 *
 * <p>A refusal must also leave nothing behind: a refused enrolment creates no membership, a refused KUR action leaves
 * the loan unenrolled, a refused change leaves the base as it was. The business clock stands at 7 December 2026;
 * the test profile lets officers back-date 240 months, agents and banks none (production defaults).
 */
@Tag(Tags.MATRIX)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WritePolicyAttackTest {

    static final YearMonth NOW = YearMonth.of(2026, 12);
    static final YearMonth BACK = NOW.minusMonths(2);
    static final long LIMIT = 20_700_000L;
    static final String KETAPANG_DESA = "61.04.01.2011";
    static final String PONTIANAK_DESA = "61.71.01.1002";
    static final AtomicInteger BIRTH = new AtomicInteger();
    static final AtomicInteger SERIAL = new AtomicInteger();

    // ------------------------------------------------------------------------------------------------- the table

    /** Who may change a membership's income or wage. */
    enum Change {
        ANY,
        OWN_BPU,
        NONE
    }

    /** Which payments a role records. */
    enum Pay {
        ANY,
        BPU,
        NONE
    }

    /** Which KUR loans a role may run the enrol action on. */
    enum Kur {
        SCOPE,
        OWN_BANK_REGISTERED,
        HANDED_TO_ME,
        NONE
    }

    /**
     * One role's row of the write-policy table.
     *
     * @param enrol segments the role enrols on the membership page / {@code POST /api/memberships}
     * @param officerWork employers, construction projects, start corrections, ends
     * @param backdate may date a start before the current month (officers: up to the configured months)
     * @param maxIncome highest declared income or wage the role may enter
     */
    record Rules(
            Set<String> enrol,
            boolean officerWork,
            boolean backdate,
            long maxIncome,
            Change change,
            Pay pay,
            boolean registry,
            boolean claimIntake,
            Kur kur) {}

    static final Map<Role, Rules> TABLE = new EnumMap<>(Map.of(
            Role.ADMIN,
                    new Rules(
                            Set.of("PU", "BPU", "PMI"),
                            true,
                            true,
                            Long.MAX_VALUE,
                            Change.ANY,
                            Pay.ANY,
                            true,
                            true,
                            Kur.SCOPE),
            Role.OFFICER,
                    new Rules(
                            Set.of("PU", "BPU", "PMI"),
                            true,
                            true,
                            Long.MAX_VALUE,
                            Change.ANY,
                            Pay.ANY,
                            true,
                            true,
                            Kur.SCOPE),
            Role.GOV_ANALYST, new Rules(Set.of(), false, false, 0, Change.NONE, Pay.NONE, false, false, Kur.NONE),
            Role.BANK_OFFICER,
                    new Rules(
                            Set.of(),
                            false,
                            false,
                            LIMIT,
                            Change.NONE,
                            Pay.NONE,
                            false,
                            false,
                            Kur.OWN_BANK_REGISTERED),
            Role.AGENT,
                    new Rules(
                            Set.of("BPU"),
                            false,
                            false,
                            LIMIT,
                            Change.OWN_BPU,
                            Pay.BPU,
                            true,
                            true,
                            Kur.HANDED_TO_ME)));

    /** The table as printed in docs/decisions.md and README.md (one line per role). */
    static List<String> printed() {
        List<String> lines = new ArrayList<>();
        lines.add("| role | enrol (membership page, `POST /api/memberships`) | start month | income or wage entered "
                + "| change income or wage | end, start correction, employers, projects | payments | registry "
                + "| claim intake | KUR enrol action |");
        lines.add("|---|---|---|---|---|---|---|---|---|---|");
        for (Role role : Role.values()) {
            Rules r = TABLE.get(role);
            lines.add("| " + role + " | "
                    + (r.enrol().isEmpty()
                            ? (r.kur() == Kur.OWN_BANK_REGISTERED ? "only through the KUR enrol action, BPU" : "no")
                            : String.join(", ", r.enrol().stream().sorted().toList())
                                    + (r.officerWork() ? ", JAKON by project" : " (channel AGENT)"))
                    + " | "
                    + (r.backdate()
                            ? "up to `backdate-months` back (3)"
                            : r.enrol().isEmpty() && r.kur() == Kur.NONE ? "—" : "the current month")
                    + " | "
                    + (r.maxIncome() == Long.MAX_VALUE
                            ? "segment rules"
                            : r.maxIncome() == 0 ? "—" : "at most `max-income` (Rp20,700,000)")
                    + " | "
                    + switch (r.change()) {
                        case ANY -> "any in scope";
                        case OWN_BPU -> "BPU memberships they enrolled, from the current month";
                        case NONE -> "no";
                    }
                    + " | " + (r.officerWork() ? "yes, in scope" : "no")
                    + " | "
                    + switch (r.pay()) {
                        case ANY -> "any membership in scope";
                        case BPU -> "BPU memberships in scope";
                        case NONE -> "no";
                    }
                    + " | " + (r.registry() ? "in scope" : "read only")
                    + " | " + (r.claimIntake() ? "in scope" : "no")
                    + " | "
                    + switch (r.kur()) {
                        case SCOPE -> "any loan in scope";
                        case OWN_BANK_REGISTERED -> "own bank's loans whose borrower is registered";
                        case HANDED_TO_ME -> "rows handed to them";
                        case NONE -> "no";
                    }
                    + " |");
        }
        return lines;
    }

    // --------------------------------------------------------------------------------------------------- callers

    record Caller(
            String username,
            Role role,
            String scope,
            @Nullable String bank) {
        boolean sees(String region) {
            return region.startsWith(scope);
        }

        Rules rules() {
            return TABLE.get(role);
        }
    }

    static final List<Caller> CALLERS = List.of(
            new Caller("admin", Role.ADMIN, "61", null),
            new Caller("petugas.kalbar", Role.OFFICER, "61", null),
            new Caller("petugas.ketapang", Role.OFFICER, "61.04", null),
            new Caller("analis.provinsi", Role.GOV_ANALYST, "61", null),
            new Caller("analis.ketapang", Role.GOV_ANALYST, "61.04", null),
            new Caller("bank.kalbar", Role.BANK_OFFICER, "61", "KALBAR"),
            new Caller("agen.ketapang", Role.AGENT, "61.04", null));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final List<String> failures = new ArrayList<>();
    private int cases;

    private ApiClient as(String user) {
        return ApiClient.as(port, user);
    }

    /** Out of scope: refused as forbidden or as if missing (whichever check comes first), never done. */
    static final int REFUSED = -1;

    private void expect(String what, Response r, int expected) {
        cases++;
        boolean ok = expected == REFUSED ? r.status() == 403 || r.status() == 404 : r.status() == expected;
        if (!ok) {
            failures.add(what + ": expected " + (expected == REFUSED ? "403/404" : expected) + ", got " + r.status()
                    + " " + abbreviate(r.text()));
        }
    }

    private void expectNothingWritten(String what, boolean written) {
        if (written) {
            failures.add(what + ": refused but written");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 240 ? s.substring(0, 240) + "…" : s;
    }

    private void assertNoFailures() {
        assertThat(failures).as(cases + " cases").isEmpty();
        assertThat(cases).isGreaterThan(0);
    }

    // -------------------------------------------------------------------------------------------------- fixtures

    private long participant(String desa) {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(BIRTH.incrementAndGet() * 7L);
        return ApiFixtures.participant(as("admin"), "Sasaran Uji", birth, false, desa);
    }

    private long employer(String desa) {
        Response r = as("admin")
                .post(
                        "/api/employers",
                        json(
                                "npp",
                                "RT" + System.nanoTime() % 1_000_000_000L + SERIAL.incrementAndGet(),
                                "name",
                                "PT Uji Kebijakan",
                                "riskClass",
                                2,
                                "regionCode",
                                desa));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long enrolBpuAs(String user, long participant, YearMonth start) {
        return ApiFixtures.enrolBpu(as(user), participant, 1_000_000, start.toString());
    }

    private long memberships(long participant) {
        return jdbc.sql("SELECT count(*) FROM membership WHERE participant_id = ?")
                .param(participant)
                .query(Long.class)
                .single();
    }

    private String request(String segment, @Nullable Long employer, long amount, YearMonth start, long participant) {
        return switch (segment) {
            case "PU" -> ApiFixtures.pu(participant, employer, amount, start.toString());
            case "PMI" ->
                json(
                        "participantId",
                        participant,
                        "segment",
                        "PMI",
                        "contractMonths",
                        24,
                        "startMonth",
                        start.toString());
            default -> ApiFixtures.bpu(participant, amount, start.toString());
        };
    }

    // ------------------------------------------------------------------------------------------------ the tests

    @Test
    void theTableIsPrintedInTheDecisionsAndTheReadme() throws IOException {
        String decisions = Files.readString(Path.of("docs/decisions.md"), StandardCharsets.UTF_8);
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        for (String line : printed()) {
            assertThat(decisions).as("docs/decisions.md, Write policy").contains(line);
            assertThat(readme).as("README.md, what each role can do").contains(line);
        }
    }

    /** Enrolment by every role × scope × segment × income at/past the limit × start current/back-dated. */
    @Test
    void enrolment_everyRoleScopeSegmentAmountAndStart() {
        long ketapangEmployer = employer(KETAPANG_DESA);
        for (Caller c : CALLERS) {
            for (String desa : List.of(KETAPANG_DESA, PONTIANAK_DESA)) {
                for (String segment : List.of("BPU", "PU", "PMI")) {
                    for (long amount : List.of(LIMIT, LIMIT + 1)) {
                        for (YearMonth start : List.of(NOW, BACK)) {
                            if (segment.equals("PMI") && amount > LIMIT) {
                                continue; // no income for a migrant worker without JHT
                            }
                            long p = participant(desa);
                            int expected = expectedEnrolment(c, desa, segment, amount, start);
                            String what = "enrol " + c.username() + " " + segment + " " + desa + " Rp" + amount
                                    + " from " + start;
                            Response r = as(c.username())
                                    .post("/api/memberships", request(segment, ketapangEmployer, amount, start, p));
                            expect(what, r, expected);
                            if (expected != 201) {
                                expectNothingWritten(what, memberships(p) > 0);
                            }
                        }
                    }
                }
            }
            // JAKON: a construction project and its membership, an officer's
            Response project = as(c.username())
                    .post(
                            "/api/projects",
                            json(
                                    "employerId",
                                    ketapangEmployer,
                                    "name",
                                    "Jalan Uji",
                                    "contractValue",
                                    500_000_000L,
                                    "startMonth",
                                    NOW.toString(),
                                    "endMonth",
                                    NOW.plusMonths(6).toString(),
                                    "workerCount",
                                    10,
                                    "regionCode",
                                    KETAPANG_DESA));
            expect("project " + c.username(), project, c.rules().officerWork() ? 201 : 403);
            // and an agent or bank naming an employer, or the government as payer, on a BPU enrolment
            if (!c.rules().officerWork()) {
                long p = participant(KETAPANG_DESA);
                expect(
                        "BPU with employer " + c.username(),
                        as(c.username())
                                .post(
                                        "/api/memberships",
                                        ApiFixtures.bpu(p, 1_000_000, NOW.toString(), "employerId", ketapangEmployer)),
                        403);
                expect(
                        "BPU paid by government " + c.username(),
                        as(c.username())
                                .post(
                                        "/api/memberships",
                                        ApiFixtures.bpu(p, 1_000_000, NOW.toString(), "governmentPaid", true)),
                        403);
                expect(
                        "BPU through KUR " + c.username(),
                        as(c.username())
                                .post(
                                        "/api/memberships",
                                        ApiFixtures.bpu(p, 1_000_000, NOW.toString(), "channel", "KUR_BANK")),
                        403);
                expect(
                        "BPU next month " + c.username(),
                        as(c.username())
                                .post(
                                        "/api/memberships",
                                        ApiFixtures.bpu(
                                                p, 1_000_000, NOW.plusMonths(1).toString())),
                        c.rules().enrol().isEmpty() ? 403 : 422);
                expectNothingWritten("extras " + c.username(), memberships(p) > 0);
            }
        }
        assertNoFailures();
    }

    static int expectedEnrolment(Caller c, String desa, String segment, long amount, YearMonth start) {
        Rules r = c.rules();
        if (!r.enrol().contains(segment)) {
            return 403; // the role, or the segment for the role (banks: the KUR action only)
        }
        if (!c.sees(desa)) {
            return 422; // participantId: unknown (out of scope, as if missing)
        }
        boolean income = !segment.equals("PMI") && amount > r.maxIncome();
        boolean date = start.isBefore(NOW) && !r.backdate();
        return income || date ? 422 : 201;
    }

    /** Changing the income or wage: whose membership, which segment, how much, from when. */
    @Test
    void changeOfBase_everyRoleAgainstOwnAndOthersMemberships() {
        long agentsOwn = enrolBpuAs("agen.ketapang", participant(KETAPANG_DESA), NOW);
        long officersBpu = enrolBpuAs("petugas.ketapang", participant(KETAPANG_DESA), NOW.minusMonths(3));
        long pontianak = enrolBpuAs("petugas.kalbar", participant(PONTIANAK_DESA), NOW.minusMonths(3));
        Response pu = as("petugas.kalbar")
                .post(
                        "/api/memberships",
                        request(
                                "PU",
                                employer(KETAPANG_DESA),
                                5_000_000,
                                NOW.minusMonths(3),
                                participant(KETAPANG_DESA)));
        assertThat(pu.status()).as(pu.text()).isEqualTo(201);
        record Target(String name, long id, String region, String segment, String enrolledBy) {}
        List<Target> targets = List.of(
                new Target("agent's own BPU", agentsOwn, KETAPANG_DESA, "BPU", "agen.ketapang"),
                new Target("officer's BPU", officersBpu, KETAPANG_DESA, "BPU", "petugas.ketapang"),
                new Target("Pontianak BPU", pontianak, PONTIANAK_DESA, "BPU", "petugas.kalbar"),
                new Target("PU", pu.json().path("id").asLong(), KETAPANG_DESA, "PU", "petugas.kalbar"));
        for (Caller c : CALLERS) {
            for (Target t : targets) {
                for (long amount : List.of(LIMIT, LIMIT + 1)) {
                    for (YearMonth from : List.of(NOW, NOW.minusMonths(1))) {
                        long before = base(t.id(), from);
                        Response r = as(c.username())
                                .put(
                                        "/api/memberships/" + t.id() + "/base",
                                        json("amount", amount, "effectiveFrom", from.toString()));
                        int expected = expectedChange(c, t.region(), t.segment(), t.enrolledBy(), amount, from);
                        String what = "change " + c.username() + " " + t.name() + " Rp" + amount + " from " + from;
                        expect(what, r, expected);
                        if (expected != 200) {
                            expectNothingWritten(what, base(t.id(), from) != before);
                        }
                    }
                }
            }
        }
        assertNoFailures();
    }

    private long base(long membership, YearMonth month) {
        return jdbc.sql("""
                SELECT coalesce((SELECT amount FROM membership_base WHERE membership_id = ? AND effective_from <= ?
                                  ORDER BY effective_from DESC LIMIT 1), -1)""")
                .params(membership, month.atDay(1))
                .query(Long.class)
                .single();
    }

    static int expectedChange(Caller c, String region, String segment, String enrolledBy, long amount, YearMonth from) {
        Rules r = c.rules();
        if (!c.sees(region)) {
            return REFUSED;
        }
        boolean allowed = switch (r.change()) {
            case ANY -> true;
            case OWN_BPU -> segment.equals("BPU") && enrolledBy.equals(c.username());
            case NONE -> false;
        };
        if (!allowed) {
            return 403;
        }
        boolean beforeStart = enrolledBy.equals("agen.ketapang") && from.isBefore(NOW); // the agent's starts now
        boolean back = r.change() == Change.OWN_BPU && from.isBefore(NOW);
        return amount > r.maxIncome() || back || beforeStart ? 422 : 200;
    }

    /** Ending and start corrections are an officer's; everyone else is refused and nothing changes. */
    @Test
    void endAndStartCorrection_officersOnly() {
        for (Caller c : CALLERS) {
            for (String desa : List.of(KETAPANG_DESA, PONTIANAK_DESA)) {
                long m = enrolBpuAs("petugas.kalbar", participant(desa), NOW.minusMonths(1));
                int expected = !c.sees(desa) ? REFUSED : c.rules().officerWork() ? 201 : 403;
                expect(
                        "start correction " + c.username() + " " + desa,
                        as(c.username())
                                .post(
                                        "/api/memberships/" + m + "/start-corrections",
                                        json(
                                                "startMonth",
                                                NOW.minusMonths(6).toString(),
                                                "reason",
                                                "mulai kerja lebih awal menurut surat desa")),
                        expected);
                Response end = as(c.username())
                        .post(
                                "/api/memberships/" + m + "/end",
                                json("lastMonth", NOW.toString(), "reason", "REQUESTED"));
                int expectedEnd = !c.sees(desa) ? REFUSED : c.rules().officerWork() ? 200 : 403;
                expect("end " + c.username() + " " + desa, end, expectedEnd);
                if (expectedEnd != 200) {
                    expectNothingWritten(
                            "end " + c.username(),
                            jdbc.sql("SELECT end_month IS NOT NULL FROM membership WHERE id = ?")
                                    .param(m)
                                    .query(Boolean.class)
                                    .single());
                }
            }
        }
        assertNoFailures();
    }

    /** Payments one by one: officers any membership in scope, agents BPU only, the rest none. */
    @Test
    void payments_everyRoleSegmentAndScope() {
        long employer = employer(KETAPANG_DESA);
        Map<String, Long> targets = new LinkedHashMap<>();
        targets.put("BPU " + KETAPANG_DESA, enrolBpuAs("petugas.kalbar", participant(KETAPANG_DESA), NOW));
        targets.put("BPU " + PONTIANAK_DESA, enrolBpuAs("petugas.kalbar", participant(PONTIANAK_DESA), NOW));
        Response pu = as("petugas.kalbar")
                .post("/api/memberships", request("PU", employer, 5_000_000, NOW, participant(KETAPANG_DESA)));
        assertThat(pu.status()).as(pu.text()).isEqualTo(201);
        targets.put("PU " + KETAPANG_DESA, pu.json().path("id").asLong());
        for (Caller c : CALLERS) {
            for (Map.Entry<String, Long> t : targets.entrySet()) {
                String segment = t.getKey().substring(0, t.getKey().indexOf(' '));
                String region = t.getKey().substring(t.getKey().indexOf(' ') + 1);
                String key = "uji-" + c.username() + "-" + t.getValue() + "-" + System.nanoTime();
                Response r = as(c.username())
                        .post("/api/payments", ApiFixtures.payment(key, t.getValue(), 10_000, "2026-12-07"));
                Pay pay = c.rules().pay();
                int expected = pay == Pay.NONE
                        ? 403
                        : !c.sees(region) ? 422 : pay == Pay.BPU && !segment.equals("BPU") ? 403 : 201;
                expect("pay " + c.username() + " " + t.getKey(), r, expected);
                if (expected != 201) {
                    expectNothingWritten(
                            "pay " + c.username(),
                            jdbc.sql("SELECT count(*) FROM payment WHERE idempotency_key LIKE ?")
                                            .param("%" + key + "%")
                                            .query(Long.class)
                                            .single()
                                    > 0);
                }
            }
        }
        assertNoFailures();
    }

    /** The registry and claim intake: who writes at all, and only inside the scope. */
    @Test
    void registryAndClaimIntake_everyRoleAndScope() {
        for (Caller c : CALLERS) {
            for (String desa : List.of(KETAPANG_DESA, PONTIANAK_DESA)) {
                LocalDate birth = LocalDate.of(1985, 3, 1).plusDays(BIRTH.incrementAndGet());
                Response r = as(c.username())
                        .post(
                                "/api/participants",
                                ApiFixtures.worker(
                                        Niks.nik(desa.substring(0, 8).replace(".", ""), birth, true),
                                        "Uji Daftar",
                                        birth,
                                        "P",
                                        desa));
                expect(
                        "register " + c.username() + " " + desa,
                        r,
                        !c.rules().registry() ? 403 : c.sees(desa) ? 201 : 403);
                long p = participant(desa);
                Response claim = as(c.username()).post("/api/claims", json("participantId", p));
                // an incomplete intake: whoever may take claims in is told what is missing (422), never 201
                expect(
                        "claim intake " + c.username() + " " + desa,
                        claim,
                        !c.rules().claimIntake() ? 403 : c.sees(desa) ? 422 : claim.status() == 422 ? 422 : REFUSED);
            }
        }
        assertNoFailures();
    }

    /**
     * The KUR enrol action: a bank's own borrower (registered or not), another bank's borrower, a row handed to the
     * agent or not, at and past the income limit, the current month or back-dated.
     */
    @Test
    void kurEnrolAction_ownAndOtherBanksBorrowers() {
        record Loan(String bank, String id, boolean registered, boolean handed) {}
        List<Loan> loans = new ArrayList<>();
        StringBuilder file =
                new StringBuilder("bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;" + "region_code\n");
        String run = Long.toString(System.nanoTime() % 1_000_000_000L);
        int n = 0;
        List<Object[]> plan = new ArrayList<>();
        for (Caller c : CALLERS) {
            for (String bank : List.of("KALBAR", "BRI")) {
                for (boolean registered : List.of(true, false)) {
                    for (boolean handed : List.of(true, false)) {
                        for (long income : List.of(LIMIT, LIMIT + 1)) {
                            for (YearMonth start : List.of(NOW, BACK)) {
                                if (!registered && (income > LIMIT || start != NOW)) {
                                    continue; // the unregistered borrower: who may register them is the question
                                }
                                LocalDate birth = LocalDate.of(1975, 1, 1).plusDays(BIRTH.incrementAndGet());
                                String nik = Niks.nik("610401", birth, false);
                                if (registered) {
                                    Response r = ApiFixtures.register(
                                            as("admin"), nik, "Debitur Uji", birth, "L", KETAPANG_DESA);
                                }
                                Loan loan = new Loan(bank, "RT" + run + "-" + (++n), registered, handed);
                                loans.add(loan);
                                file.append(bank)
                                        .append(";Ketapang;")
                                        .append(loan.id())
                                        .append(';')
                                        .append(nik)
                                        .append(";Debitur Uji;MIKRO;50000000;2026-11-02;Perdagangan;")
                                        .append(KETAPANG_DESA)
                                        .append('\n');
                                plan.add(new Object[] {c, loan, income, start});
                            }
                        }
                    }
                }
            }
        }
        Response upload = as("admin")
                .postMultipart(
                        "/api/kur/files",
                        Map.of(),
                        "file",
                        "uji.csv",
                        file.toString().getBytes(StandardCharsets.UTF_8),
                        "text/csv");
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        for (String bank : List.of("KALBAR", "BRI")) {
            List<String> handed = loans.stream()
                    .filter(l -> l.bank().equals(bank) && l.handed())
                    .map(Loan::id)
                    .toList();
            Response assigned = as("admin")
                    .post("/api/kur/assignments", json("bank", bank, "loanIds", handed, "agent", "agen.ketapang"));
            assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        }
        for (Object[] step : plan) {
            Caller c = (Caller) step[0];
            Loan loan = (Loan) step[1];
            long income = (Long) step[2];
            YearMonth start = (YearMonth) step[3];
            Response r = as(c.username())
                    .post(
                            "/api/kur/loans/" + loan.bank() + "/" + loan.id() + "/enrol",
                            json("declaredIncome", income, "startMonth", start.toString()));
            int expected = expectedKur(c, loan.bank(), loan.registered(), loan.handed(), income, start);
            String what = "KUR enrol " + c.username() + " " + loan + " Rp" + income + " from " + start;
            expect(what, r, expected);
            if (expected != 200) {
                expectNothingWritten(
                        what,
                        jdbc.sql(
                                        "SELECT enrolled_membership_id IS NOT NULL FROM kur_loan WHERE bank_code = ? AND loan_id = ?")
                                .params(loan.bank(), loan.id())
                                .query(Boolean.class)
                                .single());
            }
        }
        assertNoFailures();
    }

    static int expectedKur(Caller c, String bank, boolean registered, boolean handed, long income, YearMonth start) {
        Rules r = c.rules();
        switch (r.kur()) {
            case NONE -> {
                return 403;
            }
            case OWN_BANK_REGISTERED -> {
                if (!bank.equals(c.bank())) {
                    return 403; // another bank's loan: "not yours"
                }
                if (!registered) {
                    return 403; // banks do not write the registry
                }
            }
            case HANDED_TO_ME -> {
                if (!handed) {
                    return 403;
                }
            }
            case SCOPE -> {}
        }
        // the unregistered borrower's desa comes from the loan (a desa code): registered by the action
        boolean over = income > r.maxIncome();
        boolean back = start.isBefore(NOW) && !r.backdate();
        return over || back ? 422 : 200;
    }
}
