package id.lindung.sponsorship;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EndReason;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.MembershipId;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.ConflictException;
import id.lindung.shared.NotFoundException;
import id.lindung.sponsorship.workflow.SponsorshipAction;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow.Ending;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow.NewProgramme;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sponsorship programmes: created by BPJS officers and administrators for a government in their region (they enrol
 * the beneficiaries on the government's behalf), read by everyone whose region the programme concerns, ended with
 * its memberships either ended or handed over to the workers themselves.
 */
@Service
public class SponsorshipProgrammes {

    static final String SELECT = """
            SELECT p.*, (SELECT count(*) FROM sponsorship_beneficiary b WHERE b.programme_id = p.id) AS beneficiaries
              FROM sponsorship_programme p""";

    private final JdbcClient jdbc;
    private final RegionDirectory regions;
    private final EnrolmentManagement enrolment;
    private final AuditTrail audit;
    private final Clock clock;

    SponsorshipProgrammes(
            JdbcClient jdbc, RegionDirectory regions, EnrolmentManagement enrolment, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.enrolment = enrolment;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a programme (officers and administrators, for a government inside their region). */
    @Transactional
    public Programme create(Programme.New p, LindungUser by) {
        NewProgramme n = SponsorshipWorkflow.create(p, by, regions::exists, enrolment.bpuMinIncome())
                .orThrow();
        long id = jdbc.sql("""
                INSERT INTO sponsorship_programme (name, sponsor_region, legal_basis, funding_source, budget,
                                                   start_month, end_month, declared_income, eligibility, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        n.name(),
                        n.sponsorRegion(),
                        n.legalBasis(),
                        n.fundingSource().name(),
                        n.budget(),
                        n.startMonth().atDay(1),
                        n.endMonth().atDay(1),
                        n.declaredIncome(),
                        n.eligibility(),
                        by.username())
                .query(Long.class)
                .single();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", n.name());
        values.put("legalBasis", n.legalBasis());
        values.put("fundingSource", n.fundingSource().name());
        values.put("budget", n.budget());
        values.put("startMonth", n.startMonth().toString());
        values.put("endMonth", n.endMonth().toString());
        values.put("declaredIncome", n.declaredIncome());
        audit.record(
                "SPONSORSHIP_PROGRAMME_CREATED", "sponsorship_programme", Long.toString(id), n.sponsorRegion(), values);
        return get(id, by);
    }

    /** A programme the caller may see. */
    public Programme get(long id, LindungUser by) {
        Programme p = jdbc.sql(SELECT + " WHERE p.id = ?")
                .param(id)
                .query((rs, n) -> programme(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("sponsorship programme " + id));
        if (!visible(p.sponsorRegion(), by)) {
            throw new NotFoundException("sponsorship programme " + id);
        }
        return p;
    }

    /** The programmes the caller may see, newest first. */
    public List<Programme> list(LindungUser by) {
        return jdbc.sql(SELECT + " ORDER BY p.id DESC").query((rs, n) -> programme(rs)).list().stream()
                .filter(p -> visible(p.sponsorRegion(), by))
                .toList();
    }

    /**
     * Ends a programme after {@code lastMonth} (default: its end month). {@code END}: the sponsored memberships end
     * then; {@code HAND_OVER}: they end then and each worker continues from the next month as a self-paying BPU
     * member (JKK and JKM at the same income). Dated, audited, once.
     */
    @Transactional
    public Programme end(long id, @Nullable YearMonth lastMonth, String action, int expectedVersion, LindungUser by) {
        SponsorshipWorkflow.mayAttempt(by).orThrow();
        Programme p = get(id, by);
        Ending ending = SponsorshipWorkflow.end(
                        p, new SponsorshipAction.End(lastMonth, action), by, LocalDate.now(clock))
                .orThrow();
        YearMonth last = ending.lastMonth();
        int updated = jdbc.sql("""
                UPDATE sponsorship_programme SET ended_on = ?, end_action = ?, version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(last.atDay(1), ending.action(), id, expectedVersion)
                .update();
        if (updated == 0) {
            throw new ConflictException("sponsorship.version", p.version());
        }
        List<long[]> members = jdbc.sql("SELECT membership_id, participant_id FROM sponsorship_beneficiary"
                        + " WHERE programme_id = ? ORDER BY membership_id")
                .param(id)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        int ended = 0;
        int handedOver = 0;
        for (long[] m : members) {
            MembershipId membershipId = MembershipId.of(m[0]);
            Membership membership = enrolment.membership(membershipId, by);
            if (membership.endMonth() != null) {
                continue;
            }
            enrolment.end(membershipId, last, EndReason.REQUESTED, by);
            ended++;
            if (ending.handsOver()) {
                YearMonth from = ending.handOverFrom();
                enrolment.enrol(
                        new EnrolmentRequest(
                                m[1],
                                Segment.BPU,
                                Channel.SELF,
                                Set.of(),
                                null,
                                membership.baseIn(from),
                                Sector.OTHER,
                                false,
                                from,
                                null),
                        by);
                handedOver++;
            }
        }
        audit.record(
                "SPONSORSHIP_PROGRAMME_ENDED",
                "sponsorship_programme",
                Long.toString(id),
                p.sponsorRegion(),
                Map.of(
                        "lastMonth",
                        last.toString(),
                        "action",
                        ending.action(),
                        "ended",
                        ended,
                        "handedOver",
                        handedOver));
        return get(id, by);
    }

    /**
     * Who sees a programme: users whose region includes the sponsor's, and users inside the sponsor's region (a
     * province programme concerns every kab/kota of it).
     */
    static boolean visible(String sponsorRegion, LindungUser by) {
        String scope = by.scope().code();
        return by.scope().includes(sponsorRegion) || scope.startsWith(sponsorRegion + ".");
    }

    private Programme programme(ResultSet rs) throws SQLException {
        java.sql.Date ended = rs.getDate("ended_on");
        String region = rs.getString("sponsor_region");
        return new Programme(
                rs.getLong("id"),
                rs.getString("name"),
                region,
                regions.nameOf(region),
                rs.getString("legal_basis"),
                Programme.FundingSource.valueOf(rs.getString("funding_source")),
                rs.getLong("budget"),
                YearMonth.from(rs.getDate("start_month").toLocalDate()),
                YearMonth.from(rs.getDate("end_month").toLocalDate()),
                rs.getLong("declared_income"),
                rs.getString("eligibility"),
                ended == null ? null : YearMonth.from(ended.toLocalDate()),
                rs.getString("end_action"),
                rs.getLong("beneficiaries"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }

    YearMonth thisMonth() {
        return YearMonth.now(clock);
    }
}
