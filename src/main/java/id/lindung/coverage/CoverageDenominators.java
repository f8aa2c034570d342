package id.lindung.coverage;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionLevel;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.tabular.CsvRowSource;
import id.lindung.shared.tabular.CsvTokenizer;
import id.lindung.shared.tabular.RowSource;
import id.lindung.shared.tabular.TabularFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Working population per region, year and segment (the UCJ denominators), with their source; CSV import. */
@Service
public class CoverageDenominators {

    static final String HEADER = "region_code;year;segment;workers;source;source_date";
    /** Transaction advisory lock (two-int form) held by an import: "CO", "DN". */
    private static final int IMPORT_LOCK_CLASS = 0x434F;

    private static final int IMPORT_LOCK_OBJECT = 0x444E;
    private static final int MAX_ROWS = 10_000;
    private static final int LISTED_ERRORS = 100;
    /** Longer cells are not kept (a source may have 300 characters); rows have six cells, more are not kept. */
    private static final int MAX_FIELD_LENGTH = 1_000;

    private static final int MAX_FIELDS = 1_000;

    public record Denominator(
            String regionCode,
            String regionName,
            int year,
            CoverageSegment segment,
            long workers,
            boolean estimated,
            String source,
            @Nullable LocalDate sourceDate,
            String updatedBy,
            Instant updatedAt) {}

    /** Result of a CSV import: rows read, inserted, updated, unchanged. */
    public record ImportResult(int rows, int inserted, int updated, int unchanged) {}

    private record Row(
            String region,
            int year,
            CoverageSegment segment,
            long workers,
            String source,
            @Nullable LocalDate sourceDate) {}

    private final JdbcClient jdbc;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final CoverageFigures figures;

    CoverageDenominators(JdbcClient jdbc, RegionDirectory regions, AuditTrail audit, CoverageFigures figures) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.audit = audit;
        this.figures = figures;
    }

    /** Denominators within the caller's scope, of one year or all ({@code null}), by region code, year, segment. */
    @Transactional(readOnly = true)
    public List<Denominator> list(@Nullable Integer year, LindungUser by) {
        String scope = by.scope().code();
        return jdbc.sql("""
                SELECT * FROM coverage_denominator
                 WHERE (CAST(:year AS integer) IS NULL OR year = :year)
                   AND (:scope = '' OR region_code = :scope OR region_code LIKE :scope || '.%')
                 ORDER BY region_code, year, CASE segment WHEN 'FORMAL' THEN 0 WHEN 'INFORMAL' THEN 1 ELSE 2 END""")
                .param("year", year)
                .param("scope", scope)
                .query((rs, n) -> {
                    Date date = rs.getDate("source_date");
                    return new Denominator(
                            rs.getString("region_code"),
                            regions.nameOf(rs.getString("region_code")),
                            rs.getInt("year"),
                            CoverageSegment.valueOf(rs.getString("segment")),
                            rs.getLong("workers"),
                            rs.getBoolean("estimated"),
                            rs.getString("source"),
                            date == null ? null : date.toLocalDate(),
                            rs.getString("updated_by"),
                            rs.getTimestamp("updated_at").toInstant());
                })
                .list();
    }

    /**
     * Imports a CSV ({@code region_code;year;segment;workers;source;source_date}, header required, UTF-8, source_date
     * {@code yyyy-MM-dd} or empty): all rows or none (InvalidInputException naming row and column); an imported row
     * replaces the figure of its region, year and segment, estimate or not. The same file twice changes nothing.
     * Administrators and government analysts, within their scope.
     */
    @Transactional
    public ImportResult importCsv(InputStream csv, LindungUser by) {
        checkRole(by);
        List<Row> rows = read(csv, by);
        // imports one at a time: two at once both read "no figure yet" and audited each figure as added twice
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
                .params(IMPORT_LOCK_CLASS, IMPORT_LOCK_OBJECT)
                .query()
                .singleRow();
        int inserted = 0;
        int updated = 0;
        for (Row r : rows) {
            Map<String, Object> before = jdbc
                    .sql("SELECT workers, estimated, source, source_date"
                            + " FROM coverage_denominator WHERE region_code = ? AND year = ? AND segment = ?")
                    .params(r.region(), r.year(), r.segment().name())
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst()
                    .orElse(null);
            if (before != null
                    && ((Number) Objects.requireNonNull(before.get("workers"))).longValue() == r.workers()
                    && !(Boolean) Objects.requireNonNull(before.get("estimated")) // both NOT NULL
                    && r.source().equals(before.get("source"))
                    && java.util.Objects.equals(
                            before.get("source_date") == null ? null : ((Date) before.get("source_date")).toLocalDate(),
                            r.sourceDate())) {
                continue;
            }
            jdbc.sql("""
                    INSERT INTO coverage_denominator (region_code, year, segment, workers, estimated, source,
                                                      source_date, updated_by, updated_at)
                    VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, lindung_now())
                    ON CONFLICT (region_code, year, segment) DO UPDATE
                       SET workers = excluded.workers, estimated = FALSE, source = excluded.source,
                           source_date = excluded.source_date, updated_by = excluded.updated_by, updated_at = lindung_now()""")
                    .params(
                            r.region(),
                            r.year(),
                            r.segment().name(),
                            r.workers(),
                            r.source(),
                            r.sourceDate(),
                            by.username())
                    .update();
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("year", r.year());
            values.put("segment", r.segment().name());
            values.put("workers", before == null ? r.workers() : List.of(before.get("workers"), r.workers()));
            values.put("source", r.source());
            audit.record(
                    before == null ? "COVERAGE_DENOMINATOR_ADDED" : "COVERAGE_DENOMINATOR_CHANGED",
                    "coverage_denominator",
                    r.region() + "/" + r.year() + "/" + r.segment(),
                    r.region(),
                    values);
            if (before == null) {
                inserted++;
            } else {
                updated++;
            }
        }
        figures.changed();
        return new ImportResult(rows.size(), inserted, updated, rows.size() - inserted - updated);
    }

    static void checkRole(LindungUser by) {
        CoveragePolicy.checkEdit(by);
    }

    private List<Row> read(InputStream csv, LindungUser by) {
        List<Row> rows = new ArrayList<>();
        List<FieldIssue> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (CsvRowSource in = TabularFile.csv(csv, MAX_FIELD_LENGTH, MAX_FIELDS)) {
            RowSource.Row header = in.next();
            String names = header == null
                    ? null
                    : String.join(";", header.cells())
                            .replace("\uFEFF", "")
                            .trim()
                            .toLowerCase(Locale.ROOT);
            if (names == null || !names.equals(HEADER)) {
                throw new InvalidInputException(FieldIssue.error("file", "coverage.denominator.header", HEADER));
            }
            RowSource.Row line;
            while ((line = in.next()) != null) {
                int lineNo = line.line();
                List<String> cells = line.cells();
                if (cells.size() == 1
                        && cells.get(0).isBlank()
                        && line.tooLong().isEmpty()) {
                    continue;
                }
                if (cells.stream().anyMatch(c -> c.indexOf('\u0000') >= 0)) {
                    // no text file has NUL characters (UTF-16, a binary file): PostgreSQL text cannot hold them
                    throw new InvalidInputException(FieldIssue.error("file", "coverage.denominator.encoding"));
                }
                if (rows.size() + errors.size() >= MAX_ROWS) {
                    throw new InvalidInputException(
                            FieldIssue.error("file", "coverage.denominator.too-many", MAX_ROWS));
                }
                // a cell too long to keep reads as empty: each column's check refuses it
                Row row = row(lineNo, cells, errors, by);
                if (row != null && !seen.add(row.region() + "/" + row.year() + "/" + row.segment())) {
                    errors.add(FieldIssue.error(
                            field(lineNo, "region_code"),
                            "coverage.denominator.repeated",
                            row.region(),
                            row.year(),
                            row.segment().name()));
                } else if (row != null) {
                    rows.add(row);
                }
            }
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(FieldIssue.error("file", "coverage.denominator.encoding"));
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw new InvalidInputException(FieldIssue.error("file", "coverage.denominator.quote", e.line));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), LISTED_ERRORS)));
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(FieldIssue.error("file", "coverage.denominator.empty"));
        }
        return rows;
    }

    @Nullable
    private Row row(int line, List<String> f, List<FieldIssue> errors, LindungUser by) {
        if (f.size() != 6) {
            errors.add(FieldIssue.error(field(line, "row"), "coverage.denominator.columns", f.size(), 6));
            return null;
        }
        int before = errors.size();
        String region = f.get(0).trim();
        if (!regions.exists(region) || region.length() > RegionLevel.KECAMATAN.codeLength()) {
            errors.add(FieldIssue.error(field(line, "region_code"), "coverage.denominator.region", region));
        } else if (!by.scope().includes(region)) {
            errors.add(FieldIssue.error(field(line, "region_code"), "coverage.denominator.scope", region));
        }
        int year = 0;
        try {
            year = Integer.parseInt(f.get(1).trim());
        } catch (NumberFormatException e) {
            year = -1;
        }
        if (year < 2000 || year > 2100) {
            errors.add(FieldIssue.error(
                    field(line, "year"), "coverage.denominator.year", f.get(1).trim()));
        }
        CoverageSegment segment = null;
        try {
            segment = CoverageSegment.valueOf(f.get(2).trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(FieldIssue.error(
                    field(line, "segment"),
                    "coverage.denominator.segment",
                    f.get(2).trim()));
        }
        long workers = -1;
        String w = f.get(3).trim().replace(".", "");
        if (w.matches("[0-9]{1,9}")) {
            workers = Long.parseLong(w);
        }
        if (workers <= 0) {
            errors.add(FieldIssue.error(
                    field(line, "workers"),
                    "coverage.denominator.workers",
                    f.get(3).trim()));
        }
        String source = f.get(4).trim();
        if (source.isEmpty() || source.length() > 300) {
            errors.add(FieldIssue.error(field(line, "source"), "coverage.denominator.source"));
        }
        LocalDate date = null;
        if (!f.get(5).isBlank()) {
            try {
                date = LocalDate.parse(f.get(5).trim());
            } catch (DateTimeParseException e) {
                errors.add(FieldIssue.error(
                        field(line, "source_date"),
                        "coverage.denominator.date",
                        f.get(5).trim()));
            }
        }
        return errors.size() > before
                ? null
                : new Row(region, year, Objects.requireNonNull(segment), workers, source, date); // no issue: a segment
    }

    private static String field(int line, String column) {
        return "rows[" + line + "]." + column;
    }
}
