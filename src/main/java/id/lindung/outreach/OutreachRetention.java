package id.lindung.outreach;

import id.lindung.shared.retention.ExpiringData;
import java.sql.Timestamp;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What outreach keeps for a limited time ({@code outreach-messages} in the privacy module's retention rules): the
 * messages (sealed recipient, kind, body), counted from when they were queued; a message still being sent stays
 * until the dispatcher is done with it. Opt-outs are kept: forgetting one would message the person again.
 */
@Configuration(proxyBeanMethods = false)
class OutreachRetention {

    @Bean
    ExpiringData outreachMessageRetention(JdbcClient jdbc) {
        return ExpiringData.of(
                "outreach-messages",
                cutoff -> jdbc.sql("DELETE FROM outreach_message WHERE created_at < ? AND status <> 'SENDING'")
                        .param(Timestamp.from(cutoff))
                        .update());
    }
}
