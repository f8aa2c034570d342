package id.lindung.claim;

import static id.lindung.contribution.Members.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.Members;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Programme;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The claim workflow on the real database, with eligibility established from real memberships, bills and payments.
 * Own context (and database): billing runs bill every membership there is. Worked examples name their source:
 * domain reference §3 (PP 44/2015 jo. PP 82/2019 Lampiran III; Permenaker 5/2021).
 */
@SpringBootTest(properties = {"lindung.claim.four-eyes-threshold=50000000", "lindung.claim.document-max-bytes=4096"})
@ActiveProfiles("test")
@RecordApplicationEvents
class ClaimWorkflowTest {

    static final LindungUser SECOND = new LindungUser("petugas.dua", "Petugas Dua", Role.OFFICER,
            RegionScope.of("61"));
    static final LindungUser PONTIANAK = new LindungUser("petugas.ptk", "Petugas Pontianak", Role.OFFICER,
            RegionScope.of("61.71"));
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    ClaimManagement claims;
    @Autowired
    BillingRuns billing;
    @Autowired
    Payments payments;
    @Autowired
    EnrolmentManagement enrolment;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;
    private Members members;

    @BeforeEach
    void empty(@Autowired ParticipantManagement participants) {
        jdbc.sql("TRUNCATE claim_step, claim_document, claim_scholarship, claim_line, claim, late_fine,"
                + " payment_allocation, payment, payment_file, bill_line, bill, billing_run, membership_base,"
                + " membership, construction_project, employer CASCADE").update();
        members = new Members(participants, enrolment);
    }

    /** Pays January to June 2026 ahead on 10 January, then bills those months: protected through June. */
    private void billAndPay(Membership m, long monthly) {
        Members.payFirstHalf2026AheadAndBill(m, monthly, "CLAIM-TEST-" + KEYS.incrementAndGet(), payments, billing);
    }

    private static ClaimIntake death(long participantId, String cause, LocalDate date,
            List<ClaimIntake.ChildItem> children) {
        return new ClaimIntake(participantId, "DEATH", cause, date, null, null, null, null, null, null, null,
                List.of(new ClaimIntake.Heir("Siti Aminah", "SPOUSE", null, "BRI 0123")), children, null);
    }

    private static ClaimIntake transport(long participantId, long amount) {
        return new ClaimIntake(participantId, "JKK_TRANSPORT", "WORK_ACCIDENT", LocalDate.of(2026, 5, 4), null, null,
                List.of(new ClaimIntake.TransportItem("LAND", LocalDate.of(2026, 5, 4), "Ambulans ke RSUD Agoesdjam",
                        amount)), null, null, null, null, null, null, null);
    }

    private Claim verified(Claim claim, LocalDate documentsComplete) {
        Claim withDocument = claims.addDocument(claim.id(), "LAPORAN_KECELAKAAN", "laporan.pdf", PDF, OFFICER);
        return claims.verify(claim.id(), withDocument.version(), documentsComplete, OFFICER);
    }

    @Test
    void bpuAtOneMillionDyingInAWorkAccident_getsSeventyMillion_afterTwoOfficers_andLateCompensation() {
        // domain reference §3a: 48 × wage (60% × 80) + funeral Rp10,000,000 + periodic benefit Rp12,000,000
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billAndPay(m, 16_800);

        Claim claim = claims.submit(death(m.participantId(), "WORK_ACCIDENT", LocalDate.of(2026, 5, 10), List.of()),
                OFFICER);

        assertThat(claim.kind()).isEqualTo("JKK_DEATH");
        assertThat(claim.claimNumber()).matches("KLM-2026-\\d{6}");
        assertThat(claim.membershipId()).isEqualTo(m.id());
        assertThat(claim.member().jkkProtected()).isTrue();
        assertThat(claim.member().wage()).isEqualTo(1_000_000);
        assertThat(claim.member().contributionMonths()).isEqualTo(5); // January to May, the month of the event
        assertThat(claim.lines()).extracting(Claim.Line::amount).containsExactly(48_000_000L, 12_000_000L,
                10_000_000L);
        assertThat(claim.total()).isEqualTo(70_000_000);
        assertThat(claim.lines().get(0).legalBasis()).contains("PP 82/2019");

        // documents complete on Wednesday 20 May 2026: 7 working days, skipping 27 May (Idul Adha) and 1 June
        // (Pancasila) from the holiday calendar, end on Tuesday 2 June
        Claim v = verified(claim, LocalDate.of(2026, 5, 20));
        assertThat(v.status()).isEqualTo(ClaimStatus.VERIFIED);
        assertThat(v.dueDate()).isEqualTo(LocalDate.of(2026, 6, 2));

        Claim first = claims.approve(v.id(), v.version(), OFFICER);
        assertThat(first.status()).isEqualTo(ClaimStatus.AWAITING_SECOND);
        assertThat(events.stream(ClaimDecided.class)).isEmpty();
        assertThatThrownBy(() -> claims.approve(v.id(), first.version(), OFFICER))
                .isInstanceOfSatisfying(ForbiddenException.class,
                        e -> assertThat(e.code()).isEqualTo("claim.four-eyes.same-officer"));
        Claim approved = claims.approve(v.id(), first.version(), SECOND);
        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(approved.firstApprover()).isEqualTo(OFFICER.username());
        assertThat(approved.decidedBy()).isEqualTo(SECOND.username());
        assertThat(events.stream(ClaimDecided.class)).singleElement()
                .satisfies(e -> assertThat(e.total()).isEqualTo(70_000_000));

        // paid on Friday 5 June: 3 days late → 1% × Rp70,000,000 × 3 (PP 44/2015 art. 37)
        Claim paid = claims.recordPayment(v.id(), approved.version(), LocalDate.of(2026, 6, 5), "TRF-778", OFFICER);
        assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(paid.lateDays()).isEqualTo(3);
        assertThat(paid.lateAmount()).isEqualTo(2_100_000);
        assertThat(paid.total()).isEqualTo(72_100_000).isEqualTo(paid.lines().stream().mapToLong(Claim.Line::amount)
                .sum());
        assertThat(paid.steps()).extracting(Claim.Step::status).containsExactly(ClaimStatus.SUBMITTED,
                ClaimStatus.VERIFIED, ClaimStatus.AWAITING_SECOND, ClaimStatus.APPROVED, ClaimStatus.PAID);
    }

    @Test
    void aJkkDeathOpensTheScholarshipForTwoChildren_paidYearByYearOnProofOfEnrolment() {
        // Permenaker 5/2021: SD Rp1,500,000 a year; at most two children; no minimum contribution period under JKK
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billAndPay(m, 16_800);
        List<ClaimIntake.ChildItem> children = List.of(
                new ClaimIntake.ChildItem("Rina", LocalDate.of(2016, 3, 1), "SD", 4, false, false, false),
                new ClaimIntake.ChildItem("Dodi", LocalDate.of(2019, 8, 9), "SD", 1, false, false, false),
                new ClaimIntake.ChildItem("Agus", LocalDate.of(2022, 1, 5), null, null, false, false, false));
        Claim claim = claims.submit(death(m.participantId(), "WORK_ACCIDENT", LocalDate.of(2026, 5, 10), children),
                OFFICER);
        assertThat(claim.scholarship()).extracting(Claim.ScholarshipYear::childName).containsOnly("Rina", "Dodi");
        assertThat(claim.scholarship().stream().mapToLong(Claim.ScholarshipYear::amount).sum())
                .isLessThanOrEqualTo(174_000_000);
        assertThat(claim.scholarshipNotes()).singleElement().satisfies(n -> {
            assertThat(n.childName()).isEqualTo("Agus");
            assertThat(n.code()).isEqualTo("SCHOLARSHIP_MAX_CHILDREN");
        });
        Claim v = verified(claim, LocalDate.of(2026, 5, 20));
        Claim first = claims.approve(v.id(), v.version(), OFFICER);
        claims.approve(v.id(), first.version(), SECOND);

        var paid = claims.scholarshipYear(v.id(), new ScholarshipYearRequest("child-1", "SD", 2026, false, false),
                OFFICER);
        var again = claims.scholarshipYear(v.id(), new ScholarshipYearRequest("child-1", "SD", 2026, false, false),
                OFFICER);
        var married = claims.scholarshipYear(v.id(), new ScholarshipYearRequest("child-2", "SD", 2026, true, false),
                OFFICER);

        assertThat(paid.amount()).isEqualTo(1_500_000);
        assertThat(paid.refusal()).isNull();
        assertThat(again.amount()).isZero();
        assertThat(again.refusal().code()).isEqualTo("SCHOLARSHIP_YEAR_ALREADY_PAID");
        assertThat(married.refusal().code()).isEqualTo("SCHOLARSHIP_MARRIED");
        assertThat(claims.get(v.id(), OFFICER).scholarshipPaid()).singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(1_500_000));
    }

    @Test
    void theSameBpuDyingOfIllness_getsFortyTwoMillion_andNoScholarshipBeforeThreeYears() {
        // domain reference §3b: Rp20,000,000 + Rp12,000,000 + Rp10,000,000; scholarship only after 36 months paid
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billAndPay(m, 16_800);
        List<ClaimIntake.ChildItem> children = List.of(
                new ClaimIntake.ChildItem("Rina", LocalDate.of(2016, 3, 1), "SD", 4, false, false, false));

        Claim claim = claims.submit(death(m.participantId(), "OTHER", LocalDate.of(2026, 5, 10), children), OFFICER);

        assertThat(claim.kind()).isEqualTo("JKM_DEATH");
        assertThat(claim.total()).isEqualTo(42_000_000);
        assertThat(claim.scholarship()).isEmpty();
        assertThat(claim.scholarshipNotes()).singleElement().satisfies(n -> {
            assertThat(n.code()).isEqualTo("SCHOLARSHIP_MIN_CONTRIBUTION");
            assertThat(n.args()).containsExactly("5", "36");
        });
    }

    @Test
    void anEventInAMonthTheMemberWasNotProtected_isRefusedWithTheRule_andCanOnlyBeRejected() {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        for (YearMonth month = YearMonth.of(2026, 1); !month.isAfter(YearMonth.of(2026, 3));
                month = month.plusMonths(1)) {
            billing.run(month, OFFICER); // billed, never paid
        }

        Claim claim = claims.submit(transport(m.participantId(), 750_000), OFFICER);

        assertThat(claim.eligible()).isFalse();
        assertThat(claim.refusal().code()).isEqualTo("NOT_PROTECTED_JKK");
        assertThat(claim.refusal().legalBasis()).isNotBlank();
        assertThat(claim.member().protectionReason()).isNotEqualTo("status.protected");
        assertThat(claim.lines()).isEmpty();
        Claim v = verified(claim, LocalDate.of(2026, 5, 6));
        assertThatThrownBy(() -> claims.approve(v.id(), v.version(), OFFICER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.issues())
                        .extracting(FieldIssue::code).containsExactly("claim.approve.refused"));
        Claim rejected = claims.reject(v.id(), v.version(), "Iuran Januari-April belum dibayar", OFFICER);
        assertThat(rejected.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(events.stream(ClaimDecided.class)).singleElement().satisfies(e -> assertThat(e.approved())
                .isFalse());
    }

    @Test
    void puTotalDisability_fiftySixWages_plusTwelveMillion() {
        // domain reference §3a: 70% × 80 × wage + Rp12,000,000; PU class 2 at Rp5,000,000 pays Rp477,000 a month
        Membership m = members.pu(YearMonth.of(2026, 1), 5_000_000, 2);
        billAndPay(m, 477_000);

        Claim claim = claims.submit(new ClaimIntake(m.participantId(), "JKK_DISABILITY_TOTAL", "WORK_ACCIDENT",
                LocalDate.of(2026, 4, 2), null, null, null, null, null, null, null, null, null, null), OFFICER);

        assertThat(claim.member().segment()).isEqualTo("PU");
        assertThat(claim.lines()).extracting(Claim.Line::amount).containsExactly(280_000_000L, 12_000_000L);
        assertThat(claim.total()).isEqualTo(292_000_000);
    }

    @Test
    void officersDecidingAtOnce_exactlyOneWins() throws Exception {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billAndPay(m, 16_800);
        Claim v = verified(claims.submit(transport(m.participantId(), 750_000), OFFICER), LocalDate.of(2026, 5, 6));
        assertThat(v.total()).isEqualTo(750_000);

        int officers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(officers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < officers; i++) {
            LindungUser officer = new LindungUser("petugas." + i, "Petugas " + i, Role.OFFICER, RegionScope.of("61"));
            boolean approve = i % 2 == 0;
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    if (approve) {
                        claims.approve(v.id(), v.version(), officer);
                    } else {
                        claims.reject(v.id(), v.version(), "Kuitansi tidak sah", officer);
                    }
                    return "won";
                } catch (ConflictException e) {
                    return "conflict";
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> f : outcomes) {
            results.add(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).containsOnlyOnce("won").filteredOn("conflict"::equals).hasSize(officers - 1);
        Claim decided = claims.get(v.id(), OFFICER);
        assertThat(decided.status()).isIn(ClaimStatus.APPROVED, ClaimStatus.REJECTED);
        assertThat(decided.version()).isEqualTo(v.version() + 1);
        assertThat(decided.steps()).filteredOn(s -> !s.status().open()).hasSize(1);
        assertThat(events.stream(ClaimDecided.class)).hasSize(1);
    }

    @Test
    void documentsAreCheckedByContentAndSize_andKeptOnce() {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        Claim claim = claims.submit(transport(m.participantId(), 750_000), OFFICER);

        assertThatThrownBy(() -> claims.addDocument(claim.id(), "KWITANSI", "kwitansi.pdf",
                "this is not a PDF".getBytes(StandardCharsets.UTF_8), OFFICER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.issues())
                        .extracting(FieldIssue::field, FieldIssue::code)
                        .containsExactly(org.assertj.core.api.Assertions.tuple("file", "claim.document.content-type")));
        byte[] big = new byte[5000];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThatThrownBy(() -> claims.addDocument(claim.id(), "KWITANSI", "besar.pdf", big, OFFICER))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.issues())
                        .extracting(FieldIssue::code).containsExactly("claim.document.too-large"));
        assertThatThrownBy(() -> claims.addDocument(claim.id(), "FOTO_SELFIE", "a.pdf", PDF, OFFICER))
                .isInstanceOf(InvalidInputException.class);

        claims.addDocument(claim.id(), "KWITANSI", "kwitansi.pdf", PDF, OFFICER);
        Claim twice = claims.addDocument(claim.id(), "KWITANSI", "kwitansi-lagi.pdf", PDF, OFFICER);

        assertThat(twice.documents()).singleElement().satisfies(d -> {
            assertThat(d.contentType()).isEqualTo("application/pdf");
            assertThat(d.sha256()).hasSize(64);
            assertThat(d.sizeBytes()).isEqualTo(PDF.length);
        });
        assertThat(claims.document(claim.id(), twice.documents().get(0).id(), OFFICER).content()).isEqualTo(PDF);
    }

    @Test
    void aStaleVersionIsAConflict_andAnotherRegionSeesNothing() {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000, Programme.JHT);
        Claim claim = claims.submit(transport(m.participantId(), 750_000), OFFICER);
        Claim assigned = claims.assign(claim.id(), claim.version(), OFFICER);

        assertThatThrownBy(() -> claims.assign(claim.id(), claim.version(), SECOND))
                .isInstanceOf(ConflictException.class);
        assertThat(assigned.assignedTo()).isEqualTo(OFFICER.username());
        assertThat(claims.queue(null, true, null, 0, 20, OFFICER).items()).extracting(ClaimSummary::id)
                .containsExactly(claim.id());
        assertThat(claims.queue(null, true, null, 0, 20, SECOND).items()).isEmpty();
        assertThat(claims.queue(null, false, "budi", 0, 20, SECOND).items()).hasSize(1);
        assertThatThrownBy(() -> claims.get(claim.id(), PONTIANAK)).isInstanceOf(NotFoundException.class);
        assertThat(claims.queue(null, false, null, 0, 20, PONTIANAK).total()).isZero();
    }
}
