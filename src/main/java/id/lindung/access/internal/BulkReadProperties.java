package id.lindung.access.internal;

import id.lindung.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Reads in proportion ({@link JdbcBulkReads}): rows of personal data (search and list pages, exports) each user may
 * read per hour, by role; past it the read answers 429 until the oldest rows of the hour fall out. Every such read is
 * audited with its filter and row count whatever the limit.
 *
 * @param rowsPerHour the hourly budget of each role
 */
@ConfigurationProperties("lindung.reads")
@Validated
record BulkReadProperties(@DefaultValue @Valid RowsPerHour rowsPerHour) {

    /**
     * Rows per hour by role.
     *
     * @param admin administrators
     * @param officer BPJS officers
     * @param govAnalyst government analysts
     * @param bankOfficer bank officers
     * @param agent field agents
     */
    record RowsPerHour(
            @DefaultValue("100000") @Min(0) long admin,
            @DefaultValue("20000") @Min(0) long officer,
            @DefaultValue("2000") @Min(0) long govAnalyst,
            @DefaultValue("2000") @Min(0) long bankOfficer,
            @DefaultValue("1000") @Min(0) long agent) {

        long of(Role role) {
            return switch (role) {
                case ADMIN -> admin;
                case OFFICER -> officer;
                case GOV_ANALYST -> govAnalyst;
                case BANK_OFFICER -> bankOfficer;
                case AGENT -> agent;
            };
        }
    }
}
