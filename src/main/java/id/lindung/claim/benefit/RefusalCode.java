package id.lindung.claim.benefit;

/**
 * Why a claim (or a part of it) is refused. Each code has its i18n key and a default legal basis; a refusal that
 * comes from a rule row carries that row's legal basis instead.
 */
public enum RefusalCode {
    /** The member was not protected under JKK on the event date. Args: event date. */
    NOT_PROTECTED_JKK("PP 44/2015 jo. PP 82/2019 (manfaat JKK bagi peserta terlindungi pada tanggal kejadian)"),
    /** The member was not protected under JKM on the date of death. Args: date of death. */
    NOT_PROTECTED_JKM("PP 44/2015 jo. PP 82/2019 (manfaat JKM bagi peserta terlindungi pada tanggal kematian)"),
    /** A JKK benefit claimed for an event that is neither a work accident nor an occupational disease. */
    NOT_WORK_RELATED("PP 44/2015 (JKK: kecelakaan kerja dan penyakit akibat kerja)"),
    /** JKM claimed for a death from a work accident: JKK pays it. */
    DEATH_IS_JKK("PP 44/2015 (JKM: kematian bukan akibat kecelakaan kerja)"),
    /**
     * A second lump sum (disability or death) on one accident. Args: case number, the earlier claim's number, its
     * kind, its lump sum (formatted rupiah).
     */
    LUMP_SUM_ALREADY_IN_CASE(
            "PP 44/2015 jo. PP 82/2019 (santunan cacat atau kematian satu kali untuk satu kecelakaan" + " kerja)"),
    /** No rule row valid at the event date. Args: rule key, date. */
    RULE_MISSING("Lindung: aturan manfaat berlaku pada tanggal kejadian (benefit-rules.csv)"),
    /** The scholarship is not a benefit of this claim kind. Args: claim kind. */
    SCHOLARSHIP_NOT_FOR_CLAIM_KIND("PP 44/2015 jo. PP 82/2019 (beasiswa: JKK meninggal atau cacat total tetap, JKM)"),
    /** JKM scholarship before the minimum contribution period. Args: months paid, months required. */
    SCHOLARSHIP_MIN_CONTRIBUTION("PP 82/2019 (masa iur paling singkat 3 tahun)"),
    /** More children than the scholarship allows. Args: child name, maximum. */
    SCHOLARSHIP_MAX_CHILDREN("Permenaker 5/2021 (paling banyak 2 orang anak)"),
    /** Args: child name, age limit. */
    SCHOLARSHIP_AGE_LIMIT("Permenaker 5/2021 (sampai usia 23 tahun)"),
    /** Args: child name. */
    SCHOLARSHIP_MARRIED("Permenaker 5/2021 (berhenti bila anak menikah)"),
    /** Args: child name. */
    SCHOLARSHIP_WORKING("Permenaker 5/2021 (berhenti bila anak bekerja)"),
    /** No proof of enrolment in a school level. Args: child name. */
    SCHOLARSHIP_NOT_ENROLLED("Permenaker 5/2021 (dibayar tiap tahun dengan bukti sekolah)"),
    /** Args: school year, level, maximum years. */
    SCHOLARSHIP_LEVEL_YEARS_USED("Permenaker 5/2021 (jumlah tahun per jenjang)"),
    /** Args: school year. */
    SCHOLARSHIP_YEAR_ALREADY_PAID("Permenaker 5/2021 (dibayar satu kali per tahun)"),
    /** Args: child name, cap. */
    SCHOLARSHIP_CHILD_CAP_REACHED("Permenaker 5/2021 (paling banyak Rp87.000.000 per anak)"),
    /** A school year that ended before the event. Args: school year, event date. */
    SCHOLARSHIP_YEAR_BEFORE_EVENT("Permenaker 5/2021 (beasiswa sejak peserta meninggal dunia atau cacat total tetap)");

    private final String legalBasis;

    RefusalCode(String legalBasis) {
        this.legalBasis = legalBasis;
    }

    public String legalBasis() {
        return legalBasis;
    }

    /** i18n key, e.g. {@code claim.refusal.NOT_PROTECTED_JKK}. */
    public String messageKey() {
        return "claim.refusal." + name();
    }
}
