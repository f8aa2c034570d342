package id.lindung.enrolment;

import id.lindung.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Enrolment's segment rules ({@link MembershipRules}) and write policy ({@link EnrolmentPolicy}; docs/decisions.md,
 * "Write policy").
 *
 * @param bpuMinIncome the lowest declared monthly income of a BPU member, in rupiah
 * @param pmiJhtAmounts the JHT contribution amounts a migrant worker (PMI) may choose, in rupiah
 * @param backdateMonths how many months before the current one each role may date a membership's start at
 *        enrolment (back-dating is arrears, not protection); earlier needs a start correction requested by one officer
 *        and approved by a second
 * @param maxIncome the highest declared monthly income a bank officer (through the KUR enrol action) or a field agent
 *        may enter; above it an officer enrols. Officers and administrators have no cap of their own (the segment
 *        rules still apply)
 */
@ConfigurationProperties("lindung.enrolment")
@Validated
record EnrolmentProperties(
        @DefaultValue("1000000") @Min(1) long bpuMinIncome,

        @DefaultValue({"50000", "100000", "200000", "300000", "400000", "500000", "600000"}) @NotEmpty
        List<@Min(1) Long> pmiJhtAmounts,

        @DefaultValue @Valid BackdateMonths backdateMonths,
        @DefaultValue @Valid MaxIncome maxIncome) {

    /**
     * Months a role may date a start back; government analysts enrol nobody.
     *
     * @param admin administrators
     * @param officer BPJS officers
     * @param agent field agents
     * @param bankOfficer bank officers (KUR enrol action)
     */
    record BackdateMonths(
            @DefaultValue("3") @Min(0) int admin,
            @DefaultValue("3") @Min(0) int officer,
            @DefaultValue("0") @Min(0) int agent,
            @DefaultValue("0") @Min(0) int bankOfficer) {

        int of(Role role) {
            return switch (role) {
                case ADMIN -> admin;
                case OFFICER -> officer;
                case AGENT -> agent;
                case BANK_OFFICER -> bankOfficer;
                case GOV_ANALYST -> 0;
            };
        }
    }

    /**
     * The income caps; the default is the BPU JKK income ceiling of PP 44/2015 Lampiran II (Rp20,700,000).
     *
     * @param bankOfficer bank officers (KUR enrol action)
     * @param agent field agents
     */
    record MaxIncome(
            @DefaultValue("20700000") @Min(1) long bankOfficer,
            @DefaultValue("20700000") @Min(1) long agent) {

        long of(Role role) {
            return switch (role) {
                case BANK_OFFICER -> bankOfficer;
                case AGENT -> agent;
                case ADMIN, OFFICER, GOV_ANALYST -> Long.MAX_VALUE;
            };
        }
    }
}
