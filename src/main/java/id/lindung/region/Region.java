package id.lindung.region;

import org.jspecify.annotations.Nullable;

/** A region: code with dots ({@code 61.04.01}), official name, level and parent ({@code null} for a province). */
public record Region(
        String code,
        String name,
        RegionLevel level,
        @Nullable String parentCode) {

    /** The kab/kota part of a code of kab/kota level or below ({@code 61.04.01.2001} gives {@code 61.04}). */
    public static String kabKotaOf(String code) {
        return code.length() >= 5 ? code.substring(0, 5) : code;
    }

    /** Converts the six NIK digits {@code PPKKCC} into a dotted code prefix of the given level. */
    public static String fromNikDigits(String digits, RegionLevel level) {
        String pp = digits.substring(0, 2);
        return switch (level) {
            case PROVINCE -> pp;
            case KABKOTA -> pp + "." + digits.substring(2, 4);
            case KECAMATAN -> pp + "." + digits.substring(2, 4) + "." + digits.substring(4, 6);
            case DESA -> throw new IllegalArgumentException("a NIK carries no desa code");
        };
    }
}
