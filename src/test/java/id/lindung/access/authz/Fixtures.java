package id.lindung.access.authz;

import id.lindung.access.ApiTokens;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.claim.Claim;
import id.lindung.claim.ClaimId;
import id.lindung.claim.ClaimManagement;
import id.lindung.claim.internal.Holidays;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.Payments;
import id.lindung.contribution.RateBook;
import id.lindung.contribution.RateRule;
import id.lindung.coverage.CoverageTargets;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.NewEmployer;
import id.lindung.enrolment.NewProject;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.enrolment.StartCorrections;
import id.lindung.kur.KurImportResult;
import id.lindung.kur.KurImports;
import id.lindung.kur.KurLoan;
import id.lindung.kur.KurOutreach;
import id.lindung.paritrana.Category;
import id.lindung.paritrana.Cycle;
import id.lindung.paritrana.Entrant;
import id.lindung.paritrana.Indicator;
import id.lindung.paritrana.ParitranaCycles;
import id.lindung.participant.Business;
import id.lindung.participant.BusinessScale;
import id.lindung.participant.NewBusiness;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.shared.progress.OperationProgress;
import id.lindung.sponsorship.Programme;
import id.lindung.sponsorship.SponsorshipProgrammes;
import id.lindung.support.Intakes;
import id.lindung.support.Niks;
import id.lindung.support.Workers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The entities the matrix fills path variables (and some form fields) with: one set in Kabupaten Ketapang (61.04,
 * inside the Ketapang users' scope) and one in Kota Pontianak (61.71, outside it), created through the application's
 * services as a province administrator — never with SQL on the registry's tables. Each set has a participant, a
 * borrower without membership, a BPU membership (through an agent), an employer, a construction project, a claim
 * with a document, a payment, a KUR file and loan (Ketapang: bank KALBAR, uploaded by {@code bank.kalbar};
 * Pontianak: bank BNI), a sponsorship programme of the kab/kota, the kab/kota's entrant in a Paritrana cycle, a
 * coverage target, an API token (of {@code petugas.ketapang}, resp. {@code petugas.pontianak}) and a holiday.
 * Values are looked up by name ({@code {participant}}, {@code {claim}}, …) from path patterns and request templates.
 */
public final class Fixtures {

    /** A set of entities in one kab/kota. */
    public record FixtureSet(String name, String region, Map<String, String> values, String tokenOwner, String bank) {}

    /** Names of fixtures that belong to a region: a user's scope decides whether they are in reach. */
    public static final Set<String> REGIONAL = Set.of(
            "participant",
            "dupA",
            "dupB",
            "membership",
            "startCorrection",
            "employer",
            "project",
            "claim",
            "document",
            "paymentKey",
            "loanId",
            "region",
            "entrant",
            "programme",
            "umkmBusiness",
            "umkmRequest");
    /** Names of fixtures owned by a user or a bank. */
    public static final Set<String> TOKEN = Set.of("token");

    public static final Set<String> BANK = Set.of("kurFile", "loanId", "loanBank");

    static final LindungUser ADMIN =
            new LindungUser("admin", "Administrator Lindung", Role.ADMIN, RegionScope.of("61"));
    static final LindungUser BANK_KALBAR =
            new LindungUser("bank.kalbar", "Petugas Bank Kalbar", Role.BANK_OFFICER, RegionScope.of("61"));
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger SERIAL = new AtomicInteger();
    /** An operation id every caller of the matrix has started (before each request that names it). */
    static final String OPERATION = "6d617472-696b-4000-8000-000000000001";

    /** The users of AuthorizationMatrixTest.CALLERS. */
    private static final List<String> CALLERS = List.of(
            "admin",
            "petugas.kalbar",
            "petugas.pontianak",
            "petugas.ketapang",
            "analis.provinsi",
            "analis.ketapang",
            "bank.kalbar",
            "agen.ketapang");

    private final ApplicationContext context;
    private final Clock clock;
    private final String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(java.util.Locale.ROOT);
    public final FixtureSet ketapang;
    public final FixtureSet pontianak;

    public Fixtures(ApplicationContext context) {
        this.context = context;
        this.clock = context.getBean(Clock.class);
        Map<String, String> common = common();
        this.ketapang = set(
                "Ketapang",
                "61.04",
                "610401",
                "61.04.01.2011",
                "KALBAR",
                BANK_KALBAR,
                "petugas.ketapang",
                "2031-12-24",
                common);
        this.pontianak = set(
                "Pontianak",
                "61.71",
                "617101",
                "61.71.01.1002",
                "BNI",
                ADMIN,
                "petugas.pontianak",
                "2031-12-26",
                common);
    }

    public List<FixtureSet> sets() {
        return List.of(ketapang, pontianak);
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** What does not depend on the region: a Paritrana cycle, a rule, months and indicator codes. */
    private Map<String, String> common() {
        Map<String, String> v = new LinkedHashMap<>();
        RateRule rule = bean(RateBook.class).all().stream()
                .filter(RateRule::unconfirmed)
                .findFirst()
                .orElse(bean(RateBook.class).all().get(0));
        v.put("ruleRef", rule.ref());
        Cycle cycle = bean(ParitranaCycles.class).create(2035, Category.KABKOTA, 2025, ADMIN);
        v.put("cycle", Long.toString(cycle.id()));
        for (Entrant e : cycle.entrants()) {
            v.put("entrant@" + e.regionCode(), Long.toString(e.id()));
        }
        v.put("weightCode", Indicator.COVERAGE_RATE.name());
        v.put("evidenceCode", Indicator.REGULATIONS.name());
        v.put("juryCode", Indicator.INNOVATION.name());
        v.put("billMonth", YearMonth.now(clock).toString());
        v.put("targetYear", "2031");
        v.put("province", "61");
        v.put("operation", OPERATION);
        return v;
    }

    private FixtureSet set(
            String name,
            String region,
            String kecamatanDigits,
            String desa,
            String bank,
            LindungUser uploader,
            String tokenOwner,
            String holiday,
            Map<String, String> common) {
        Map<String, String> v = new LinkedHashMap<>(common);
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.now(clock);
        ParticipantManagement participants = bean(ParticipantManagement.class);
        EnrolmentManagement enrolment = bean(EnrolmentManagement.class);

        v.put("region", region);
        v.put("desa", desa);
        v.put("entrant", v.get("entrant@" + region));
        long participant = register(participants, kecamatanDigits, desa, "Matriks " + name, LocalDate.of(1985, 3, 9));
        v.put("participant", Long.toString(participant));
        String borrowerNik = Niks.nik(kecamatanDigits, LocalDate.of(1990, 7, 21), false);
        long borrower = participants
                .register(
                        new ParticipantDetails(
                                borrowerNik,
                                "Peminjam " + name,
                                LocalDate.of(1990, 7, 21),
                                Sex.L,
                                desa,
                                null,
                                "Pedagang",
                                null),
                        ADMIN)
                .participant()
                .id();
        v.put("borrower", Long.toString(borrower));

        Membership membership = enrolment.enrol(
                new EnrolmentRequest(
                        participant,
                        Segment.BPU,
                        Channel.AGENT,
                        Set.of(),
                        null,
                        1_000_000L,
                        Sector.OTHER,
                        false,
                        month,
                        null),
                ADMIN);
        v.put("membership", Long.toString(membership.id()));
        // requested by an officer who is none of the matrix's callers: every caller may be the second pair of eyes
        LindungUser requester =
                new LindungUser("petugas.matriks", "Petugas Matriks", Role.OFFICER, RegionScope.of("61"));
        v.put(
                "startCorrection",
                Long.toString(bean(StartCorrections.class)
                        .request(
                                MembershipId.of(membership.id()),
                                month.minusMonths(1),
                                "Uji matriks otorisasi: mulai sebulan lebih awal",
                                requester)
                        .id()));
        long employer = enrolment
                .registerEmployer(
                        new NewEmployer("MTX" + run + SERIAL.incrementAndGet(), "PT Matriks " + name, 2, null, desa),
                        ADMIN)
                .id();
        v.put("employer", Long.toString(employer));
        // an UMKM owner's business with an employee waiting for an officer (issue 19 point 5)
        Business business = participants.registerBusiness(
                new NewBusiness(
                        "7"
                                + String.format(
                                        "%012d", (System.nanoTime() + SERIAL.incrementAndGet()) % 1_000_000_000_000L),
                        "Warung Matriks " + name,
                        participant,
                        "47111",
                        BusinessScale.MIKRO,
                        desa,
                        2),
                ADMIN);
        v.put("umkmBusiness", Long.toString(business.id()));
        v.put(
                "umkmRequest",
                Long.toString(bean(JdbcClient.class)
                        .sql("""
                                INSERT INTO business_worker (business_id, participant_id, kind, label, nik_mask,
                                  region_code, base_amount, sector, status, requested_at)
                                VALUES (?, ?, 'EMPLOYEE', 'Karyawan Matriks', '6104••••••••0001', ?, 3000000, 'OTHER',
                                        'PENDING', now()) RETURNING id""")
                        .params(business.id(), borrower, desa)
                        .query(Long.class)
                        .single()));
        Membership project = enrolment.registerProject(
                new NewProject(employer, "Jembatan " + name, 500_000_000L, month, month.plusMonths(3), 12, desa, null),
                ADMIN);
        v.put("project", Long.toString(project.projectId()));

        ClaimManagement claims = bean(ClaimManagement.class);
        LocalDate event = today.minusDays(10);
        Claim claim = claims.submit(Intakes.landTransport(participant, event, "Ambulans ke RSUD", 500_000L), ADMIN);
        v.put("claim", Long.toString(claim.id()));
        Claim withDocument = claims.addDocument(ClaimId.of(claim.id()), "KWITANSI", "kwitansi.pdf", PDF, ADMIN);
        v.put("document", Long.toString(withDocument.documents().get(0).id()));

        String key = "MATRIKS-" + run + "-" + name;
        bean(Payments.class).pay(new PaymentRequest(key, membership.id(), 20_000L, today, "matriks"), ADMIN);
        v.put("paymentKey", key);

        String loanId = "MTX-" + run + "-" + name.toUpperCase();
        String csv = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n" + bank + ";"
                + name + ";" + loanId + ";" + borrowerNik + ";Peminjam " + name + ";MIKRO;30000000;"
                + today.minusDays(20) + ";Perdagangan;" + desa + "\n";
        KurImportResult file = bean(KurImports.class)
                .importFile(
                        "matriks-" + name + ".csv",
                        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                        uploader);
        if (file.inserted() != 1) {
            throw new IllegalStateException("KUR fixture not imported: " + file);
        }
        v.put("kurFile", Long.toString(file.fileId()));
        v.put("loanBank", bank);
        v.put("loanId", loanId);
        KurLoan loan = bean(KurOutreach.class).find(bank, loanId, ADMIN);
        if (loan.participantId() == null
                || loan.participantId() != borrower
                || loan.matchStatus().equals("PROTECTED")) {
            throw new IllegalStateException("KUR fixture loan not matched to its unprotected borrower: " + loan);
        }

        Programme programme = bean(SponsorshipProgrammes.class)
                .create(
                        new Programme.New(
                                "Bantuan Iuran " + name,
                                region,
                                "Perbup uji matriks",
                                Programme.FundingSource.APBD,
                                100_000_000L,
                                month,
                                month.plusMonths(11),
                                null,
                                null),
                        ADMIN);
        v.put("programme", Long.toString(programme.id()));

        LindungUser owner = new LindungUser(tokenOwner, tokenOwner, Role.OFFICER, RegionScope.of(region));
        v.put(
                "token",
                Long.toString(bean(ApiTokens.class)
                        .issue(null, "matriks " + name, null, null, owner)
                        .id()));
        v.put("holiday", holiday);
        putHoliday(holiday);
        putTarget(region, v.get("targetYear"));
        return new FixtureSet(name, region, Map.copyOf(v), tokenOwner, bank);
    }

    private long register(
            ParticipantManagement participants, String kecamatanDigits, String desa, String fullName, LocalDate birth) {
        return Workers.register(participants, Niks.nik(kecamatanDigits, birth, false), fullName, birth, desa, ADMIN);
    }

    // ------------------------------------------------------------------------------- fixtures made per request

    /**
     * Values an endpoint consumes, made again before each request so that every allowed caller finds them: a fresh
     * pair of possible duplicates to resolve, the holiday or coverage target that the previous caller deleted.
     */
    public Map<String, String> beforeRequest(Endpoints.Endpoint endpoint, FixtureSet set, List<String> names) {
        Map<String, String> fresh = new HashMap<>();
        if (names.contains("dupA")) {
            String kecamatan = set.region().replace(".", "") + "01";
            String desa = set.values().get("desa");
            LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(SERIAL.incrementAndGet());
            String fullName = "Kembar Matriks " + set.name() + " " + letters(SERIAL.get());
            ParticipantManagement participants = bean(ParticipantManagement.class);
            fresh.put("dupA", Long.toString(register(participants, kecamatan, desa, fullName, birth)));
            fresh.put("dupB", Long.toString(register(participants, kecamatan, desa, fullName, birth)));
        }
        if (names.contains("operation")) {
            // each caller reads its own operation's progress (another user's is 404: ProgressAttackTest)
            CALLERS.forEach(user -> bean(OperationProgress.class).start(user, OPERATION));
        }
        if (endpoint.method().equals("DELETE") && names.contains("holiday")) {
            putHoliday(set.values().get("holiday"));
        }
        boolean removesTarget = endpoint.method().equals("DELETE") && names.contains("targetYear")
                || endpoint.pattern().equals("/cakupan/target/hapus");
        if (removesTarget) {
            putTarget(set.region(), set.values().get("targetYear"));
        }
        return fresh;
    }

    /** A number as letters ({@code 0 -> A}, {@code 27 -> BB}): names may hold no digits. */
    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        int rest = n;
        do {
            s.append((char) ('A' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return s.toString();
    }

    private void putHoliday(String day) {
        bean(Holidays.class).put(LocalDate.parse(day), "Libur uji matriks", "uji");
    }

    private void putTarget(String region, String year) {
        bean(CoverageTargets.class).put(region, Integer.parseInt(year), 5_000, "uji matriks", ADMIN);
    }

    // ----------------------------------------------------------------------------------------------- ownership

    /**
     * Whether {@code user} owns the set's entity among {@code names}: its API token, or its bank's KUR file or loan.
     * Null when none of the names is an owned kind.
     */
    public static @Nullable Boolean owns(
            @Nullable String username, @Nullable String bank, FixtureSet set, List<String> names) {
        Predicate<Set<String>> uses = kinds -> names.stream().anyMatch(kinds::contains);
        if (uses.test(TOKEN)) {
            return set.tokenOwner().equals(username);
        }
        if (uses.test(BANK)) {
            return set.bank().equals(bank);
        }
        return null;
    }
}
