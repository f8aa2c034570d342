package id.lindung.claim.internal;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.claim.Claim;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.ParticipantStatus;
import id.lindung.shared.ConflictException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an approved death does outside the claim, and its correction. Recording: the participant becomes DECEASED
 * (participant module) and every membership running past the month of death ends DECEASED as of that month
 * (enrolment module: {@code MembershipEnded}, so billing stops and coverage and the KUR match follow); what was there
 * before is kept in {@code claim_death}. Reversing (an officer's audited correction with a reason) puts back exactly
 * that. Called inside the claim's transaction: all of it commits with the approval, or nothing.
 */
@Component
public class DeathRecords {

    private final JdbcClient jdbc;
    private final ParticipantManagement participants;
    private final EnrolmentManagement enrolment;
    private final AuditTrail audit;

    DeathRecords(JdbcClient jdbc, ParticipantManagement participants, EnrolmentManagement enrolment, AuditTrail audit) {
        this.jdbc = jdbc;
        this.participants = participants;
        this.enrolment = enrolment;
        this.audit = audit;
    }

    /** The death a claim recorded, if any (also once corrected). */
    public Optional<Claim.Death> of(long claimId) {
        return jdbc.sql("""
                SELECT d.id, d.date_of_death, d.recorded_by, d.recorded_at, d.corrected_by, d.corrected_at,
                       d.correction_reason,
                       ARRAY(SELECT m.membership_id FROM claim_death_membership m WHERE m.death_id = d.id
                              ORDER BY m.membership_id) AS memberships
                  FROM claim_death d WHERE d.claim_id = ? ORDER BY d.id DESC LIMIT 1""")
                .param(claimId)
                .query((rs, n) -> new Claim.Death(
                        rs.getDate("date_of_death").toLocalDate(),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("corrected_by"),
                        rs.getTimestamp("corrected_at") == null
                                ? null
                                : rs.getTimestamp("corrected_at").toInstant(),
                        rs.getString("correction_reason"),
                        List.of((Long[]) rs.getArray("memberships").getArray())))
                .optional();
    }

    /** The claim whose death of the participant is in force, if any. */
    public Optional<String> inForce(long participantId) {
        return jdbc.sql("""
                SELECT c.claim_number FROM claim_death d JOIN claim c ON c.id = d.claim_id
                 WHERE d.participant_id = ? AND d.corrected_at IS NULL""").param(participantId).query(String.class).optional();
    }

    /** Marks the participant deceased and ends their memberships as of the month of death. */
    public void record(Claim claim, LindungUser by) {
        LocalDate died = claim.eventDate();
        inForce(claim.participantId()).ifPresent(other -> {
            throw new ConflictException("claim.death.exists", other, "APPROVED");
        });
        Participant p = participants.get(ParticipantId.of(claim.participantId()), by);
        long deathId = jdbc.sql("""
                INSERT INTO claim_death (claim_id, participant_id, date_of_death, previous_status, recorded_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(claim.id(), p.id(), Date.valueOf(died), p.status().name(), by.username())
                .query(Long.class)
                .single();
        Map<String, Object> because = new LinkedHashMap<>();
        because.put("claimNumber", claim.claimNumber());
        because.put("dateOfDeath", died.toString());
        participants.changeStatus(ParticipantId.of(p.id()), ParticipantStatus.DECEASED, because, by);
        List<Membership> ended =
                enrolment.endAllAfter(ParticipantId.of(p.id()), YearMonth.from(died), EndReason.DECEASED, by);
        for (Membership m : ended) {
            jdbc.sql("""
                    INSERT INTO claim_death_membership (death_id, membership_id, previous_end_month,
                                                        previous_end_reason)
                    VALUES (?, ?, ?, ?)""")
                    .params(
                            deathId,
                            m.id(),
                            m.endMonth() == null
                                    ? null
                                    : Date.valueOf(m.endMonth().atDay(1)),
                            m.endReason() == null ? null : m.endReason().name())
                    .update();
        }
        Map<String, Object> values = new LinkedHashMap<>(because);
        values.put("participantId", p.id());
        values.put("membershipsEnded", ended.stream().map(Membership::id).toList());
        audit.record("DEATH_RECORDED", "claim", Long.toString(claim.id()), claim.regionCode(), values);
    }

    /**
     * Puts back the participant's status and each membership's end as they were before the death was recorded.
     *
     * @return whether a death of this claim was in force (false: nothing to correct)
     */
    public boolean reverse(Claim claim, String reason, LindungUser by) {
        Long deathId = jdbc.sql("SELECT id FROM claim_death WHERE claim_id = ? AND corrected_at IS NULL FOR UPDATE")
                .param(claim.id())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (deathId == null) {
            return false;
        }
        String previous = jdbc.sql("SELECT previous_status FROM claim_death WHERE id = ?")
                .param(deathId)
                .query(String.class)
                .single();
        String because = "correction of the death recorded by " + claim.claimNumber() + ": " + reason;
        Map<String, Object> why = new LinkedHashMap<>();
        why.put("claimNumber", claim.claimNumber());
        why.put("correction", reason);
        participants.changeStatus(
                ParticipantId.of(claim.participantId()), ParticipantStatus.valueOf(previous), why, by);
        List<Ended> ended = jdbc.sql("""
                SELECT membership_id, previous_end_month, previous_end_reason FROM claim_death_membership
                 WHERE death_id = ? ORDER BY membership_id""")
                .param(deathId)
                .query((rs, n) -> new Ended(
                        rs.getLong(1),
                        rs.getDate(2) == null
                                ? null
                                : YearMonth.from(rs.getDate(2).toLocalDate()),
                        rs.getString(3) == null ? null : EndReason.valueOf(rs.getString(3))))
                .list();
        for (Ended e : ended) {
            enrolment.restoreEnd(MembershipId.of(e.membershipId()), e.previousEnd(), e.previousReason(), because, by);
        }
        List<Long> restored = ended.stream().map(Ended::membershipId).toList();
        jdbc.sql(
                        "UPDATE claim_death SET corrected_by = ?, corrected_at = lindung_now(), correction_reason = ? WHERE id = ?")
                .params(by.username(), reason, deathId)
                .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("participantId", claim.participantId());
        values.put("reason", reason);
        values.put("status", previous);
        values.put("membershipsRestored", restored);
        audit.record("DEATH_CORRECTED", "claim", Long.toString(claim.id()), claim.regionCode(), values);
        return true;
    }

    private record Ended(
            long membershipId,
            @Nullable YearMonth previousEnd,
            @Nullable EndReason previousReason) {}
}
