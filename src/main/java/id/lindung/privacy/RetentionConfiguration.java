package id.lindung.privacy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * The retention rules as shipped ({@code privacy/retention-rules.csv}) or from the file named by
 * {@code lindung.privacy.retention-rules}. The modules holding the data apply them ({@code ExpiringData}); the
 * registry's, which needs participants and memberships, is the enrolment module's.
 */
@Configuration(proxyBeanMethods = false)
class RetentionConfiguration {

    @Bean
    RetentionRules retentionRules(ResourceLoader resources, PrivacyProperties properties) {
        String location = properties.retentionRules();
        try (Reader r =
                new InputStreamReader(resources.getResource(location).getInputStream(), StandardCharsets.UTF_8)) {
            return RetentionRules.fromCsv(r);
        } catch (IOException e) {
            throw new UncheckedIOException("retention rules from " + location, e);
        }
    }
}
