package id.lindung.claim.internal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Claims.
 *
 * @param officeName the BPJS office heading the decision letter of a participant whose kab/kota is not in the
 *        branch table ({@link BranchOffices})
 * @param fourEyesThreshold a claim paying more than this (whole rupiah) needs a second officer's approval
 * @param documentMaxBytes the largest claim document accepted, in bytes
 * @param benefitRules the dated benefit rule rows (CSV); point it at a corrected file, e.g.
 *        {@code file:/etc/lindung/benefit-rules.csv}
 * @param disabilityTable the disability table (CSV) of PP 44/2015
 */
@ConfigurationProperties("lindung.claim")
@Validated
public record ClaimProperties(
        @DefaultValue("Kantor Cabang Pontianak") @NotBlank String officeName,
        @DefaultValue("50000000") @Min(0) long fourEyesThreshold,
        @DefaultValue("10485760") @Min(1) int documentMaxBytes,

        @DefaultValue("classpath:claim/benefit-rules.csv") @NotBlank
        String benefitRules,

        @DefaultValue("classpath:claim/disability-table.csv") @NotBlank
        String disabilityTable) {}
