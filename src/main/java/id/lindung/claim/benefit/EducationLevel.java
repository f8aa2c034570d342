package id.lindung.claim.benefit;

import org.jspecify.annotations.Nullable;

/** Education levels of the scholarship (Permenaker 5/2021), in order, each with its yearly amount and maximum years. */
public enum EducationLevel {
    /** Taman kanak-kanak. */
    TK(RuleKey.SCHOLARSHIP_TK_YEARLY, RuleKey.SCHOLARSHIP_TK_MAX_YEARS),
    /** Sekolah dasar or equivalent. */
    SD(RuleKey.SCHOLARSHIP_SD_YEARLY, RuleKey.SCHOLARSHIP_SD_MAX_YEARS),
    /** Sekolah menengah pertama or equivalent. */
    SMP(RuleKey.SCHOLARSHIP_SMP_YEARLY, RuleKey.SCHOLARSHIP_SMP_MAX_YEARS),
    /** Sekolah menengah atas or equivalent. */
    SMA(RuleKey.SCHOLARSHIP_SMA_YEARLY, RuleKey.SCHOLARSHIP_SMA_MAX_YEARS),
    /** Perguruan tinggi (at most S1) or vocational training (pelatihan). */
    PT(RuleKey.SCHOLARSHIP_PT_YEARLY, RuleKey.SCHOLARSHIP_PT_MAX_YEARS);

    private final RuleKey yearly;
    private final RuleKey maxYears;

    EducationLevel(RuleKey yearly, RuleKey maxYears) {
        this.yearly = yearly;
        this.maxYears = maxYears;
    }

    public RuleKey yearly() {
        return yearly;
    }

    public RuleKey maxYears() {
        return maxYears;
    }

    /** The next level, none after PT. */
    public @Nullable EducationLevel next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    public String messageKey() {
        return "claim.level." + name();
    }
}
