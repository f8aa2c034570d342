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
import id.lindung.participant.Relative;
import id.lindung.participant.RelationType;
import id.lindung.participant.Sex;
import id.lindung.shared.PageResult;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the registry tables. Region filters are code prefixes already narrowed to the caller's scope. */
@Repository
public class ParticipantRepository {

    static final int COUNT_CAP = 10_000;

    private static final String COLUMNS = "id, nik, full_name, birth_date, sex, region_code, phone, occupation, status,"
            + " nik_warnings, created_at, updated_at, version";
    private static final String SUMMARY_COLUMNS = "id, nik, full_name, birth_date, sex, region_code, status";

    private final JdbcClient jdbc;

    ParticipantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Upper case, single spaces: the key for name search and duplicate detection. */
    public static String nameKey(String name) {
        return name.trim().replaceAll("\\s+", " ").toUpperCase(java.util.Locale.ROOT);
    }

    public long insert(String nik, String fullName, java.time.LocalDate birthDate, Sex sex, String regionCode,
            @Nullable String phone, @Nullable String occupation, ParticipantStatus status, List<String> warnings) {
        return jdbc.sql("""
                INSERT INTO participant (nik, full_name, name_key, birth_date, sex, region_code, phone, occupation,
                                         status, nik_warnings)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(nik, fullName, nameKey(fullName), Date.valueOf(birthDate), sex.name(), regionCode, phone,
                        occupation, status.name(), warnings.isEmpty() ? null : String.join(",", warnings))
                .query(Long.class).single();
    }

    /** Updates when the version still matches; returns whether it did. */
    public boolean update(long id, int expectedVersion, String nik, String fullName, java.time.LocalDate birthDate,
            Sex sex, String regionCode, @Nullable String phone, @Nullable String occupation, ParticipantStatus status,
            List<String> warnings) {
        return jdbc.sql("""
                UPDATE participant SET nik = ?, full_name = ?, name_key = ?, birth_date = ?, sex = ?, region_code = ?,
                       phone = ?, occupation = ?, status = ?, nik_warnings = ?, updated_at = now(),
                       version = version + 1
                 WHERE id = ? AND version = ?""")
                .params(nik, fullName, nameKey(fullName), Date.valueOf(birthDate), sex.name(), regionCode, phone,
                        occupation, status.name(), warnings.isEmpty() ? null : String.join(",", warnings), id,
                        expectedVersion)
                .update() == 1;
    }

    public Optional<Participant> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM participant WHERE id = ?").param(id)
                .query(ParticipantRepository::participant).optional();
    }

    public Optional<Participant> findByNik(String nik) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM participant WHERE nik = ?").param(nik)
                .query(ParticipantRepository::participant).optional();
    }

    public boolean nikTaken(String nik, long exceptId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM participant WHERE nik = ? AND id <> ?)").params(nik, exceptId)
                .query(Boolean.class).single();
    }

    public PageResult<ParticipantSummary> search(@Nullable String nik, @Nullable String name, String regionPrefix,
            int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(nik, name, regionPrefix, params);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<ParticipantSummary> items = jdbc.sql(pageSql(where)).params(pageParams).query(ParticipantRepository::summary).list();
        if (page == 0 && items.size() < size) {
            // a first page that is not full is the whole answer (a NIK lookup always is): no count needed
            return new PageResult<>(items, page, size, items.size(), false);
        }
        long total = jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM participant WHERE " + where + " LIMIT "
                        + (COUNT_CAP + 1) + ") capped")
                .params(params).query(Long.class).single();
        return new PageResult<>(items, page, size, Math.min(total, COUNT_CAP), total > COUNT_CAP);
    }

    private static String pageSql(String where) {
        return "SELECT " + SUMMARY_COLUMNS + " FROM participant WHERE " + where + " ORDER BY name_key, id LIMIT ? OFFSET ?";
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
        return jdbc.sql("EXPLAIN " + pageSql(where)).params(params).query(String.class).list();
    }

    /** Streams every match in name order (for export). */
    public void forEach(@Nullable String nik, @Nullable String name, String regionPrefix, int limit,
            Consumer<ParticipantSummary> sink) {
        List<Object> params = new ArrayList<>();
        String where = where(nik, name, regionPrefix, params);
        params.add(limit);
        jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM participant WHERE " + where + " ORDER BY name_key, id LIMIT ?")
                .params(params).query(rs -> {
                    sink.accept(summary(rs, 0));
                });
    }

    private static String where(@Nullable String nik, @Nullable String name, String regionPrefix, List<Object> params) {
        StringBuilder where = new StringBuilder("TRUE");
        if (nik != null && !nik.isBlank()) {
            where.append(" AND nik = ?");
            params.add(nik.trim());
        }
        if (name != null && !name.isBlank()) {
            where.append(" AND name_key LIKE ?");
            params.add(escapeLike(nameKey(name)) + "%");
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
                .params(nameKey(fullName), Date.valueOf(birthDate), id).query(Long.class).list();
    }

    public void flagDuplicate(long a, long b) {
        jdbc.sql("INSERT INTO participant_duplicate (participant_id, other_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(Math.max(a, b), Math.min(a, b)).update();
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
        long total = jdbc.sql("SELECT count(*)" + from).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<DuplicateCandidate> items = jdbc.sql("SELECT n.id, n.nik, n.full_name, n.birth_date, n.sex, n.region_code,"
                        + " n.status, o.id, o.nik, o.full_name, o.birth_date, o.sex, o.region_code, o.status,"
                        + " d.detected_at" + from + " ORDER BY d.detected_at DESC, n.id LIMIT ? OFFSET ?")
                .params(pageParams)
                .query((rs, i) -> new DuplicateCandidate(summaryAt(rs, 1), summaryAt(rs, 8),
                        rs.getTimestamp(15).toInstant()))
                .list();
        return new PageResult<>(items, page, size, total, false);
    }

    public boolean resolveDuplicate(long participantId, long otherId, String status) {
        return jdbc.sql("UPDATE participant_duplicate SET status = ? WHERE participant_id = ? AND other_id = ?"
                        + " AND status = 'OPEN'")
                .params(status, Math.max(participantId, otherId), Math.min(participantId, otherId)).update() == 1;
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
                .params(businessParams).query(rs -> {
                    businesses.put(rs.getString(1), rs.getLong(2));
                });
        return jdbc.sql("SELECT kabkota_code, count(*), count(*) FILTER (WHERE sex = 'P') FROM participant WHERE "
                        + where + " GROUP BY kabkota_code ORDER BY kabkota_code")
                .params(params)
                .query((rs, i) -> new RegionCount(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        businesses.getOrDefault(rs.getString(1), 0L)))
                .list();
    }

    public long insertRelative(long participantId, NewRelative r) {
        return jdbc.sql("""
                INSERT INTO participant_relative (participant_id, relation, full_name, nik, birth_date, sex, heir)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(participantId, r.relation().name(), r.fullName().trim(), blankToNull(r.nik()),
                        r.birthDate() == null ? null : Date.valueOf(r.birthDate()),
                        r.sex() == null ? null : r.sex().name(), r.heir())
                .query(Long.class).single();
    }

    public List<Relative> relatives(long participantId) {
        return jdbc.sql("SELECT id, relation, full_name, nik, birth_date, sex, heir FROM participant_relative"
                        + " WHERE participant_id = ? ORDER BY id")
                .param(participantId)
                .query((rs, i) -> new Relative(rs.getLong(1), RelationType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        rs.getString(6) == null ? null : Sex.valueOf(rs.getString(6)), rs.getBoolean(7)))
                .list();
    }

    public boolean nibTaken(String nib) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM umkm_business WHERE nib = ?)").param(nib).query(Boolean.class)
                .single();
    }

    public long insertBusiness(NewBusiness b) {
        return jdbc.sql("""
                INSERT INTO umkm_business (nib, name, owner_id, kbli, scale, region_code, worker_count)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(b.nib(), b.name().trim(), b.ownerId(), b.kbli(), b.scale().name(), b.regionCode(),
                        b.workerCount())
                .query(Long.class).single();
    }

    public List<Business> businessesOf(long ownerId) {
        return jdbc.sql("SELECT id, nib, name, owner_id, kbli, scale, region_code, worker_count FROM umkm_business"
                        + " WHERE owner_id = ? ORDER BY id")
                .param(ownerId).query(ParticipantRepository::business).list();
    }

    public Optional<Business> findBusiness(long id) {
        return jdbc.sql("SELECT id, nib, name, owner_id, kbli, scale, region_code, worker_count FROM umkm_business"
                        + " WHERE id = ?")
                .param(id).query(ParticipantRepository::business).optional();
    }

    private static Business business(ResultSet rs, int i) throws SQLException {
        return new Business(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                BusinessScale.valueOf(rs.getString(6)), rs.getString(7), rs.getInt(8));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Participant participant(ResultSet rs, int i) throws SQLException {
        String warnings = rs.getString(10);
        return new Participant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
                Sex.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                ParticipantStatus.valueOf(rs.getString(9)),
                warnings == null ? List.of() : Arrays.asList(warnings.split(",")),
                rs.getTimestamp(11).toInstant(), rs.getTimestamp(12).toInstant(), rs.getInt(13));
    }

    private static ParticipantSummary summary(ResultSet rs, int i) throws SQLException {
        return summaryAt(rs, 1);
    }

    private static ParticipantSummary summaryAt(ResultSet rs, int c) throws SQLException {
        return new ParticipantSummary(rs.getLong(c), rs.getString(c + 1), rs.getString(c + 2),
                rs.getDate(c + 3).toLocalDate(), Sex.valueOf(rs.getString(c + 4)), rs.getString(c + 5),
                ParticipantStatus.valueOf(rs.getString(c + 6)));
    }
}
