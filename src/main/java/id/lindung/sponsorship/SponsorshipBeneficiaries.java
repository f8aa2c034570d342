package id.lindung.sponsorship;

import id.lindung.access.AuditTrail;
import id.lindung.access.LindungUser;
import id.lindung.access.NikDisplay;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Membership;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.IdentityView;
import id.lindung.participant.NikRules;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantManagement;
import id.lindung.region.RegionDirectory;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.crypto.Vault;
import id.lindung.shared.progress.Progress;
import id.lindung.shared.tabular.CsvTokenizer;
import id.lindung.shared.tabular.FileColumns;
import id.lindung.shared.tabular.RowSource;
import id.lindung.shared.tabular.TabularFile;
import id.lindung.shared.tabular.XlsxLimits;
import id.lindung.shared.tabular.XlsxRefusedException;
import id.lindung.shared.tabular.XlsxRowSource;
import id.lindung.sponsorship.workflow.SponsorshipRule;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow.Placement;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A programme's beneficiaries, from a CSV file or picked from the registry: each enrolled as BPU (JKK and JKM) with
 * the channel "government sponsor", paid by the government (so no PP 50/2025 discount), at the programme's income,
 * from the programme's first month or this month, whichever is later. A worker not yet in the registry is registered
 * from the file (birth date and sex from the NIK when the file leaves them out). A file is taken whole or not at all (errors name row and column); the same worker twice, or the same
 * file twice, changes nothing. Workers already BPU through another channel are left as they are and counted.
 */
@Service
public class SponsorshipBeneficiaries {

    static final String HEADER = "nik;name;birth_date;desa_code;occupation;phone";
    private static final List<String> NAMES = List.of(HEADER.split(";"));

    /** The columns of {@link #HEADER} that the registry's fields come from (the sex is the NIK's). */
    private static final FileColumns COLUMNS_OF_REGISTRATION = new FileColumns(
            Map.of("fullName", "name", "birthDate", "birth_date", "sex", "nik", "regionCode", "desa_code"));

    private static final int COLUMNS = NAMES.size();
    private static final int MAX_FIELD = 300;
    private static final int MAX_ROWS = 200_000;
    private static final int LISTED_ERRORS = 200;
    /** Class of the transaction advisory lock (two-int form) held on a programme while its list changes ("SP"). */
    private static final int PROGRAMME_LOCK_CLASS = 0x5350;

    /** What a file or a pick did. */
    public record Result(long fileId, int rows, int added, int unchanged, int elsewhere, boolean replayed) {}

    /** A beneficiary as listed. */
    public record Beneficiary(
            long participantId,
            String nik,
            String name,
            String regionCode,
            long membershipId,
            YearMonth startMonth,
            @Nullable YearMonth endMonth,
            String addedFrom) {}

    private record Row(
            int line,
            String nik,
            String name,
            @Nullable LocalDate birth,
            String desa,
            @Nullable String occupation,
            @Nullable String phone) {}

    /** A programme that takes beneficiaries, and the month their memberships start. */
    private record Open(Programme programme, YearMonth firstMonth) {}

    private final JdbcClient jdbc;
    private final SponsorshipProgrammes programmes;
    private final ParticipantManagement participants;
    private final EnrolmentManagement enrolment;
    private final RegionDirectory regions;
    private final AuditTrail audit;
    private final Clock clock;
    private final Vault vault;
    private final XlsxLimits xlsxLimits;

    SponsorshipBeneficiaries(
            JdbcClient jdbc,
            SponsorshipProgrammes programmes,
            ParticipantManagement participants,
            EnrolmentManagement enrolment,
            RegionDirectory regions,
            AuditTrail audit,
            Clock clock,
            Vault vault,
            XlsxLimits xlsxLimits) {
        this.xlsxLimits = xlsxLimits;
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.participants = participants;
        this.enrolment = enrolment;
        this.regions = regions;
        this.audit = audit;
        this.clock = clock;
        this.vault = vault;
    }

    /**
     * Imports a beneficiary list: CSV ({@link #HEADER}, UTF-8, ';' or ',') or, for a name ending in .xlsx, the first
     * sheet of an XLSX workbook with the same columns (NIK as text; birth date as text or an Excel date).
     */
    @Transactional
    public Result importCsv(long programmeId, @Nullable String fileName, InputStream csv, LindungUser by) {
        return importCsv(programmeId, fileName, csv, by, Progress.none());
    }

    /** The steps {@link #importCsv(long, String, InputStream, LindungUser, Progress)} reports, reading first. */
    public static final int FILE_STEPS = 2;

    /**
     * As {@link #importCsv(long, String, InputStream, LindungUser)}, reporting step 2 (the rows added) into progress
     * (the caller reports step 1, reading the file, with {@link Progress#reading}).
     */
    @Transactional
    public Result importCsv(
            long programmeId, @Nullable String fileName, InputStream csv, LindungUser by, Progress progress) {
        Open open = writable(programmeId, by);
        Programme p = open.programme();
        byte[] content;
        try {
            content = csv.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sha = id.lindung.shared.Sha256.hex(content);
        lockProgramme(programmeId);
        Optional<Result> replay = jdbc.sql("SELECT id, row_count, added, unchanged, elsewhere FROM sponsorship_file"
                        + " WHERE programme_id = ? AND sha256 = ?")
                .params(programmeId, sha)
                .query((rs, n) ->
                        new Result(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), true))
                .optional();
        if (replay.isPresent()) {
            return replay.get();
        }
        List<Row> rows = read(content, TabularFile.isXlsx(fileName), p);
        String name = TabularFile.fileName(fileName, "penerima.csv");
        long fileId = jdbc.sql("""
                INSERT INTO sponsorship_file (programme_id, sha256, file_name, row_count, added, unchanged, elsewhere,
                                              uploaded_by)
                VALUES (?, ?, ?, ?, 0, 0, 0, ?) RETURNING id""")
                .params(programmeId, sha, name, rows.size(), by.username())
                .query(Long.class)
                .single();
        Map<Placement, Integer> counts = new HashMap<>();
        progress.phase("sponsorship.add", 2, FILE_STEPS, rows.size());
        int done = 0;
        for (Row r : rows) {
            progress.advance(done++);
            long participantId;
            try {
                participantId = participants
                        .findByNik(r.nik(), by)
                        .map(Participant::id)
                        .orElseGet(() -> participants
                                .register(
                                        new ParticipantDetails(
                                                r.nik(),
                                                r.name(),
                                                NikRules.birthDateOf(r.nik(), r.birth(), LocalDate.now(clock))
                                                        .orElse(null),
                                                NikRules.sexOf(r.nik()).orElse(null),
                                                r.desa(),
                                                r.phone(),
                                                r.occupation(),
                                                null),
                                        by)
                                .participant()
                                .id());
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.issues().stream()
                        .map(i -> COLUMNS_OF_REGISTRATION.atLine(r.line(), i))
                        .toList());
            }
            counts.merge(add(open, participantId, r.desa(), "FILE", fileId, by), 1, Integer::sum);
        }
        int added = counts.getOrDefault(Placement.ADDED, 0);
        int unchanged = counts.getOrDefault(Placement.UNCHANGED, 0);
        int elsewhere = counts.getOrDefault(Placement.ELSEWHERE, 0);
        jdbc.sql("UPDATE sponsorship_file SET added = ?, unchanged = ?, elsewhere = ? WHERE id = ?")
                .params(added, unchanged, elsewhere, fileId)
                .update();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("fileName", name);
        values.put("sha256", sha);
        values.put("rows", rows.size());
        values.put("added", added);
        values.put("unchanged", unchanged);
        values.put("elsewhere", elsewhere);
        audit.record(
                "SPONSORSHIP_FILE_IMPORTED",
                "sponsorship_programme",
                Long.toString(programmeId),
                p.sponsorRegion(),
                values);
        return new Result(fileId, rows.size(), added, unchanged, elsewhere, false);
    }

    /** Adds workers already in the registry. */
    @Transactional
    public Result addFromRegistry(long programmeId, @Nullable List<Long> participantIds, LindungUser by) {
        Open open = writable(programmeId, by); // role and scope before the list: a reader is refused, not corrected
        Programme p = open.programme();
        if (participantIds == null || participantIds.isEmpty() || participantIds.contains(null)) {
            throw new InvalidInputException(FieldIssue.error("participantIds", "field.required"));
        }
        lockProgramme(programmeId);
        Map<Placement, Integer> counts = new HashMap<>();
        for (long id : participantIds) {
            Participant participant = participants.get(ParticipantId.ofRequest(id), by);
            SponsorshipWorkflow.beneficiaryRegion(participant.regionCode(), participant.nik(), "participantIds", p)
                    .orThrow();
            counts.merge(add(open, id, participant.regionCode(), "REGISTRY", null, by), 1, Integer::sum);
        }
        Result result = new Result(
                0,
                participantIds.size(),
                counts.getOrDefault(Placement.ADDED, 0),
                counts.getOrDefault(Placement.UNCHANGED, 0),
                counts.getOrDefault(Placement.ELSEWHERE, 0),
                false);
        audit.record(
                "SPONSORSHIP_BENEFICIARIES_ADDED",
                "sponsorship_programme",
                Long.toString(programmeId),
                p.sponsorRegion(),
                Map.of(
                        "participantIds",
                        List.copyOf(participantIds),
                        "added",
                        result.added(),
                        "unchanged",
                        result.unchanged(),
                        "elsewhere",
                        result.elsewhere()));
        return result;
    }

    /** A programme that pays (or paid) for a participant, with where the entry came from. */
    record Sponsored(
            long programmeId,
            String programme,
            String legalBasis,
            String sponsorRegion,
            long membershipId,
            String addedFrom,
            @Nullable String fileName,
            String addedBy,
            java.time.Instant addedAt,
            YearMonth lastMonth) {}

    /** The programmes visible to the caller that pay for a participant (the participant's data report). */
    List<Sponsored> programmesOf(long participantId, LindungUser by) {
        participants.get(ParticipantId.of(participantId), by);
        return jdbc
                .sql("""
                SELECT p.id, p.name, p.legal_basis, p.sponsor_region, b.membership_id, b.added_from, f.file_name,
                       b.added_by, b.added_at, coalesce(p.ended_on, p.end_month)
                  FROM sponsorship_beneficiary b
                  JOIN sponsorship_programme p ON p.id = b.programme_id
                  LEFT JOIN sponsorship_file f ON f.id = b.file_id
                 WHERE b.participant_id = ? ORDER BY b.added_at, p.id""")
                .param(participantId)
                .query((rs, n) -> new Sponsored(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant(),
                        YearMonth.from(rs.getDate(10).toLocalDate())))
                .list()
                .stream()
                .filter(s -> SponsorshipProgrammes.visible(s.sponsorRegion(), by))
                .toList();
    }

    /** The beneficiaries of a programme, by name. */
    public List<Beneficiary> list(long programmeId, LindungUser by) {
        programmes.get(programmeId, by);
        return jdbc.sql("""
                SELECT b.participant_id, p.nik_enc, p.full_name, b.region_code, b.membership_id, m.start_month,
                       m.end_month, b.added_from
                  FROM sponsorship_beneficiary b
                  JOIN participant_identity_v p ON p.participant_id = b.participant_id
                  JOIN enrolment_membership_v m ON m.membership_id = b.membership_id
                 WHERE b.programme_id = ? ORDER BY p.full_name, b.participant_id""")
                .param(programmeId)
                .query((rs, n) -> {
                    java.sql.Date end = rs.getDate(7);
                    String nik = vault.openText(rs.getBytes(2), IdentityView.NIK_COLUMN);
                    return new Beneficiary(
                            rs.getLong(1),
                            Objects.requireNonNull(NikDisplay.show(nik, by)),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getLong(5),
                            YearMonth.from(rs.getDate(6).toLocalDate()),
                            end == null ? null : YearMonth.from(end.toLocalDate()),
                            rs.getString(8));
                })
                .list();
    }

    private Placement add(
            Open open, long participantId, String region, String from, @Nullable Long fileId, LindungUser by) {
        Programme p = open.programme();
        boolean listed = jdbc.sql("SELECT count(*) > 0 FROM sponsorship_beneficiary WHERE programme_id = ?"
                        + " AND participant_id = ?")
                .params(p.id(), participantId)
                .query(Boolean.class)
                .single();
        Placement placement = SponsorshipWorkflow.place(
                listed,
                !listed
                        && enrolment.membershipsOf(ParticipantId.of(participantId), by).stream()
                                .anyMatch(m -> m.segment() == Segment.BPU && m.endMonth() == null));
        if (placement != Placement.ADDED) {
            return placement;
        }
        Membership m = enrolment.enrol(
                new EnrolmentRequest(
                        participantId,
                        Segment.BPU,
                        Channel.GOV_SPONSOR,
                        Set.of(),
                        null,
                        p.declaredIncome(),
                        Sector.OTHER,
                        true,
                        open.firstMonth(),
                        null),
                by);
        jdbc.sql("""
                INSERT INTO sponsorship_beneficiary (programme_id, participant_id, membership_id, region_code,
                                                     added_from, file_id, added_by)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), participantId, m.id(), region, from, fileId, by.username())
                .update();
        return placement;
    }

    /**
     * Serialises the changes of one programme's beneficiaries until the transaction ends: the same list sent twice
     * at once is then imported once and replayed once (without it both passed the replay check, and the second
     * failed on the unique file key or registered the same workers again), and two lists naming the same worker do
     * not enrol them twice.
     */
    private void lockProgramme(long programmeId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)")
                .params(PROGRAMME_LOCK_CLASS, (int) programmeId)
                .query()
                .singleRow();
    }

    private Open writable(long programmeId, LindungUser by) {
        SponsorshipWorkflow.mayAttempt(by).orThrow();
        Programme p = programmes.get(programmeId, by);
        return new Open(
                p,
                SponsorshipWorkflow.addBeneficiaries(p, by, LocalDate.now(clock))
                        .orThrow());
    }

    private List<Row> read(byte[] content, boolean xlsx, Programme p) {
        List<Row> rows = new ArrayList<>();
        List<FieldIssue> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        try (RowSource source = open(content, xlsx)) {
            RowSource.Row header = source.next();
            String names = header == null
                    ? ""
                    : String.join(";", header.cells()).trim().toLowerCase(Locale.ROOT);
            if (names.startsWith("\uFEFF")) {
                names = names.substring(1);
            }
            if (!names.equals(HEADER)) {
                throw new InvalidInputException(FieldIssue.error("file", "sponsorship.file.header", HEADER));
            }
            RowSource.Row r;
            while ((r = source.next()) != null) {
                if (r.cells().stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (r.cells().stream().anyMatch(c -> c.indexOf('\u0000') >= 0)) {
                    // no text file has NUL characters (UTF-16, a binary file): PostgreSQL text cannot hold them
                    throw new InvalidInputException(FieldIssue.error("file", "sponsorship.file.encoding"));
                }
                if (rows.size() + errors.size() >= MAX_ROWS) {
                    throw new InvalidInputException(FieldIssue.error("file", "sponsorship.file.too-many", MAX_ROWS));
                }
                Row row = row(r, p, today, errors);
                if (row == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(row.nik(), row.line());
                if (first != null) {
                    errors.add(
                            FieldIssue.error(field(row.line(), "nik"), "sponsorship.file.repeated", row.nik(), first));
                } else {
                    rows.add(row);
                }
            }
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(FieldIssue.error("file", "sponsorship.file.encoding"));
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw new InvalidInputException(FieldIssue.error("file", "sponsorship.file.quote", e.line));
        } catch (XlsxRefusedException e) {
            throw new InvalidInputException(FieldIssue.error("file", e.code(), e.args()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException(FieldIssue.error("file", "sponsorship.file.unreadable"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.subList(0, Math.min(errors.size(), LISTED_ERRORS)));
        }
        if (rows.isEmpty()) {
            throw new InvalidInputException(FieldIssue.error("file", "sponsorship.file.empty"));
        }
        return rows;
    }

    /** CSV (UTF-8, ';' or ',' as the header shows) or the first sheet of an XLSX file. */
    private RowSource open(byte[] content, boolean xlsx) throws IOException {
        return TabularFile.open(new ByteArrayInputStream(content), xlsx, MAX_FIELD, COLUMNS + 4, xlsxLimits);
    }

    private @Nullable Row row(RowSource.Row r, Programme p, LocalDate today, List<FieldIssue> errors) {
        int line = r.line();
        List<String> f = r.cells();
        if (f.size() != COLUMNS || r.tooManyCells()) {
            errors.add(FieldIssue.error(field(line, "row"), "sponsorship.file.columns", f.size(), COLUMNS));
            return null;
        }
        if (!r.tooLong().isEmpty()) {
            errors.add(FieldIssue.error(
                    field(line, NAMES.get(r.tooLong().get(0))), "sponsorship.file.too-long", MAX_FIELD));
            return null;
        }
        if (r.numericCells().contains(0)) {
            errors.add(FieldIssue.error(field(line, "nik"), "sponsorship.file.nik-number"));
            return null;
        }
        int before = errors.size();
        String nik = Objects.requireNonNull(NikRules.canonical(f.get(0)));
        LocalDate birth = null;
        if (!f.get(2).isBlank() && r.numericCells().contains(2)) {
            birth = XlsxRowSource.excelDate(new java.math.BigDecimal(f.get(2)));
        } else if (!f.get(2).isBlank()) {
            try {
                birth = LocalDate.parse(f.get(2).trim());
            } catch (DateTimeParseException e) {
                errors.add(FieldIssue.error(
                        field(line, "birth_date"),
                        "sponsorship.file.date",
                        f.get(2).trim()));
            }
        }
        for (FieldIssue issue : NikRules.check("nik", nik, birth, null, regions::exists, today)) {
            if (issue.isError()) {
                errors.add(new FieldIssue(field(line, "nik"), issue.code(), issue.args(), issue.severity()));
            }
        }
        String name = f.get(1).trim();
        if (name.isEmpty() || name.length() > 150) {
            errors.add(FieldIssue.error(field(line, "name"), "sponsorship.file.name"));
        }
        String desa = f.get(3).trim();
        if (desa.length() != 13 || !regions.exists(desa)) {
            errors.add(FieldIssue.error(field(line, "desa_code"), "sponsorship.file.desa", desa));
        } else if (!SponsorshipWorkflow.inRegion(desa, p)) {
            errors.add(FieldIssue.error(
                    field(line, "desa_code"), SponsorshipRule.BENEFICIARY_REGION.code(), desa, p.sponsorRegion()));
        }
        String occupation = blank(f.get(4));
        String phone = blank(f.get(5));
        if (occupation != null && occupation.length() > 100) {
            errors.add(FieldIssue.error(field(line, "occupation"), "sponsorship.file.occupation"));
        }
        return errors.size() > before ? null : new Row(line, nik, name, birth, desa, occupation, phone);
    }

    private static @Nullable String blank(String s) {
        return s.isBlank() ? null : s.trim();
    }

    private static String field(int line, String column) {
        return "rows[" + line + "]." + column;
    }
}
