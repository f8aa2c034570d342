package id.lindung.enrolment.internal;

import id.lindung.enrolment.Channel;
import id.lindung.enrolment.ConstructionProject;
import id.lindung.enrolment.Employer;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.shared.PageResult;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for employers, construction projects and memberships. Months are stored as their first day. */
@Repository
public class EnrolmentRepository {

    private static final String MEMBERSHIP_COLUMNS = "id, participant_id, employer_id, project_id, segment, channel,"
            + " programmes, sector, government_paid, contract_months, start_month, end_month, end_reason, region_code,"
            + " version, registered_on, membership_number";

    private final JdbcClient jdbc;

    EnrolmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static Date month(YearMonth month) {
        return Date.valueOf(month.atDay(1));
    }

    static @Nullable YearMonth month(@Nullable Date date) {
        return date == null ? null : YearMonth.from(date.toLocalDate());
    }

    // ------------------------------------------------------------------------------------------------ employers

    public long insertEmployer(String npp, String name, int riskClass, @Nullable String kbli, String regionCode) {
        return jdbc.sql("INSERT INTO employer (npp, name, risk_class, kbli, region_code) VALUES (?, ?, ?, ?, ?)"
                        + " RETURNING id")
                .params(npp, name, riskClass, kbli, regionCode)
                .query(Long.class)
                .single();
    }

    public boolean nppTaken(String npp) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM employer WHERE npp = ?)")
                .param(npp)
                .query(Boolean.class)
                .single();
    }

    public Optional<Employer> findEmployer(long id) {
        return jdbc.sql("SELECT id, npp, name, risk_class, kbli, region_code FROM employer WHERE id = ?")
                .param(id)
                .query(EnrolmentRepository::employer)
                .optional();
    }

    public PageResult<Employer> searchEmployers(@Nullable String text, String regionPrefix, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("region_code LIKE ?");
        params.add(regionPrefix + "%");
        if (text != null && !text.isBlank()) {
            where.append(" AND (npp = ? OR upper(name) LIKE ?)");
            params.add(text.trim());
            params.add("%" + text.trim().toUpperCase(java.util.Locale.ROOT).replace("%", "\\%") + "%");
        }
        long total = jdbc.sql("SELECT count(*) FROM employer WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Employer> items = jdbc.sql("SELECT id, npp, name, risk_class, kbli, region_code FROM employer WHERE "
                        + where + " ORDER BY name, id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query(EnrolmentRepository::employer)
                .list();
        return new PageResult<>(items, page, size, total, false);
    }

    private static Employer employer(ResultSet rs, int row) throws SQLException {
        return new Employer(
                rs.getLong("id"),
                rs.getString("npp"),
                rs.getString("name"),
                rs.getInt("risk_class"),
                rs.getString("kbli"),
                rs.getString("region_code"));
    }

    // ------------------------------------------------------------------------------------------------- projects

    public long insertProject(
            long employerId,
            String name,
            long contractValue,
            YearMonth start,
            YearMonth end,
            int workers,
            String regionCode) {
        return jdbc.sql("INSERT INTO construction_project (employer_id, name, contract_value, start_month, end_month,"
                        + " worker_count, region_code) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(employerId, name, contractValue, month(start), month(end), workers, regionCode)
                .query(Long.class)
                .single();
    }

    public Optional<ConstructionProject> findProject(long id) {
        return jdbc.sql("SELECT id, employer_id, name, contract_value, start_month, end_month, worker_count,"
                        + " region_code FROM construction_project WHERE id = ?")
                .param(id)
                .query((rs, n) -> new ConstructionProject(
                        rs.getLong("id"),
                        rs.getLong("employer_id"),
                        rs.getString("name"),
                        rs.getLong("contract_value"),
                        Objects.requireNonNull(month(rs.getDate("start_month"))),
                        Objects.requireNonNull(month(rs.getDate("end_month"))),
                        rs.getInt("worker_count"),
                        rs.getString("region_code")))
                .optional();
    }

    // ---------------------------------------------------------------------------------------------- memberships

    public long insertMembership(
            @Nullable Long participantId,
            @Nullable Long employerId,
            @Nullable Long projectId,
            Segment segment,
            Channel channel,
            Set<Programme> programmes,
            Sector sector,
            boolean governmentPaid,
            @Nullable Integer contractMonths,
            YearMonth start,
            @Nullable YearMonth end,
            @Nullable EndReason reason,
            String regionCode,
            String enrolledBy) {
        return jdbc.sql("INSERT INTO membership (participant_id, employer_id, project_id, segment, channel, programmes,"
                        + " sector, government_paid, contract_months, start_month, end_month, end_reason, region_code,"
                        + " enrolled_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")
                .params(
                        participantId,
                        employerId,
                        projectId,
                        segment.name(),
                        channel.name(),
                        Programme.join(programmes),
                        sector.name(),
                        governmentPaid,
                        contractMonths,
                        month(start),
                        end == null ? null : month(end),
                        reason == null ? null : reason.name(),
                        regionCode,
                        enrolledBy)
                .query(Long.class)
                .single();
    }

    /** Who enrolled a membership (null for memberships from before V51). */
    public @Nullable String enrolledBy(long membershipId) {
        return jdbc.sql("SELECT enrolled_by FROM membership WHERE id = ?")
                .param(membershipId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Sets the amount from a month on (replacing an amount already set for that very month). */
    public void putBase(long membershipId, YearMonth from, long amount) {
        jdbc.sql("INSERT INTO membership_base (membership_id, effective_from, amount) VALUES (?, ?, ?)"
                        + " ON CONFLICT (membership_id, effective_from) DO UPDATE SET amount = excluded.amount,"
                        + " recorded_at = lindung_now()")
                .params(membershipId, month(from), amount)
                .update();
    }

    /** Ends an open membership; false when it was no longer open (someone else ended it). */
    public boolean end(long membershipId, YearMonth lastMonth, EndReason reason) {
        return jdbc.sql(
                                "UPDATE membership SET end_month = ?, end_reason = ?, ended_at = lindung_now(), version = version + 1"
                                        + " WHERE id = ? AND end_month IS NULL")
                        .params(month(lastMonth), reason.name(), membershipId)
                        .update()
                == 1;
    }

    /** Moves the planned end of a contract (PMI, construction) or records an early end. */
    public void reschedule(long membershipId, YearMonth lastMonth, EndReason reason) {
        jdbc.sql("UPDATE membership SET end_month = ?, end_reason = ?, ended_at = lindung_now(), version = version + 1"
                        + " WHERE id = ?")
                .params(month(lastMonth), reason.name(), membershipId)
                .update();
    }

    /** Puts back the end a membership had before (null: open again), as a correction of a recorded death. */
    public void restoreEnd(long membershipId, @Nullable YearMonth endMonth, @Nullable EndReason reason) {
        jdbc.sql(
                        "UPDATE membership SET end_month = ?, end_reason = ?, ended_at = CASE WHEN ? THEN NULL ELSE lindung_now() END,"
                                + " version = version + 1 WHERE id = ?")
                .params(
                        endMonth == null ? null : month(endMonth),
                        reason == null ? null : reason.name(),
                        endMonth == null,
                        membershipId)
                .update();
    }

    public boolean openMembershipExists(long participantId, Segment segment, @Nullable Long employerId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM membership WHERE participant_id = ? AND segment = ?"
                        + " AND coalesce(employer_id, 0) = ? AND end_month IS NULL)")
                .params(participantId, segment.name(), employerId == null ? 0L : employerId)
                .query(Boolean.class)
                .single();
    }

    /** Whether a membership of the segment covers any month of the range (PMI contracts must not overlap). */
    public boolean overlapping(long participantId, Segment segment, YearMonth from, YearMonth to) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM membership WHERE participant_id = ? AND segment = ?"
                        + " AND start_month <= ? AND (end_month IS NULL OR end_month >= ?))")
                .params(participantId, segment.name(), month(to), month(from))
                .query(Boolean.class)
                .single();
    }

    public Optional<Membership> findMembership(long id) {
        List<Membership> found = memberships("id = ?", id);
        return found.stream().findFirst();
    }

    public List<Membership> membershipsOf(long participantId) {
        return memberships("participant_id = ?", participantId);
    }

    private List<Membership> memberships(String where, Object param) {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        jdbc.sql("SELECT " + MEMBERSHIP_COLUMNS + " FROM membership WHERE " + where + " ORDER BY start_month, id")
                .param(param)
                .query(rs -> {
                    Map<String, Object> row = new HashMap<>();
                    for (String c : MEMBERSHIP_COLUMNS.split(",\\s*")) {
                        row.put(c, rs.getObject(c));
                    }
                    rows.add(row);
                    ids.add(rs.getLong("id"));
                });
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Membership.Base>> bases = new HashMap<>();
        jdbc.sql("SELECT membership_id, effective_from, amount FROM membership_base WHERE membership_id = ANY(?)"
                        + " ORDER BY effective_from")
                .param(ids.toArray(Long[]::new))
                .query(rs -> {
                    bases.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Membership.Base(Objects.requireNonNull(month(rs.getDate(2))), rs.getLong(3)));
                });
        List<Membership> result = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            long id = ((Number) notNull(r, "id")).longValue();
            result.add(new Membership(
                    id,
                    (Long) r.get("participant_id"),
                    (Long) r.get("employer_id"),
                    (Long) r.get("project_id"),
                    Segment.valueOf((String) notNull(r, "segment")),
                    Channel.valueOf((String) notNull(r, "channel")),
                    Programme.parse((String) notNull(r, "programmes")),
                    Sector.valueOf((String) notNull(r, "sector")),
                    (Boolean) notNull(r, "government_paid"),
                    (Integer) r.get("contract_months"),
                    Objects.requireNonNull(month((Date) r.get("start_month"))),
                    month((Date) r.get("end_month")),
                    r.get("end_reason") == null ? null : EndReason.valueOf((String) r.get("end_reason")),
                    (String) notNull(r, "region_code"),
                    bases.getOrDefault(id, List.of()),
                    ((Number) notNull(r, "version")).intValue(),
                    ((Date) notNull(r, "registered_on")).toLocalDate(),
                    (String) notNull(r, "membership_number")));
        }
        return result;
    }

    /** A NOT NULL column of a membership row read above. */
    private static Object notNull(Map<String, Object> row, String column) {
        return Objects.requireNonNull(row.get(column), column);
    }
}
