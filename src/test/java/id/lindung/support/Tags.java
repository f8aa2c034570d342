package id.lindung.support;

/**
 * The JUnit tags of the tests that {@code ./run-tests fast} leaves out (the pom's {@code slow-test-tags});
 * {@code ./run-tests} (and CI) runs every test. A class carries the tag of what makes it slow or heavy.
 */
public final class Tags {

    /** Drives a real browser (Playwright and Chromium). */
    public static final String BROWSER = "browser";
    /** Kills or restarts the application or its database (child processes, a second start). */
    public static final String CRASH = "crash";
    /** Feeds generated input for a time budget. */
    public static final String FUZZ = "fuzz";
    /** Many clients at once or many generated histories against the database (soak-style). */
    public static final String SOAK = "soak";
    /**
     * The authorization and write-policy matrices, and sweeps of every endpoint: every endpoint or write asked by
     * every user or role, or with every kind of bad parameter.
     */
    public static final String MATRIX = "matrix";
    /** Every benchmark at a small size. */
    public static final String BENCH_SMOKE = "bench-smoke";

    private Tags() {}
}
