package id.lindung.claim.internal;

import id.lindung.claim.Claim;
import id.lindung.claim.ClaimIntake;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.ClaimSummary;
import id.lindung.claim.benefit.AccidentCase;
import id.lindung.claim.benefit.ClaimKind;
import id.lindung.claim.benefit.OncePerEvent;
import id.lindung.shared.PageResult;
import id.lindung.shared.crypto.Vault;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads claims with their lines, scholarship plan, documents and steps; the work queue. */
@Component
public class ClaimReader {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
    private static final TypeReference<List<Claim.ScholarshipNote>> NOTES = new TypeReference<>() {};

    /** Columns sealed by the {@link Vault} (health details, heirs' bank accounts, children, documents). */
    public static final String INTAKE = "claim.intake_enc";

    public static final String DOCUMENT = "claim_document.content";
    public static final String SCHOLARSHIP_CHILD = "claim_scholarship.child_name_enc";
    public static final String PAID_CHILD = "claim_scholarship_payment.child_name_enc";
    /** A step's note: the intake's note is the first, and notes say what happened to the worker. */
    public static final String STEP_NOTE = "claim_step.note_enc";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Vault vault;

    private final DeathRecords deaths;

    ClaimReader(JdbcClient jdbc, JsonMapper json, Vault vault, DeathRecords deaths) {
        this.jdbc = jdbc;
        this.json = json;
        this.vault = vault;
        this.deaths = deaths;
    }

    public Optional<Claim> find(long id) {
        return jdbc.sql("SELECT * FROM claim WHERE id = ?")
                .param(id)
                .query((rs, n) -> claim(rs))
                .optional();
    }

    public List<Long> idsOfParticipant(long participantId) {
        return jdbc.sql("SELECT id FROM claim WHERE participant_id = ? ORDER BY event_date DESC, id DESC")
                .param(participantId)
                .query(Long.class)
                .list();
    }

    public PageResult<ClaimSummary> queue(
            @Nullable ClaimStatus status,
            @Nullable String assignedTo,
            @Nullable String text,
            String scope,
            int page,
            int size) {
        int p = Math.max(page, 0);
        int s = Math.min(Math.max(size, 1), 100);
        String where = """

                 WHERE region_code LIKE :scope
                   AND (CAST(:status AS varchar) IS NULL AND status IN ('SUBMITTED','VERIFIED','AWAITING_SECOND')
                        OR status = :status)
                   AND (CAST(:assigned AS varchar) IS NULL OR assigned_to = :assigned)
                   AND (CAST(:text AS varchar) IS NULL OR claim_number = upper(:text)
                        OR participant_name ILIKE '%' || :text || '%')""";
        String q = text == null || text.isBlank()
                ? null
                : text.trim().replace("%", "").replace("_", "");
        long total = jdbc.sql("SELECT count(*) FROM claim" + where)
                .param("scope", scope + "%")
                .param("status", status == null ? null : status.name())
                .param("assigned", assignedTo)
                .param("text", q)
                .query(Long.class)
                .single();
        List<ClaimSummary> items = jdbc.sql("""
                SELECT id, claim_number, participant_id, participant_name, kind, event_date, status, total,
                       refusal_code IS NULL AS eligible, region_code, assigned_to, due_date, submitted_at, version
                  FROM claim""" + where + """

                 ORDER BY due_date NULLS LAST, submitted_at, id LIMIT :limit OFFSET :offset""")
                .param("scope", scope + "%")
                .param("status", status == null ? null : status.name())
                .param("assigned", assignedTo)
                .param("text", q)
                .param("limit", s)
                .param("offset", (long) p * s)
                .query((rs, n) -> new ClaimSummary(
                        rs.getLong("id"),
                        rs.getString("claim_number"),
                        rs.getLong("participant_id"),
                        rs.getString("participant_name"),
                        rs.getString("kind"),
                        rs.getDate("event_date").toLocalDate(),
                        ClaimStatus.valueOf(rs.getString("status")),
                        rs.getLong("total"),
                        rs.getBoolean("eligible"),
                        rs.getString("region_code"),
                        rs.getString("assigned_to"),
                        rs.getDate("due_date") == null
                                ? null
                                : rs.getDate("due_date").toLocalDate(),
                        rs.getTimestamp("submitted_at").toInstant(),
                        rs.getInt("version")))
                .list();
        return new PageResult<>(items, p, s, total, false);
    }

    private Claim claim(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Map<String, Object> m = json.readValue(rs.getString("member_facts"), OBJECT);
        Claim.Member member = new Claim.Member(
                String.valueOf(m.getOrDefault("segment", "")),
                Boolean.TRUE.equals(m.get("jkkProtected")),
                Boolean.TRUE.equals(m.get("jkmProtected")),
                String.valueOf(m.getOrDefault("protectionReason", "")),
                ((Number) m.getOrDefault("contributionMonths", 0)).intValue(),
                ((Number) m.getOrDefault("wage", 0)).longValue());
        String code = rs.getString("refusal_code");
        Claim.Refusal refusal = code == null
                ? null
                : new Claim.Refusal(
                        code,
                        "claim.refusal." + code,
                        json.readValue(rs.getString("refusal_args"), STRINGS),
                        rs.getString("refusal_legal_basis"));
        List<Claim.Line> lines = jdbc.sql("SELECT * FROM claim_line WHERE claim_id = ? ORDER BY line_no")
                .param(id)
                .query((r, n) -> new Claim.Line(
                        r.getInt("line_no"),
                        r.getString("code"),
                        r.getString("message_key"),
                        json.readValue(r.getString("args"), STRINGS),
                        r.getLong("amount"),
                        r.getString("formula"),
                        r.getString("legal_basis"),
                        r.getDate("rule_valid_from").toLocalDate(),
                        r.getBoolean("unconfirmed"),
                        r.getString("rule_refs")))
                .list();
        List<Claim.ScholarshipYear> scholarship = jdbc.sql("""
                SELECT child_id, child_name_enc, school_year, level, year_in_level, amount FROM claim_scholarship
                 WHERE claim_id = ? ORDER BY child_id, school_year""")
                .param(id)
                .query((r, n) -> new Claim.ScholarshipYear(
                        r.getString(1),
                        Objects.requireNonNull(vault.openText(r.getBytes(2), SCHOLARSHIP_CHILD)),
                        r.getInt(3),
                        r.getString(4),
                        r.getInt(5),
                        r.getLong(6)))
                .list();
        List<Claim.Document> documents = jdbc.sql("""
                SELECT id, document_type, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                  FROM claim_document WHERE claim_id = ? ORDER BY id""")
                .param(id)
                .query((r, n) -> new Claim.Document(
                        r.getLong(1),
                        r.getString(2),
                        r.getString(3),
                        r.getString(4),
                        r.getInt(5),
                        r.getString(6),
                        r.getString(7),
                        r.getTimestamp(8).toInstant()))
                .list();
        List<Claim.Step> steps = jdbc.sql(
                        "SELECT at, actor, status, note_enc FROM claim_step WHERE claim_id = ?" + " ORDER BY id")
                .param(id)
                .query((r, n) -> new Claim.Step(
                        r.getTimestamp(1).toInstant(),
                        r.getString(2),
                        ClaimStatus.valueOf(r.getString(3)),
                        vault.openText(r.getBytes(4), STEP_NOTE)))
                .list();
        List<Claim.ScholarshipPaid> paid = jdbc.sql("""
                SELECT child_id, child_name_enc, school_year, level, amount, formula, legal_basis, decided_by,
                       decided_at
                  FROM claim_scholarship_payment WHERE claim_id = ? ORDER BY child_id, school_year""")
                .param(id)
                .query((r, n) -> new Claim.ScholarshipPaid(
                        r.getString(1),
                        Objects.requireNonNull(vault.openText(r.getBytes(2), PAID_CHILD)),
                        r.getInt(3),
                        r.getString(4),
                        r.getLong(5),
                        r.getString(6),
                        r.getString(7),
                        r.getString(8),
                        r.getTimestamp(9).toInstant()))
                .list();
        Long membership = rs.getObject("membership_id") == null ? null : rs.getLong("membership_id");
        return new Claim(
                id,
                rs.getString("claim_number"),
                rs.getLong("participant_id"),
                membership,
                rs.getString("kind"),
                rs.getString("cause"),
                rs.getDate("event_date").toLocalDate(),
                ClaimStatus.valueOf(rs.getString("status")),
                member,
                refusal,
                rs.getLong("total"),
                rs.getBoolean("unconfirmed_rules"),
                lines,
                scholarship,
                json.readValue(rs.getString("scholarship_notes"), NOTES),
                rs.getString("region_code"),
                rs.getString("assigned_to"),
                date(rs, "documents_complete_on"),
                date(rs, "due_date"),
                rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("verified_by"),
                rs.getString("first_approver"),
                rs.getString("decided_by"),
                rs.getTimestamp("decided_at") == null
                        ? null
                        : rs.getTimestamp("decided_at").toInstant(),
                rs.getString("rejection_reason"),
                date(rs, "paid_on"),
                rs.getString("payment_reference"),
                rs.getObject("late_days") == null ? null : rs.getInt("late_days"),
                rs.getObject("late_amount") == null ? null : rs.getLong("late_amount"),
                json.readValue(vault.openText(rs.getBytes("intake_enc"), INTAKE), ClaimIntake.class),
                documents,
                steps,
                paid,
                rs.getString("case_number"),
                caseClaims(id, rs.getString("case_number")),
                rs.getString("scholarship_choice"),
                deaths.of(id).orElse(null),
                liability(rs.getString("employer_liability")),
                rs.getInt("version"));
    }

    private Claim.@Nullable EmployerLiability liability(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        Map<String, Object> m = json.readValue(stored, OBJECT);
        Object employer = m.get("employer");
        return new Claim.EmployerLiability(
                String.valueOf(m.get("reason")),
                String.valueOf(m.get("legalBasis")),
                Boolean.TRUE.equals(m.get("unconfirmed")),
                String.valueOf(m.get("ruleRef")),
                employer == null ? null : employer.toString());
    }

    /** The other claims of the accident case, in the order taken in. */
    private List<Claim.CaseClaim> caseClaims(long id, @Nullable String caseNumber) {
        if (caseNumber == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, claim_number, kind, status, refusal_code IS NULL AS eligible, total FROM claim
                 WHERE case_number = ? AND id <> ? ORDER BY id""")
                .params(caseNumber, id)
                .query((r, n) -> new Claim.CaseClaim(
                        r.getLong(1),
                        r.getString(2),
                        r.getString(3),
                        ClaimStatus.valueOf(r.getString(4)),
                        r.getBoolean(5),
                        r.getLong(6)))
                .list();
    }

    /**
     * The other claims of the person, oldest first, as the one-event-pays-once rule reads them: number, kind, event
     * date, rejected, case.
     */
    public List<OncePerEvent.OtherClaim> othersOf(long participantId, long exceptId) {
        return jdbc.sql("""
                SELECT claim_number, kind, event_date, status = 'REJECTED', case_number FROM claim
                 WHERE participant_id = ? AND id <> ? ORDER BY id""")
                .params(participantId, exceptId)
                .query((r, n) -> new OncePerEvent.OtherClaim(
                        r.getString(1),
                        ClaimKind.valueOf(r.getString(2)),
                        r.getDate(3).toLocalDate(),
                        r.getBoolean(4),
                        r.getString(5)))
                .list();
    }

    /**
     * What the accident case holds for claim {@code id} (engine input): the other claims of the case that hold money
     * (not rejected, not refused), those taken in before it and any later one holding a lump sum.
     */
    public AccidentCase accidentCase(long id) {
        String caseNumber = jdbc.sql("SELECT case_number FROM claim WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .orElse(null);
        if (caseNumber == null) {
            return AccidentCase.first("");
        }
        List<String> lumpSumKinds = Arrays.stream(ClaimKind.values())
                .filter(ClaimKind::lumpSum)
                .map(Enum::name)
                .toList();
        List<AccidentCase.EarlierClaim> earlier = jdbc
                .sql("""
                SELECT id, claim_number, kind FROM claim
                 WHERE case_number = :case AND id <> :id AND status <> 'REJECTED' AND refusal_code IS NULL
                   AND (id < :id OR kind IN (:lumpSums))
                 ORDER BY id""")
                .param("case", caseNumber)
                .param("id", id)
                .param("lumpSums", lumpSumKinds)
                .query((r, n) -> new Object[] {r.getLong(1), r.getString(2), r.getString(3)})
                .list()
                .stream()
                .map(row -> earlierClaim((Long) row[0], (String) row[1], (String) row[2]))
                .toList();
        return new AccidentCase(caseNumber, earlier);
    }

    private AccidentCase.EarlierClaim earlierClaim(long id, String number, String kind) {
        List<AccidentCase.PaidLine> lines = new ArrayList<>();
        int[] stmbMonths = {0};
        jdbc.sql("SELECT code, amount, args FROM claim_line WHERE claim_id = ? AND code <> 'JKK_LATE_PAYMENT'"
                        + " ORDER BY line_no")
                .param(id)
                .query(r -> {
                    lines.add(new AccidentCase.PaidLine(r.getString(1), r.getLong(2)));
                    if (r.getString(1).equals("JKK_STMB")) { // args: first and last month of the tier
                        List<String> args = json.readValue(r.getString(3), STRINGS);
                        stmbMonths[0] += Integer.parseInt(args.get(1)) - Integer.parseInt(args.get(0)) + 1;
                    }
                });
        return new AccidentCase.EarlierClaim(number, ClaimKind.valueOf(kind), stmbMonths[0], lines);
    }

    private static java.time.@Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        java.sql.Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
