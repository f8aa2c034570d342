package id.lindung.claim;

import static id.lindung.contribution.Members.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.BillingRuns;
import id.lindung.contribution.Members;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.shared.CodedException;
import id.lindung.shared.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Random sequences of claims for one person (fixed seed): deaths of either kind, claims on one accident (STMB, partial
 * and total disability, JKK death on the accident day), decisions by two officers, rejections and death corrections,
 * through the workflow on the real database. After every step: no person has two approved deaths, no accident case two
 * approved lump sums, and the person is DECEASED exactly while an approved death is in force.
 */
@SpringBootTest(properties = {"lindung.claim.four-eyes-threshold=50000000", "lindung.claim.document-max-bytes=4096"})
@ActiveProfiles("test")
class OneEventPaysOnceSequencesTest {

    private static final LindungUser SECOND =
            new LindungUser("petugas.dua", "Petugas Dua", Role.OFFICER, RegionScope.of("61"));
    private static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    private static final LocalDate ACCIDENT = LocalDate.of(2026, 5, 4);
    private static final long SEED = 20_261_207L;
    private static final int PEOPLE = 10;
    private static final int STEPS = 8;

    @Autowired
    ClaimManagement claims;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    Payments payments;

    @Autowired
    BillingRuns billing;

    @Autowired
    JdbcClient jdbc;

    private static ClaimIntake intake(long participant, String kind, String cause, LocalDate date) {
        return new ClaimIntake(
                participant,
                kind,
                cause,
                date,
                null,
                null,
                null,
                kind.equals("JKK_STMB") ? 3 : null,
                kind.equals("JKK_DISABILITY_PARTIAL_ANATOMICAL") ? List.of("ARM_R_SHOULDER") : null,
                null,
                null,
                List.of(new ClaimIntake.Heir("Siti", "SPOUSE", null, "BRI 1")),
                null,
                null);
    }

    private ClaimIntake randomIntake(Random r, long participant) {
        return switch (r.nextInt(6)) {
            case 0 -> intake(participant, "DEATH", "OTHER", ACCIDENT.plusDays(r.nextInt(3)));
            case 1 -> intake(participant, "DEATH", "WORK_ACCIDENT", r.nextBoolean() ? ACCIDENT : ACCIDENT.plusDays(5));
            case 2 -> intake(participant, "JKK_DISABILITY_TOTAL", "WORK_ACCIDENT", ACCIDENT);
            case 3 -> intake(participant, "JKK_DISABILITY_PARTIAL_ANATOMICAL", "WORK_ACCIDENT", ACCIDENT);
            default -> intake(participant, "JKK_STMB", "WORK_ACCIDENT", ACCIDENT);
        };
    }

    /** Documents, verification and approval by as many officers as it takes. */
    private void decide(Claim claim) {
        Claim c = claims.addDocument(ClaimId.of(claim.id()), "LAINNYA", "dok.pdf", PDF, OFFICER);
        if (c.status() == ClaimStatus.SUBMITTED) {
            c = claims.verify(ClaimId.of(c.id()), c.version(), LocalDate.of(2026, 5, 20), OFFICER);
        }
        c = claims.approve(ClaimId.of(c.id()), c.version(), OFFICER);
        if (c.status() == ClaimStatus.AWAITING_SECOND) {
            claims.approve(ClaimId.of(c.id()), c.version(), SECOND);
        }
    }

    @Test
    void randomSequencesNeverPayADeathOrALumpSumTwice() {
        Random r = new Random(SEED);
        Members members = new Members(participants, enrolment);
        int refused = 0;
        int approved = 0;
        for (int person = 0; person < PEOPLE; person++) {
            Membership m = members.bpu(YearMonth.of(2026, 1), 1_000_000);
            Members.payFirstHalf2026AheadAndBill(m, 16_800, "SEQ-" + SEED + "-" + person, payments, billing);
            long p = m.participantId();
            List<String> log = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                List<Claim> mine = claims.ofParticipant(ParticipantId.of(p), OFFICER);
                List<Claim> open = mine.stream().filter(c -> c.status().open()).toList();
                int action = r.nextInt(10);
                try {
                    if (action < 4 || open.isEmpty() && action < 8) {
                        ClaimIntake in = randomIntake(r, p);
                        Claim c = claims.submit(in, OFFICER);
                        log.add("submit " + c.kind() + " " + c.claimNumber()
                                + (c.eligible() ? "" : " refused " + c.refusal().code()));
                    } else if (action < 8) {
                        Claim c = open.get(r.nextInt(open.size()));
                        log.add("decide " + c.claimNumber());
                        decide(c);
                        approved++;
                    } else if (action == 8 && !open.isEmpty()) {
                        Claim c = open.get(r.nextInt(open.size()));
                        log.add("reject " + c.claimNumber());
                        claims.reject(ClaimId.of(c.id()), c.version(), "acak", OFFICER);
                    } else {
                        Claim dead = mine.stream()
                                .filter(c -> c.death() != null && c.death().inForce())
                                .findFirst()
                                .orElse(null);
                        if (dead != null) {
                            log.add("correct " + dead.claimNumber());
                            claims.correctDeath(ClaimId.of(dead.id()), "koreksi acak", OFFICER);
                        }
                    }
                } catch (CodedException | InvalidInputException e) {
                    log.add("  refused: " + e.getMessage());
                    refused++;
                }
                check(p, "seed " + SEED + " person " + person + " step " + step + ": " + log);
            }
        }
        // the sequences did reach the interesting states
        assertThat(refused).isPositive();
        assertThat(approved).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM claim_death WHERE corrected_at IS NOT NULL")
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM claim WHERE refusal_code = 'LUMP_SUM_ALREADY_IN_CASE'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private void check(long participant, String what) {
        assertThat(jdbc.sql("""
                SELECT count(*) FROM claim WHERE participant_id = ? AND kind IN ('JKK_DEATH', 'JKM_DEATH')
                   AND status IN ('APPROVED', 'PAID', 'AWAITING_SECOND')""").param(participant).query(Long.class).single())
                .as(what)
                .isLessThanOrEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM claim
                 WHERE participant_id = ? AND kind IN ('JKK_DISABILITY_PARTIAL_ANATOMICAL',
                       'JKK_DISABILITY_PARTIAL_FUNCTIONAL', 'JKK_DISABILITY_TOTAL', 'JKK_DEATH')
                   AND status IN ('APPROVED', 'PAID', 'AWAITING_SECOND') GROUP BY case_number) x""").param(participant).query(Long.class).single())
                .as(what)
                .isLessThanOrEqualTo(1);
        boolean inForce = jdbc.sql("SELECT count(*) FROM claim_death WHERE participant_id = ? AND corrected_at IS NULL")
                        .param(participant)
                        .query(Long.class)
                        .single()
                == 1;
        assertThat(participants
                        .get(ParticipantId.of(participant), OFFICER)
                        .status()
                        .name())
                .as(what)
                .isEqualTo(inForce ? "DECEASED" : "ACTIVE");
    }
}
