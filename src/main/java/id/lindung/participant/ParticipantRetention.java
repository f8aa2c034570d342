package id.lindung.participant;

import id.lindung.access.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Retention of the registry (category {@code registry} of the privacy module's rules): participants whose registry
 * entry ended (status DECEASED or INACTIVE) and has not changed since the cutoff are anonymised as far as the other
 * records allow. Their family members (heirs, children) are deleted, phone and occupation cleared, the name replaced
 * by {@code ANONIM #<id>}, open duplicate flags removed. The NIK, birth date, sex and address stay: memberships,
 * contributions, claims and KUR loans kept under their own (unexpired) periods refer to the person by them, and
 * deleting them is a later step (docs/decisions.md, "Retention"). UMKM businesses stay (business data, not the
 * person's). Each anonymised participant gets its own audit line ({@code PARTICIPANT_ANONYMISED}).
 *
 * <p>Which candidates may go is decided by the caller (the enrolment module also checks the memberships); this
 * class neither reads nor writes the NIK.
 */
@Service
public class ParticipantRetention {

    /** The name an anonymised participant carries (followed by its id). */
    public static final String ANONYMOUS = "ANONIM #";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ParticipantRetention(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Participants DECEASED or INACTIVE, unchanged since before {@code cutoff}, not yet anonymised; by id. */
    public List<Long> endedBefore(Instant cutoff) {
        return jdbc.sql("""
                SELECT id FROM participant
                 WHERE status IN ('DECEASED', 'INACTIVE') AND updated_at < ? AND full_name NOT LIKE 'ANONIM #%'
                 ORDER BY id""").param(Timestamp.from(cutoff)).query(Long.class).list();
    }

    /** Anonymises these participants (see the class comment) in the caller's transaction; how many it changed. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int anonymise(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        Long[] array = jdbc.sql("""
                SELECT id FROM participant WHERE id = ANY (CAST(? AS bigint[])) AND status IN ('DECEASED', 'INACTIVE')
                 ORDER BY id FOR UPDATE""")
                .param(ids.toArray(Long[]::new))
                .query(Long.class)
                .list()
                .toArray(Long[]::new);
        if (array.length == 0) {
            return 0;
        }
        Map<Long, Integer> relatives = new LinkedHashMap<>();
        jdbc.sql("""
                DELETE FROM participant_relative WHERE participant_id = ANY (CAST(? AS bigint[]))
                RETURNING participant_id""").param(array).query(Long.class).list().forEach(id -> relatives.merge(id, 1, Integer::sum));
        jdbc.sql("""
                DELETE FROM participant_duplicate
                 WHERE status = 'OPEN' AND (participant_id = ANY (CAST(? AS bigint[]))
                    OR other_id = ANY (CAST(? AS bigint[])))""").params(array, array).update();
        List<Object[]> changed = new ArrayList<>();
        jdbc.sql("""
                UPDATE participant SET full_name = 'ANONIM #' || id, name_key = 'ANONIM #' || id, phone = NULL,
                       occupation = NULL, updated_at = ?, version = version + 1
                 WHERE id = ANY (CAST(? AS bigint[]))
                RETURNING id, region_code, status""")
                .params(Timestamp.from(clock.instant()), array)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                .list()
                .forEach(changed::add);
        for (Object[] row : changed) {
            long id = (Long) row[0];
            Map<String, Object> what = new LinkedHashMap<>();
            what.put("status", row[2]);
            what.put("relativesDeleted", relatives.getOrDefault(id, 0));
            what.put("cleared", List.of("fullName", "phone", "occupation"));
            what.put("kept", List.of("nik", "birthDate", "sex", "regionCode"));
            audit.record("PARTICIPANT_ANONYMISED", "participant", Long.toString(id), (String) row[1], what);
        }
        return changed.size();
    }
}
