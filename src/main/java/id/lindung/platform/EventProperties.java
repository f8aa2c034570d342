package id.lindung.platform;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Spring Modulith's event publication registry ({@code event_publication}).
 *
 * @param completedRetention how long a completed event publication is kept before the nightly purge deletes it;
 *        incomplete publications are never purged
 * @param purgeCron when the purge runs (WIB); {@code -} turns it off (tests call it directly). Its default is in
 *        application.properties: {@code @Scheduled} reads it from there
 */
@ConfigurationProperties("lindung.events")
@Validated
record EventProperties(
        @DefaultValue("30d") @NotNull Duration completedRetention,
        @NotBlank String purgeCron) {}
