package id.lindung.privacy;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Personal data protection: the retention rules and the nightly retention job.
 *
 * @param retentionRules the retention rules: per data category dated rows with period, action, legal basis and the
 *        unconfirmed flag; point it at a corrected file, e.g. {@code file:/etc/lindung/retention-rules.csv}
 * @param retentionCron when the retention job runs (WIB); {@code -} turns it off (tests call it directly). Its default
 *        is in application.properties: {@code @Scheduled} reads it from there
 * @param retention how the job applies the rules
 */
@ConfigurationProperties("lindung.privacy")
@Validated
record PrivacyProperties(
        @DefaultValue("classpath:privacy/retention-rules.csv") @NotBlank
        String retentionRules,

        @NotBlank String retentionCron,
        @DefaultValue Retention retention) {

    /**
     * @param applyUnconfirmed whether the job also applies periods marked unconfirmed (no regulation gives the
     *        number); off, only confirmed periods delete anything
     */
    record Retention(@DefaultValue("false") boolean applyUnconfirmed) {}
}
