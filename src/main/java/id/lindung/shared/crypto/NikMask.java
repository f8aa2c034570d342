package id.lindung.shared.crypto;

import org.jspecify.annotations.Nullable;

/**
 * A NIK as shown to someone who does not need all of it: the kecamatan code (6 digits) and the last 4 digits,
 * {@code 610401******0001}. Enough to tell people apart on a list and to compare with an ID card, not enough to use.
 */
public final class NikMask {

    private NikMask() {}

    public static @Nullable String mask(@Nullable String nik) {
        if (nik == null || nik.length() != 16) {
            return nik == null ? null : "*".repeat(nik.length());
        }
        return nik.substring(0, 6) + "******" + nik.substring(12);
    }

    /** Whether a value is a masked NIK (sent back unchanged from a form that showed it masked). */
    public static boolean isMasked(@Nullable String value) {
        return value != null && value.contains("*");
    }

    /** The NIK in full or masked. */
    public static @Nullable String show(@Nullable String nik, boolean full) {
        return full ? nik : mask(nik);
    }
}
