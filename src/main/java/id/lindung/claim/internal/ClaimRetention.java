package id.lindung.claim.internal;

import id.lindung.shared.retention.ExpiringData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the claim module keeps for a limited time (retention categories of the privacy module's rules), counted from
 * the claim's closing: rejected, or paid, and no scholarship year paid or still planned after the cutoff (a death
 * claim pays the children's scholarships for years, so it closes when the last planned school year ends, 1 July
 * after it). Open claims are never removed.
 * <ul>
 * <li>{@code claim-documents}: the uploaded documents (medical reports, death certificates, bank books, IDs);
 * <li>{@code claims}: the claim itself with its intake (health details, heirs, bank accounts, children), lines,
 * steps and scholarship plan and payments, and a death it recorded (the participant's status stays).
 * </ul>
 * The audit lines about a claim stay (the audit trail is never touched by the application).
 */
@Configuration(proxyBeanMethods = false)
class ClaimRetention {

    private static final String CLOSED_BEFORE = """
            SELECT c.id FROM claim c
             WHERE c.status IN ('REJECTED', 'PAID')
               AND coalesce(c.decided_at, c.submitted_at) < :cutoff
               AND (c.paid_on IS NULL OR c.paid_on < :cutoffDate)
               AND NOT EXISTS (SELECT 1 FROM claim_scholarship_payment p
                                WHERE p.claim_id = c.id AND p.decided_at >= :cutoff)
               AND NOT EXISTS (SELECT 1 FROM claim_scholarship s
                                WHERE s.claim_id = c.id AND make_date(s.school_year + 1, 7, 1) > :cutoffDate)""";

    @Bean
    ExpiringData claimDocumentRetention(JdbcClient jdbc, Clock clock) {
        return ExpiringData.of(
                "claim-documents",
                cutoff -> jdbc.sql("DELETE FROM claim_document WHERE claim_id IN (" + CLOSED_BEFORE + ")")
                        .param("cutoff", Timestamp.from(cutoff))
                        .param("cutoffDate", LocalDate.ofInstant(cutoff, clock.getZone()))
                        .update());
    }

    @Bean
    ExpiringData claimRecordRetention(JdbcClient jdbc, Clock clock) {
        return ExpiringData.of("claims", cutoff -> {
            List<Long> ids = jdbc.sql(CLOSED_BEFORE)
                    .param("cutoff", Timestamp.from(cutoff))
                    .param("cutoffDate", LocalDate.ofInstant(cutoff, clock.getZone()))
                    .query(Long.class)
                    .list();
            if (ids.isEmpty()) {
                return 0;
            }
            Long[] array = ids.toArray(Long[]::new);
            jdbc.sql("DELETE FROM claim_death_membership WHERE death_id IN (SELECT id FROM claim_death"
                            + " WHERE claim_id = ANY (CAST(? AS bigint[])))")
                    .param(array)
                    .update();
            for (String child : List.of(
                    "claim_document",
                    "claim_step",
                    "claim_line",
                    "claim_scholarship",
                    "claim_scholarship_payment",
                    "claim_death")) {
                jdbc.sql("DELETE FROM " + child + " WHERE claim_id = ANY (CAST(? AS bigint[]))")
                        .param(array)
                        .update();
            }
            return jdbc.sql("DELETE FROM claim WHERE id = ANY (CAST(? AS bigint[]))")
                    .param(array)
                    .update();
        });
    }
}
