package id.lindung.resilience;

import id.lindung.support.TestSeeds;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A small seeded fuzzing harness: a property runs on generated inputs for a fixed time budget
 * ({@code -Dlindung.fuzz.seconds=N}, default {@value #DEFAULT_SECONDS}), and for at least {@value #MIN_CASES} cases
 * however slow the machine. The seed is fixed ({@value #SEED}) and printed; {@code -Dlindung.test.seed=S} replays
 * another, {@code -Dlindung.test.seed=random} draws a new one ({@link TestSeeds}). A failure names the seed and the
 * case number, so it can be replayed exactly; no jqwik, no shrinking.
 */
final class Fuzz {

    static final int DEFAULT_SECONDS = 4;
    static final int MIN_CASES = 20;
    static final long SEED = 20261207L;

    /** One case of a property: gets the run's random source and the case number. */
    @FunctionalInterface
    interface Case {
        void run(Random random, int n) throws Exception;
    }

    private Fuzz() {}

    static double seconds() {
        return Double.parseDouble(System.getProperty("lindung.fuzz.seconds", Integer.toString(DEFAULT_SECONDS)));
    }

    /**
     * Runs {@code property} for {@code share} × the budget and at least {@code minCases} cases; returns how many
     * cases ran.
     */
    static int run(String name, double share, int minCases, Case property) {
        long seed = TestSeeds.seed("fuzz " + name, SEED);
        Random random = new Random(seed);
        long end = System.nanoTime() + (long) (seconds() * share * 1e9);
        int n = 0;
        do {
            try {
                property.run(random, n);
            } catch (Throwable e) {
                throw new AssertionError(
                        name + " failed on case " + n + " (replay: -D" + TestSeeds.PROPERTY + "=" + seed + "): " + e,
                        e);
            }
            n++;
        } while (System.nanoTime() < end || n < minCases);
        System.out.println("fuzz " + name + ": " + n + " cases, seed " + seed);
        return n;
    }

    static int run(String name, double share, Case property) {
        return run(name, share, MIN_CASES, property);
    }

    static int run(String name, Case property) {
        return run(name, 1.0, property);
    }

    // ------------------------------------------------------------------------------------------------ generators

    private static final String[] TRICKY = {
        "",
        " ",
        "\"",
        "\"\"",
        ";",
        ",",
        "\n",
        "\r\n",
        "\r",
        "\t",
        "\u0000",
        "\uFEFF",
        "é",
        "ñ",
        "日本",
        "😀",
        "\uD800",
        "null",
        "-1",
        "0",
        "9223372036854775808",
        "1e309",
        "NaN",
        "2026-02-30",
        "31/12/2026",
        "99/99/9999",
        "61.04",
        "61.04.01.2011",
        "KALBAR",
        "MIKRO",
        "Super Mikro",
        "6104011705900001",
        "0000000000000000",
        "<script>",
        "'; DROP TABLE x;--",
        "%s%n",
        "\\",
        "../../"
    };

    static String tricky(Random r) {
        return TRICKY[r.nextInt(TRICKY.length)];
    }

    /** A string of random code points from a mix of ranges (ASCII, separators, Latin-1, BMP, astral, surrogates). */
    static String text(Random r, int maxLength) {
        int length = r.nextInt(maxLength + 1);
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            switch (r.nextInt(8)) {
                case 0 -> s.append(tricky(r));
                case 1 -> s.append((char) ('0' + r.nextInt(10)));
                case 2 -> s.append(";,\"\n\r".charAt(r.nextInt(5)));
                case 3 -> s.append((char) (0x20 + r.nextInt(0x5F)));
                case 4 -> s.append((char) r.nextInt(0x100));
                case 5 -> s.append((char) r.nextInt(0x10000));
                case 6 -> s.appendCodePoint(0x10000 + r.nextInt(0x10FFFF - 0x10000));
                default -> s.append((char) ('a' + r.nextInt(26)));
            }
        }
        return s.toString();
    }

    static String digits(Random r, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('0' + r.nextInt(10)));
        }
        return s.toString();
    }

    static byte[] bytes(Random r, int maxLength) {
        byte[] b = new byte[r.nextInt(maxLength + 1)];
        r.nextBytes(b);
        return b;
    }

    /**
     * A mutation of {@code seed}: bytes flipped, inserted, deleted or repeated, a slice cut off (truncated) or
     * duplicated, tricky texts spliced in. Several mutations may stack.
     */
    static byte[] mutate(Random r, byte[] seed) {
        byte[] b = seed.clone();
        int mutations = 1 + r.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int at = b.length == 0 ? 0 : r.nextInt(b.length);
            switch (r.nextInt(7)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[at] = (byte) r.nextInt(256);
                    }
                }
                case 1 -> b = splice(b, at, at, new byte[] {(byte) r.nextInt(256)});
                case 2 -> b = splice(b, at, Math.min(b.length, at + 1 + r.nextInt(8)), new byte[0]);
                case 3 -> b = java.util.Arrays.copyOf(b, at);
                case 4 -> b = splice(b, at, at, tricky(r).getBytes(StandardCharsets.UTF_8));
                case 5 -> {
                    int to = Math.min(b.length, at + r.nextInt(64));
                    b = splice(b, to, to, java.util.Arrays.copyOfRange(b, at, to));
                }
                default -> {
                    if (b.length > 0) {
                        b[at] = (byte) (b[at] ^ (1 << r.nextInt(8)));
                    }
                }
            }
        }
        return b;
    }

    static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[b.length - (to - from) + insert.length];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    static String mutate(Random r, String seed) {
        return new String(mutate(r, seed.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }
}
