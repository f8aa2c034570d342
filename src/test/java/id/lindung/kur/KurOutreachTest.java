package id.lindung.kur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.Dues;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.support.Niks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * From borrower to protected worker: the work list puts mandatory borrowers first with what they would pay, loans go
 * to an agent's list, the enrol action registers and enrols the borrower as BPU through the KUR channel and the
 * borrower turns protected, and the conversion counts follow.
 */
@SpringBootTest
@ActiveProfiles("test")
class KurOutreachTest {

    static final LindungUser OFFICER = KurImportTest.OFFICER;
    static final LindungUser AGENT =
            new LindungUser("agen.ketapang", "Agen Ketapang", Role.AGENT, RegionScope.of("61.04"));

    @Autowired
    KurImports imports;

    @Autowired
    Payments payments;

    @Autowired
    Dues dues;

    @Autowired
    Clock clock;

    @Autowired
    KurOutreach outreach;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    KurMatching matching;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void mandatoryBorrowersComeFirst_anAgentEnrolsOne_andTheyTurnProtected() {
        String branch = "Sandai-" + System.nanoTime() % 1_000_000;
        String small = Niks.nik("610401", LocalDate.of(1992, 2, 2), true);
        String big = Niks.nik("610401", LocalDate.of(1975, 7, 17), false);
        String file = KurImportTest.HEADER + "\nKALBAR;" + branch + ";" + branch + "-1;" + small
                + ";Wati;MIKRO;20000000;2026-10-05;Warung;61.04"
                + "\nKALBAR;" + branch + ";" + branch + "-2;" + big + ";Yohanes Ding;KECIL;250000000;2026-10-06;"
                + "Sawit;61.04.01.2011\n";
        imports.importFile("sandai.csv", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), OFFICER);

        KurOutreach.WorkList list = outreach.workList("KALBAR", branch, null, null, false, 0, 50, OFFICER);

        assertThat(list.items().items())
                .extracting(i -> i.loan().loanId(), KurOutreach.WorkItem::reason)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple(branch + "-2", KurOutreach.Reason.MANDATORY_NOT_ENROLLED),
                        org.assertj.core.api.Assertions.tuple(branch + "-1", KurOutreach.Reason.NOT_ENROLLED));
        // BPU at the minimum income: JKK 1% + JKM Rp6,800 (Rp8,400 in a PP 50/2025 discount month)
        assertThat(list.minimumIncome()).isEqualTo(1_000_000);
        assertThat(list.monthlyContribution()).isIn(16_800L, 8_400L);
        assertThat(outreach.workGroups("branch", "KALBAR", OFFICER))
                .filteredOn(g -> g.key().equals("KALBAR " + branch))
                .singleElement()
                .satisfies(g -> assertThat(g.mandatory()).isEqualTo(1));

        assertThat(outreach.assign("KALBAR", List.of(branch + "-1", branch + "-2"), AGENT.username(), OFFICER))
                .isEqualTo(2);
        assertThat(outreach.workList(null, null, null, null, true, 0, 50, AGENT)
                        .items()
                        .items())
                .extracting(i -> i.loan().loanId())
                .contains(branch + "-1", branch + "-2");

        // the first lives at kab/kota level only in the bank's data: a desa must be chosen
        assertThatThrownBy(() ->
                        outreach.enrol("KALBAR", branch + "-1", new KurOutreach.EnrolRequest(null, null, null), AGENT))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::code)
                                .containsExactly("kur.enrol.desa-required"));
        KurLoan enrolled = outreach.enrol(
                "KALBAR", branch + "-2", new KurOutreach.EnrolRequest(null, null, YearMonth.now(clock)), AGENT);

        // enrolled, not yet protected: protection follows the first payment, which the agent collects
        assertThat(enrolled.matchStatus()).isEqualTo("LAPSED");
        assertThat(enrolled.participantId()).isNotNull();
        List<Membership> memberships = enrolment.membershipsOf(ParticipantId.of(enrolled.participantId()), OFFICER);
        assertThat(memberships).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Channel.KUR_BANK);
            assertThat(m.baseIn(YearMonth.now(clock))).isEqualTo(1_000_000);
        });
        long due = dues.dueNow(MembershipId.of(memberships.get(0).id()), AGENT).amount();
        payments.pay(
                new PaymentRequest("KUR-" + branch, memberships.get(0).id(), due, LocalDate.now(clock), null), AGENT);
        await(() -> status(branch, "-2"), "PROTECTED");
        assertThat(participants
                        .get(ParticipantId.of(enrolled.participantId()), OFFICER)
                        .birthDate())
                .isEqualTo(LocalDate.of(1975, 7, 17));
        assertThat(outreach.workList("KALBAR", branch, null, null, false, 0, 50, OFFICER)
                        .items()
                        .items())
                .extracting(i -> i.loan().loanId())
                .containsExactly(branch + "-1");
        assertThat(outreach.conversion("scheme", "KALBAR", OFFICER))
                .filteredOn(
                        c -> c.month().equals(YearMonth.of(2026, 10)) && c.key().equals("KECIL"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.protectedNow()).isGreaterThanOrEqualTo(1);
                    assertThat(c.mandatoryProtectedNow()).isGreaterThanOrEqualTo(1);
                    assertThat(c.protectedNow()).isLessThanOrEqualTo(c.borrowers());
                });
    }

    @Test
    void aBorrowerWhoRegistersAndEnrolsElsewhere_turnsProtected_andLapsedWhenTheMembershipEnds() {
        String branch = "Tayap-" + System.nanoTime() % 1_000_000;
        LocalDate birth = LocalDate.of(1990, 8, 9);
        String nik = Niks.nik("610402", birth, true);
        String file = KurImportTest.HEADER + "\nKALBAR;" + branch + ";" + branch + "-1;" + nik
                + ";Dewi Lestari;MIKRO;30000000;2026-10-07;Kerajinan;61.04\n";
        imports.importFile("tayap.csv", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), OFFICER);
        assertThat(status(branch)).isEqualTo("NOT_ENROLLED");

        // registered and enrolled at the BPJS office, not through the work list: the events re-match the loan
        long participant = participants
                .register(
                        new ParticipantDetails(
                                nik, "Dewi Lestari", birth, Sex.P, "61.04.01.2011", null, "Pengrajin", null),
                        OFFICER)
                .participant()
                .id();
        Membership m = enrolment.enrol(
                new EnrolmentRequest(
                        participant,
                        Segment.BPU,
                        Channel.SELF,
                        Set.of(),
                        null,
                        1_500_000L,
                        Sector.OTHER,
                        false,
                        YearMonth.now(clock),
                        null),
                OFFICER);
        await(() -> status(branch), "LAPSED"); // enrolled, nothing paid yet
        payments.pay(
                new PaymentRequest(
                        "KUR-" + branch,
                        m.id(),
                        dues.dueNow(MembershipId.of(m.id()), OFFICER).amount(),
                        LocalDate.now(clock),
                        null),
                OFFICER);
        await(() -> status(branch), "PROTECTED");

        enrolment.end(MembershipId.of(m.id()), YearMonth.now(clock).minusMonths(1), EndReason.REQUESTED, OFFICER);
        await(() -> status(branch), "LAPSED");
        assertThat(outreach.workList("KALBAR", branch, null, null, false, 0, 10, OFFICER)
                        .items()
                        .items())
                .singleElement()
                .satisfies(i -> assertThat(i.reason()).isEqualTo(KurOutreach.Reason.LAPSED));
    }

    @Test
    void theNightlyRematchRepairsWhatNoEventAnnounced_andWritesNothingElse() {
        String branch = "Kendawangan-" + System.nanoTime() % 1_000_000;
        String nik = Niks.nik("610403", LocalDate.of(1983, 1, 30), false);
        String file = KurImportTest.HEADER + "\nKALBAR;" + branch + ";" + branch + "-1;" + nik
                + ";Rudi Hartono;MIKRO;40000000;2026-09-01;Bengkel;61.04\n";
        imports.importFile("kendawangan.csv", new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), OFFICER);
        String version = rowVersion(branch);
        matching.matchAll();
        assertThat(rowVersion(branch))
                .as("a loan whose match did not change is not written")
                .isEqualTo(version);

        // a stale status (as after arrears were paid with no event): the nightly pass puts it right
        jdbc.sql("UPDATE kur_loan SET match_status = 'PROTECTED' WHERE bank_code = 'KALBAR' AND loan_id = ?")
                .param(branch + "-1")
                .update();
        assertThat(matching.matchAll()).isPositive();
        assertThat(status(branch)).isEqualTo("NOT_ENROLLED");
    }

    private String status(String branch) {
        return status(branch, "-1");
    }

    private String status(String branch, String loan) {
        return jdbc.sql("SELECT match_status FROM kur_loan WHERE bank_code = 'KALBAR' AND loan_id = ?")
                .param(branch + loan)
                .query(String.class)
                .single();
    }

    /** The transaction that last wrote the loan's row. */
    private String rowVersion(String branch) {
        return jdbc.sql("SELECT xmin::text FROM kur_loan WHERE bank_code = 'KALBAR' AND loan_id = ?")
                .param(branch + "-1")
                .query(String.class)
                .single();
    }

    private static void await(java.util.function.Supplier<String> status, String expected) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertThat(status.get()).isEqualTo(expected));
    }
}
