package id.lindung.claim.internal;

import id.lindung.claim.workflow.ClaimWorkflow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The claim workflow with its configured four-eyes threshold (rupiah; above it an approval needs a second officer). */
@Configuration(proxyBeanMethods = false)
class ClaimWorkflowConfiguration {

    @Bean
    ClaimWorkflow claimWorkflow(ClaimProperties properties) {
        return new ClaimWorkflow(properties.fourEyesThreshold());
    }
}
