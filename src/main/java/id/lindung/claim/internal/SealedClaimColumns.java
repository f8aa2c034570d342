package id.lindung.claim.internal;

import id.lindung.shared.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The claims' sealed columns, for the key rotation. */
@Configuration(proxyBeanMethods = false)
class SealedClaimColumns {

    @Bean
    SealedColumn claimIntake() {
        return SealedColumn.of("claim", "id", "intake_enc");
    }

    @Bean
    SealedColumn claimStepNote() {
        return SealedColumn.of("claim_step", "id", "note_enc");
    }

    @Bean
    SealedColumn claimDocument() {
        return SealedColumn.of("claim_document", "id", "content");
    }

    @Bean
    SealedColumn scholarshipChild() {
        return SealedColumn.of("claim_scholarship", "id", "child_name_enc");
    }

    @Bean
    SealedColumn scholarshipPaidChild() {
        return SealedColumn.of("claim_scholarship_payment", "id", "child_name_enc");
    }
}
