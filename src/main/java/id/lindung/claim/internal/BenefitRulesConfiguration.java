package id.lindung.claim.internal;

import id.lindung.claim.benefit.BenefitCalculator;
import id.lindung.claim.benefit.BenefitRules;
import id.lindung.claim.benefit.ScholarshipPlanner;
import id.lindung.claim.benefit.ServiceLevel;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The benefit rules as shipped ({@code claim/benefit-rules.csv}, {@code claim/disability-table.csv}: dated rows
 * with legal basis, source and the unconfirmed flag), or from files named by {@code lindung.claim.benefit-rules}
 * and {@code lindung.claim.disability-table} (any Spring resource location, e.g. {@code file:/etc/lindung/…}) when
 * an operator corrects an unconfirmed figure or adds a new regulation's rows. Read once at start-up.
 */
@Configuration
class BenefitRulesConfiguration {

    @Bean
    BenefitRules benefitRules(ResourceLoader resources, ClaimProperties properties) {
        String rules = properties.benefitRules();
        String table = properties.disabilityTable();
        try (Reader r = new InputStreamReader(resources.getResource(rules).getInputStream(), StandardCharsets.UTF_8);
                Reader d =
                        new InputStreamReader(resources.getResource(table).getInputStream(), StandardCharsets.UTF_8)) {
            return BenefitRules.fromCsv(r, d);
        } catch (IOException e) {
            throw new UncheckedIOException("benefit rules from " + rules + " and " + table, e);
        }
    }

    @Bean
    BenefitCalculator benefitCalculator(BenefitRules rules) {
        return new BenefitCalculator(rules);
    }

    @Bean
    ScholarshipPlanner scholarshipPlanner(BenefitRules rules) {
        return new ScholarshipPlanner(rules);
    }

    @Bean
    ServiceLevel serviceLevel(BenefitRules rules) {
        return new ServiceLevel(rules);
    }
}
