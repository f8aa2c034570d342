package id.lindung.privacy;

import id.lindung.participant.ParticipantRetention;
import id.lindung.shared.retention.ExpiringData;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention rules as shipped ({@code privacy/retention-rules.csv}) or from the file named by
 * {@code lindung.privacy.retention-rules}, and the registry's retention, which needs two modules: the participant
 * module anonymises, and only participants without a membership running into the period qualify (read from
 * enrolment's published view {@code enrolment_membership_v}).
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    private static final int CHUNK = 10_000;

    @Bean
    RetentionRules retentionRules(ResourceLoader resources, PrivacyProperties properties) {
        String location = properties.retentionRules();
        try (Reader r = new InputStreamReader(resources.getResource(location).getInputStream(),
                StandardCharsets.UTF_8)) {
            return RetentionRules.fromCsv(r);
        } catch (IOException e) {
            throw new UncheckedIOException("retention rules from " + location, e);
        }
    }

    /**
     * Participants DECEASED or INACTIVE whose entry has not changed within the period, with no membership open or
     * ended within it: anonymised by the participant module.
     */
    @Bean
    ExpiringData registryRetention(ParticipantRetention participants, JdbcClient jdbc, Clock clock) {
        return ExpiringData.of("registry", cutoff -> {
            List<Long> candidates = participants.endedBefore(cutoff);
            LocalDate cutoffMonth = LocalDate.ofInstant(cutoff, clock.getZone()).withDayOfMonth(1);
            long anonymised = 0;
            for (int from = 0; from < candidates.size(); from += CHUNK) {
                List<Long> chunk = candidates.subList(from, Math.min(candidates.size(), from + CHUNK));
                Set<Long> stillMember = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT participant_id FROM enrolment_membership_v
                         WHERE participant_id = ANY (CAST(? AS bigint[]))
                           AND (end_month IS NULL OR end_month >= ?)""")
                        .params(chunk.toArray(Long[]::new), cutoffMonth).query(Long.class).list());
                anonymised += participants.anonymise(chunk.stream().filter(id -> !stillMember.contains(id))
                        .toList());
            }
            return anonymised;
        });
    }
}
