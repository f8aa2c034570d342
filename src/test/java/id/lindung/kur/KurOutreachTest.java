package id.lindung.kur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.support.Niks;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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
    static final LindungUser AGENT = new LindungUser("agen.ketapang", "Agen Ketapang", Role.AGENT,
            RegionScope.of("61.04"));

    @Autowired
    KurImports imports;
    @Autowired
    KurOutreach outreach;
    @Autowired
    ParticipantManagement participants;
    @Autowired
    EnrolmentManagement enrolment;

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

        assertThat(list.items().items()).extracting(i -> i.loan().loanId(), KurOutreach.WorkItem::reason)
                .containsExactly(org.assertj.core.api.Assertions.tuple(branch + "-2",
                        KurOutreach.Reason.MANDATORY_NOT_ENROLLED),
                        org.assertj.core.api.Assertions.tuple(branch + "-1", KurOutreach.Reason.NOT_ENROLLED));
        // BPU at the minimum income: JKK 1% + JKM Rp6,800 (Rp8,400 in a PP 50/2025 discount month)
        assertThat(list.minimumIncome()).isEqualTo(1_000_000);
        assertThat(list.monthlyContribution()).isIn(16_800L, 8_400L);
        assertThat(outreach.workGroups("branch", "KALBAR", OFFICER))
                .filteredOn(g -> g.key().equals("KALBAR " + branch)).singleElement()
                .satisfies(g -> assertThat(g.mandatory()).isEqualTo(1));

        assertThat(outreach.assign("KALBAR", List.of(branch + "-1", branch + "-2"), AGENT.username(), OFFICER))
                .isEqualTo(2);
        assertThat(outreach.workList(null, null, null, null, true, 0, 50, AGENT).items().items())
                .extracting(i -> i.loan().loanId()).contains(branch + "-1", branch + "-2");

        // the first lives at kab/kota level only in the bank's data: a desa must be chosen
        assertThatThrownBy(() -> outreach.enrol("KALBAR", branch + "-1", new KurOutreach.EnrolRequest(null, null,
                null), AGENT)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.issues())
                        .extracting(FieldIssue::code).containsExactly("kur.enrol.desa-required"));
        KurLoan enrolled = outreach.enrol("KALBAR", branch + "-2", new KurOutreach.EnrolRequest(null, null,
                YearMonth.now()), AGENT);

        assertThat(enrolled.matchStatus()).isEqualTo("PROTECTED");
        assertThat(enrolled.participantId()).isNotNull();
        List<Membership> memberships = enrolment.membershipsOf(enrolled.participantId(), OFFICER);
        assertThat(memberships).singleElement().satisfies(m -> {
            assertThat(m.channel()).isEqualTo(Channel.KUR_BANK);
            assertThat(m.baseIn(YearMonth.now())).isEqualTo(1_000_000);
        });
        assertThat(participants.get(enrolled.participantId(), OFFICER).birthDate())
                .isEqualTo(LocalDate.of(1975, 7, 17));
        assertThat(outreach.workList("KALBAR", branch, null, null, false, 0, 50, OFFICER).items().items())
                .extracting(i -> i.loan().loanId()).containsExactly(branch + "-1");
        assertThat(outreach.conversion("scheme", "KALBAR", OFFICER))
                .filteredOn(c -> c.month().equals(YearMonth.of(2026, 10)) && c.key().equals("KECIL"))
                .singleElement().satisfies(c -> {
                    assertThat(c.protectedNow()).isGreaterThanOrEqualTo(1);
                    assertThat(c.mandatoryProtectedNow()).isGreaterThanOrEqualTo(1);
                    assertThat(c.protectedNow()).isLessThanOrEqualTo(c.borrowers());
                });
    }
}
