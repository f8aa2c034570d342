package id.lindung.claim.benefit;

import id.lindung.enrolment.Programme;

/** What is claimed; each kind belongs to one programme and takes one kind of {@link ClaimDetails}. */
public enum ClaimKind {
    /** Medical care at cost, no ceiling: the invoices. */
    JKK_MEDICAL(Programme.JKK, ClaimDetails.MedicalCare.class),
    /** Home care: costs within the maximum period, capped. */
    JKK_HOME_CARE(Programme.JKK, ClaimDetails.HomeCare.class),
    /** Transport costs, each mode (land/river/lake, sea, air) capped separately. */
    JKK_TRANSPORT(Programme.JKK, ClaimDetails.Transport.class),
    /** Sementara tidak mampu bekerja: months of temporary incapacity. */
    JKK_STMB(Programme.JKK, ClaimDetails.TemporaryIncapacity.class),
    JKK_DISABILITY_PARTIAL_ANATOMICAL(Programme.JKK, ClaimDetails.AnatomicalDisability.class),
    JKK_DISABILITY_PARTIAL_FUNCTIONAL(Programme.JKK, ClaimDetails.FunctionalDisability.class),
    /** Cacat total tetap. */
    JKK_DISABILITY_TOTAL(Programme.JKK, ClaimDetails.None.class),
    /** Death from a work accident or an occupational disease. */
    JKK_DEATH(Programme.JKK, ClaimDetails.None.class),
    /** Death not from a work accident. */
    JKM_DEATH(Programme.JKM, ClaimDetails.None.class);

    private final Programme programme;
    private final Class<? extends ClaimDetails> details;

    ClaimKind(Programme programme, Class<? extends ClaimDetails> details) {
        this.programme = programme;
        this.details = details;
    }

    public Programme programme() {
        return programme;
    }

    public Class<? extends ClaimDetails> detailsType() {
        return details;
    }

    /** The kinds whose amounts depend on the wage (or, for BPU, the declared income). */
    public boolean wageBased() {
        return this == JKK_STMB
                || this == JKK_DISABILITY_PARTIAL_ANATOMICAL
                || this == JKK_DISABILITY_PARTIAL_FUNCTIONAL
                || this == JKK_DISABILITY_TOTAL
                || this == JKK_DEATH;
    }

    /**
     * The kinds paid as one lump sum for an accident (partial or total permanent disability, JKK death): one
     * accident pays at most one of them ({@link AccidentCase}).
     */
    public boolean lumpSum() {
        return this == JKK_DISABILITY_PARTIAL_ANATOMICAL
                || this == JKK_DISABILITY_PARTIAL_FUNCTIONAL
                || this == JKK_DISABILITY_TOTAL
                || this == JKK_DEATH;
    }

    /** A death (JKK or JKM): one person dies once. */
    public boolean death() {
        return this == JKK_DEATH || this == JKM_DEATH;
    }

    /** The kinds that open the children's scholarship (beasiswa). */
    public boolean grantsScholarship() {
        return this == JKK_DEATH || this == JKK_DISABILITY_TOTAL || this == JKM_DEATH;
    }

    /** Which programme pays a death: a work accident (or occupational disease) → JKK, otherwise JKM. */
    public static ClaimKind death(EventCause cause) {
        return cause.workRelated() ? JKK_DEATH : JKM_DEATH;
    }

    /** i18n key, e.g. {@code claim.kind.JKK_DEATH}. */
    public String messageKey() {
        return "claim.kind." + name();
    }
}
