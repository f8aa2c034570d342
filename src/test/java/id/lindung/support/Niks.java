package id.lindung.support;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Valid NIKs for tests: kecamatan digits + birth date (+40 for women) + a serial of four digits. A NIK is always 16
 * digits: a serial outside 0001-9999 is refused, and when {@link #nik} has handed out every fresh serial of a
 * kecamatan, birth date and sex it fails with a message instead of growing a seventeenth digit.
 */
public final class Niks {

    /** The first serial {@link #nik} hands out: NIKs written by hand in the tests use the lower ones. */
    static final int FIRST_FRESH = 1001;

    static final int LAST = 9999;

    /** The next fresh serial per first twelve digits (kecamatan, birth date and sex). */
    private static final Map<String, AtomicInteger> NEXT = new ConcurrentHashMap<>();

    private Niks() {}

    /**
     * A NIK no earlier call of this JVM gave: e.g. {@code nik("610401", LocalDate.of(1990, 5, 17), false)} =
     * 610401170590xxxx, xxxx from 1001 up.
     *
     * @throws IllegalStateException when the 8,999 fresh serials of that kecamatan, birth date and sex are used up
     */
    public static String nik(String kecamatanDigits, LocalDate birth, boolean female) {
        String prefix = prefix(kecamatanDigits, birth, female);
        int serial = NEXT.computeIfAbsent(prefix, p -> new AtomicInteger(FIRST_FRESH))
                .getAndIncrement();
        if (serial > LAST) {
            throw new IllegalStateException("no fresh NIK serial left for " + prefix + "xxxx: "
                    + (LAST - FIRST_FRESH + 1) + " handed out; vary the birth date or the kecamatan");
        }
        return prefix + String.format(Locale.ROOT, "%04d", serial);
    }

    /** The NIK with this serial (1 to 9999), for generators that number their people themselves. */
    public static String of(String kecamatanDigits, LocalDate birth, boolean female, int serial) {
        if (serial < 1 || serial > LAST) {
            throw new IllegalArgumentException("a NIK serial has four digits, 0001 to 9999: " + serial);
        }
        return prefix(kecamatanDigits, birth, female) + String.format(Locale.ROOT, "%04d", serial);
    }

    private static String prefix(String kecamatanDigits, LocalDate birth, boolean female) {
        if (!kecamatanDigits.matches("\\d{6}")) {
            throw new IllegalArgumentException("a kecamatan has six digits: " + kecamatanDigits);
        }
        return kecamatanDigits
                + String.format(
                        Locale.ROOT,
                        "%02d%02d%02d",
                        birth.getDayOfMonth() + (female ? 40 : 0),
                        birth.getMonthValue(),
                        birth.getYear() % 100);
    }
}
