package id.lindung.support;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Seeds of the tests that generate their cases (the fuzz harness, jqwik properties): fixed by default, so that every
 * run tries the same cases, and printed. {@code -Dlindung.test.seed=S} runs them with seed S (to replay a printed
 * one), {@code -Dlindung.test.seed=random} with one new seed for the whole run, printed with each test.
 */
public final class TestSeeds {

    public static final String PROPERTY = "lindung.test.seed";

    /** One new seed per JVM for {@code random}: the printed value replays every seeded test of the run. */
    private static final long RANDOM = new SecureRandom().nextLong();

    private TestSeeds() {}

    /** The seed {@code what} runs with: {@code -Dlindung.test.seed} when given, else {@code fixed}; printed. */
    public static long seed(String what, long fixed) {
        String given = System.getProperty(PROPERTY, "").trim();
        long seed = given.isEmpty() ? fixed : given.equalsIgnoreCase("random") ? RANDOM : Long.parseLong(given);
        System.out.printf(
                Locale.ROOT,
                "seed of %s: %d (%s; again: -D%s=%d, a new one: -D%s=random)%n",
                what,
                seed,
                given.isEmpty() ? "fixed" : "-D" + PROPERTY + "=" + given,
                PROPERTY,
                seed,
                PROPERTY);
        return seed;
    }
}
