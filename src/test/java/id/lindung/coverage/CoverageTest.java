package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.NewEmployer;
import id.lindung.enrolment.NewProject;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.support.Ledger;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Coverage from real enrolments: the read model follows the enrolment events, a full rebuild gives the same cells,
 * and the dashboard's figures equal counts computed here, independently, from the memberships, the denominators
 * and the targets.
 */
@SpringBootTest
@ActiveProfiles("test")
class CoverageTest {

    static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    static final LindungUser ANALYST =
            new LindungUser("analis.provinsi", "Analis Provinsi", Role.GOV_ANALYST, RegionScope.of("61"));
    static final LindungUser KETAPANG =
            new LindungUser("analis.ketapang", "Analis Ketapang", Role.GOV_ANALYST, RegionScope.of("61.04"));
    static final String KETAPANG_DESA = "61.04.01.2011";

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    CoverageReadModel readModel;

    @Autowired
    CoverageDashboards dashboards;

    @Autowired
    CoverageDenominators denominators;

    @Autowired
    CoverageTargets targets;

    @Autowired
    RegionDirectory regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theReadModelFollowsEnrolment_aRebuildGivesTheSameCells_andTheFiguresEqualAnIndependentCount() {
        YearMonth now = YearMonth.now(TestClock.CLOCK);
        String pontianakDesa = desaOf("61.71");
        long employer = enrolment
                .registerEmployer(
                        new NewEmployer(
                                "NPPCOV" + System.nanoTime() % 1_000_000,
                                "PT Khatulistiwa Jaya",
                                2,
                                null,
                                pontianakDesa),
                        OFFICER)
                .id();
        enrolment.enrol(
                new EnrolmentRequest(
                        participant(pontianakDesa),
                        Segment.PU,
                        Channel.EMPLOYER,
                        null,
                        employer,
                        4_500_000L,
                        null,
                        false,
                        now.minusMonths(5),
                        null),
                OFFICER);
        Membership self = bpu(KETAPANG_DESA, Channel.SELF, now.minusMonths(3));
        bpu(KETAPANG_DESA, Channel.AGENT, now);
        Membership sponsored = bpu(KETAPANG_DESA, Channel.GOV_SPONSOR, now.minusMonths(1));
        Membership ended = bpu(KETAPANG_DESA, Channel.KUR_BANK, now.minusMonths(4));
        enrolment.end(MembershipId.of(ended.id()), now.minusMonths(2), EndReason.REQUESTED, OFFICER);
        long ketapangEmployer = enrolment
                .registerEmployer(
                        new NewEmployer(
                                "NPPJK" + System.nanoTime() % 1_000_000, "CV Jalan Ketapang", 4, null, KETAPANG_DESA),
                        OFFICER)
                .id();
        Membership project = enrolment.registerProject(
                new NewProject(
                        ketapangEmployer,
                        "Jembatan Sungai Pawan",
                        2_500_000_000L,
                        now.minusMonths(2),
                        now.plusMonths(6),
                        120,
                        KETAPANG_DESA,
                        null),
                OFFICER);
        // the ledger: bills of the last five months, the project's one bill and the sponsored member's paid
        Ledger ledger = Ledger.of(context);
        for (YearMonth m = now.minusMonths(5); !m.isAfter(now); m = m.plusMonths(1)) {
            ledger.bill(m);
        }
        ledger.payOldest(project.id(), 1, LocalDate.now(TestClock.CLOCK));
        ledger.payOldest(sponsored.id(), 2, LocalDate.now(TestClock.CLOCK));
        ledger.payOldest(self.id(), 1, LocalDate.now(TestClock.CLOCK));

        // the events are handled after each commit, on other threads: wait until every region agrees (the current
        // month as counted now; ended months as published and revised, since they were published before)
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    for (String region : List.of("61", "61.04", "61.71", "61.04.01")) {
                        for (YearMonth m : List.of(now, now.minusMonths(2), now.minusMonths(4))) {
                            CoverageDashboard d = dashboards.dashboard(region, m, OFFICER);
                            Map<CoverageSegment, Long> counted = independentCount(region, m);
                            if (d.publication() == null) {
                                assertThat(activeBySegment(d))
                                        .as(region + " " + m)
                                        .isEqualTo(counted);
                            } else {
                                assertThat(d.publication().asKnownNow())
                                        .as(region + " " + m + " as known now")
                                        .isEqualTo(counted.values().stream()
                                                .mapToLong(Long::longValue)
                                                .sum());
                            }
                        }
                    }
                });
        Map<String, Long> byEvents = readModel.snapshot();
        CoverageReadModel.RebuildResult rebuilt = readModel.rebuild();
        assertThat(readModel.snapshot()).as("rebuilt from enrolment").isEqualTo(byEvents);
        assertThat(rebuilt.spans())
                .isEqualTo(jdbc.sql("SELECT count(DISTINCT p.membership_id)"
                                + " FROM contribution_protected_month_v p JOIN enrolment_membership_v v USING (membership_id)"
                                + " WHERE v.segment <> 'PMI' AND p.month BETWEEN ? AND ?")
                        .params(
                                CoverageReadModel.date(rebuilt.firstMonth()),
                                CoverageReadModel.date(rebuilt.lastMonth()))
                        .query(Long.class)
                        .single());

        // the dashboard's arithmetic against the denominators and targets read here
        CoverageDashboard ketapang = dashboards.dashboard("61.04", now, OFFICER);
        Map<CoverageSegment, Long> counted = independentCount("61.04", now);
        long workers = denominatorSum("61.04", now.getYear());
        long active = counted.values().stream().mapToLong(Long::longValue).sum();
        assertThat(ketapang.total().active()).isEqualTo(active);
        assertThat(ketapang.total().denominator()).isEqualTo(workers);
        assertThat(ketapang.total().denominatorEstimated()).isTrue(); // apportioned by population
        assertThat(ketapang.total().coverage()).isEqualTo((int) Math.round(active * 10_000.0 / workers));
        int target = targetOf("61", now.getYear()); // Ketapang has none of its own
        assertThat(ketapang.total().target()).isEqualTo(target);
        assertThat(ketapang.total().targetInherited()).isTrue();
        assertThat(ketapang.total().gap()).isEqualTo((long) Math.ceil(target * (double) workers / 10_000) - active);
        assertThat(ketapang.channels())
                .filteredOn(c -> c.channel() == Channel.GOV_SPONSOR)
                .singleElement()
                .satisfies(c -> assertThat(c.active()).isPositive());
        assertThat(ketapang.children()).extracting(c -> c.region().level()).containsOnly("KECAMATAN");
        assertThat(ketapang.children())
                .filteredOn(c -> c.region().code().equals("61.04.01"))
                .singleElement()
                .satisfies(c -> assertThat(c.figure().active())
                        .isEqualTo(independentCount("61.04.01", now).values().stream()
                                .mapToLong(Long::longValue)
                                .sum()));
        CoverageDashboard province = dashboards.dashboard(null, now, OFFICER);
        assertThat(province.region().code()).isEqualTo("61");
        assertThat(province.children()).hasSize(14);
        assertThat(province.trend()).last().satisfies(p -> {
            assertThat(p.month()).isEqualTo(now);
            assertThat(p.active()).isEqualTo(province.total().active());
        });
        assertThat(province.segments())
                .filteredOn(s -> s.segment() == CoverageSegment.CONSTRUCTION)
                .singleElement()
                .satisfies(s -> assertThat(s.figure().active()).isGreaterThanOrEqualTo(120));
    }

    @Test
    void scopeDenominatorImportAndTargets() {
        YearMonth now = YearMonth.now(TestClock.CLOCK);
        assertThatThrownBy(() -> dashboards.dashboard("61.71", now, KETAPANG)).isInstanceOf(NotFoundException.class);
        assertThat(dashboards.dashboard(null, now, KETAPANG).region().code()).isEqualTo("61.04");
        assertThatThrownBy(() -> dashboards.dashboard("61", now.plusMonths(1), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::code)
                                .containsExactly("coverage.month.range"));

        // a file with one bad row changes nothing, and names the row and column
        String kecamatan = "61.04.01";
        String bad =
                CoverageDenominators.HEADER + "\n" + kecamatan + ";2025;FORMAL;5.400;BPS Ketapang 2025;2025-08-01\n"
                        + kecamatan + ";2025;PETANI;100;BPS;\n" + "61.71;2025;FORMAL;1000;BPS Pontianak;\n";
        assertThatThrownBy(() -> denominators.importCsv(stream(bad), KETAPANG))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code)
                                .containsExactly(
                                        org.assertj.core.api.Assertions.tuple(
                                                "rows[3].segment", "coverage.denominator.segment"),
                                        org.assertj.core.api.Assertions.tuple(
                                                "rows[4].region_code", "coverage.denominator.scope")));
        assertThat(denominators.list(2025, KETAPANG))
                .noneMatch(d -> d.regionCode().equals(kecamatan));

        String good =
                CoverageDenominators.HEADER + "\n" + kecamatan + ";2025;FORMAL;5.400;BPS Ketapang 2025;2025-08-01\n"
                        + kecamatan + ";2025;INFORMAL;7200;BPS Ketapang 2025;2025-08-01\n"
                        + "61.04;2025;FORMAL;91000;\"BPS Ketapang; Sakernas 2025\";2025-08-01\n";
        assertThat(denominators.importCsv(stream(good), KETAPANG))
                .isEqualTo(new CoverageDenominators.ImportResult(3, 2, 1, 0));
        assertThat(denominators.importCsv(stream(good), KETAPANG))
                .as("the same file again")
                .isEqualTo(new CoverageDenominators.ImportResult(3, 0, 0, 3));
        assertThat(denominators.list(2025, KETAPANG))
                .filteredOn(d -> d.regionCode().equals("61.04") && d.segment() == CoverageSegment.FORMAL)
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.workers()).isEqualTo(91_000);
                    assertThat(d.estimated()).isFalse();
                    assertThat(d.source()).isEqualTo("BPS Ketapang; Sakernas 2025");
                });
        CoverageDashboard.Figure kec =
                dashboards.dashboard(kecamatan, now, KETAPANG).total();
        assertThat(kec.denominator()).isEqualTo(12_600); // formal + informal; construction not known there
        assertThat(kec.denominatorEstimated()).isFalse();

        // a target of Ketapang's own for this year replaces the province's; officers may not set targets
        int year = now.getYear();
        assertThat(targets.put("61.04", year, 7050, "Perbup Ketapang (uji)", KETAPANG)
                        .target())
                .isEqualTo(7050);
        assertThatThrownBy(() -> targets.put("61.71", year, 5000, "x", KETAPANG))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::code)
                                .containsExactly("coverage.target.scope"));
        assertThatThrownBy(() -> targets.put("61.04", year, 5000, "x", OFFICER))
                .isInstanceOf(id.lindung.shared.ForbiddenException.class);
        CoverageDashboard own = dashboards.dashboard("61.04", now, KETAPANG);
        assertThat(own.total().target()).isEqualTo(7050);
        assertThat(own.total().targetInherited()).isFalse();
        assertThat(own.forecast().targetYear()).isEqualTo(year);
        assertThat(own.forecast().targetOfYear()).isEqualTo(7050);
        assertThat(dashboards.dashboard("61.04.01", now, KETAPANG).total().target())
                .as("kecamatan inherit it")
                .isEqualTo(7050);
        targets.remove("61.04", year, KETAPANG);
        assertThat(targets.list(KETAPANG)).noneMatch(t -> t.regionCode().equals("61.04") && t.year() == year);
        assertThat(dashboards.dashboard("61.04", now, KETAPANG).total().target())
                .isEqualTo(targetOf("61", year));
    }

    @Test
    void theForecastFollowsThePace() {
        // 12 months from 1,000 to 2,200 active (100 a month), 10,000 workers, target 40% = 4,000: 1,800 short
        List<CoverageDashboard.TrendPoint> trend = new java.util.ArrayList<>();
        YearMonth start = YearMonth.of(2026, 1);
        for (int i = 0; i <= 12; i++) {
            trend.add(new CoverageDashboard.TrendPoint(start.plusMonths(i), 1_000 + 100L * i, 10_000L, null, null));
        }
        CoverageFigures.Reference ref = new CoverageFigures.Reference(
                Map.of(
                        "61.99",
                        Map.of(
                                CoverageSegment.FORMAL,
                                new java.util.TreeMap<>(
                                        Map.of(2026, new CoverageFigures.Denominator(10_000, 2026, false))))),
                Map.of("61", new java.util.TreeMap<>(Map.of(2027, new CoverageFigures.Target(4_000, 2027)))));
        // January 2027 seen after it ended: February to December are left, 11 months
        CoverageDashboard.Forecast f = ref.forecast(
                "61.99",
                trend,
                YearMonth.of(2027, 1),
                YearMonth.of(2027, 6),
                ref.figure("61.99", List.of(CoverageSegment.FORMAL), 2_200, 2027));
        assertThat(f.pacePerMonth()).isEqualTo(100);
        assertThat(f.paceMonths()).isEqualTo(12);
        assertThat(f.targetYear()).isEqualTo(2027);
        assertThat(f.reachedMonth()).isEqualTo(YearMonth.of(2028, 7)); // 18 months at 100
        assertThat(f.neededPerMonth()).isEqualTo(164); // 1,800 over Feb-Dec 2027: 11 months
        assertThat(ref.forecast(
                                "61.99",
                                trend.subList(0, 1),
                                YearMonth.of(2026, 1),
                                YearMonth.of(2026, 1),
                                ref.figure("61.99", List.of(CoverageSegment.FORMAL), 1_000, 2026))
                        .reachedMonth())
                .as("no history, no pace")
                .isNull();
        List<CoverageDashboard.TrendPoint> slow = List.of(
                new CoverageDashboard.TrendPoint(YearMonth.of(2026, 12), 1_000, 10_000L, null, null),
                new CoverageDashboard.TrendPoint(YearMonth.of(2027, 1), 1_001, 10_000L, null, null));
        assertThat(ref.forecast(
                                "61.99",
                                slow,
                                YearMonth.of(2027, 1),
                                YearMonth.of(2027, 1),
                                ref.figure("61.99", List.of(CoverageSegment.FORMAL), 1_001, 2027))
                        .reachedMonth())
                .as("2,999 months at one a month: after 2100")
                .isNull();
        assertThat(CoverageDashboard.basisPoints(607_426, 1_665_422)).isEqualTo(3647); // Kalbar 2024: 36.47%
    }

    private Map<CoverageSegment, Long> activeBySegment(CoverageDashboard d) {
        Map<CoverageSegment, Long> m = new EnumMap<>(CoverageSegment.class);
        d.segments().forEach(s -> m.put(s.segment(), s.figure().active()));
        return m;
    }

    /**
     * Protected workers of a region in a month, counted here from the ledger's protected months and the membership
     * rows: the current month as known now; a month that has ended as published plus its revisions (which the
     * dashboard shows beside the published figure).
     */
    private Map<CoverageSegment, Long> independentCount(String region, YearMonth month) {
        Map<CoverageSegment, Long> m = new EnumMap<>(CoverageSegment.class);
        for (CoverageSegment s : CoverageSegment.values()) {
            m.put(s, 0L);
        }
        jdbc.sql("SELECT v.segment, v.region_code, v.worker_count FROM contribution_protected_month_v p"
                        + " JOIN enrolment_membership_v v USING (membership_id) WHERE p.month = ?")
                .param(CoverageReadModel.date(month))
                .query(rs -> {
                    String code = rs.getString("region_code");
                    if (!(code.equals(region) || code.startsWith(region + "."))) {
                        return;
                    }
                    Segment segment = Segment.valueOf(rs.getString("segment"));
                    long weight = segment == Segment.JAKON ? rs.getLong("worker_count") : 1L;
                    CoverageSegment.of(segment).ifPresent(s -> m.merge(s, weight, Long::sum));
                });
        return m;
    }

    private long denominatorSum(String region, int year) {
        return jdbc.sql("""
                SELECT sum(workers) FROM coverage_denominator d WHERE region_code = ?
                   AND year = (SELECT max(year) FROM coverage_denominator x WHERE x.region_code = d.region_code
                                  AND x.segment = d.segment AND x.year <= ?)""").params(region, year).query(Long.class).single();
    }

    private Integer targetOf(String region, int year) {
        return jdbc.sql("SELECT target FROM coverage_target WHERE region_code = ? AND year = ?")
                .params(region, year)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    private Membership bpu(String desa, Channel channel, YearMonth start) {
        return enrolment.enrol(
                new EnrolmentRequest(
                        participant(desa),
                        Segment.BPU,
                        channel,
                        Set.of(),
                        null,
                        1_500_000L,
                        Sector.OTHER,
                        channel == Channel.GOV_SPONSOR,
                        start,
                        null),
                OFFICER);
    }

    private long participant(String desa) {
        LocalDate birth = LocalDate.of(1985, 6, 15);
        return participants
                .register(
                        new ParticipantDetails(
                                Niks.nik(desa.substring(0, 8).replace(".", ""), birth, true),
                                "Siti Aminah",
                                birth,
                                Sex.P,
                                desa,
                                null,
                                "Pedagang",
                                null),
                        OFFICER)
                .participant()
                .id();
    }

    private String desaOf(String kabkota) {
        Region kecamatan = regions.children(kabkota).get(0);
        return regions.children(kecamatan.code()).get(0).code();
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
