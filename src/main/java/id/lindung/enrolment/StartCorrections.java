package id.lindung.enrolment;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.shared.ConflictException;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.ForbiddenException;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving a membership's start back beyond what the enrolling role may do (four eyes): an officer or administrator
 * requests the earlier start with a reason; a second one — never the requester — approves or rejects it. Approved,
 * the start moves, the first declared income or wage applies from the new start, and {@link MembershipStartMoved}
 * tells the contribution ledger to bill the months in between: back-dating is arrears, not protection (the months
 * before the registration day are covered only when paid). Wage earners (PU) and BPU members only: a construction
 * project or a migrant worker's contract has its own dates. Every step is audited.
 */
@Service
public class StartCorrections {

    private static final int MIN_REASON = 10;
    private static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final EnrolmentManagement enrolment;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final EnrolmentPolicy policy;

    StartCorrections(
            JdbcClient jdbc,
            EnrolmentManagement enrolment,
            AuditTrail audit,
            ApplicationEventPublisher events,
            EnrolmentPolicy policy) {
        this.policy = policy;
        this.jdbc = jdbc;
        this.enrolment = enrolment;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public StartCorrection request(
            MembershipId membership, @Nullable YearMonth start, @Nullable String reason, LindungUser by) {
        policy.requireOfficer(by);
        by.requireSignedInAsThemselves("start-correction.signed-in"); // both eyes are people, never a token
        Membership m = enrolment.membership(membership, by);
        List<FieldIssue> issues = new ArrayList<>();
        if (m.segment() != Segment.PU && m.segment() != Segment.BPU) {
            issues.add(FieldIssue.error(
                    "startMonth", "start-correction.segment", m.segment().name()));
        }
        if (start == null) {
            issues.add(FieldIssue.error("startMonth", "field.required"));
        } else if (!start.isBefore(m.startMonth())) {
            issues.add(FieldIssue.error(
                    "startMonth", "start-correction.not-earlier", m.startMonth().toString()));
        } else if (start.isBefore(MembershipRules.EARLIEST_START)) {
            issues.add(FieldIssue.error(
                    "startMonth", "enrolment.start.too-early", MembershipRules.EARLIEST_START.toString()));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < MIN_REASON) {
            issues.add(FieldIssue.error("reason", "start-correction.reason", MIN_REASON));
        } else if (why.length() > MAX_REASON) {
            issues.add(FieldIssue.error("reason", "field.too-long", MAX_REASON));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO membership_start_correction (membership_id, previous_start, requested_start, reason,
                                                             requested_by)
                    VALUES (?, ?, ?, ?, ?) RETURNING id""")
                    .params(m.id(), month(m.startMonth()), month(Objects.requireNonNull(start)), why, by.username())
                    .query(Long.class)
                    .single();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("start-correction.pending");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("membershipId", m.id());
        values.put("previousStart", m.startMonth().toString());
        values.put("requestedStart", String.valueOf(start));
        values.put("reason", why);
        audit.record(
                "START_CORRECTION_REQUESTED", "membership_start_correction", Long.toString(id), m.regionCode(), values);
        return find(id).orElseThrow();
    }

    @Transactional
    public StartCorrection approve(long correctionId, LindungUser by) {
        StartCorrection c = pending(correctionId, by);
        if (c.requestedBy().equals(by.username())) {
            throw new ForbiddenException("start-correction.same-officer");
        }
        Membership m = enrolment.membership(MembershipId.of(c.membershipId()), by);
        if (!m.startMonth().equals(c.previousStart())) {
            throw new ConflictException("start-correction.stale", m.startMonth().toString());
        }
        jdbc.sql("UPDATE membership SET start_month = ?, version = version + 1 WHERE id = ?")
                .params(month(c.requestedStart()), m.id())
                .update();
        // the first income or wage applies from the new start
        jdbc.sql("""
                UPDATE membership_base SET effective_from = ?
                 WHERE membership_id = ? AND effective_from = (SELECT min(effective_from) FROM membership_base
                                                                WHERE membership_id = ?)""").params(month(c.requestedStart()), m.id(), m.id()).update();
        decide(c, "APPROVED", by);
        events.publishEvent(new MembershipStartMoved(MembershipId.of(m.id()), c.previousStart(), c.requestedStart()));
        return find(correctionId).orElseThrow();
    }

    @Transactional
    public StartCorrection reject(long correctionId, LindungUser by) {
        StartCorrection c = pending(correctionId, by);
        decide(c, "REJECTED", by);
        return find(correctionId).orElseThrow();
    }

    /** The corrections of a membership the caller may see, newest first. */
    public List<StartCorrection> ofMembership(MembershipId membership, LindungUser by) {
        enrolment.membership(membership, by);
        return jdbc.sql("SELECT * FROM membership_start_correction WHERE membership_id = ? ORDER BY id DESC")
                .param(membership.value())
                .query(StartCorrections::row)
                .list();
    }

    private StartCorrection pending(long correctionId, LindungUser by) {
        policy.requireOfficer(by);
        by.requireSignedInAsThemselves("start-correction.signed-in"); // both eyes are people, never a token
        StartCorrection c = find(correctionId).orElseThrow(() -> new NotFoundException("start correction"));
        enrolment.membership(MembershipId.of(c.membershipId()), by); // not found outside the caller's scope
        if (!c.status().equals("PENDING")) {
            throw new ConflictException("start-correction.decided", c.status());
        }
        return c;
    }

    private void decide(StartCorrection c, String status, LindungUser by) {
        int changed = jdbc.sql("""
                UPDATE membership_start_correction SET status = ?, decided_by = ?, decided_at = lindung_now()
                 WHERE id = ? AND status = 'PENDING'""").params(status, by.username(), c.id()).update();
        if (changed != 1) {
            throw new ConflictException("start-correction.decided", status);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("membershipId", c.membershipId());
        values.put("requestedStart", c.requestedStart().toString());
        values.put("requestedBy", c.requestedBy());
        String region = jdbc.sql("SELECT region_code FROM membership WHERE id = ?")
                .param(c.membershipId())
                .query(String.class)
                .single();
        audit.record(
                "START_CORRECTION_" + status, "membership_start_correction", Long.toString(c.id()), region, values);
    }

    private java.util.Optional<StartCorrection> find(long id) {
        return jdbc.sql("SELECT * FROM membership_start_correction WHERE id = ?")
                .param(id)
                .query(StartCorrections::row)
                .optional();
    }

    private static StartCorrection row(ResultSet rs, int n) throws SQLException {
        return new StartCorrection(
                rs.getLong("id"),
                rs.getLong("membership_id"),
                YearMonth.from(rs.getDate("previous_start").toLocalDate()),
                YearMonth.from(rs.getDate("requested_start").toLocalDate()),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(),
                rs.getString("decided_by"),
                rs.getTimestamp("decided_at") == null
                        ? null
                        : rs.getTimestamp("decided_at").toInstant());
    }

    private static Date month(YearMonth m) {
        return Date.valueOf(m.atDay(1));
    }
}
