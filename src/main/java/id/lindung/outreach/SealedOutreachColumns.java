package id.lindung.outreach;

import id.lindung.shared.crypto.SealedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Outreach's sealed columns, for key rotation: the recipients of messages and of opt-outs, with their indexes. */
@Configuration(proxyBeanMethods = false)
class SealedOutreachColumns {

    @Bean
    SealedColumn outreachMessageRecipient() {
        return SealedColumn.indexed("outreach_message", "id", "recipient_enc", "recipient_hash", Recipients.INDEX);
    }

    @Bean
    SealedColumn outreachOptOutRecipient() {
        return SealedColumn.indexed("outreach_opt_out", "id", "recipient_enc", "recipient_hash", Recipients.INDEX);
    }
}
