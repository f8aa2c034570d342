package id.lindung.claim.benefit;

/**
 * Every figure the engine uses, one key per figure (domain reference §3). The enum name is the {@code key} column of
 * {@code claim/benefit-rules.csv}; each key has its unit, checked when the rows are loaded.
 */
public enum RuleKey {
    /** JKK medical care at cost without ceiling (value 1): the row gives the legal basis of medical lines. */
    JKK_MEDICAL_AT_COST(RuleUnit.FLAG),
    JKK_HOME_CARE_MAX(RuleUnit.RUPIAH),
    /** Home care is reimbursed for costs within this many months of its start. */
    JKK_HOME_CARE_MAX_MONTHS(RuleUnit.MONTHS),
    /** Transport by land, river or lake. */
    JKK_TRANSPORT_LAND_MAX(RuleUnit.RUPIAH),
    JKK_TRANSPORT_SEA_MAX(RuleUnit.RUPIAH),
    JKK_TRANSPORT_AIR_MAX(RuleUnit.RUPIAH),
    /** STMB: the first tier lasts this many months at {@link #JKK_STMB_TIER1_PCT} of the wage. */
    JKK_STMB_TIER1_MONTHS(RuleUnit.MONTHS),
    JKK_STMB_TIER1_PCT(RuleUnit.PERCENT),
    /** STMB: the second tier follows the first for this many months at {@link #JKK_STMB_TIER2_PCT}. */
    JKK_STMB_TIER2_MONTHS(RuleUnit.MONTHS),
    JKK_STMB_TIER2_PCT(RuleUnit.PERCENT),
    /** STMB: every month after the two tiers. */
    JKK_STMB_AFTER_PCT(RuleUnit.PERCENT),
    /** The 80 of "% × 80 × monthly wage" in disability and death benefits. */
    JKK_WAGE_MULTIPLIER(RuleUnit.TIMES),
    JKK_DISABILITY_TOTAL_PCT(RuleUnit.PERCENT),
    /** Cap on the summed percentages of one partial-disability claim (design assumption, unconfirmed). */
    JKK_DISABILITY_PARTIAL_MAX_PCT(RuleUnit.PERCENT),
    JKK_DEATH_PCT(RuleUnit.PERCENT),
    /** Santunan berkala on JKK death or total permanent disability, paid at once. */
    JKK_PERIODIC_BENEFIT(RuleUnit.RUPIAH),
    JKK_FUNERAL(RuleUnit.RUPIAH),
    /** JKM santunan sekaligus; also the minimum of the JKK death lump sum. */
    JKM_LUMP_SUM(RuleUnit.RUPIAH),
    JKM_PERIODIC_BENEFIT(RuleUnit.RUPIAH),
    JKM_FUNERAL(RuleUnit.RUPIAH),
    SCHOLARSHIP_TK_YEARLY(RuleUnit.RUPIAH),
    SCHOLARSHIP_TK_MAX_YEARS(RuleUnit.YEARS),
    SCHOLARSHIP_SD_YEARLY(RuleUnit.RUPIAH),
    SCHOLARSHIP_SD_MAX_YEARS(RuleUnit.YEARS),
    SCHOLARSHIP_SMP_YEARLY(RuleUnit.RUPIAH),
    SCHOLARSHIP_SMP_MAX_YEARS(RuleUnit.YEARS),
    SCHOLARSHIP_SMA_YEARLY(RuleUnit.RUPIAH),
    SCHOLARSHIP_SMA_MAX_YEARS(RuleUnit.YEARS),
    SCHOLARSHIP_PT_YEARLY(RuleUnit.RUPIAH),
    SCHOLARSHIP_PT_MAX_YEARS(RuleUnit.YEARS),
    SCHOLARSHIP_MAX_PER_CHILD(RuleUnit.RUPIAH),
    SCHOLARSHIP_MAX_CHILDREN(RuleUnit.COUNT),
    /** A school year is paid only if the child is younger than this on its first day. */
    SCHOLARSHIP_AGE_LIMIT(RuleUnit.YEARS),
    /** Under JKM the scholarship needs at least this many months of contributions (none under JKK). */
    SCHOLARSHIP_JKM_MIN_CONTRIBUTION_MONTHS(RuleUnit.MONTHS),
    /** JKK benefits are due within this many working days of complete documents. */
    JKK_PAYMENT_DUE_WORKING_DAYS(RuleUnit.WORKING_DAYS),
    /** Late JKK payment adds this percentage of the benefit per calendar day after the due date. */
    JKK_LATE_PAYMENT_PCT_PER_DAY(RuleUnit.PERCENT),
    /**
     * A PU worker hurt or deceased before the employer registered them (a back-dated start: the month was not
     * paid): value 1 when the employer owes the worker the benefits itself, computed as the programme's.
     */
    EMPLOYER_LIABLE_UNREGISTERED(RuleUnit.FLAG),
    /**
     * A PU worker hurt or deceased while the employer was beyond the arrears grace: value 1 when the employer pays
     * the benefits first (and may ask BPJS for them back once the arrears and fines are paid).
     */
    EMPLOYER_LIABLE_ARREARS(RuleUnit.FLAG);

    private final RuleUnit unit;

    RuleKey(RuleUnit unit) {
        this.unit = unit;
    }

    public RuleUnit unit() {
        return unit;
    }

    /** i18n key of the rule's name, e.g. {@code claim.rule.JKK_FUNERAL}. */
    public String messageKey() {
        return "claim.rule." + name();
    }
}
