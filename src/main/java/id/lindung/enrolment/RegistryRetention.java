package id.lindung.enrolment;

import id.lindung.participant.ParticipantRetention;
import id.lindung.shared.retention.ExpiringData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry's retention (category {@code registry}), which needs two modules: participants DECEASED or INACTIVE
 * whose entry has not changed within the period ({@link ParticipantRetention}) and who have no membership open or
 * ended within it (this module's) are anonymised by the participant module. It lives here, the one module that
 * knows both, so that the privacy module depends on neither.
 */
@Component
class RegistryRetention implements ExpiringData {

    private static final int CHUNK = 10_000;

    private final ParticipantRetention participants;
    private final JdbcClient jdbc;
    private final Clock clock;

    RegistryRetention(ParticipantRetention participants, JdbcClient jdbc, Clock clock) {
        this.participants = participants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String category() {
        return "registry";
    }

    @Override
    public long removeBefore(Instant cutoff) {
        List<Long> candidates = participants.endedBefore(cutoff);
        LocalDate cutoffMonth = LocalDate.ofInstant(cutoff, clock.getZone()).withDayOfMonth(1);
        long anonymised = 0;
        for (int from = 0; from < candidates.size(); from += CHUNK) {
            List<Long> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
            Set<Long> stillMember = new HashSet<>(jdbc.sql("""
                    SELECT DISTINCT participant_id FROM enrolment_membership_v
                     WHERE participant_id = ANY (CAST(? AS bigint[]))
                       AND (end_month IS NULL OR end_month >= ?)""")
                    .params(chunk.toArray(Long[]::new), cutoffMonth)
                    .query(Long.class)
                    .list());
            anonymised += participants.anonymise(
                    chunk.stream().filter(id -> !stillMember.contains(id)).toList());
        }
        return anonymised;
    }

    @Override
    public String toString() {
        return "ExpiringData[registry]";
    }
}
