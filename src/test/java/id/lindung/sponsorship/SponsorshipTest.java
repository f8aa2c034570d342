package id.lindung.sponsorship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.BillingRuns;
import id.lindung.coverage.CoverageDashboards;
import id.lindung.coverage.CoverageReadModel;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * A Ketapang programme from a beneficiary list: the simulation made before it equals what the programme then costs
 * and adds to coverage; the consolidated bill is the sum of the members' bills; the budget warns when it cannot pay
 * to the end; paying twice pays once; the hand-over leaves every worker protected by their own membership.
 */
@SpringBootTest
@ActiveProfiles("test")
class SponsorshipTest {

    static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    static final LindungUser PONTIANAK =
            new LindungUser("petugas.pontianak", "Petugas Pontianak", Role.OFFICER, RegionScope.of("61.71"));
    static final LindungUser ANALYST =
            new LindungUser("analis.ketapang", "Analis Ketapang", Role.GOV_ANALYST, RegionScope.of("61.04"));
    static final String DESA = "61.04.01.2011";
    /** BPU at the minimum income, paid by the government: JKK 1% of Rp1,000,000 + JKM Rp6,800, no discount. */
    static final long PER_WORKER = 16_800;

    @Autowired
    CoverageReadModel readModel;

    @Autowired
    SponsorshipProgrammes programmes;

    @Autowired
    SponsorshipBeneficiaries beneficiaries;

    @Autowired
    SponsorshipBills bills;

    @Autowired
    SponsorshipSimulator simulator;

    @Autowired
    BillingRuns billing;

    @Autowired
    CoverageDashboards dashboards;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProgrammeFromAList_costsWhatTheSimulationSaid_billsOnce_andHandsOver() {
        YearMonth now = YearMonth.now(TestClock.CLOCK);
        String kecamatan = DESA.substring(0, 8);
        eventsHandled(); // enrolments of earlier tests counted, so "before" stays put
        readModel.rebuild(); // and their payments (which publish no ledger event on this branch yet)
        SponsorshipSimulator.Simulation simulation =
                simulator.simulate(new SponsorshipSimulator.Request(Map.of(kecamatan, 3), 3, now, null), OFFICER);
        assertThat(simulation.perWorkerFirstMonth()).isEqualTo(PER_WORKER);
        assertThat(simulation.cost()).isEqualTo(3 * 3 * PER_WORKER);

        Programme p = programmes.create(
                new Programme.New(
                        "Pekerja rentan Ketapang (uji)",
                        "61.04",
                        "Perbup Ketapang 83/2023",
                        Programme.FundingSource.DBH_SAWIT,
                        120_000L,
                        now,
                        now.plusMonths(2),
                        null,
                        "Petani dan nelayan"),
                OFFICER);
        assertThatThrownBy(() -> programmes.create(
                        new Programme.New("x", "61.04", "x", Programme.FundingSource.APBD, 1L, now, now, null, null),
                        ANALYST))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> programmes.get(p.id(), PONTIANAK)).isInstanceOf(NotFoundException.class);
        assertThat(programmes.get(p.id(), ANALYST).name()).isEqualTo("Pekerja rentan Ketapang (uji)");

        // one worker is already BPU on their own: left as they are
        LocalDate born = LocalDate.of(1979, 3, 3);
        String ownNik = Niks.nik("610401", born, false);
        long own = participants
                .register(
                        new ParticipantDetails(ownNik, "Ahmad Nelayan", born, Sex.L, DESA, null, "Nelayan", null),
                        OFFICER)
                .participant()
                .id();
        enrolment.enrol(
                new EnrolmentRequest(
                        own, Segment.BPU, Channel.SELF, Set.of(), null, 1_000_000L, Sector.OTHER, false, now, null),
                OFFICER);
        List<String> niks = List.of(
                Niks.nik("610401", LocalDate.of(1980, 1, 1), true),
                Niks.nik("610401", LocalDate.of(1981, 2, 2), false),
                Niks.nik("610401", LocalDate.of(1982, 3, 3), true));

        // a bad list: nothing registered, nothing enrolled, each problem named by row and column
        String bad = SponsorshipBeneficiaries.HEADER + "\n" + niks.get(0) + ";Sri Rahayu;;" + DESA + ";Petani;\n"
                + niks.get(1) + ";;;" + DESA + ";Petani;\n" + niks.get(2) + ";Marta;;61.71.01.1001;Petani;\n";
        assertThatThrownBy(() -> beneficiaries.importCsv(p.id(), "salah.csv", stream(bad), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field)
                                .containsExactly("rows[3].name", "rows[4].desa_code"));
        assertThat(participants.findByNik(niks.get(0), OFFICER)).isEmpty();

        String good = SponsorshipBeneficiaries.HEADER + "\n" + niks.get(0) + ";Sri Rahayu;;" + DESA + ";Petani;\n"
                + niks.get(1) + ";Yohanes Ding;;" + DESA + ";Petani sawit;0812345678\n"
                + niks.get(2) + ";Marta Lestari;;" + DESA + ";Nelayan;\n" + ownNik + ";Ahmad Nelayan;;" + DESA
                + ";Nelayan;\n";
        SponsorshipBeneficiaries.Result r = beneficiaries.importCsv(p.id(), "penerima.csv", stream(good), OFFICER);
        assertThat(r)
                .extracting(
                        SponsorshipBeneficiaries.Result::added,
                        SponsorshipBeneficiaries.Result::elsewhere,
                        SponsorshipBeneficiaries.Result::replayed)
                .containsExactly(3, 1, false);
        assertThat(beneficiaries
                        .importCsv(p.id(), "penerima.csv", stream(good), OFFICER)
                        .replayed())
                .isTrue();
        assertThat(beneficiaries.importCsv(p.id(), "penerima-lagi.csv", stream(good + "\n"), OFFICER))
                .extracting(SponsorshipBeneficiaries.Result::added, SponsorshipBeneficiaries.Result::unchanged)
                .containsExactly(0, 3);
        assertThat(beneficiaries.list(p.id(), ANALYST)).hasSize(3).allSatisfy(b -> {
            assertThat(b.startMonth()).isEqualTo(now);
            assertThat(b.endMonth()).isNull();
        });

        // coverage counts the protected: enrolled but not yet paid, nobody is counted yet (issue 15)
        eventsHandled();
        assertThat(dashboards.dashboard(kecamatan, now, OFFICER).total().active())
                .isEqualTo(simulation.regions().get(0).activeBefore());

        // the month's bill: the sum of the three members' bills, each the simulated price
        billing.run(now, OFFICER);
        SponsorshipBills.ConsolidatedBill bill = bills.bill(p.id(), now, ANALYST);
        assertThat(bill.members()).isEqualTo(3);
        assertThat(bill.lines()).extracting(SponsorshipBills.Line::amount).containsOnly(PER_WORKER);
        assertThat(bill.amount())
                .isEqualTo(bill.lines().stream()
                        .mapToLong(SponsorshipBills.Line::amount)
                        .sum())
                .isEqualTo(jdbc.sql("SELECT sum(v.amount) FROM contribution_bill_v v JOIN sponsorship_beneficiary s"
                                + " ON s.membership_id = v.membership_id WHERE s.programme_id = ? AND v.period = ?")
                        .params(p.id(), now.atDay(1))
                        .query(Long.class)
                        .single())
                .isEqualTo(simulation.cost() / 3);

        // the budget cannot pay to the end: 3 months x 3 workers = 151,200 > 120,000
        SponsorshipBills.Budget budget = bills.budget(p.id(), ANALYST);
        assertThat(budget.billed()).isEqualTo(3 * PER_WORKER);
        assertThat(budget.committed()).isEqualTo(simulation.cost());
        assertThat(budget.remaining()).isEqualTo(120_000 - simulation.cost());
        assertThat(budget.status()).isEqualTo("OVER");
        assertThat(budget.monthsAffordable()).isEqualTo((120_000 - 3 * PER_WORKER) / (3 * PER_WORKER));

        // paid once, whatever is clicked twice
        assertThat(bills.pay(p.id(), now, null, "SP2D 001/2026", OFFICER))
                .isEqualTo(new SponsorshipBills.Paid(3, 3 * PER_WORKER, 0));
        assertThat(bills.pay(p.id(), now, null, "SP2D 001/2026", OFFICER))
                .isEqualTo(new SponsorshipBills.Paid(0, 0, 3));
        assertThat(bills.bill(p.id(), now, ANALYST).open()).isZero();
        // paid: the three count, as the simulation said (the one on their own has not paid); a rebuild reads the
        // ledger here, where the contribution module's ProtectionChanged events will do it as payments are made
        readModel.rebuild();
        assertThat(dashboards.dashboard(kecamatan, now, OFFICER).total().active())
                .isEqualTo(simulation.regions().get(0).activeBefore() + 3);

        // ended early with a hand-over: every worker protected by their own membership from the next month
        Programme ended = programmes.end(p.id(), now, "HAND_OVER", p.version(), OFFICER);
        assertThat(ended.endedOn()).isEqualTo(now);
        for (SponsorshipBeneficiaries.Beneficiary b : beneficiaries.list(p.id(), OFFICER)) {
            assertThat(b.endMonth()).isEqualTo(now);
            List<Membership> open = enrolment.membershipsOf(ParticipantId.of(b.participantId()), OFFICER).stream()
                    .filter(m -> m.endMonth() == null)
                    .toList();
            assertThat(open).singleElement().satisfies(m -> {
                assertThat(m.channel()).isEqualTo(Channel.SELF);
                assertThat(m.governmentPaid()).isFalse();
                assertThat(m.startMonth()).isEqualTo(now.plusMonths(1));
            });
        }
        assertThatThrownBy(() -> programmes.end(p.id(), now, "END", ended.version(), OFFICER))
                .isInstanceOf(InvalidInputException.class);
    }

    /** Waits until the coverage read model has handled every event published so far. */
    private void eventsHandled() {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql(
                                        "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE ?")
                                .param("%CoverageReadModel%")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    private static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anXlsxListIsReadFromItsFirstSheet_andANikTypedAsANumberRefusesTheFile() {
        YearMonth now = YearMonth.now(TestClock.CLOCK);
        Programme p = programmes.create(
                new Programme.New(
                        "Pekerja sawit Kalbar (uji XLSX)",
                        "61",
                        "Pergub Kalbar 29/2024",
                        Programme.FundingSource.DBH_SAWIT,
                        10_000_000L,
                        now,
                        now.plusMonths(5),
                        null,
                        null),
                OFFICER);
        LocalDate born = LocalDate.of(1990, 10, 10);
        String nik = Niks.nik("610401", born, false);
        String other = Niks.nik("610401", LocalDate.of(1991, 11, 11), true);
        byte[] numeric = xlsx(new Object[] {Long.valueOf(nik), "Benediktus", born, DESA, "Buruh sawit", ""});
        assertThatThrownBy(
                        () -> beneficiaries.importCsv(p.id(), "sawit.xlsx", new ByteArrayInputStream(numeric), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code)
                                .containsExactly(org.assertj.core.api.Assertions.tuple(
                                        "rows[2].nik", "sponsorship.file.nik-number")));

        byte[] good = xlsx(
                new Object[] {nik, "Benediktus", born, DESA, "Buruh sawit", ""},
                new Object[] {other, "Maria Goreti", "", DESA, "Buruh sawit", "081234567890"});
        assertThat(beneficiaries
                        .importCsv(p.id(), "sawit.xlsx", new ByteArrayInputStream(good), OFFICER)
                        .added())
                .isEqualTo(2);
        assertThat(participants.findByNik(nik, OFFICER))
                .hasValueSatisfying(x -> assertThat(x.birthDate()).isEqualTo(born));
    }

    private static byte[] xlsx(Object[]... rows) {
        return id.lindung.support.Xlsx.sheet("Penerima", SponsorshipBeneficiaries.HEADER, rows);
    }
}
