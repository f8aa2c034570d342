package id.lindung.paritrana;

/** The award categories (domain notes §5): regional governments and businesses by size. */
public enum Category {
    PROVINCE,
    KABKOTA,
    BUSINESS_LARGE,
    BUSINESS_MEDIUM,
    BUSINESS_SMALL_MICRO;

    /** Whether the entrants are regional governments (their coverage is computed) rather than businesses. */
    public boolean regional() {
        return this == PROVINCE || this == KABKOTA;
    }

    /** The group whose default weights a new cycle of this category starts with. */
    String weightGroup() {
        return regional() ? "REGION" : "BUSINESS";
    }
}
