package id.lindung.shared.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The size limit of each kind of upload ({@link UploadCheck}; the content is checked too). The multipart limit
 * ({@code spring.servlet.multipart.max-file-size}, 256MB) caps them all.
 *
 * @param kurFile a bank's KUR disbursement file
 * @param paymentFile a bank payment file (a million rows are about 40 MB)
 * @param denominators the coverage denominators
 * @param beneficiaries a sponsorship programme's beneficiary list
 * @param historyFile a contribution history file
 */
@ConfigurationProperties("lindung.upload.max-size")
@Validated
record UploadSizeProperties(
        @DefaultValue("256MB") @NotNull DataSize kurFile,
        @DefaultValue("100MB") @NotNull DataSize paymentFile,
        @DefaultValue("5MB") @NotNull DataSize denominators,
        @DefaultValue("50MB") @NotNull DataSize beneficiaries,
        @DefaultValue("256MB") @NotNull DataSize historyFile) {}
