package id.lindung.coverage;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionLevel;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** UCJ targets per region and year (basis points of a percent: 5956 = 59.56%), with source; editable. */
@Service
public class CoverageTargets {

    public record Target(
            String regionCode,
            String regionName,
            int year,
            int target,
            String source,
            boolean unconfirmed,
            String updatedBy,
            Instant updatedAt) {}

    private final JdbcClient jdbc;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final CoverageFigures figures;

    CoverageTargets(JdbcClient jdbc, RegionDirectory regions, AuditTrail audit, CoverageFigures figures) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.figures = figures;
    }

    /** Targets within the caller's scope (and those of the regions above it, which it inherits), by code and year. */
    @Transactional(readOnly = true)
    public List<Target> list(LindungUser by) {
        String scope = by.scope().code();
        return jdbc.sql("""
                SELECT * FROM coverage_target
                 WHERE :scope = '' OR region_code = :scope OR region_code LIKE :scope || '.%'
                    OR :scope LIKE region_code || '.%'
                 ORDER BY region_code, year""")
                .param("scope", scope)
                .query((rs, n) -> new Target(
                        rs.getString("region_code"),
                        regions.nameOf(rs.getString("region_code")),
                        rs.getInt("year"),
                        rs.getInt("target"),
                        rs.getString("source"),
                        rs.getBoolean("unconfirmed"),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /**
     * Sets a region's target for a year (0 < target <= 10000). Administrators and government analysts, within their
     * scope; audited.
     */
    @Transactional
    public Target put(String regionCode, int year, int target, @Nullable String source, LindungUser by) {
        CoverageDenominators.checkRole(by);
        String region = regionCode == null ? "" : regionCode.trim();
        List<FieldIssue> issues = new ArrayList<>();
        if (!regions.exists(region) || region.length() > RegionLevel.KECAMATAN.codeLength()) {
            issues.add(FieldIssue.error("regionCode", "coverage.target.region", region));
        } else if (!by.scope().includes(region)) {
            issues.add(FieldIssue.error("regionCode", "coverage.target.scope", region));
        }
        if (year < 2000 || year > 2100) {
            issues.add(FieldIssue.error("year", "coverage.target.year", year));
        }
        if (target <= 0 || target > 10_000) {
            issues.add(FieldIssue.error("target", "coverage.target.range"));
        }
        String s = source == null ? "" : source.trim();
        if (s.isEmpty() || s.length() > 300) {
            issues.add(FieldIssue.error("source", "coverage.target.source"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        Integer before = jdbc.sql("SELECT target FROM coverage_target WHERE region_code = ? AND year = ?")
                .params(region, year)
                .query(Integer.class)
                .optional()
                .orElse(null);
        jdbc.sql("""
                INSERT INTO coverage_target (region_code, year, target, source, unconfirmed, updated_by, updated_at)
                VALUES (?, ?, ?, ?, FALSE, ?, lindung_now())
                ON CONFLICT (region_code, year) DO UPDATE
                   SET target = excluded.target, source = excluded.source, unconfirmed = FALSE,
                       updated_by = excluded.updated_by, updated_at = lindung_now()""").params(region, year, target, s, by.username()).update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("year", year);
        values.put("target", before == null ? target : List.of(before, target));
        values.put("source", s);
        audit.record("COVERAGE_TARGET_SET", "coverage_target", region + "/" + year, region, values);
        figures.changed();
        return list(by).stream()
                .filter(t -> t.regionCode().equals(region) && t.year() == year)
                .findFirst()
                .orElseThrow();
    }

    /** Removes a region's own target for a year (it then inherits its parent's). */
    @Transactional
    public void remove(String regionCode, int year, LindungUser by) {
        CoverageDenominators.checkRole(by);
        if (regionCode == null || !by.scope().includes(regionCode)) {
            throw new NotFoundException("coverage target " + regionCode + "/" + year);
        }
        Integer before = jdbc.sql("DELETE FROM coverage_target WHERE region_code = ? AND year = ? RETURNING target")
                .params(regionCode, year)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("coverage target " + regionCode + "/" + year));
        audit.record(
                "COVERAGE_TARGET_REMOVED",
                "coverage_target",
                regionCode + "/" + year,
                regionCode,
                Map.of("year", year, "target", before));
        figures.changed();
    }
}
