package id.lindung.claim.benefit;

/** What the value of a rule row counts. */
public enum RuleUnit {
    /** Whole rupiah. */
    RUPIAH,
    /** Percent (100 = all), may have decimals. */
    PERCENT,
    /** A multiplier of the monthly wage (the 80 of "% × 80 × wage"). */
    TIMES,
    MONTHS,
    YEARS,
    /** Working days: Monday to Friday and not a holiday. */
    WORKING_DAYS,
    COUNT,
    /** 1 = yes; the row mainly carries a legal basis. */
    FLAG;

    /** Whether the value must be a whole number. */
    boolean integral() {
        return this != PERCENT;
    }
}
