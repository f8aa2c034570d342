package id.lindung.paritrana;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.paritrana.Cycle.Weight;
import id.lindung.paritrana.EntrantFile.Evidence;
import id.lindung.paritrana.EntrantFile.JuryScore;
import id.lindung.paritrana.workflow.ParitranaWorkflow;
import id.lindung.paritrana.workflow.ParitranaWorkflow.NewCycle;
import id.lindung.paritrana.workflow.ParitranaWorkflow.NewEntrant;
import id.lindung.paritrana.workflow.ParitranaWorkflow.WeightChange;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionProperties;
import id.lindung.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Award cycles and what goes into them: cycles, weights and business entrants (administrators), evidence (the
 * entrant's government: a government analyst whose scope includes the entrant's region, or an administrator) and
 * jury scores (jurors: administrators and BPJS officers with a province-wide or national scope, since a jury judges
 * every entrant). Everyone signed in reads. Every write is audited.
 */
@Service
public class ParitranaCycles {

    private final JdbcClient jdbc;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final ComputedFigures computed;
    private final String homeProvince;

    ParitranaCycles(
            JdbcClient jdbc,
            RegionDirectory regions,
            AuditTrail audit,
            ComputedFigures computed,
            RegionProperties region) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.computed = computed;
        this.homeProvince = region.homeProvince();
    }

    // ------------------------------------------------------------------------------------------------- reading

    /** All cycles, newest year first, then by category; without their indicators and entrants. */
    @Transactional(readOnly = true)
    public List<Cycle> list() {
        return jdbc.sql("SELECT * FROM paritrana_cycle ORDER BY year DESC, category, id")
                .query((rs, n) -> cycle(rs, List.of(), List.of()))
                .list();
    }

    /** A cycle with its indicators and entrants. */
    @Transactional(readOnly = true)
    public Cycle get(long cycleId) {
        List<Weight> weights = jdbc.sql("SELECT * FROM paritrana_indicator WHERE cycle_id = ? ORDER BY position, code")
                .param(cycleId)
                .query((rs, n) -> {
                    Indicator code = Indicator.valueOf(rs.getString("code"));
                    return new Weight(
                            code,
                            code.source(),
                            code.unit(),
                            code.scale(),
                            rs.getInt("position"),
                            rs.getInt("weight"),
                            rs.getBoolean("weight_unconfirmed"),
                            rs.getString("note"),
                            rs.getString("updated_by"),
                            rs.getTimestamp("updated_at").toInstant());
                })
                .list();
        List<Entrant> entrants =
                jdbc.sql("""
                SELECT * FROM paritrana_participant WHERE cycle_id = ? ORDER BY region_code, name, id""").param(cycleId).query((rs, n) -> entrant(rs)).list();
        return jdbc.sql("SELECT * FROM paritrana_cycle WHERE id = ?")
                .param(cycleId)
                .query((rs, n) -> cycle(rs, weights, entrants))
                .optional()
                .orElseThrow(() -> new NotFoundException("paritrana cycle " + cycleId));
    }

    /** An entrant with its evidence and jury scores. */
    @Transactional(readOnly = true)
    public EntrantFile file(long entrantId) {
        Entrant entrant = entrant(entrantId);
        List<Evidence> evidence = jdbc.sql("SELECT * FROM paritrana_evidence WHERE participant_id = ? ORDER BY code")
                .param(entrantId)
                .query((rs, n) -> new Evidence(
                        Indicator.valueOf(rs.getString("code")),
                        rs.getLong("value"),
                        rs.getString("document"),
                        rs.getString("entered_by"),
                        rs.getTimestamp("entered_at").toInstant()))
                .list();
        List<JuryScore> scores = jdbc.sql("""
                SELECT * FROM paritrana_jury_score WHERE participant_id = ? ORDER BY code, juror""")
                .param(entrantId)
                .query((rs, n) -> new JuryScore(
                        Indicator.valueOf(rs.getString("code")),
                        rs.getString("juror"),
                        rs.getInt("score"),
                        rs.getString("note"),
                        rs.getTimestamp("scored_at").toInstant()))
                .list();
        return new EntrantFile(entrant, evidence, scores);
    }

    @Transactional(readOnly = true)
    public Entrant entrant(long entrantId) {
        return jdbc.sql("SELECT * FROM paritrana_participant WHERE id = ?")
                .param(entrantId)
                .query((rs, n) -> entrant(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("paritrana entrant " + entrantId));
    }

    // ------------------------------------------------------------------------------------------ administrators

    /**
     * A new cycle ({@code evaluationYear} null: the year before) with the default weights of its category group;
     * a regional cycle gets its entrants at once (the kab/kota of the home province, or the province itself).
     */
    @Transactional
    public Cycle create(int year, Category category, @Nullable Integer evaluationYear, LindungUser by) {
        ParitranaWorkflow.manager(by).orThrow();
        boolean exists = jdbc.sql("SELECT count(*) FROM paritrana_cycle WHERE year = ? AND category = ?")
                        .params(year, category.name())
                        .query(Long.class)
                        .single()
                > 0;
        NewCycle cycle = ParitranaWorkflow.create(year, category, evaluationYear, exists, by)
                .orThrow();
        int evaluation = cycle.evaluationYear();
        long id = jdbc.sql("""
                INSERT INTO paritrana_cycle (year, category, evaluation_year, status, created_by)
                VALUES (?, ?, ?, 'OPEN', ?) RETURNING id""")
                .params(year, category.name(), evaluation, by.username())
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO paritrana_indicator (cycle_id, code, position, weight, weight_unconfirmed, note,
                                                 updated_by)
                SELECT ?, code, position, weight, TRUE, note, ? FROM paritrana_default_weight
                 WHERE category_group = ?""").params(id, by.username(), category.weightGroup()).update();
        // a national installation's award (home province empty) is the national one: every kab/kota, every province
        List<Region> entrants = switch (category) {
            case KABKOTA -> regions.kabKotaWithin(homeProvince);
            case PROVINCE ->
                homeProvince.isEmpty()
                        ? regions.provinces()
                        : regions.find(homeProvince).stream().toList();
            default -> List.of();
        };
        for (Region r : entrants) {
            jdbc.sql("INSERT INTO paritrana_participant (cycle_id, region_code, name, created_by) VALUES (?, ?, ?, ?)")
                    .params(id, r.code(), r.name(), by.username())
                    .update();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("year", year);
        values.put("category", category.name());
        values.put("evaluationYear", evaluation);
        values.put("entrants", entrants.size());
        audit.record("PARITRANA_CYCLE_CREATED", "paritrana_cycle", Long.toString(id), homeProvince, values);
        return get(id);
    }

    /**
     * Moves a cycle on ({@code ParitranaWorkflow.nextStatuses}): OPEN and SCORING to each other or to CLOSED; CLOSED
     * is final and freezes the coverage figures of its entrants.
     */
    @Transactional
    public Cycle setStatus(long cycleId, CycleStatus status, LindungUser by) {
        ParitranaWorkflow.manager(by).orThrow();
        Cycle c = lockedCycle(cycleId);
        ParitranaWorkflow.setStatus(c, status, by).orThrow();
        if (status == CycleStatus.CLOSED) {
            computed.freeze(get(cycleId));
        }
        jdbc.sql("""
                UPDATE paritrana_cycle SET status = ?, closed_at = CASE WHEN ? = 'CLOSED' THEN lindung_now() END
                 WHERE id = ?""").params(status.name(), status.name(), cycleId).update();
        audit.record(
                "PARITRANA_CYCLE_STATUS",
                "paritrana_cycle",
                Long.toString(cycleId),
                homeProvince,
                Map.of("status", List.of(c.status().name(), status.name())));
        return get(cycleId);
    }

    /** Sets an indicator's weight (0–100 points) and, when given, its note; the weight is then confirmed. */
    @Transactional
    public Cycle setWeight(long cycleId, Indicator code, int weight, @Nullable String note, LindungUser by) {
        ParitranaWorkflow.manager(by).orThrow();
        Cycle c = lockedCycle(cycleId);
        WeightChange change =
                ParitranaWorkflow.setWeight(c, code, weight, note, by).orThrow();
        String n = change.note();
        jdbc.sql("""
                UPDATE paritrana_indicator SET weight = ?, note = ?, weight_unconfirmed = FALSE, updated_by = ?,
                       updated_at = lindung_now()
                 WHERE cycle_id = ? AND code = ?""").params(weight, n, by.username(), cycleId, code.name()).update();
        audit.record(
                "PARITRANA_WEIGHT_SET",
                "paritrana_cycle",
                cycleId + "/" + code,
                homeProvince,
                Map.of("weight", List.of(change.before(), weight)));
        return get(cycleId);
    }

    /** Adds a business to an open business cycle: its name, the region it is in, its NPP when known. */
    @Transactional
    public Entrant addEntrant(
            long cycleId,
            @Nullable String name,
            @Nullable String regionCode,
            @Nullable String employerRef,
            LindungUser by) {
        ParitranaWorkflow.manager(by).orThrow();
        Cycle c = lockedCycle(cycleId);
        NewEntrant entrant = ParitranaWorkflow.addEntrant(
                        c, name, regionCode, employerRef, r -> regions.exists(r) && r.startsWith(homeProvince), by)
                .orThrow();
        String n = entrant.name();
        String region = entrant.regionCode();
        String ref = entrant.employerRef();
        long id = jdbc.sql("""
                INSERT INTO paritrana_participant (cycle_id, region_code, name, employer_ref, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(cycleId, region, n, ref, by.username())
                .query(Long.class)
                .single();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("cycle", cycleId);
        values.put("name", n);
        values.put("employerRef", ref == null ? "" : ref);
        audit.record("PARITRANA_ENTRANT_ADDED", "paritrana_participant", Long.toString(id), region, values);
        return entrant(id);
    }

    // ------------------------------------------------------------------------------------ evidence and scores

    /**
     * Enters (or replaces) the value of an evidence indicator for an entrant of an open cycle, with the document it
     * rests on (e.g. "Perbup Ketapang 83/2023").
     */
    @Transactional
    public EntrantFile enterEvidence(
            long entrantId, Indicator code, long value, @Nullable String document, LindungUser by) {
        Entrant entrant = entrant(entrantId);
        ParitranaWorkflow.evidenceBy(entrant, by).orThrow(); // who, before the cycle is locked
        Cycle c = lockedCycle(entrant.cycleId());
        String doc = ParitranaWorkflow.enterEvidence(c, entrant, code, value, document, by)
                .orThrow();
        Long before = jdbc.sql("SELECT value FROM paritrana_evidence WHERE participant_id = ? AND code = ?")
                .params(entrantId, code.name())
                .query(Long.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                INSERT INTO paritrana_evidence (participant_id, code, value, document, entered_by, entered_at)
                VALUES (?, ?, ?, ?, ?, lindung_now())
                ON CONFLICT (participant_id, code) DO UPDATE
                   SET value = excluded.value, document = excluded.document, entered_by = excluded.entered_by,
                       entered_at = lindung_now()""").params(entrantId, code.name(), value, doc, by.username()).update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code.name());
        values.put("value", before == null ? value : List.of(before, value));
        values.put("document", doc);
        audit.record(
                "PARITRANA_EVIDENCE_ENTERED",
                "paritrana_participant",
                Long.toString(entrantId),
                entrant.regionCode(),
                values);
        return file(entrantId);
    }

    /** The caller's score (0–100) of a jury indicator for an entrant of a cycle not yet closed; replaces theirs. */
    @Transactional
    public EntrantFile score(long entrantId, Indicator code, int score, @Nullable String note, LindungUser by) {
        ParitranaWorkflow.juror(by).orThrow();
        Entrant entrant = entrant(entrantId);
        Cycle c = lockedCycle(entrant.cycleId());
        String n = ParitranaWorkflow.score(c, code, score, note, by).orThrow().note();
        Integer before = jdbc.sql("""
                SELECT score FROM paritrana_jury_score WHERE participant_id = ? AND code = ? AND juror = ?""")
                .params(entrantId, code.name(), by.username())
                .query(Integer.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                INSERT INTO paritrana_jury_score (participant_id, code, juror, score, note, scored_at)
                VALUES (?, ?, ?, ?, ?, lindung_now())
                ON CONFLICT (participant_id, code, juror) DO UPDATE
                   SET score = excluded.score, note = excluded.note, scored_at = lindung_now()""").params(entrantId, code.name(), by.username(), score, n).update();
        audit.record(
                "PARITRANA_SCORE_GIVEN",
                "paritrana_participant",
                Long.toString(entrantId),
                entrant.regionCode(),
                Map.of("code", code.name(), "score", before == null ? score : List.of(before, score)));
        return file(entrantId);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The cycle, its row locked until the transaction ends (status changes and entries do not interleave). */
    private Cycle lockedCycle(long cycleId) {
        jdbc.sql("SELECT id FROM paritrana_cycle WHERE id = ? FOR UPDATE")
                .param(cycleId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("paritrana cycle " + cycleId));
        return get(cycleId);
    }

    private static Cycle cycle(ResultSet rs, List<Weight> weights, List<Entrant> entrants) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new Cycle(
                rs.getLong("id"),
                rs.getInt("year"),
                Category.valueOf(rs.getString("category")),
                rs.getInt("evaluation_year"),
                CycleStatus.valueOf(rs.getString("status")),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(),
                closed == null ? null : closed.toInstant(),
                weights,
                entrants);
    }

    private static Entrant entrant(ResultSet rs) throws SQLException {
        return new Entrant(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getString("region_code"),
                rs.getString("name"),
                rs.getString("employer_ref"));
    }
}
