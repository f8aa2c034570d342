package id.lindung.sponsorship;

import id.lindung.shared.retention.ExpiringData;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the sponsorship module keeps for a limited time ({@code sponsorship-beneficiaries} in the privacy module's
 * retention rules): who a programme paid for (participant, NIK, region, the list they came from), counted from the
 * end of the programme's last covered month. The programme, its files' records (name, hash, counts; the lists
 * themselves are never stored) and the members' own memberships and bills stay.
 */
@Configuration(proxyBeanMethods = false)
class SponsorshipRetention {

    @Bean
    ExpiringData sponsorshipBeneficiaryRetention(JdbcClient jdbc, Clock clock) {
        return ExpiringData.of(
                "sponsorship-beneficiaries",
                cutoff -> jdbc.sql("""
                DELETE FROM sponsorship_beneficiary b USING sponsorship_programme p
                 WHERE b.programme_id = p.id
                   AND CAST(coalesce(p.ended_on, p.end_month) + interval '1 month' AS date) <= ?""")
                        .param(LocalDate.ofInstant(cutoff, clock.getZone()))
                        .update());
    }
}
