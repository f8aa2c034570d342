package id.lindung.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.support.Niks;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Segment rules, dated changes, ends, events and audit of enrolment, on the real database. */
@SpringBootTest
@ActiveProfiles("test")
@RecordApplicationEvents
class EnrolmentTest {

    private static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas", Role.OFFICER, RegionScope.of("61"));
    private static final LindungUser AGENT =
            new LindungUser("agen.ketapang", "Agen", Role.AGENT, RegionScope.of("61.04"));
    private static final String DESA = "61.04.01.2011";

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    private long participant() {
        LocalDate birth = LocalDate.of(1979, 2, 2);
        return participants
                .register(
                        new ParticipantDetails(
                                Niks.nik("610401", birth, false), "Ahmad Yani", birth, Sex.L, DESA, null, null, null),
                        OFFICER)
                .participant()
                .id();
    }

    private EnrolmentRequest bpu(long participant, Set<Programme> optional, long income) {
        return new EnrolmentRequest(
                participant, Segment.BPU, null, optional, null, income, null, null, YearMonth.of(2026, 1), null);
    }

    @Test
    void bpuGetsJkkAndJkmAlways_jhtOnRequest_andNeverJpOrJkp() {
        // agents may not back-date: the current month of the business clock (7 December 2026)
        Membership m = enrolment.enrol(
                new EnrolmentRequest(
                        participant(),
                        Segment.BPU,
                        null,
                        Set.of(Programme.JHT),
                        null,
                        1_500_000L,
                        null,
                        null,
                        YearMonth.of(2026, 12),
                        null),
                AGENT);
        assertThat(m.programmes()).containsExactlyInAnyOrder(Programme.JKK, Programme.JKM, Programme.JHT);
        assertThat(m.channel()).isEqualTo(Channel.AGENT); // an agent enrols as an agent

        assertThatThrownBy(() -> enrolment.enrol(
                        bpu(participant(), EnumSet.of(Programme.JP, Programme.JKP), 1_000_000), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code)
                                .containsExactly(
                                        tuple("programmes", "enrolment.programme.unavailable"),
                                        tuple("programmes", "enrolment.programme.unavailable")));
        assertThatThrownBy(() -> enrolment.enrol(bpu(participant(), Set.of(), 999_999), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .containsExactly(
                                        FieldIssue.error("baseAmount", "enrolment.income.below-floor", 1_000_000L)));
    }

    @Test
    void anAgentCannotEnrolThroughAnotherChannel() {
        long p = participant();
        assertThatThrownBy(() -> enrolment.enrol(
                        new EnrolmentRequest(
                                p,
                                Segment.BPU,
                                Channel.GOV_SPONSOR,
                                null,
                                null,
                                1_000_000L,
                                null,
                                null,
                                YearMonth.of(2026, 1),
                                null),
                        AGENT))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void puIsEnrolledThroughAnEmployerWithAllFiveProgrammes() {
        Employer employer = enrolment.registerEmployer(
                new NewEmployer("NPP7700001", "CV Karet Ketapang", 4, "22191", DESA), OFFICER);
        Membership m = enrolment.enrol(
                new EnrolmentRequest(
                        participant(),
                        Segment.PU,
                        null,
                        null,
                        employer.id(),
                        4_500_000L,
                        null,
                        null,
                        YearMonth.of(2026, 2),
                        null),
                OFFICER);
        assertThat(m.programmes()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Programme.class));
        assertThat(m.channel()).isEqualTo(Channel.EMPLOYER);
        assertThat(m.employerId()).isEqualTo(employer.id());
        // an employer outside the officer's kab/kota is unknown to them
        Employer pontianak =
                enrolment.registerEmployer(new NewEmployer("NPP7700009", "PT Kota", 1, null, "61.71.01.1002"), OFFICER);
        LindungUser ketapangOfficer =
                new LindungUser("petugas.ketapang", "Petugas", Role.OFFICER, RegionScope.of("61.04"));
        assertThatThrownBy(() -> enrolment.enrol(
                        new EnrolmentRequest(
                                participant(),
                                Segment.PU,
                                null,
                                null,
                                pontianak.id(),
                                4_500_000L,
                                null,
                                null,
                                YearMonth.of(2026, 2),
                                null),
                        ketapangOfficer))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code)
                                .containsExactly(tuple("employerId", "employer.unknown")));
        assertThatThrownBy(
                        () -> enrolment.registerEmployer(new NewEmployer("NPP7700001", "Lain", 6, null, DESA), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field)
                                .containsExactly("npp", "riskClass"));
    }

    @Test
    void aPmiContractEndsWhenItsContractEnds_andAConstructionProjectIsOneMembership() {
        Membership pmi = enrolment.enrol(
                new EnrolmentRequest(
                        participant(),
                        Segment.PMI,
                        null,
                        Set.of(Programme.JHT),
                        null,
                        100_000L,
                        null,
                        null,
                        YearMonth.of(2026, 1),
                        24),
                OFFICER);
        assertThat(pmi.endMonth()).isEqualTo(YearMonth.of(2027, 12));
        assertThat(pmi.endReason()).isEqualTo(EndReason.CONTRACT_ENDED);
        assertThatThrownBy(() -> enrolment.enrol(
                        new EnrolmentRequest(
                                participant(),
                                Segment.PMI,
                                null,
                                Set.of(Programme.JHT),
                                null,
                                75_000L,
                                null,
                                null,
                                YearMonth.of(2026, 1),
                                12),
                        OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field)
                                .containsExactly("baseAmount"));

        Employer contractor =
                enrolment.registerEmployer(new NewEmployer("NPP7700002", "PT Jalan Kalbar", 5, null, DESA), OFFICER);
        Membership project = enrolment.registerProject(
                new NewProject(
                        contractor.id(),
                        "Jalan Ketapang-Kendawangan",
                        2_000_000_000L,
                        YearMonth.of(2026, 3),
                        YearMonth.of(2026, 12),
                        40,
                        DESA,
                        null),
                OFFICER);
        assertThat(project.segment()).isEqualTo(Segment.JAKON);
        assertThat(project.participantId()).isNull();
        assertThat(project.programmes()).containsExactlyInAnyOrder(Programme.JKK, Programme.JKM);
    }

    @Test
    void incomeChangesFromAMonthOn_andEndingIsDatedAuditedAndPublished() {
        Membership m = enrolment.enrol(bpu(participant(), Set.of(), 1_000_000), OFFICER);
        Membership changed = enrolment.changeBase(MembershipId.of(m.id()), 2_500_000L, YearMonth.of(2026, 4), OFFICER);
        assertThat(changed.baseIn(YearMonth.of(2026, 3))).isEqualTo(1_000_000);
        assertThat(changed.baseIn(YearMonth.of(2026, 4))).isEqualTo(2_500_000);
        assertThat(events.stream(MembershipBaseChanged.class)).anySatisfy(e -> {
            assertThat(e.membershipId().value()).isEqualTo(m.id());
            assertThat(e.previousAmount()).isEqualTo(1_000_000);
            assertThat(e.amount()).isEqualTo(2_500_000);
        });

        Membership ended = enrolment.end(MembershipId.of(m.id()), YearMonth.of(2026, 6), EndReason.REQUESTED, OFFICER);
        assertThat(ended.endMonth()).isEqualTo(YearMonth.of(2026, 6));
        assertThat(ended.activeIn(YearMonth.of(2026, 7))).isFalse();
        assertThat(events.stream(MembershipEnded.class))
                .anySatisfy(e -> assertThat(e.reason()).isEqualTo(EndReason.REQUESTED));
        assertThat(events.stream(MembershipStarted.class))
                .anySatisfy(e -> assertThat(e.membershipId().value()).isEqualTo(m.id()));
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'membership' AND entity_id = ?"
                                + " ORDER BY id")
                        .param(Long.toString(m.id()))
                        .query(String.class)
                        .list())
                .containsExactly("MEMBERSHIP_STARTED", "MEMBERSHIP_BASE_CHANGED", "MEMBERSHIP_ENDED");
        assertThatThrownBy(() ->
                        enrolment.end(MembershipId.of(m.id()), YearMonth.of(2026, 8), EndReason.REQUESTED, OFFICER))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(
                        () -> enrolment.changeBase(MembershipId.of(m.id()), 3_000_000L, YearMonth.of(2026, 9), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field)
                                .containsExactly("effectiveFrom"));
    }
}
