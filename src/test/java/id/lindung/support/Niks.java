package id.lindung.support;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid NIKs for tests: kecamatan digits + birth date (+40 for women) + a fresh serial. */
public final class Niks {

    private static final AtomicInteger SERIAL = new AtomicInteger(1000);

    private Niks() {
    }

    /** e.g. {@code nik("610401", LocalDate.of(1990, 5, 17), false)} = 610401170590xxxx. */
    public static String nik(String kecamatanDigits, LocalDate birth, boolean female) {
        int day = birth.getDayOfMonth() + (female ? 40 : 0);
        return kecamatanDigits + String.format("%02d%02d%02d%04d", day, birth.getMonthValue(), birth.getYear() % 100,
                SERIAL.incrementAndGet());
    }
}
