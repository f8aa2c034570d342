package id.lindung.claim.internal;

import id.lindung.claim.workflow.ClaimWorkflow;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The claim workflow with its configured four-eyes threshold (rupiah; above it an approval needs a second officer). */
@Configuration
class ClaimWorkflowConfiguration {

    @Bean
    ClaimWorkflow claimWorkflow(@Value("${lindung.claim.four-eyes-threshold:50000000}") long fourEyesThreshold) {
        return new ClaimWorkflow(fourEyesThreshold);
    }
}
