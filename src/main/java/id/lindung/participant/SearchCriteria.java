package id.lindung.participant;

import id.lindung.shared.FieldIssue;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Filters of a participant search, all optional and combined with AND: the NIK in full or its last digits (at
 * least {@value #NIK_TAIL}), the name anywhere in it from {@value #NAME_ANYWHERE} letters on (its start for fewer;
 * case and extra spaces ignored), region code prefix (kab/kota, kecamatan or desa).
 */
public record SearchCriteria(
        @Nullable String nik,
        @Nullable String name,
        @Nullable String regionCode) {

    /** The fewest last digits of a NIK a search takes: the serial, which every masked NIK shows. */
    public static final int NIK_TAIL = 4;

    /** From this many letters on a name is found anywhere in the name; fewer find its start. */
    public static final int NAME_ANYWHERE = 3;

    /** The NIK in its canonical form: a NIK pasted with spaces around it finds its participant. */
    public SearchCriteria {
        nik = NikRules.canonical(nik);
    }

    public static SearchCriteria none() {
        return new SearchCriteria(null, null, null);
    }

    /** Whether a NIK filter is the NIK's last digits rather than the whole NIK. */
    public static boolean isNikEnding(@Nullable String nik) {
        return nik != null && nik.length() >= NIK_TAIL && nik.length() < 16 && digits(nik);
    }

    /**
     * What is wrong with the NIK filter, if anything. Who sees NIKs masked may give the whole NIK or its last
     * {@value #NIK_TAIL} digits only: a longer ending reaches into the hidden birth-date digits, so trying ten
     * endings a digit would rebuild them.
     */
    public List<FieldIssue> nikIssues(boolean seesFullNik) {
        if (nik == null || nik.isEmpty()) {
            return List.of();
        }
        if (!digits(nik) || nik.length() > 16) {
            return List.of(FieldIssue.error("nik", "search.nik.digits", NIK_TAIL));
        }
        if (nik.length() < NIK_TAIL) {
            return List.of(FieldIssue.error("nik", "search.nik.tooShort", NIK_TAIL, nik.length()));
        }
        if (!seesFullNik && nik.length() > NIK_TAIL && nik.length() < 16) {
            return List.of(FieldIssue.error("nik", "search.nik.maskedEnding", NIK_TAIL));
        }
        return List.of();
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
