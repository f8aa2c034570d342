package id.lindung.claim.benefit;

/** What caused the event. Work accidents and occupational diseases fall under JKK; anything else under JKM. */
public enum EventCause {
    /** Kecelakaan kerja, including on the way to or from work. */
    WORK_ACCIDENT,
    /** Penyakit akibat kerja. */
    OCCUPATIONAL_DISEASE,
    /** Illness or an accident that is not a work accident. */
    OTHER;

    public boolean workRelated() {
        return this != OTHER;
    }
}
