package id.lindung.sponsorship;

import java.time.Instant;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * A sponsorship programme: the government that pays ({@code sponsorRegion}: province or kab/kota), its legal basis
 * and funding source, the budget in rupiah, the months it covers, the income its beneficiaries are enrolled at, and
 * how it ended ({@code endedOn}: the last month covered; {@code endAction}: END or HAND_OVER).
 */
public record Programme(
        long id,
        String name,
        String sponsorRegion,
        String sponsorName,
        String legalBasis,
        FundingSource fundingSource,
        long budget,
        YearMonth startMonth,
        YearMonth endMonth,
        long declaredIncome,
        @Nullable String eligibility,
        @Nullable YearMonth endedOn,
        @Nullable String endAction,
        long beneficiaries,
        String createdBy,
        Instant createdAt,
        int version) {

    /** Where the money comes from. */
    public enum FundingSource {
        APBD,
        DBH_SAWIT,
        DBH_CHT,
        DANA_DESA
    }

    /** A new programme as entered; empty fields are reported as errors. */
    public record New(
            @Nullable String name,
            @Nullable String sponsorRegion,
            @Nullable String legalBasis,
            @Nullable FundingSource fundingSource,
            @Nullable Long budget,
            @Nullable YearMonth startMonth,
            @Nullable YearMonth endMonth,
            @Nullable Long declaredIncome,
            @Nullable String eligibility) {}

    /** The last month the programme pays for. */
    public YearMonth lastMonth() {
        return endedOn != null ? endedOn : endMonth;
    }
}
