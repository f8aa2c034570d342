package id.lindung.contribution;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Contributions.
 *
 * @param billingBatchSize memberships per transaction of a billing run (its checkpoint)
 * @param bpuMaxMonthsAhead how many months after the current one a BPU member's overpayment is billed and paid (BPJS
 *        practice prepays 1, 3, 6 or 12 months: UNCONFIRMED in a primary source); money beyond it stays credit
 * @param vaPartnerServiceId the SNAP partner service id (up to 8 digits) that starts every virtual account number,
 *        left-padded with spaces to 8; the membership number follows it
 */
@ConfigurationProperties("lindung.contribution")
@Validated
record ContributionProperties(
        @DefaultValue("100000") @Min(1) int billingBatchSize,
        @DefaultValue("12") @Min(0) int bpuMaxMonthsAhead,
        @DefaultValue("88108") @Pattern(regexp = "\\d{1,8}") String vaPartnerServiceId) {}
