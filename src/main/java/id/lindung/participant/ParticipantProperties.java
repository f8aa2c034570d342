package id.lindung.participant;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The participant registry.
 *
 * @param bulkBatchSize bulk loads (registry imports, the demo registry): participants per COPY batch; their family
 *        members and businesses wait in memory for one batch
 */
@ConfigurationProperties("lindung.participant")
@Validated
record ParticipantProperties(@DefaultValue("50000") @Min(1) int bulkBatchSize) {}
