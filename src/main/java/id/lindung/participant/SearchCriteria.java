package id.lindung.participant;

import org.jspecify.annotations.Nullable;

/**
 * Filters of a participant search, all optional and combined with AND: exact NIK, name prefix (case and extra
 * spaces ignored), region code prefix (kab/kota, kecamatan or desa).
 */
public record SearchCriteria(
        @Nullable String nik,
        @Nullable String name,
        @Nullable String regionCode) {

    /** The NIK in its canonical form: a NIK pasted with spaces around it finds its participant. */
    public SearchCriteria {
        nik = NikRules.canonical(nik);
    }

    public static SearchCriteria none() {
        return new SearchCriteria(null, null, null);
    }
}
