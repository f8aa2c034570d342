package id.lindung.participant.internal;

import id.lindung.participant.Business;
import id.lindung.participant.BusinessScale;
import id.lindung.participant.DuplicateCandidate;
import id.lindung.participant.NewBusiness;
import id.lindung.participant.NewRelative;
import id.lindung.participant.Participant;
import id.lindung.participant.ParticipantStatus;
import id.lindung.participant.ParticipantSummary;
import id.lindung.participant.RegionCount;
import id.lindung.participant.RelationType;
import id.lindung.participant.Relative;
import id.lindung.participant.SearchCriteria;
import id.lindung.participant.Sex;
import id.lindung.shared.PageResult;
import id.lindung.shared.crypto.Vault;
import id.lindung.shared.reporting.ReportingJdbc;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the registry tables. Region filters are code prefixes already narrowed to the caller's scope. */
@Repository
public class ParticipantRepository {

    static final int COUNT_CAP = 10_000;

    /** The column the sealed NIK is bound to, and the kind of its blind index. */
    public static final String NIK_COLUMN = id.lindung.participant.IdentityView.NIK_COLUMN;

    public static final String NIK_INDEX = id.lindung.participant.IdentityView.NIK_INDEX;
    /** The kind of the blind index of a NIK's last digits. */
    public static final String NIK_TAIL_INDEX = "nik_tail";

    /** At most this many participants share a NIK ending in a search (more are counted as "more than"). */
    static final int NIK_TAIL_CAP = 1_000;

    public static final String RELATIVE_COLUMN = "participant_relative.identity_enc";
    static final char SEP = '\u001f';

    private static final String COLUMNS =
            "id, nik_enc, full_name, birth_date, sex, region_code, phone, occupation, status,"
                    + " nik_warnings, created_at, updated_at, version";
    private static final String SUMMARY_COLUMNS = "id, nik_enc, full_name, birth_date, sex, region_code, status";

    private final JdbcClient jdbc;
    private final Vault vault;
    private final ReportingJdbc reporting;

    ParticipantRepository(JdbcClient jdbc, Vault vault, ReportingJdbc reporting) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.reporting = reporting;
    }

    /** The NIK sealed for the participant table. */
    public byte[] sealNik(String nik) {
        return vault.seal(nik.getBytes(java.nio.charset.StandardCharsets.UTF_8), NIK_COLUMN);
    }

    /** The blind index a participant row stores for its NIK. */
    public byte[] nikIndex(String nik) {
        return vault.index(NIK_INDEX, nik);
    }

    /**
     * The blind index of a NIK's last {@value id.lindung.participant.SearchCriteria#NIK_TAIL} digits (the serial,
     * shown on every masked NIK): what a search by the NIK's last digits looks up.
     */
    public byte[] nikTailIndex(String nik) {
        return vault.index(NIK_TAIL_INDEX, tail(nik));
    }

    static String tail(String nik) {
        return nik.substring(Math.max(0, nik.length() - SearchCriteria.NIK_TAIL));
    }

    /** The indexes a lookup asks for (one per index key held). */
    private byte[][] nikIndexes(String nik) {
        return vault.indexes(NIK_INDEX, nik).toArray(byte[][]::new);
    }

    private String openNik(byte[] sealed) {
        return java.util.Objects.requireNonNull(vault.openText(sealed, NIK_COLUMN));
    }

    /** Upper case, single spaces: the key for name search and duplicate detection. */
    public static String nameKey(String name) {
        return name.trim().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
    }

    public long insert(
            String nik,
            String fullName,
            java.time.LocalDate birthDate,
            Sex sex,
            String regionCode,
            @Nullable String phone,
            @Nullable String occupation,
            ParticipantStatus status,
            List<String> warnings) {
        return jdbc.sql("""
                INSERT INTO participant (nik_enc, nik_hash, full_name, name_key, birth_date, sex, region_code, phone,
                                         occupation, status, nik_warnings, nik_tail_hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        sealNik(nik),
                        nikIndex(nik),
                        fullName,
                        nameKey(fullName),
                        Date.valueOf(birthDate),
                        sex.name(),
                        regionCode,
                        phone,
                        occupation,
                        status.name(),
                        warnings.isEmpty() ? null : String.join(",", warnings),
                        nikTailIndex(nik))
                .query(Long.class)
                .single();
    }

    /** Updates when the version still matches; returns whether it did. */
    public boolean update(
            long id,
            int expectedVersion,
            String nik,
            String fullName,
            java.time.LocalDate birthDate,
            Sex sex,
            String regionCode,
            @Nullable String phone,
            @Nullable String occupation,
            ParticipantStatus status,
            List<String> warnings) {
        return jdbc.sql("""
                UPDATE participant SET nik_enc = ?, nik_hash = ?, full_name = ?, name_key = ?, birth_date = ?, sex = ?, region_code = ?,
                       phone = ?, occupation = ?, status = ?, nik_warnings = ?, updated_at = lindung_now(),
                       version = version + 1, nik_tail_hash = ?
                 WHERE id = ? AND version = ?""")
                        .params(
                                sealNik(nik),
                                nikIndex(nik),
                                fullName,
                                nameKey(fullName),
                                Date.valueOf(birthDate),
                                sex.name(),
                                regionCode,
                                phone,
                                occupation,
                                status.name(),
                                warnings.isEmpty() ? null : String.join(",", warnings),
                                nikTailIndex(nik),
                                id,
                                expectedVersion)
                        .update()
                == 1;
    }

    /** Sets the status alone (a recorded death and its correction); returns whether the row changed. */
    public boolean setStatus(long id, ParticipantStatus status) {
        return jdbc.sql("UPDATE participant SET status = ?, updated_at = lindung_now(), version = version + 1"
                                + " WHERE id = ? AND status <> ?")
                        .params(status.name(), id, status.name())
                        .update()
                == 1;
    }

    public Optional<Participant> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM participant WHERE id = ?")
                .param(id)
                .query(this::participant)
                .optional();
    }

    public Optional<Participant> findByNik(String nik) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM participant WHERE nik_hash = ANY (?::bytea[])")
                .param(nikIndexes(nik))
                .query(this::participant)
                .optional();
    }

    public boolean nikTaken(String nik, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM participant WHERE nik_hash = ANY (?::bytea[]) AND id <> ?)")
                .params(nikIndexes(nik), exceptId)
                .query(Boolean.class)
                .single();
    }

    public PageResult<ParticipantSummary> search(
            @Nullable String nik, @Nullable String name, String regionPrefix, int page, int size) {
        if (SearchCriteria.isNikEnding(nik)) {
            return searchByNikEnding(Objects.requireNonNull(nik), name, regionPrefix, page, size);
        }
        List<Object> params = new ArrayList<>();
        String where = where(nik, name, regionPrefix, params);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<ParticipantSummary> items =
                jdbc.sql(pageSql(where)).params(pageParams).query(this::summary).list();
        if (page == 0 && items.size() < size) {
            // a first page that is not full is the whole answer (a NIK lookup always is): no count needed
            return new PageResult<>(items, page, size, items.size(), false);
        }
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM participant WHERE " + where + " LIMIT "
                        + (COUNT_CAP + 1) + ") capped")
                .params(params)
                .query(Long.class)
                .single();
        return new PageResult<>(items, page, size, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    /**
     * By the NIK's last digits: the rows whose last four digits match (their blind index), opened and kept when the
     * whole ending matches; paged here, as few share an ending within a region.
     */
    private PageResult<ParticipantSummary> searchByNikEnding(
            String ending, @Nullable String name, String regionPrefix, int page, int size) {
        List<ParticipantSummary> all = new ArrayList<>();
        forEach(jdbc, ending, name, regionPrefix, NIK_TAIL_CAP + 1, all::add);
        boolean capped = all.size() > NIK_TAIL_CAP;
        int from = (int) Math.min((long) page * size, all.size());
        int to = (int) Math.min((long) from + size, Math.min(all.size(), NIK_TAIL_CAP));
        return new PageResult<>(
                List.copyOf(all.subList(from, to)), page, size, Math.min(all.size(), NIK_TAIL_CAP), capped);
    }

    private static String pageSql(String where) {
        return "SELECT " + SUMMARY_COLUMNS + " FROM participant WHERE " + where
                + " ORDER BY name_key, id LIMIT ? OFFSET ?";
    }

    /**
     * The plan PostgreSQL chooses for the first page of {@link #search} (EXPLAIN, not run): how a slow search is
     * diagnosed, and how a test keeps the name search on its index.
     */
    public List<String> explainSearchPage(@Nullable String nik, @Nullable String name, String regionPrefix, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(nik, name, regionPrefix, params);
        params.add(size);
        params.add(0L);
        return jdbc.sql("EXPLAIN " + pageSql(where))
                .params(params)
                .query(String.class)
                .list();
    }

    /**
     * Streams every match in name order, for export: from the reporting copy when there is one (seconds behind the
     * registry, see shared.reporting).
     */
    public void exportEach(
            @Nullable String nik,
            @Nullable String name,
            String regionPrefix,
            int limit,
            Consumer<ParticipantSummary> sink) {
        forEach(reporting.reads(), nik, name, regionPrefix, limit, sink);
    }

    private void forEach(
            JdbcClient db,
            @Nullable String nik,
            @Nullable String name,
            String regionPrefix,
            int limit,
            Consumer<ParticipantSummary> sink) {
        List<Object> params = new ArrayList<>();
        String where = where(nik, name, regionPrefix, params);
        params.add(limit);
        boolean ending = SearchCriteria.isNikEnding(nik);
        int[] left = {limit};
        db.sql("SELECT " + SUMMARY_COLUMNS + " FROM participant WHERE " + where + " ORDER BY name_key, id"
                        + (ending ? "" : " LIMIT ?"))
                .params(ending ? params.subList(0, params.size() - 1) : params)
                .query(rs -> {
                    ParticipantSummary p = summary(rs, 0);
                    // the index holds the last four digits; a longer ending is compared on the opened NIK
                    if (left[0] > 0 && (!ending || p.nik().endsWith(Objects.requireNonNull(nik)))) {
                        left[0]--;
                        sink.accept(p);
                    }
                });
    }

    private String where(@Nullable String nik, @Nullable String name, String regionPrefix, List<Object> params) {
        StringBuilder where = new StringBuilder("TRUE");
        if (SearchCriteria.isNikEnding(nik)) {
            where.append(" AND nik_tail_hash = ANY (?::bytea[])");
            params.add(vault.indexes(NIK_TAIL_INDEX, tail(Objects.requireNonNull(nik)))
                    .toArray(byte[][]::new));
        } else if (nik != null && !nik.isBlank()) {
            where.append(" AND nik_hash = ANY (?::bytea[])");
            params.add(nikIndexes(nik.trim()));
        }
        if (name != null && !name.isBlank()) {
            // anywhere in the name from three letters on (the trigram index); one or two letters: the name's start
            String key = nameKey(name);
            where.append(" AND name_key LIKE ?");
            params.add((key.length() >= SearchCriteria.NAME_ANYWHERE ? "%" : "") + escapeLike(key) + "%");
        }
        if (regionPrefix.length() >= 5) {
            // lets the planner use (kabkota_code, name_key)
            where.append(" AND kabkota_code = ?");
            params.add(regionPrefix.substring(0, 5));
            if (regionPrefix.length() > 5) {
                where.append(" AND region_code LIKE ?");
                params.add(regionPrefix + "%");
            }
        } else if (regionPrefix.length() == 2) {
            where.append(" AND province_code = ?");
            params.add(regionPrefix);
        }
        return where.toString();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Ids of other participants with the same name and birth date but another NIK. */
    public List<Long> sameNameAndBirthDate(long id, String fullName, java.time.LocalDate birthDate) {
        return jdbc.sql("SELECT id FROM participant WHERE name_key = ? AND birth_date = ? AND id <> ? ORDER BY id")
                .params(nameKey(fullName), Date.valueOf(birthDate), id)
                .query(Long.class)
                .list();
    }

    public void flagDuplicate(long a, long b) {
        jdbc.sql("INSERT INTO participant_duplicate (participant_id, other_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(Math.max(a, b), Math.min(a, b))
                .update();
    }

    /** Flags every same-name-and-birth-date pair not yet flagged (set-based, after a bulk load). */
    public int flagAllDuplicates() {
        return jdbc.sql("""
                INSERT INTO participant_duplicate (participant_id, other_id)
                SELECT b.id, a.id FROM participant a
                  JOIN participant b ON b.name_key = a.name_key AND b.birth_date = a.birth_date AND b.id > a.id
                ON CONFLICT DO NOTHING""").update();
    }

    public PageResult<DuplicateCandidate> openDuplicates(String regionPrefix, int page, int size) {
        // both workers in the scope: a pair with someone outside it would show that person's NIK and name, and
        // could not be resolved by this user anyway (resolving reads both)
        String scope = regionPrefix.isEmpty() ? "TRUE" : "(n.region_code LIKE ? AND o.region_code LIKE ?)";
        List<Object> params = new ArrayList<>();
        if (!regionPrefix.isEmpty()) {
            params.add(regionPrefix + "%");
            params.add(regionPrefix + "%");
        }
        String from = " FROM participant_duplicate d JOIN participant n ON n.id = d.participant_id"
                + " JOIN participant o ON o.id = d.other_id WHERE d.status = 'OPEN' AND " + scope;
        long total = jdbc.sql("SELECT count(*)" + from)
                .params(params)
                .query(Long.class)
                .single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<DuplicateCandidate> items = jdbc.sql("SELECT n.id, n.nik_enc, n.full_name, n.birth_date, n.sex,"
                        + " n.region_code, n.status, o.id, o.nik_enc, o.full_name, o.birth_date, o.sex, o.region_code, o.status,"
                        + " d.detected_at, d.reason" + from + " ORDER BY d.detected_at DESC, n.id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, i) -> new DuplicateCandidate(
                        summaryAt(rs, 1), summaryAt(rs, 8), rs.getTimestamp(15).toInstant(), rs.getString(16)))
                .list();
        return new PageResult<>(items, page, size, total, false);
    }

    public boolean resolveDuplicate(long participantId, long otherId, String status) {
        return jdbc.sql("UPDATE participant_duplicate SET status = ? WHERE participant_id = ? AND other_id = ?"
                                + " AND status = 'OPEN'")
                        .params(status, Math.max(participantId, otherId), Math.min(participantId, otherId))
                        .update()
                == 1;
    }

    public List<RegionCount> countsByKabKota(String regionPrefix) {
        List<Object> params = new ArrayList<>();
        String where = where(null, null, regionPrefix, params);
        List<Object> businessParams = new ArrayList<>();
        String businessWhere = regionPrefix.isEmpty() ? "TRUE" : "region_code LIKE ?";
        if (!regionPrefix.isEmpty()) {
            businessParams.add(regionPrefix + "%");
        }
        java.util.Map<String, Long> businesses = new java.util.HashMap<>();
        jdbc.sql("SELECT kabkota_code, count(*) FROM umkm_business WHERE " + businessWhere + " GROUP BY kabkota_code")
                .params(businessParams)
                .query(rs -> {
                    businesses.put(rs.getString(1), rs.getLong(2));
                });
        return jdbc.sql("SELECT kabkota_code, count(*), count(*) FILTER (WHERE sex = 'P') FROM participant WHERE "
                        + where + " GROUP BY kabkota_code ORDER BY kabkota_code")
                .params(params)
                .query((rs, i) -> new RegionCount(
                        rs.getString(1), rs.getLong(2), rs.getLong(3), businesses.getOrDefault(rs.getString(1), 0L)))
                .list();
    }

    public long insertRelative(long participantId, NewRelative r) {
        return jdbc.sql("""
                INSERT INTO participant_relative (participant_id, relation, identity_enc, heir)
                VALUES (?, ?, ?, ?) RETURNING id""")
                .params(
                        participantId,
                        Objects.requireNonNull(r.relation()).name(),
                        sealRelative(
                                Objects.requireNonNull(r.fullName()).trim(),
                                blankToNull(r.nik()),
                                r.birthDate(),
                                r.sex()),
                        r.heir())
                .query(Long.class)
                .single();
    }

    public List<Relative> relatives(long participantId) {
        return jdbc.sql("SELECT id, relation, identity_enc, heir FROM participant_relative"
                        + " WHERE participant_id = ? ORDER BY id")
                .param(participantId)
                .query((rs, i) -> {
                    String[] f = openRelative(rs.getBytes(3));
                    return new Relative(
                            rs.getLong(1),
                            RelationType.valueOf(rs.getString(2)),
                            f[0],
                            emptyToNull(f[1]),
                            f[2].isEmpty() ? null : java.time.LocalDate.parse(f[2]),
                            f[3].isEmpty() ? null : Sex.valueOf(f[3]),
                            rs.getBoolean(4));
                })
                .list();
    }

    /** A relative's name, NIK, birth date and sex, sealed together (children's data is specific personal data). */
    public byte[] sealRelative(
            String fullName, @Nullable String nik, java.time.@Nullable LocalDate birthDate, @Nullable Sex sex) {
        return vault.seal(relativeText(fullName, nik, birthDate, sex), RELATIVE_COLUMN);
    }

    /** The plain text a relative's identity is sealed from (also what the bulk loader seals). */
    public static byte[] relativeText(
            String fullName, @Nullable String nik, java.time.@Nullable LocalDate birthDate, @Nullable Sex sex) {
        return (fullName
                        + SEP
                        + (nik == null ? "" : nik)
                        + SEP
                        + (birthDate == null ? "" : birthDate.toString())
                        + SEP
                        + (sex == null ? "" : sex.name()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private String[] openRelative(byte[] sealed) {
        String text = new String(vault.open(sealed, RELATIVE_COLUMN), java.nio.charset.StandardCharsets.UTF_8);
        String[] f = text.split(String.valueOf(SEP), -1);
        if (f.length != 4) {
            throw new IllegalStateException("A relative's sealed identity has " + f.length + " fields");
        }
        return f;
    }

    private static @Nullable String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    public boolean nibTaken(String nib) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM umkm_business WHERE nib = ?)")
                .param(nib)
                .query(Boolean.class)
                .single();
    }

    public long insertBusiness(NewBusiness b) {
        return jdbc.sql("""
                INSERT INTO umkm_business (nib, name, owner_id, kbli, scale, region_code, worker_count)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(
                        b.nib(),
                        Objects.requireNonNull(b.name()).trim(),
                        b.ownerId(),
                        b.kbli(),
                        Objects.requireNonNull(b.scale()).name(),
                        b.regionCode(),
                        b.workerCount())
                .query(Long.class)
                .single();
    }

    public List<Business> businessesOf(long ownerId) {
        return jdbc.sql("SELECT id, nib, name, owner_id, kbli, scale, region_code, worker_count FROM umkm_business"
                        + " WHERE owner_id = ? ORDER BY id")
                .param(ownerId)
                .query(ParticipantRepository::business)
                .list();
    }

    public Optional<Business> findBusiness(long id) {
        return jdbc.sql("SELECT id, nib, name, owner_id, kbli, scale, region_code, worker_count FROM umkm_business"
                        + " WHERE id = ?")
                .param(id)
                .query(ParticipantRepository::business)
                .optional();
    }

    private static Business business(ResultSet rs, int i) throws SQLException {
        return new Business(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getString(5),
                BusinessScale.valueOf(rs.getString(6)),
                rs.getString(7),
                rs.getInt(8));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private Participant participant(ResultSet rs, int i) throws SQLException {
        String warnings = rs.getString(10);
        return new Participant(
                rs.getLong(1),
                openNik(rs.getBytes(2)),
                rs.getString(3),
                rs.getDate(4).toLocalDate(),
                Sex.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                ParticipantStatus.valueOf(rs.getString(9)),
                warnings == null ? List.of() : Arrays.asList(warnings.split(",")),
                rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant(),
                rs.getInt(13));
    }

    private ParticipantSummary summary(ResultSet rs, int i) throws SQLException {
        return summaryAt(rs, 1);
    }

    private ParticipantSummary summaryAt(ResultSet rs, int c) throws SQLException {
        return new ParticipantSummary(
                rs.getLong(c),
                openNik(rs.getBytes(c + 1)),
                rs.getString(c + 2),
                rs.getDate(c + 3).toLocalDate(),
                Sex.valueOf(rs.getString(c + 4)),
                rs.getString(c + 5),
                ParticipantStatus.valueOf(rs.getString(c + 6)));
    }
}
