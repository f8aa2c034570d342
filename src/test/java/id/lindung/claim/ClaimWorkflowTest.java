package id.lindung.claim;

import static id.lindung.contribution.Members.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.claim.workflow.ClaimAction;
import id.lindung.claim.workflow.ClaimWorkflow;
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
import id.lindung.support.Intakes;
import id.lindung.support.Truncate;
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

    static final LindungUser SECOND = new LindungUser("petugas.dua", "Petugas Dua", Role.OFFICER, RegionScope.of("61"));
    static final LindungUser PONTIANAK =
            new LindungUser("petugas.ptk", "Petugas Pontianak", Role.OFFICER, RegionScope.of("61.71"));
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final AtomicInteger KEYS = new AtomicInteger();

    @Autowired
    ClaimManagement claims;

    @Autowired
    ClaimWorkflow workflow;

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
        Truncate.tables(
                jdbc,
                "claim_step, claim_document, claim_scholarship, claim_line, claim, late_fine,"
                        + " payment_allocation, payment, payment_file, bill_line, bill, billing_run, membership_base,"
                        + " membership, construction_project, employer");
        members = new Members(participants, enrolment);
    }

    /** Pays January to June 2026 ahead on 10 January, then bills those months: protected through June. */
    private void billAndPay(Membership m, long monthly) {
        Members.payFirstHalf2026AheadAndBill(m, monthly, "CLAIM-TEST-" + KEYS.incrementAndGet(), payments, billing);
    }

    private static ClaimIntake death(
            long participantId, String cause, LocalDate date, List<ClaimIntake.ChildItem> children) {
        return Intakes.death(participantId, cause, date, children);
    }

    private static ClaimIntake transport(long participantId, long amount) {
        return Intakes.landTransport(participantId, LocalDate.of(2026, 5, 4), "Ambulans ke RSUD Agoesdjam", amount);
    }

    private Claim verified(Claim claim, LocalDate documentsComplete) {
        Claim withDocument =
                claims.addDocument(ClaimId.of(claim.id()), "LAPORAN_KECELAKAAN", "laporan.pdf", PDF, OFFICER);
        return claims.verify(ClaimId.of(claim.id()), withDocument.version(), documentsComplete, OFFICER);
    }

    @Test
    void bpuAtOneMillionDyingInAWorkAccident_getsSeventyMillion_afterTwoOfficers_andLateCompensation() {
        // domain reference §3a: 48 × wage (60% × 80) + funeral Rp10,000,000 + periodic benefit Rp12,000,000
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billAndPay(m, 16_800);

        Claim claim =
                claims.submit(death(m.participantId(), "WORK_ACCIDENT", LocalDate.of(2026, 5, 10), List.of()), OFFICER);

        assertThat(claim.kind()).isEqualTo("JKK_DEATH");
        assertThat(claim.claimNumber()).matches("KLM-2026-\\d{6}");
        assertThat(claim.membershipId()).isEqualTo(m.id());
        assertThat(claim.member().jkkProtected()).isTrue();
        assertThat(claim.member().wage()).isEqualTo(1_000_000);
        assertThat(claim.member().contributionMonths()).isEqualTo(5); // January to May, the month of the event
        assertThat(claim.lines()).extracting(Claim.Line::amount).containsExactly(48_000_000L, 12_000_000L, 10_000_000L);
        assertThat(claim.total()).isEqualTo(70_000_000);
        assertThat(claim.lines().get(0).legalBasis()).contains("PP 82/2019");

        // documents complete on Wednesday 20 May 2026: 7 working days, skipping 27 May (Idul Adha) and 1 June
        // (Pancasila) from the holiday calendar, end on Tuesday 2 June
        Claim v = verified(claim, LocalDate.of(2026, 5, 20));
        assertThat(v.status()).isEqualTo(ClaimStatus.VERIFIED);
        assertThat(v.dueDate()).isEqualTo(LocalDate.of(2026, 6, 2));

        Claim first = claims.approve(ClaimId.of(v.id()), v.version(), OFFICER);
        assertThat(first.status()).isEqualTo(ClaimStatus.AWAITING_SECOND);
        assertThat(events.stream(ClaimDecided.class)).isEmpty();
        assertThatThrownBy(() -> claims.approve(ClaimId.of(v.id()), first.version(), OFFICER))
                .isInstanceOfSatisfying(
                        ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("claim.four-eyes.same-officer"));
        Claim approved = claims.approve(ClaimId.of(v.id()), first.version(), SECOND);
        assertThat(approved.status()).isEqualTo(ClaimStatus.APPROVED);
        assertThat(approved.firstApprover()).isEqualTo(OFFICER.username());
        assertThat(approved.decidedBy()).isEqualTo(SECOND.username());
        assertThat(events.stream(ClaimDecided.class))
                .singleElement()
                .satisfies(e -> assertThat(e.total()).isEqualTo(70_000_000));

        // paid on Friday 5 June: 3 days late → 1% × Rp70,000,000 × 3 (PP 44/2015 art. 37)
        Claim paid = claims.recordPayment(
                ClaimId.of(v.id()), approved.version(), LocalDate.of(2026, 6, 5), "TRF-778", OFFICER);
        assertThat(paid.status()).isEqualTo(ClaimStatus.PAID);
        assertThat(paid.lateDays()).isEqualTo(3);
        assertThat(paid.lateAmount()).isEqualTo(2_100_000);
        assertThat(paid.total())
                .isEqualTo(72_100_000)
                .isEqualTo(paid.lines().stream().mapToLong(Claim.Line::amount).sum());
        assertThat(paid.steps())
                .extracting(Claim.Step::status)
                .containsExactly(
                        ClaimStatus.SUBMITTED,
                        ClaimStatus.VERIFIED,
                        ClaimStatus.AWAITING_SECOND,
                        ClaimStatus.APPROVED,
                        ClaimStatus.PAID);
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
        Claim claim =
                claims.submit(death(m.participantId(), "WORK_ACCIDENT", LocalDate.of(2026, 5, 10), children), OFFICER);
        assertThat(claim.scholarship())
                .extracting(Claim.ScholarshipYear::childName)
                .containsOnly("Rina", "Dodi");
        assertThat(claim.scholarship().stream()
                        .mapToLong(Claim.ScholarshipYear::amount)
                        .sum())
                .isLessThanOrEqualTo(174_000_000);
        assertThat(claim.scholarshipNotes()).singleElement().satisfies(n -> {
            assertThat(n.childName()).isEqualTo("Agus");
            assertThat(n.code()).isEqualTo("SCHOLARSHIP_MAX_CHILDREN");
        });
        Claim v = verified(claim, LocalDate.of(2026, 5, 20));
        Claim first = claims.approve(ClaimId.of(v.id()), v.version(), OFFICER);
        claims.approve(ClaimId.of(v.id()), first.version(), SECOND);

        var paid = claims.scholarshipYear(
                ClaimId.of(v.id()), new ScholarshipYearRequest("child-1", "SD", 2026, false, false), OFFICER);
        var again = claims.scholarshipYear(
                ClaimId.of(v.id()), new ScholarshipYearRequest("child-1", "SD", 2026, false, false), OFFICER);
        var married = claims.scholarshipYear(
                ClaimId.of(v.id()), new ScholarshipYearRequest("child-2", "SD", 2026, true, false), OFFICER);

        assertThat(paid.amount()).isEqualTo(1_500_000);
        assertThat(paid.refusal()).isNull();
        assertThat(again.amount()).isZero();
        assertThat(again.refusal().code()).isEqualTo("SCHOLARSHIP_YEAR_ALREADY_PAID");
        assertThat(married.refusal().code()).isEqualTo("SCHOLARSHIP_MARRIED");
        assertThat(claims.get(ClaimId.of(v.id()), OFFICER).scholarshipPaid())
                .singleElement()
                .satisfies(p -> assertThat(p.amount()).isEqualTo(1_500_000));
    }

    @Test
    void theSameBpuDyingOfIllness_getsFortyTwoMillion_andNoScholarshipBeforeThreeYears() {
        // domain reference §3b: Rp20,000,000 + Rp12,000,000 + Rp10,000,000; scholarship only after 36 months paid
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billAndPay(m, 16_800);
        List<ClaimIntake.ChildItem> children =
                List.of(new ClaimIntake.ChildItem("Rina", LocalDate.of(2016, 3, 1), "SD", 4, false, false, false));

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
        for (YearMonth month = YearMonth.of(2026, 1);
                !month.isAfter(YearMonth.of(2026, 3));
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
        assertThatThrownBy(() -> claims.approve(ClaimId.of(v.id()), v.version(), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::code)
                                .containsExactly("claim.approve.refused"));
        Claim rejected = claims.reject(ClaimId.of(v.id()), v.version(), "Iuran Januari-April belum dibayar", OFFICER);
        assertThat(rejected.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(events.stream(ClaimDecided.class))
                .singleElement()
                .satisfies(e -> assertThat(e.approved()).isFalse());
    }

    @Test
    void puTotalDisability_fiftySixWages_plusTwelveMillion() {
        // domain reference §3a: 70% × 80 × wage + Rp12,000,000; PU class 2 at Rp5,000,000 pays Rp477,000 a month
        Membership m = members.pu(YearMonth.of(2026, 1), 5_000_000, 2);
        billAndPay(m, 477_000);

        Claim claim = claims.submit(
                Intakes.workAccident(m.participantId(), "JKK_DISABILITY_TOTAL", LocalDate.of(2026, 4, 2)), OFFICER);

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
                        claims.approve(ClaimId.of(v.id()), v.version(), officer);
                    } else {
                        claims.reject(ClaimId.of(v.id()), v.version(), "Kuitansi tidak sah", officer);
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

        assertThat(results)
                .containsOnlyOnce("won")
                .filteredOn("conflict"::equals)
                .hasSize(officers - 1);
        Claim decided = claims.get(ClaimId.of(v.id()), OFFICER);
        assertThat(decided.status()).isIn(ClaimStatus.APPROVED, ClaimStatus.REJECTED);
        assertThat(decided.version()).isEqualTo(v.version() + 1);
        assertThat(decided.steps()).filteredOn(s -> !s.status().open()).hasSize(1);
        assertThat(events.stream(ClaimDecided.class)).hasSize(1);
    }

    @Test
    void documentsAreCheckedByContentAndSize_andKeptOnce() {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        Claim claim = claims.submit(transport(m.participantId(), 750_000), OFFICER);

        assertThatThrownBy(() -> claims.addDocument(
                        ClaimId.of(claim.id()),
                        "KWITANSI",
                        "kwitansi.pdf",
                        "this is not a PDF".getBytes(StandardCharsets.UTF_8),
                        OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code)
                                .containsExactly(
                                        org.assertj.core.api.Assertions.tuple("file", "claim.document.content-type")));
        byte[] big = new byte[5000];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertThatThrownBy(() -> claims.addDocument(ClaimId.of(claim.id()), "KWITANSI", "besar.pdf", big, OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::code)
                                .containsExactly("claim.document.too-large"));
        assertThatThrownBy(() -> claims.addDocument(ClaimId.of(claim.id()), "FOTO_SELFIE", "a.pdf", PDF, OFFICER))
                .isInstanceOf(InvalidInputException.class);

        claims.addDocument(ClaimId.of(claim.id()), "KWITANSI", "kwitansi.pdf", PDF, OFFICER);
        Claim twice = claims.addDocument(ClaimId.of(claim.id()), "KWITANSI", "kwitansi-lagi.pdf", PDF, OFFICER);

        assertThat(twice.documents()).singleElement().satisfies(d -> {
            assertThat(d.contentType()).isEqualTo("application/pdf");
            assertThat(d.sha256()).hasSize(64);
            assertThat(d.sizeBytes()).isEqualTo(PDF.length);
        });
        assertThat(claims.document(
                                ClaimId.of(claim.id()), twice.documents().get(0).id(), OFFICER)
                        .content())
                .isEqualTo(PDF);
    }

    @Test
    void aStaleVersionIsAConflict_andAnotherRegionSeesNothing() {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000, Programme.JHT);
        Claim claim = claims.submit(transport(m.participantId(), 750_000), OFFICER);
        Claim assigned = claims.assign(ClaimId.of(claim.id()), claim.version(), OFFICER);

        assertThatThrownBy(() -> claims.assign(ClaimId.of(claim.id()), claim.version(), SECOND))
                .isInstanceOf(ConflictException.class);
        assertThat(assigned.assignedTo()).isEqualTo(OFFICER.username());
        assertThat(claims.queue(null, true, null, 0, 20, OFFICER).items())
                .extracting(ClaimSummary::id)
                .containsExactly(claim.id());
        assertThat(claims.queue(null, true, null, 0, 20, SECOND).items()).isEmpty();
        assertThat(claims.queue(null, false, "budi", 0, 20, SECOND).items()).hasSize(1);
        assertThatThrownBy(() -> claims.get(ClaimId.of(claim.id()), PONTIANAK)).isInstanceOf(NotFoundException.class);
        assertThat(claims.queue(null, false, null, 0, 20, PONTIANAK).total()).isZero();
    }

    /**
     * A refused step changes nothing (issue 17, point 6): a death claim above the four-eyes threshold is walked through
     * its states (no document, a document, verified, first approval, approved with the death recorded, paid), and at
     * each, for five people (two officers, an agent, an analyst, an officer through an API token), every step is tried
     * that the workflow must refuse: the steps not offered to them with a valid input, the offered ones with an invalid
     * input. Each is refused, and the claim, its history, documents, lines, scholarship years, the death it recorded,
     * the participant, their memberships, the audit trail and the announced decisions are as before.
     */
    @Test
    void aRefusedStepChangesNothing() {
        Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
        billAndPay(m, 16_800);
        ClaimId id = ClaimId.of(claims.submit(
                        death(
                                m.participantId(),
                                "WORK_ACCIDENT",
                                LocalDate.of(2026, 5, 10),
                                List.of(new ClaimIntake.ChildItem(
                                        "Rina", LocalDate.of(2016, 3, 1), "SD", 4, false, false, false))),
                        OFFICER)
                .id());
        LindungUser agent = new LindungUser("agen.uji", "Agen Uji", Role.AGENT, RegionScope.of("61"));
        LindungUser analyst = new LindungUser("analis.uji", "Analis Uji", Role.GOV_ANALYST, RegionScope.of("61"));
        LindungUser token = new LindungUser(
                OFFICER.username(),
                OFFICER.displayName(),
                Role.OFFICER,
                OFFICER.scope(),
                new LindungUser.ViaToken(1, "mesin"));
        List<LindungUser> people = List.of(OFFICER, SECOND, agent, analyst, token);
        List<Runnable> moveOn = List.of(
                () -> claims.addDocument(id, "SURAT_KEMATIAN", "akta.pdf", PDF, OFFICER),
                () -> claims.verify(id, claims.get(id, OFFICER).version(), LocalDate.of(2026, 5, 20), OFFICER),
                () -> claims.approve(id, claims.get(id, OFFICER).version(), OFFICER),
                () -> claims.approve(id, claims.get(id, OFFICER).version(), SECOND),
                () -> claims.recordPayment(
                        id, claims.get(id, OFFICER).version(), LocalDate.of(2026, 6, 1), "TRF-1", OFFICER),
                () -> {});
        int refused = 0;
        for (Runnable next : moveOn) {
            Claim c = claims.get(id, OFFICER);
            for (LindungUser by : people) {
                ClaimManagement.Steps steps = workflow.mayRead(by) ? claims.steps(c, by) : null;
                for (ClaimAction.Kind kind : ClaimAction.Kind.values()) {
                    boolean offered = steps != null && steps.offers(kind);
                    Runnable attempt = attempt(kind, c, by, !offered);
                    if (attempt == null) {
                        continue; // offered, and no input that could be wrong: it would be done
                    }
                    String before = snapshot(c, m);
                    long announced = events.stream(ClaimDecided.class).count();
                    assertThatThrownBy(attempt::run)
                            .as("%s by %s on a %s claim", kind, by.username(), c.status())
                            .isInstanceOfAny(
                                    InvalidInputException.class,
                                    ForbiddenException.class,
                                    ConflictException.class,
                                    NotFoundException.class);
                    assertThat(snapshot(c, m))
                            .as("%s by %s refused", kind, by.username())
                            .isEqualTo(before);
                    assertThat(events.stream(ClaimDecided.class).count()).isEqualTo(announced);
                    refused++;
                }
            }
            next.run();
        }
        assertThat(claims.get(id, OFFICER).status()).isEqualTo(ClaimStatus.PAID);
        assertThat(refused).isGreaterThan(200);
    }

    /** Step {@code kind} on {@code c} by {@code by}: with a valid input, or an invalid one; null when it has none. */
    private Runnable attempt(ClaimAction.Kind kind, Claim c, LindungUser by, boolean valid) {
        ClaimId id = ClaimId.of(c.id());
        int v = c.version();
        return switch (kind) {
            case ADD_DOCUMENT ->
                () -> claims.addDocument(
                        id, "KWITANSI", "k.pdf", valid ? PDF : "bukan PDF".getBytes(StandardCharsets.UTF_8), by);
            case ASSIGN -> valid ? () -> claims.assign(id, v, by) : null;
            case VERIFY -> () -> claims.verify(id, v, valid ? LocalDate.of(2026, 5, 20) : LocalDate.of(2027, 1, 1), by);
            case CHOOSE_CHILDREN -> () -> claims.chooseChildren(id, v, List.of(valid ? "child-1" : "child-9"), by);
            case APPROVE -> valid ? () -> claims.approve(id, v, by) : null;
            case REJECT -> () -> claims.reject(id, v, valid ? "Akta tidak sah" : " ", by);
            case PAY -> () -> claims.recordPayment(id, v, LocalDate.of(2026, 6, 1), valid ? "TRF-2" : null, by);
            case CORRECT_DEATH -> () -> claims.correctDeath(id, valid ? "Salah orang" : "", by);
            case SCHOLARSHIP_YEAR ->
                () -> claims.scholarshipYear(
                        id, new ScholarshipYearRequest(valid ? "child-1" : "child-9", "SD", 2026, false, false), by);
        };
    }

    /** Everything a step could write about the claim, its person and the audit trail. */
    private String snapshot(Claim c, Membership m) {
        return jdbc.sql("""
                SELECT (SELECT row_to_json(x)::text FROM claim x WHERE x.id = :id)
                       || (SELECT count(*) FROM claim_step WHERE claim_id = :id)
                       || '/' || (SELECT count(*) FROM claim_document WHERE claim_id = :id)
                       || '/' || (SELECT count(*) FROM claim_line WHERE claim_id = :id)
                       || '/' || (SELECT count(*) FROM claim_scholarship WHERE claim_id = :id)
                       || '/' || (SELECT count(*) FROM claim_scholarship_payment WHERE claim_id = :id)
                       || '/' || coalesce((SELECT string_agg(row_to_json(d)::text, ',') FROM claim_death d
                                            WHERE d.claim_id = :id), '-')
                       || '/' || (SELECT row_to_json(p)::text FROM participant p WHERE p.id = :participant)
                       || '/' || (SELECT string_agg(row_to_json(s)::text, ',' ORDER BY s.id) FROM membership s
                                   WHERE s.participant_id = :participant)
                       || '/' || (SELECT count(*) FROM audit_log WHERE entity_type = 'claim'
                                   AND entity_id = CAST(:id AS text))""")
                .param("id", c.id())
                .param("participant", m.participantId())
                .query(String.class)
                .single();
    }
}
