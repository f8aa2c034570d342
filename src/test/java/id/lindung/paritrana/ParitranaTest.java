package id.lindung.paritrana;

import static id.lindung.support.ApiClient.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboards;
import id.lindung.coverage.CoverageReadModel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.NewEmployer;
import id.lindung.enrolment.NewProject;
import id.lindung.paritrana.Ranking.Line;
import id.lindung.paritrana.Ranking.Row;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.support.ApiClient;
import id.lindung.support.ApiClient.Response;
import id.lindung.support.Ledger;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Paritrana Award on a real database: who enters what, a ranking made from evidence, jury scores and coverage
 * computed from real enrolments, stable (same inputs, same order; ties broken by the documented rule) and explained
 * (every total is the sum of its contributions, a change in one indicator moves exactly that entrant), editable
 * weights, a closed cycle that keeps its figures, and the API and exports over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ParitranaTest {

    static final LindungUser ADMIN = new LindungUser("admin", "Administrator", Role.ADMIN, RegionScope.of("61"));
    static final LindungUser JUROR =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    static final LindungUser KETAPANG_OFFICER =
            new LindungUser("petugas.ketapang", "Petugas Ketapang", Role.OFFICER, RegionScope.of("61.04"));
    static final LindungUser KETAPANG =
            new LindungUser("analis.ketapang", "Analis Ketapang", Role.GOV_ANALYST, RegionScope.of("61.04"));
    static final LindungUser PROVINCE_ANALYST =
            new LindungUser("analis.provinsi", "Analis Provinsi", Role.GOV_ANALYST, RegionScope.of("61"));

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    ParitranaCycles cycles;

    @Autowired
    ParitranaRanking rankings;

    @Autowired
    CoverageDashboards dashboards;

    @Autowired
    CoverageReadModel readModel;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    RegionDirectory regions;

    @Autowired
    AuditTrail audit;

    @Test
    void theFirstCyclesShipWithTheKabKotaOfKalbarAndDefaultWeightsMarkedUnconfirmed() {
        Cycle kabKota = cycles.list().stream()
                .filter(c -> c.year() == 2026 && c.category() == Category.KABKOTA)
                .findFirst()
                .map(c -> cycles.get(c.id()))
                .orElseThrow();
        assertThat(kabKota.evaluationYear()).isEqualTo(2025);
        assertThat(kabKota.entrants())
                .hasSize(14)
                .extracting(Entrant::regionCode)
                .contains("61.04", "61.71");
        assertThat(kabKota.indicators())
                .extracting(Cycle.Weight::code)
                .containsExactly(
                        Indicator.COVERAGE_RATE,
                        Indicator.COVERAGE_GROWTH,
                        Indicator.REGULATIONS,
                        Indicator.BUDGET,
                        Indicator.VULNERABLE_SPONSORED,
                        Indicator.NON_ASN_ENROLLED,
                        Indicator.INNOVATION,
                        Indicator.HEAD_ATTENDANCE);
        assertThat(kabKota.weightTotal()).isEqualTo(100);
        assertThat(kabKota.indicators())
                .allSatisfy(w -> assertThat(w.weightUnconfirmed()).isTrue());
        Cycle province = cycles.list().stream()
                .filter(c -> c.year() == 2026 && c.category() == Category.PROVINCE)
                .findFirst()
                .map(c -> cycles.get(c.id()))
                .orElseThrow();
        assertThat(province.entrants()).extracting(Entrant::regionCode).containsExactly("61");
    }

    @Test
    void evidenceIsEnteredByTheEntrantsGovernment_scoresByJurors_andEachStageClosesWhatItShould() {
        Cycle cycle = cycles.create(2090, Category.KABKOTA, 2025, ADMIN);
        Entrant ketapang = entrant(cycle, "61.04");
        Entrant pontianak = entrant(cycle, "61.71");

        EntrantFile file = cycles.enterEvidence(
                ketapang.id(), Indicator.REGULATIONS, 2, "Perbup Ketapang 4/2020; Perbup Ketapang 83/2023", KETAPANG);
        assertThat(file.evidence()).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo(2);
            assertThat(e.enteredBy()).isEqualTo("analis.ketapang");
        });
        cycles.enterEvidence(
                ketapang.id(), Indicator.REGULATIONS, 3, "Perbup 4/2020, 83/2023, Perda 2/2024", PROVINCE_ANALYST);
        assertThat(cycles.file(ketapang.id()).evidence())
                .singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo(3));
        assertThat(audit.history("paritrana_participant", Long.toString(ketapang.id())))
                .extracting(AuditTrail.AuditEntry::action)
                .containsOnly("PARITRANA_EVIDENCE_ENTERED")
                .hasSize(2);

        // another region's government, a BPJS officer, a computed indicator, a value out of range: refused
        assertThatThrownBy(() -> cycles.enterEvidence(pontianak.id(), Indicator.REGULATIONS, 1, "Perwal", KETAPANG))
                .isInstanceOfSatisfying(
                        ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("paritrana.evidence.forbidden"));
        assertThatThrownBy(() -> cycles.enterEvidence(ketapang.id(), Indicator.REGULATIONS, 1, "x", JUROR))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cycles.enterEvidence(ketapang.id(), Indicator.COVERAGE_RATE, 9000, "BPJS", KETAPANG))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::code)
                                .containsExactly("paritrana.indicator.notHere"));
        assertThatThrownBy(() -> cycles.enterEvidence(ketapang.id(), Indicator.HEAD_ATTENDANCE, 2, "", KETAPANG))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field)
                                .containsExactly("value", "document"));
        assertThat(cycles.file(pontianak.id()).evidence()).isEmpty();

        // jurors: administrators and province-wide officers; not analysts, not a kab/kota officer
        cycles.score(ketapang.id(), Indicator.INNOVATION, 80, "1 Desa 100 Pekerja Rentan", JUROR);
        cycles.score(ketapang.id(), Indicator.INNOVATION, 84, null, JUROR); // replaces the juror's own score
        assertThat(cycles.file(ketapang.id()).scores())
                .singleElement()
                .satisfies(s -> assertThat(s.score()).isEqualTo(84));
        assertThatThrownBy(() -> cycles.score(ketapang.id(), Indicator.INNOVATION, 100, null, KETAPANG))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cycles.score(ketapang.id(), Indicator.INNOVATION, 100, null, KETAPANG_OFFICER))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cycles.score(ketapang.id(), Indicator.REGULATIONS, 100, null, JUROR))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> cycles.score(ketapang.id(), Indicator.INNOVATION, 101, null, JUROR))
                .isInstanceOf(InvalidInputException.class);

        // only administrators move a cycle on; evidence closes with OPEN, scores with CLOSED
        assertThatThrownBy(() -> cycles.setStatus(cycle.id(), CycleStatus.SCORING, PROVINCE_ANALYST))
                .isInstanceOf(ForbiddenException.class);
        cycles.setStatus(cycle.id(), CycleStatus.SCORING, ADMIN);
        assertThatThrownBy(() -> cycles.enterEvidence(ketapang.id(), Indicator.BUDGET, 1, "APBD", KETAPANG))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("paritrana.cycle.notOpen"));
        cycles.score(ketapang.id(), Indicator.INNOVATION, 90, null, ADMIN);
        cycles.setStatus(cycle.id(), CycleStatus.CLOSED, ADMIN);
        assertThatThrownBy(() -> cycles.score(ketapang.id(), Indicator.INNOVATION, 10, null, ADMIN))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cycles.setStatus(cycle.id(), CycleStatus.OPEN, ADMIN))
                .isInstanceOf(ConflictException.class);
        assertThat(rankings.ranking(cycle.id()).rows().stream()
                        .filter(r -> r.entrant().id() == ketapang.id())
                        .findFirst()
                        .orElseThrow()
                        .line(Indicator.INNOVATION)
                        .score())
                .isEqualByComparingTo("87.00");
    }

    /**
     * A cycle judging a year that has ended reads its December as published: a project back-dated into that year and
     * paid afterwards is a dated revision of the coverage figures and moves no rank.
     */
    @Test
    void anEndedYearIsJudgedOnItsPublishedFigures_aLaterPaymentIsOnlyARevision() {
        YearMonth current = YearMonth.now(clock);
        YearMonth december = YearMonth.of(current.getYear() - 1, 12);
        Cycle cycle = cycles.create(2092, Category.KABKOTA, december.getYear(), ADMIN);
        Entrant melawi = entrant(cycle, "61.10");
        Ranking before = rankings.ranking(cycle.id());
        assertThat(before.referenceMonth()).isEqualTo(december);
        CoverageDashboard published = dashboards.dashboard("61.10", december, LindungUser.SYSTEM);
        assertThat(published.publication())
                .as("December of last year is published")
                .isNotNull();
        Long rateBefore = row(before, melawi).line(Indicator.COVERAGE_RATE).raw();
        assertThat(rateBefore).isEqualTo(published.total().coverage().longValue());

        String desa = desaOf("61.10");
        long employer = enrolment
                .registerEmployer(
                        new NewEmployer("NPPPB" + System.nanoTime() % 1_000_000, "PT Melawi Bangun", 3, null, desa),
                        JUROR)
                .id();
        Membership project = enrolment.registerProject(
                new NewProject(
                        employer,
                        "Jembatan Nanga Pinoh",
                        2_000_000_000L,
                        december.minusMonths(2),
                        december.plusMonths(1),
                        600,
                        desa,
                        null),
                JUROR);
        Ledger ledger = ledger();
        ledger.bill(december.minusMonths(2));
        ledger.payOldest(project.id(), 1, LocalDate.now(clock));
        readModel.rebuild();

        CoverageDashboard revised = dashboards.dashboard("61.10", december, LindungUser.SYSTEM);
        assertThat(revised.total().coverage())
                .as("the published figure stays")
                .isEqualTo(published.total().coverage());
        assertThat(revised.publication().asKnownNow())
                .isEqualTo(published.publication().asKnownNow() + 600);
        assertThat(revised.publication().revisions())
                .last()
                .satisfies(r -> assertThat(r.detectedOn()).isEqualTo(LocalDate.now(clock)));
        Ranking after = rankings.ranking(cycle.id());
        assertThat(row(after, melawi).line(Indicator.COVERAGE_RATE).raw()).isEqualTo(rateBefore);
        assertThat(ids(after)).isEqualTo(ids(before));
    }

    private Ledger ledger() {
        return Ledger.of(context);
    }

    @Test
    void theRankingIsMadeFromEvidenceJuryAndCoverage_everyTotalIsItsContributions_andTheOrderIsStable() {
        // coverage: a construction project of 400 workers in Kayong Utara, its one bill paid, running through the
        // current month: the cycle judges this year, whose December (the reference month) is the month held last
        YearMonth current = YearMonth.now(clock);
        YearMonth reference =
                YearMonth.of(current.getYear(), 12).isAfter(current) ? current : YearMonth.of(current.getYear(), 12);
        String kayongDesa = desaOf("61.11");
        long employer = enrolment
                .registerEmployer(
                        new NewEmployer(
                                "NPPPA" + System.nanoTime() % 1_000_000, "PT Kayong Bangun", 3, null, kayongDesa),
                        JUROR)
                .id();
        Membership dermaga = enrolment.registerProject(
                new NewProject(
                        employer,
                        "Dermaga Sukadana",
                        3_000_000_000L,
                        current.minusMonths(9),
                        current.plusMonths(2),
                        400,
                        kayongDesa,
                        null),
                JUROR);
        Ledger ledger = ledger();
        ledger.bill(current.minusMonths(9));
        ledger.payOldest(dermaga.id(), 1, LocalDate.now(clock));
        readModel.rebuild();

        Cycle cycle = cycles.create(2091, Category.KABKOTA, current.getYear(), ADMIN);
        Entrant ketapang = entrant(cycle, "61.04");
        Entrant pontianak = entrant(cycle, "61.71");
        Entrant sambas = entrant(cycle, "61.01");
        Entrant kayong = entrant(cycle, "61.11");
        cycles.enterEvidence(ketapang.id(), Indicator.REGULATIONS, 4, "Perbup 4/2020, 83/2023", KETAPANG);
        cycles.enterEvidence(pontianak.id(), Indicator.REGULATIONS, 2, "Perwal", ADMIN);
        cycles.enterEvidence(ketapang.id(), Indicator.BUDGET, 4_300_000_000L, "APBD 2025", KETAPANG);
        cycles.enterEvidence(sambas.id(), Indicator.BUDGET, 1_000_000_000L, "APBD 2025", ADMIN);
        cycles.enterEvidence(pontianak.id(), Indicator.NON_ASN_ENROLLED, 5746, "MoU 11-02-2026", ADMIN);
        cycles.enterEvidence(ketapang.id(), Indicator.HEAD_ATTENDANCE, 1, "Daftar hadir wawancara", KETAPANG);
        cycles.enterEvidence(pontianak.id(), Indicator.HEAD_ATTENDANCE, 0, "Diwakili Sekda", ADMIN);
        cycles.score(ketapang.id(), Indicator.INNOVATION, 80, null, JUROR);
        cycles.score(ketapang.id(), Indicator.INNOVATION, 91, null, ADMIN);
        cycles.score(pontianak.id(), Indicator.INNOVATION, 70, null, JUROR);

        Ranking ranking = rankings.ranking(cycle.id());
        assertThat(ranking.referenceMonth()).isEqualTo(reference);
        assertThat(ranking.rows())
                .hasSize(14)
                .extracting(Row::rank)
                .containsExactlyElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 14).boxed().toList());
        explained(ranking);

        // the coverage indicators are the coverage module's figures, not typed in
        for (Row row : ranking.rows()) {
            String code = row.entrant().regionCode();
            Integer now = dashboards
                    .dashboard(code, reference, LindungUser.SYSTEM)
                    .total()
                    .coverage();
            Integer before = dashboards
                    .dashboard(code, reference.minusYears(1), LindungUser.SYSTEM)
                    .total()
                    .coverage();
            assertThat(row.line(Indicator.COVERAGE_RATE).raw()).as(code).isEqualTo(now.longValue());
            assertThat(row.line(Indicator.COVERAGE_GROWTH).raw()).as(code).isEqualTo((long) now - before);
        }
        Row kayongRow = row(ranking, kayong);
        assertThat(kayongRow.line(Indicator.COVERAGE_RATE).raw()).isGreaterThanOrEqualTo(90L); // 400 of ~41,000
        assertThat(kayongRow.line(Indicator.COVERAGE_GROWTH).raw())
                .isEqualTo(kayongRow.line(Indicator.COVERAGE_RATE).raw()); // none a year before

        // scores within the cycle: share of the best, yes/no, the jurors' average
        assertThat(row(ranking, ketapang).line(Indicator.REGULATIONS).score()).isEqualByComparingTo("100");
        assertThat(row(ranking, pontianak).line(Indicator.REGULATIONS).score()).isEqualByComparingTo("50");
        assertThat(row(ranking, sambas).line(Indicator.BUDGET).score()).isEqualByComparingTo("23.26");
        assertThat(row(ranking, ketapang).line(Indicator.INNOVATION)).satisfies(l -> {
            assertThat(l.score()).isEqualByComparingTo("85.50");
            assertThat(l.jurors()).isEqualTo(2);
        });
        assertThat(row(ranking, ketapang).line(Indicator.HEAD_ATTENDANCE).score())
                .isEqualByComparingTo("100");
        assertThat(row(ranking, pontianak).line(Indicator.HEAD_ATTENDANCE).score())
                .isEqualByComparingTo("0");
        assertThat(row(ranking, sambas).line(Indicator.HEAD_ATTENDANCE).noData())
                .isTrue();

        // stable: the same inputs give the same order, whatever order the rows come in
        assertThat(ids(rankings.ranking(cycle.id()))).isEqualTo(ids(ranking));
        for (long seed = 1; seed <= 20; seed++) {
            List<Row> shuffled = new ArrayList<>(ranking.rows());
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.sort(ParitranaRanking.ORDER);
            assertThat(shuffled.stream().map(r -> r.entrant().id()).toList()).isEqualTo(ids(ranking));
        }

        // a change in one indicator moves exactly that entrant, by exactly its contribution
        Map<Long, BigDecimal> before = totals(ranking);
        cycles.enterEvidence(sambas.id(), Indicator.REGULATIONS, 1, "Perbup Sambas", ADMIN); // best stays 4
        Ranking after = rankings.ranking(cycle.id());
        explained(after);
        Map<Long, BigDecimal> changed = totals(after);
        changed.forEach((id, total) -> {
            BigDecimal expected = id == sambas.id() ? before.get(id).add(new BigDecimal("2.5000")) : before.get(id);
            assertThat(total).as("entrant " + id).isEqualByComparingTo(expected); // 25.00 x 10 / 100
        });
        assertThat(row(after, sambas).rank())
                .isLessThanOrEqualTo(row(ranking, sambas).rank());

        // weights are editable by administrators; the totals follow
        assertThatThrownBy(() -> cycles.setWeight(cycle.id(), Indicator.INNOVATION, 0, null, PROVINCE_ANALYST))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> cycles.setWeight(cycle.id(), Indicator.INNOVATION, 101, null, ADMIN))
                .isInstanceOf(InvalidInputException.class);
        Cycle reweighted = cycles.setWeight(cycle.id(), Indicator.INNOVATION, 0, "Tanpa wawancara", ADMIN);
        assertThat(reweighted.weightTotal()).isEqualTo(90);
        assertThat(reweighted.indicators())
                .filteredOn(w -> w.code() == Indicator.INNOVATION)
                .singleElement()
                .satisfies(w -> assertThat(w.weightUnconfirmed()).isFalse());
        Ranking withoutInnovation = rankings.ranking(cycle.id());
        assertThat(withoutInnovation.weightTotal()).isEqualTo(90);
        explained(withoutInnovation);
        assertThat(row(withoutInnovation, ketapang).line(Indicator.INNOVATION).contribution())
                .isZero();

        // closing freezes the coverage figures: a project dated back into 2025 no longer changes the ranking
        cycles.setStatus(cycle.id(), CycleStatus.CLOSED, ADMIN);
        Ranking closed = rankings.ranking(cycle.id());
        assertThat(closed.frozen()).isTrue();
        Membership teluk = enrolment.registerProject(
                new NewProject(
                        employer,
                        "Jalan Teluk Batang",
                        1_000_000_000L,
                        current.minusMonths(6),
                        current.plusMonths(1),
                        800,
                        kayongDesa,
                        null),
                JUROR);
        ledger.bill(current.minusMonths(6));
        ledger.payOldest(teluk.id(), 1, LocalDate.now(clock));
        readModel.rebuild();
        assertThat(dashboards
                        .dashboard("61.11", reference, LindungUser.SYSTEM)
                        .total()
                        .coverage())
                .isGreaterThan(
                        row(closed, kayong).line(Indicator.COVERAGE_RATE).raw().intValue());
        Ranking later = rankings.ranking(cycle.id());
        assertThat(ids(later)).isEqualTo(ids(closed));
        assertThat(totals(later)).isEqualTo(totals(closed));
    }

    @Test
    void equalTotalsAreOrderedByTheFirstIndicatorThenByRegionAndName_andSaySo() {
        Cycle cycle = cycles.create(2092, Category.BUSINESS_SMALL_MICRO, 2025, ADMIN);
        assertThat(cycle.entrants()).isEmpty();
        assertThat(cycle.indicators()).extracting(Cycle.Weight::weight).containsExactly(50, 20, 15, 15);
        Entrant ayu = cycles.addEntrant(cycle.id(), "CV Ayu Lestari", "61.04", null, ADMIN);
        Entrant berkah = cycles.addEntrant(cycle.id(), "Toko Berkah", "61.71", "NPP12345678", ADMIN);
        Entrant kapuas = cycles.addEntrant(cycle.id(), "UD Sungai Kapuas", "61.71", null, ADMIN);
        Entrant bakery = cycles.addEntrant(cycle.id(), "Roti Bakar 88", "61.71", null, ADMIN);
        assertThatThrownBy(() -> cycles.addEntrant(cycle.id(), "toko berkah", "61.71", null, ADMIN))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> cycles.addEntrant(cycle.id(), "PT Lain", "61.71", null, PROVINCE_ANALYST))
                .isInstanceOf(ForbiddenException.class);

        // Ayu: all its workers enrolled (50); Berkah: the most programmes, on time, best innovation (20 + 15 + 15)
        cycles.enterEvidence(ayu.id(), Indicator.WORKERS_ENROLLED_SHARE, 10_000, "Daftar pekerja", KETAPANG);
        cycles.enterEvidence(berkah.id(), Indicator.PROGRAMMES, 5, "Sertifikat kepesertaan", ADMIN);
        cycles.enterEvidence(berkah.id(), Indicator.CONTRIBUTIONS_ON_TIME, 1, "Rekening iuran", ADMIN);
        cycles.score(berkah.id(), Indicator.INNOVATION, 100, null, JUROR);
        // Kapuas and Roti Bakar: the same half (25 each)
        cycles.enterEvidence(kapuas.id(), Indicator.WORKERS_ENROLLED_SHARE, 5_000, "Daftar pekerja", ADMIN);
        cycles.enterEvidence(bakery.id(), Indicator.WORKERS_ENROLLED_SHARE, 5_000, "Daftar pekerja", ADMIN);

        Ranking ranking = rankings.ranking(cycle.id());
        explained(ranking);
        assertThat(ranking.rows())
                .extracting(r -> r.entrant().name())
                .containsExactly("CV Ayu Lestari", "Toko Berkah", "Roti Bakar 88", "UD Sungai Kapuas");
        assertThat(ranking.rows())
                .extracting(Row::total)
                .extracting(BigDecimal::toPlainString)
                .containsExactly("50.0000", "50.0000", "25.0000", "25.0000");
        assertThat(ranking.rows())
                .extracting(Row::decidedBy)
                .containsExactly("WORKERS_ENROLLED_SHARE", null, "ENTRANT", null);

        // one more programme for Kapuas moves it, and only it, above Roti Bakar
        cycles.enterEvidence(kapuas.id(), Indicator.PROGRAMMES, 1, "Sertifikat JKK", ADMIN);
        Ranking after = rankings.ranking(cycle.id());
        assertThat(after.rows())
                .extracting(r -> r.entrant().name())
                .containsExactly("CV Ayu Lestari", "Toko Berkah", "UD Sungai Kapuas", "Roti Bakar 88");
        assertThat(row(after, kapuas).total()).isEqualByComparingTo("29.0000"); // 25 + 20.00 x 20 / 100
        assertThat(row(after, bakery).total()).isEqualByComparingTo("25.0000");
        assertThat(row(after, ayu).total()).isEqualByComparingTo("50.0000");
    }

    @Test
    void theApiServesCyclesAndRankings_refusesWhatARoleMayNotDo_andNamesBadFields() {
        ApiClient ketapang = ApiClient.as(port, "analis.ketapang");
        Response list = ketapang.get("/api/paritrana/cycles");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        long cycleId = -1;
        for (var c : list.json()) {
            if (c.path("year").asInt() == 2026
                    && "KABKOTA".equals(c.path("category").asString())) {
                cycleId = c.path("id").asLong();
            }
        }
        assertThat(cycleId).isPositive();
        Response ranking = ketapang.get("/api/paritrana/cycles/" + cycleId + "/ranking");
        assertThat(ranking.status()).as(ranking.text()).isEqualTo(200);
        assertThat(ranking.json().path("rows").size()).isEqualTo(14);
        assertThat(ranking.json().path("rows").path(0).path("lines").size()).isEqualTo(8);
        assertThat(ranking.json()
                        .path("rows")
                        .path(0)
                        .path("lines")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("COVERAGE_RATE");

        Response cycle = ketapang.get("/api/paritrana/cycles/" + cycleId);
        Map<String, Long> entrants = new java.util.HashMap<>();
        cycle.json()
                .path("entrants")
                .forEach(e -> entrants.put(
                        e.path("regionCode").asString(), e.path("id").asLong()));
        Response own = ketapang.put(
                "/api/paritrana/entrants/" + entrants.get("61.04") + "/evidence/REGULATIONS",
                json("value", 2, "document", "Perbup Ketapang 83/2023"));
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(own.json().path("evidence")).anySatisfy(e -> {
            assertThat(e.path("code").asString()).isEqualTo("REGULATIONS");
            assertThat(e.path("value").asLong()).isEqualTo(2);
        });
        assertThat(ketapang.put(
                                "/api/paritrana/entrants/" + entrants.get("61.71") + "/evidence/REGULATIONS",
                                json("value", 2, "document", "Perwal"))
                        .status())
                .isEqualTo(403);
        Response unknown = ketapang.put(
                "/api/paritrana/entrants/" + entrants.get("61.04") + "/evidence/PERDA",
                json("value", 2, "document", "Perbup"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").path(0).path("field").asString())
                .isEqualTo("code");
        assertThat(ketapang.post("/api/paritrana/cycles", json("year", 2093, "category", "KABKOTA"))
                        .status())
                .isEqualTo(403);
        Response juror = ApiClient.as(port, "petugas.kalbar")
                .put(
                        "/api/paritrana/entrants/" + entrants.get("61.04") + "/scores/INNOVATION",
                        json("score", 75, "note", "Program desa"));
        assertThat(juror.status()).as(juror.text()).isEqualTo(200);
        assertThat(ApiClient.as(port, "admin")
                        .post("/api/paritrana/cycles", json("year", 2093, "category", "KECAMATAN"))
                        .json()
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asString())
                .isEqualTo("category");
    }

    @Test
    void theRankingExportsAsAWorkbook_eachEntrantGetsACertificate_andThePagesShowWhoMayEnterWhat() throws Exception {
        Cycle cycle = cycles.list().stream()
                .filter(c -> c.year() == 2026 && c.category() == Category.KABKOTA)
                .findFirst()
                .map(c -> cycles.get(c.id()))
                .orElseThrow();
        Entrant ketapang = entrant(cycle, "61.04");
        Entrant pontianak = entrant(cycle, "61.71");
        cycles.enterEvidence(ketapang.id(), Indicator.HEAD_ATTENDANCE, 1, "Daftar hadir", KETAPANG);
        ApiClient analyst = ApiClient.as(port, "analis.ketapang");

        java.net.http.HttpResponse<byte[]> xlsx = analyst.getBytes("/paritrana/" + cycle.id() + "/peringkat.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse("")).contains("paritrana-2026-kabkota.xlsx");
        Ranking ranking = rankings.ranking(cycle.id());
        Row ketapangRow = row(ranking, ketapang);
        try (var workbook =
                new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
            List<org.dhatim.fastexcel.reader.Row> sheet =
                    workbook.getFirstSheet().read();
            assertThat(sheet).anySatisfy(r -> {
                assertThat(r.getCellText(1)).isEqualTo("Kabupaten Ketapang");
                assertThat(r.getCellAsNumber(0).orElseThrow().intValue()).isEqualTo(ketapangRow.rank());
                assertThat(r.getCellAsNumber(4).orElseThrow()).isEqualByComparingTo(ketapangRow.total());
            });
            assertThat(workbook.getSheets().count()).isEqualTo(3);
        }

        java.net.http.HttpResponse<byte[]> pdf =
                analyst.getBytes("/paritrana/peserta/" + ketapang.id() + "/sertifikat.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            assertThat(document.getPage(0).getMediaBox().getWidth())
                    .isGreaterThan(document.getPage(0).getMediaBox().getHeight()); // landscape
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Piagam Penghargaan")
                    .contains("Kabupaten Ketapang")
                    .contains("Peringkat " + ketapangRow.rank() + " dari 14 peserta")
                    .contains("Nilai total " + new ParitranaTextsProbe().score(ketapangRow.total()))
                    .contains("Kehadiran kepala daerah")
                    .contains("Sementara");
        }
        java.net.http.HttpResponse<byte[]> english = ApiClient.as(port, "analis.ketapang")
                .withHeader("Cookie", "lindung-lang=en")
                .getBytes("/paritrana/peserta/" + ketapang.id() + "/sertifikat.pdf");
        try (var document = org.apache.pdfbox.Loader.loadPDF(english.body())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
                    .contains("Certificate of Award")
                    .contains("Attendance of the head of region");
        }

        Response list = analyst.getPage("/paritrana");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("cycle-row").doesNotContain("id=\"cycle-form\"");
        Response page = analyst.getPage("/paritrana/" + cycle.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text())
                .contains("Kabupaten Ketapang")
                .contains("id=\"paritrana-chart\"")
                .contains("belum terkonfirmasi")
                .doesNotContain("id=\"weight-form\"");
        assertThat(analyst.getPage("/paritrana/peserta/" + ketapang.id()).text())
                .contains("id=\"evidence-form\"")
                .contains("Daftar hadir")
                .doesNotContain("id=\"score-form\"");
        assertThat(analyst.getPage("/paritrana/peserta/" + pontianak.id()).text())
                .doesNotContain("id=\"evidence-form\"")
                .contains("id=\"evidence-read-only\"");
        assertThat(ApiClient.as(port, "petugas.kalbar")
                        .getPage("/paritrana/peserta/" + pontianak.id())
                        .text())
                .contains("id=\"score-form\"");
        assertThat(ApiClient.as(port, "admin")
                        .getPage("/paritrana/" + cycle.id())
                        .text())
                .contains("id=\"weight-form\"")
                .contains("id=\"status-SCORING\"");
    }

    /** The Indonesian number format of the certificate's total (two decimals, comma). */
    private static final class ParitranaTextsProbe {
        String score(BigDecimal value) {
            return value.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Every contribution is score x weight / weight total (four decimals) and the total is their sum. */
    private static void explained(Ranking ranking) {
        for (Row row : ranking.rows()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (Line line : row.lines()) {
                assertThat(line.contribution())
                        .as(row.entrant().name() + " " + line.code())
                        .isEqualByComparingTo(line.score()
                                .multiply(BigDecimal.valueOf(line.weight()))
                                .divide(BigDecimal.valueOf(ranking.weightTotal()), 4, RoundingMode.HALF_UP));
                assertThat(line.score()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
                sum = sum.add(line.contribution());
            }
            assertThat(row.total()).as(row.entrant().name()).isEqualByComparingTo(sum);
        }
        for (int i = 0; i + 1 < ranking.rows().size(); i++) {
            Row a = ranking.rows().get(i);
            Row b = ranking.rows().get(i + 1);
            assertThat(a.total()).isGreaterThanOrEqualTo(b.total());
            if (a.total().compareTo(b.total()) == 0) {
                assertThat(a.decidedBy()).as("tie of " + a.entrant().name()).isNotNull();
                if ("ENTRANT".equals(a.decidedBy())) {
                    assertThat(a.entrant().regionCode() + a.entrant().name())
                            .isLessThanOrEqualTo(
                                    b.entrant().regionCode() + b.entrant().name());
                } else {
                    Indicator decided = Indicator.valueOf(a.decidedBy());
                    assertThat(a.line(decided).score())
                            .isGreaterThan(b.line(decided).score());
                }
            } else {
                assertThat(a.decidedBy()).isNull();
            }
        }
    }

    private static Entrant entrant(Cycle cycle, String region) {
        return cycle.entrants().stream()
                .filter(e -> e.regionCode().equals(region))
                .findFirst()
                .orElseThrow();
    }

    private static Row row(Ranking ranking, Entrant entrant) {
        return ranking.rows().stream()
                .filter(r -> r.entrant().id() == entrant.id())
                .findFirst()
                .orElseThrow();
    }

    private static List<Long> ids(Ranking ranking) {
        return ranking.rows().stream().map(r -> r.entrant().id()).toList();
    }

    private static Map<Long, BigDecimal> totals(Ranking ranking) {
        return ranking.rows().stream().collect(Collectors.toMap(r -> r.entrant().id(), Row::total));
    }

    private String desaOf(String kabKota) {
        Region kecamatan = regions.children(kabKota).get(0);
        return regions.children(kecamatan.code()).get(0).code();
    }
}
