package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.contribution.Members;
import id.lindung.coverage.CoverageDashboard.TargetKind;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.NewEmployer;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.kur.KurImports;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.region.RegionDirectory;
import id.lindung.support.Ledger;
import id.lindung.support.Niks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Coverage counts the protected (issue 15, point 10): the read model's cells equal an independent count from the
 * ledger's {@code contribution_protected_month_v} after seeded random histories; a month that has ended keeps its
 * published figure and later payments show as dated revisions; KUR borrowers are people; each year its own
 * denominator; targets interpolated and carried forward; the forecast over the months left.
 */
@SpringBootTest
@ActiveProfiles("test")
class CoverageProtectedTest {

    static final LindungUser OFFICER = Members.OFFICER;
    private static final long BPU_INCOME = 1_500_000L;
    private static final String[] NAMES = {
        "Agus Salim", "Budi Utomo", "Citra Lestari", "Dewi Sartika", "Eka Putra", "Fajar Nugraha", "Gita Savitri"
    };

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    CoverageReadModel readModel;

    @Autowired
    CoverageDashboards dashboards;

    @Autowired
    CoverageFigures figures;

    @Autowired
    KurFigures kurFigures;

    @Autowired
    KurImports kurImports;

    @Autowired
    RegionDirectory regions;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private Ledger ledger() {
        return Ledger.of(context);
    }

    /**
     * Seeded random histories of BPU and PU members (back-dated starts, months billed in random order, oldest bills
     * paid in random amounts, ends): after the events are handled, every cell of the read model equals the count
     * straight from {@code contribution_protected_month_v}, and a full rebuild gives the same cells.
     */
    @Test
    void theCellsEqualAnIndependentCountFromTheLedger_afterRandomHistories() {
        Ledger ledger = ledger();
        YearMonth now = YearMonth.now(clock);
        LocalDate today = LocalDate.now(clock);
        Random random = new Random(15_10L);
        List<String> desas = List.of(desaOf("61.05"), desaOf("61.06"), desaOf("61.06", 1));
        List<Membership> members = new ArrayList<>();
        long employer = enrolment
                .registerEmployer(
                        new NewEmployer(
                                "NPPINV" + System.nanoTime() % 1_000_000, "PT Acak Sentosa", 2, null, desas.get(0)),
                        OFFICER)
                .id();
        for (int i = 0; i < 14; i++) {
            String desa = desas.get(random.nextInt(desas.size()));
            YearMonth start = now.minusMonths(random.nextInt(7));
            long participant = participant(desa, i);
            Membership m = random.nextInt(10) < 6
                    ? enrolment.enrol(
                            bpu(participant, random.nextBoolean() ? Channel.SELF : Channel.AGENT, start), OFFICER)
                    : enrolment.enrol(
                            new EnrolmentRequest(
                                    participant,
                                    Segment.PU,
                                    Channel.EMPLOYER,
                                    null,
                                    employer,
                                    4_000_000L,
                                    null,
                                    false,
                                    start,
                                    null),
                            OFFICER);
            members.add(m);
        }
        // the months billed in a random order (a later month before an earlier one leaves gaps), payments between
        List<YearMonth> months = new ArrayList<>();
        for (int k = 6; k >= 0; k--) {
            months.add(now.minusMonths(k));
        }
        java.util.Collections.shuffle(months, random);
        for (YearMonth month : months) {
            ledger.bill(month);
            for (Membership m : members) {
                if (random.nextInt(3) == 0) {
                    ledger.payOldest(m.id(), 1 + random.nextInt(3), today);
                }
            }
        }
        for (Membership m : members.subList(0, 3)) {
            YearMonth last = now.minusMonths(random.nextInt(3));
            if (!last.isBefore(m.startMonth())) {
                enrolment.end(MembershipId.of(m.id()), last, EndReason.REQUESTED, OFFICER);
            }
        }

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(liveCells()).isEqualTo(independentCells()));
        Map<String, Long> byEvents = readModel.snapshot();
        readModel.rebuild();
        assertThat(readModel.snapshot())
                .as("a rebuild gives the cells the events gave")
                .isEqualTo(byEvents);
        assertThat(liveCells()).isEqualTo(independentCells());
        // and the read model does count some of them: the test is not comparing two empty sets
        assertThat(independentCells().keySet()).anyMatch(k -> k.contains("|61.06|"));
    }

    /**
     * A late payment after a month ended: the published figure stays, the payment is a revision dated today, shown
     * beside it; the same revision is found again by a rebuild, not doubled.
     */
    @Test
    void aLatePaymentAfterTheMonthEnded_isARevision_andThePublishedFigureStays() {
        Ledger ledger = ledger();
        YearMonth now = YearMonth.now(clock);
        YearMonth ended = now.minusMonths(2);
        String desa = desaOf("61.09");
        String kecamatan = desa.substring(0, 8);
        Membership m = enrolment.enrol(bpu(participant(desa, 91), Channel.SELF, ended), OFFICER);
        ledger.bill(ended);
        ledger.bill(ended.plusMonths(1));
        CoverageDashboard before = dashboards.dashboard(kecamatan, ended, OFFICER);
        assertThat(before.publication()).as("an ended month is published").isNotNull();
        long published = before.publication().published();
        assertThat(before.total().active()).isEqualTo(published);

        // paid today, two months late: ended and the month after are protected now
        ledger.payOldest(m.id(), 2, LocalDate.now(clock));
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(dashboards
                                .dashboard(kecamatan, ended, OFFICER)
                                .publication()
                                .asKnownNow())
                        .isEqualTo(published + 1));
        CoverageDashboard after = dashboards.dashboard(kecamatan, ended, OFFICER);
        assertThat(after.total().active()).as("the published figure stays").isEqualTo(published);
        assertThat(after.publication().published()).isEqualTo(published);
        assertThat(after.publication().revisions()).last().satisfies(r -> {
            assertThat(r.detectedOn()).isEqualTo(LocalDate.now(clock));
            assertThat(r.after() - r.before()).isEqualTo(1);
        });
        assertThat(after.trend())
                .filteredOn(p -> p.month().equals(ended))
                .singleElement()
                .satisfies(p -> assertThat(p.active()).isEqualTo(published));
        // the same for the kab/kota and the province: every level has its revision
        assertThat(dashboards.dashboard("61.09", ended, OFFICER).publication().revisions())
                .isNotEmpty();
        assertThat(jdbc.sql("SELECT published, previous, revised FROM coverage_revision WHERE region_code = ?"
                                + " AND month = ? AND segment = 'INFORMAL' AND channel = 'SELF' AND detected_on = ?")
                        .params(kecamatan, CoverageReadModel.date(ended), LocalDate.now(clock))
                        .query()
                        .listOfRows())
                .singleElement()
                .satisfies(r -> assertThat(((Number) r.get("revised")).longValue())
                        .isEqualTo(((Number) r.get("previous")).longValue() + 1));

        // a rebuild finds the same revision of today, not a second one; the published figure stays
        readModel.rebuild();
        CoverageDashboard rebuilt = dashboards.dashboard(kecamatan, ended, OFFICER);
        assertThat(rebuilt.publication().revisions())
                .isEqualTo(after.publication().revisions());
        assertThat(rebuilt.total().active()).isEqualTo(published);
        // the current month is not published: its figure is the live count
        assertThat(dashboards.dashboard(kecamatan, now, OFFICER).publication()).isNull();
    }

    /** Two loans of one borrower are one person; protected now by the ledger, not by the loan's match status. */
    @Test
    void kurBorrowersAreCountedAsPeople_andProtectedNowByTheLedger() {
        YearMonth now = YearMonth.now(clock);
        String desa = desaOf("61.10");
        String kecamatan = desa.substring(0, 8);
        LocalDate birth = LocalDate.of(1980, 3, 3);
        String paidNik = Niks.nik(kecamatan.replace(".", "").substring(0, 6), birth, false);
        String unpaidNik = Niks.nik(kecamatan.replace(".", "").substring(0, 6), birth, true);
        long paid = participants
                .register(
                        new ParticipantDetails(paidNik, "Rudi Hartono", birth, Sex.L, desa, null, "Pedagang", null),
                        OFFICER)
                .participant()
                .id();
        long unpaid = participants
                .register(
                        new ParticipantDetails(unpaidNik, "Rina Hartati", birth, Sex.P, desa, null, "Pedagang", null),
                        OFFICER)
                .participant()
                .id();
        Membership paying = enrolment.enrol(bpu(paid, Channel.KUR_BANK, now), OFFICER);
        enrolment.enrol(bpu(unpaid, Channel.KUR_BANK, now), OFFICER);
        Ledger ledger = ledger();
        ledger.bill(now);
        ledger.payOldest(paying.id(), 1, LocalDate.now(clock));
        String header = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code\n";
        String day = LocalDate.now(clock).minusDays(3).toString();
        kurImports.importFile(
                "orang.csv",
                new ByteArrayInputStream((header
                                + "KALBAR;Cabang;PPL-1;" + paidNik + ";Rudi Hartono;MIKRO;50000000;" + day
                                + ";Perdagangan;" + desa + "\n"
                                + "KALBAR;Cabang;PPL-2;" + paidNik + ";Rudi Hartono;MIKRO;20000000;" + day
                                + ";Perdagangan;" + desa + "\n"
                                + "BRI;Cabang;PPL-3;" + paidNik + ";Rudi Hartono;SUPER_MIKRO;5000000;" + day
                                + ";Perdagangan;" + desa
                                + "\n"
                                + "KALBAR;Cabang;PPL-4;" + unpaidNik + ";Rina Hartati;MIKRO;30000000;" + day
                                + ";Perdagangan;" + desa
                                + "\n")
                        .getBytes(StandardCharsets.UTF_8)),
                OFFICER);
        assertThat(jdbc.sql("SELECT count(*) FROM kur_loan WHERE left(region_code, 8) = ?")
                        .param(kecamatan)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        // KUR's own match counts loans, and calls an open JKK membership without overdue bills protected
        assertThat(jdbc.sql("SELECT count(*) FROM kur_loan WHERE left(region_code, 8) = ? AND match_status ="
                                + " 'PROTECTED'")
                        .param(kecamatan)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);
        kurFigures.refresh();
        CoverageDashboard.KurFigure kur = kurFigures.of(kecamatan);
        assertThat(kur.borrowers()).as("two people, four loans").isEqualTo(2);
        assertThat(kur.protectedNow()).as("only the one who paid this month").isEqualTo(1);
        assertThat(kurFigures.of("61.10").borrowers()).isGreaterThanOrEqualTo(2);
    }

    /** 2024 is measured against its own published figures: 1,665,422 workers, so 607,426 is 36.47%. */
    @Test
    void theYear2024UsesItsOwnDenominator_andConstructionHasNoneThatYear() {
        CoverageFigures.Reference ref = figures.reference();
        Map<CoverageSegment, Long> published = new java.util.EnumMap<>(CoverageSegment.class);
        published.put(CoverageSegment.FORMAL, 460_267L);
        published.put(CoverageSegment.INFORMAL, 147_159L);
        published.put(CoverageSegment.CONSTRUCTION, 0L);
        CoverageDashboard.Figure y2024 = ref.figure("61", published, 2024);
        assertThat(y2024.denominator()).isEqualTo(1_665_422L);
        assertThat(y2024.denominatorYear()).isEqualTo(2024);
        assertThat(y2024.coverage()).isEqualTo(3647);
        assertThat(y2024.withoutDenominator()).containsExactly(CoverageSegment.CONSTRUCTION);
        assertThat(ref.denominator("61", CoverageSegment.CONSTRUCTION, 2024))
                .as("never a later year's")
                .isNull();
        assertThat(ref.figure("61", published, 2025).denominator()).isEqualTo(1_819_430L);
        CoverageDashboard.Figure y2026 = ref.figure("61", published, 2026);
        assertThat(y2026.denominator())
                .as("2026 has none of its own: 2025's, shown as 2025")
                .isEqualTo(1_819_430L);
        assertThat(y2026.denominatorYear()).isEqualTo(2025);
        // construction workers of 2024 are counted but not in the rate
        published.put(CoverageSegment.CONSTRUCTION, 5_000L);
        CoverageDashboard.Figure withConstruction = ref.figure("61", published, 2024);
        assertThat(withConstruction.active()).isEqualTo(612_426L);
        assertThat(withConstruction.activeWithoutDenominator()).isEqualTo(5_000L);
        assertThat(withConstruction.coverage()).isEqualTo(3647);
        if (readModel.months().orElseThrow()[0].isBefore(YearMonth.of(2024, 7))) {
            assertThat(dashboards
                            .dashboard("61", YearMonth.of(2024, 6), OFFICER)
                            .total()
                            .denominator())
                    .isEqualTo(1_665_422L);
        }
    }

    /** From 2027 no region loses its target: interpolated to 2030, carried forward after it, inherited downwards. */
    @Test
    void targetsAreInterpolatedBetweenDatedTargets_andCarriedForwardAfterTheLast() {
        CoverageFigures.Reference ref = figures.reference();
        CoverageFigures.YearTarget t2027 = ref.target("61", 2027);
        assertThat(t2027.target()).isEqualTo(6204); // 60.80 + (65.77 - 60.80) / 4
        assertThat(t2027.source().kind()).isEqualTo(TargetKind.INTERPOLATED);
        assertThat(t2027.source().fromYear()).isEqualTo(2026);
        assertThat(t2027.source().fromTarget()).isEqualTo(6080);
        assertThat(t2027.source().toYear()).isEqualTo(2030);
        assertThat(t2027.source().toTarget()).isEqualTo(6577);
        assertThat(ref.target("61", 2028).target()).isEqualTo(6329); // 6328.5, half up
        assertThat(ref.target("61", 2030).source().kind()).isEqualTo(TargetKind.SET);
        CoverageFigures.YearTarget t2031 = ref.target("61", 2031);
        assertThat(t2031.target()).isEqualTo(6577);
        assertThat(t2031.source().kind()).isEqualTo(TargetKind.CARRIED_FORWARD);
        assertThat(t2031.source().fromYear()).isEqualTo(2030);
        // Kota Pontianak set 45% for 2026 only: 2027 follows the province's interpolated target
        assertThat(ref.target("61.71", 2026).target()).isEqualTo(4500);
        assertThat(ref.target("61.71", 2027)).satisfies(t -> {
            assertThat(t.target()).isEqualTo(6204);
            assertThat(t.source().regionCode()).isEqualTo("61");
        });
        // a kecamatan in 2027 has a target and a gap: nobody loses them until 2030
        Map<CoverageSegment, Long> some = new java.util.EnumMap<>(Map.of(
                CoverageSegment.FORMAL, 10_000L, CoverageSegment.INFORMAL, 0L, CoverageSegment.CONSTRUCTION, 0L));
        CoverageDashboard.Figure ketapang2027 = ref.figure("61.04", some, 2027);
        assertThat(ketapang2027.target()).isEqualTo(6204);
        assertThat(ketapang2027.targetInherited()).isTrue();
        assertThat(ketapang2027.gap()).isPositive();
        assertThat(ref.target("61", 2023))
                .as("none before the first dated target")
                .isNull();
    }

    /** The gap is spread over the months actually left until December of the target year. */
    @Test
    void theForecastSpreadsTheGapOverTheMonthsLeft() {
        CoverageFigures.Reference ref = new CoverageFigures.Reference(
                Map.of(
                        "61.99",
                        Map.of(
                                CoverageSegment.FORMAL,
                                new TreeMap<>(Map.of(2026, new CoverageFigures.Denominator(10_000, 2026, false))))),
                Map.of(
                        "61",
                        new TreeMap<>(Map.of(
                                2026,
                                new CoverageFigures.Target(4_000, 2026),
                                2030,
                                new CoverageFigures.Target(4_800, 2030)))));
        // 2,200 protected of 10,000; 2027's target is interpolated: 40% + 8% / 4 = 42% = 4,200, 2,000 short
        List<CoverageDashboard.TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i <= 12; i++) {
            trend.add(new CoverageDashboard.TrendPoint(
                    YearMonth.of(2026, 1).plusMonths(i), 1_000 + 100L * i, 10_000L, null, null));
        }
        YearMonth january = YearMonth.of(2027, 1);
        CoverageDashboard.Figure figure = ref.figure("61.99", List.of(CoverageSegment.FORMAL), 2_200, 2027);
        // January 2027 while it runs: January to December, 12 months
        CoverageDashboard.Forecast running = ref.forecast("61.99", trend, january, january, figure);
        assertThat(running.targetYear()).isEqualTo(2027);
        assertThat(running.targetOfYear()).isEqualTo(4_200);
        assertThat(running.monthsLeft()).isEqualTo(12);
        assertThat(running.neededPerMonth()).isEqualTo(167); // 2,000 / 12, rounded up
        // January 2027 seen in June: it ended, February to December are left after it
        assertThat(ref.forecast("61.99", trend, january, YearMonth.of(2027, 6), figure)
                        .monthsLeft())
                .isEqualTo(11);
        // December 2026 while it runs: one month left of 2026
        List<CoverageDashboard.TrendPoint> to2026 = trend.subList(0, 12);
        CoverageDashboard.Figure december = ref.figure("61.99", List.of(CoverageSegment.FORMAL), 2_100, 2026);
        CoverageDashboard.Forecast lastMonth =
                ref.forecast("61.99", to2026, YearMonth.of(2026, 12), YearMonth.of(2026, 12), december);
        assertThat(lastMonth.targetYear()).isEqualTo(2026);
        assertThat(lastMonth.monthsLeft()).isEqualTo(1);
        assertThat(lastMonth.neededPerMonth()).isEqualTo(1_900);
        // an ended December aims at the next year, twelve months
        CoverageDashboard.Forecast next = ref.forecast("61.99", to2026, YearMonth.of(2026, 12), january, december);
        assertThat(next.targetYear()).isEqualTo(2027);
        assertThat(next.monthsLeft()).isEqualTo(12);
        assertThat(next.neededPerMonth()).isEqualTo(175); // (4,200 - 2,100) / 12
    }

    /** The read model's live cells, {@code month|region|segment|channel -> workers}, zeros left out. */
    private Map<String, Long> liveCells() {
        return readModel.snapshot();
    }

    /**
     * The same cells counted here straight from the ledger's published view and enrolment's: each protected month of
     * the window, at the kecamatan, kab/kota and province, PMI left out, construction weighed by its workers.
     */
    private Map<String, Long> independentCells() {
        YearMonth[] window = readModel.months().orElseThrow();
        Map<String, Long> cells = new TreeMap<>();
        jdbc.sql("""
                SELECT p.month, r.code, CASE v.segment WHEN 'PU' THEN 'FORMAL' WHEN 'BPU' THEN 'INFORMAL'
                                                        ELSE 'CONSTRUCTION' END,
                       v.channel, sum(CASE WHEN v.segment = 'JAKON' THEN coalesce(v.worker_count, 0) ELSE 1 END)
                  FROM contribution_protected_month_v p
                  JOIN enrolment_membership_v v ON v.membership_id = p.membership_id
                 CROSS JOIN LATERAL (VALUES (left(v.region_code, 2)), (left(v.region_code, 5)),
                                            (left(v.region_code, 8))) r (code)
                 WHERE v.segment <> 'PMI' AND p.month BETWEEN ? AND ?
                 GROUP BY 1, 2, 3, 4 HAVING sum(CASE WHEN v.segment = 'JAKON' THEN coalesce(v.worker_count, 0)
                                                     ELSE 1 END) <> 0""")
                .params(CoverageReadModel.date(window[0]), CoverageReadModel.date(window[1]))
                .query(rs -> {
                    cells.put(
                            rs.getDate(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4),
                            rs.getLong(5));
                });
        return cells;
    }

    private long participant(String desa, int i) {
        LocalDate birth = LocalDate.of(1975 + i % 20, 1 + i % 12, 1 + i % 27);
        return participants
                .register(
                        new ParticipantDetails(
                                Niks.nik(desa.substring(0, 8).replace(".", ""), birth, i % 2 == 0),
                                NAMES[i % NAMES.length],
                                birth,
                                i % 2 == 0 ? Sex.P : Sex.L,
                                desa,
                                null,
                                "Petani",
                                null),
                        OFFICER)
                .participant()
                .id();
    }

    private String desaOf(String kabkota) {
        return desaOf(kabkota, 0);
    }

    private String desaOf(String kabkota, int kecamatan) {
        var k = regions.children(kabkota).get(kecamatan);
        return regions.children(k.code()).get(0).code();
    }

    /** A BPU membership at {@link #BPU_INCOME}, in sector OTHER, with the basic programmes, from that month. */
    private static EnrolmentRequest bpu(long participant, Channel channel, YearMonth start) {
        return new EnrolmentRequest(
                participant, Segment.BPU, channel, Set.of(), null, BPU_INCOME, Sector.OTHER, false, start, null);
    }
}
