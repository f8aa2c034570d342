package id.lindung.enrolment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The five programmes of BPJS Ketenagakerjaan. */
public enum Programme {
    /** Jaminan Kecelakaan Kerja: work accidents. */
    JKK,
    /** Jaminan Kematian: death. */
    JKM,
    /** Jaminan Hari Tua: old-age savings. */
    JHT,
    /** Jaminan Pensiun: pension. */
    JP,
    /** Jaminan Kehilangan Pekerjaan: job loss. */
    JKP;

    /** Stored form: comma-separated in declaration order, e.g. {@code JKK,JKM,JHT}. */
    public static String join(Set<Programme> programmes) {
        return EnumSet.copyOf(programmes).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Set<Programme> parse(String joined) {
        Set<Programme> set = EnumSet.noneOf(Programme.class);
        Arrays.stream(joined.split(","))
                .filter(s -> !s.isBlank())
                .map(String::trim)
                .map(Programme::valueOf)
                .forEach(set::add);
        return set;
    }
}
