package id.lindung.participant;

import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.shared.FieldIssue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a NIK (Nomor Induk Kependudukan, UU 23/2006 jo UU 24/2013): {@code PP KK CC DDMMYY SSSS} —
 * province, kab/kota and kecamatan of first registration, birth date with 40 added to the day for women, and a
 * serial from 0001. There is no checksum. Pure functions; each broken rule is its own message.
 *
 * <p>An unknown kecamatan is only a warning: a NIK keeps the code of the place it was first issued and older NIKs
 * carry codes that have since been renamed or split.
 *
 * <p>One canonical form: white space around a NIK (typed, pasted or in a file cell) is removed by {@link #canonical}
 * before a NIK is checked, stored, indexed or looked up; {@link #check} refuses white space or any other character
 * that is left, so whatever is checked is exactly what is stored.
 */
public final class NikRules {

    private static final Pattern SIXTEEN_DIGITS = Pattern.compile("\\d{16}");

    private NikRules() {}

    /** The NIK in canonical form when that is sixteen digits, else null: the shape a lookup by NIK accepts. */
    public static @Nullable String sixteenDigits(@Nullable String nik) {
        String canonical = canonical(nik);
        return canonical != null && SIXTEEN_DIGITS.matcher(canonical).matches() ? canonical : null;
    }

    /**
     * The NIK without the white space around it: any Unicode white space (blanks, tabs, line breaks, no-break
     * spaces, ideographic space…) and the invisible zero-width spaces a copy from a document brings along. What is
     * inside is kept, so that {@link #check} refuses it. {@code null} stays {@code null}.
     */
    public static @Nullable String canonical(@Nullable String nik) {
        if (nik == null) {
            return null;
        }
        int start = 0;
        int end = nik.length();
        while (start < end && isSpace(nik.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(nik.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == nik.length() ? nik : nik.substring(start, end);
    }

    /** Unicode White_Space (Java's {@code isWhitespace} leaves out the no-break spaces) and zero-width spaces. */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || c == '\u0085'
                || c == '\u200B'
                || c == '\u2060'
                || c == '\uFEFF';
    }

    /**
     * Checks a NIK on its own and against the declared birth date and sex (either may be null when not known).
     *
     * @param field the input field the issues are reported on
     * @param regionExists whether a dotted region code is known
     * @param today to place two-digit years
     */
    public static List<FieldIssue> check(
            String field,
            @Nullable String nik,
            @Nullable LocalDate declaredBirthDate,
            @Nullable Sex declaredSex,
            Predicate<String> regionExists,
            LocalDate today) {
        List<FieldIssue> issues = new ArrayList<>();
        if (nik == null || Objects.requireNonNull(canonical(nik)).isEmpty()) { // only null stays null
            issues.add(FieldIssue.error(field, "nik.required"));
            return issues;
        }
        for (int i = 0; i < nik.length(); i++) {
            char c = nik.charAt(i);
            if (c < '0' || c > '9') {
                // 1-based, as a person counts; white space anywhere (callers pass the canonical form) is named so
                issues.add(FieldIssue.error(field, isSpace(c) ? "nik.space" : "nik.not-digit", i + 1));
                return issues;
            }
        }
        if (!SIXTEEN_DIGITS.matcher(nik).matches()) {
            issues.add(FieldIssue.error(field, "nik.format", nik.length()));
            return issues;
        }
        String province = Region.fromNikDigits(nik, RegionLevel.PROVINCE);
        String kabKota = Region.fromNikDigits(nik, RegionLevel.KABKOTA);
        String kecamatan = Region.fromNikDigits(nik, RegionLevel.KECAMATAN);
        if (!regionExists.test(province)) {
            issues.add(FieldIssue.error(field, "nik.province.unknown", nik.substring(0, 2)));
        } else if (!regionExists.test(kabKota)) {
            issues.add(FieldIssue.error(field, "nik.kabkota.unknown", nik.substring(0, 4), kabKota));
        } else if (!regionExists.test(kecamatan)) {
            issues.add(FieldIssue.warning(field, "nik.kecamatan.unknown", nik.substring(0, 6), kecamatan));
        }

        int dayField = Integer.parseInt(nik.substring(6, 8));
        int month = Integer.parseInt(nik.substring(8, 10));
        int yy = Integer.parseInt(nik.substring(10, 12));
        boolean female = dayField > 40;
        int day = female ? dayField - 40 : dayField;
        Optional<LocalDate> encoded = birthDate(day, month, yy, declaredBirthDate, today);
        if (encoded.isEmpty()) {
            issues.add(FieldIssue.error(field, "nik.birthdate.invalid", nik.substring(6, 12)));
        } else {
            if (declaredBirthDate != null && !encoded.get().equals(declaredBirthDate)) {
                issues.add(FieldIssue.error(
                        field, "nik.birthdate.mismatch", nik.substring(6, 12), declaredBirthDate.toString()));
            }
            if (declaredSex != null && (declaredSex == Sex.P) != female) {
                issues.add(FieldIssue.error(
                        field,
                        declaredSex == Sex.P ? "nik.sex.mismatch.female" : "nik.sex.mismatch.male",
                        nik.substring(6, 8)));
            }
        }
        if (nik.endsWith("0000")) {
            issues.add(FieldIssue.error(field, "nik.serial.zero"));
        }
        return issues;
    }

    /**
     * The birth date encoded in a NIK. The century is the one that matches the declared birth date, or else the
     * latest that is not in the future.
     */
    static Optional<LocalDate> birthDate(int day, int month, int yy, @Nullable LocalDate declared, LocalDate today) {
        LocalDate in2000s = date(2000 + yy, month, day);
        LocalDate in1900s = date(1900 + yy, month, day);
        if (declared != null) {
            if (declared.equals(in2000s)) {
                return Optional.of(declared);
            }
            if (declared.equals(in1900s)) {
                return Optional.of(declared);
            }
        }
        if (in2000s != null && !in2000s.isAfter(today)) {
            return Optional.of(in2000s);
        }
        return Optional.ofNullable(in1900s);
    }

    /**
     * The birth date a NIK encodes (women's day + 40), with the century that matches {@code declared} or else the
     * latest not in the future; empty when the digits are not a date.
     */
    public static Optional<LocalDate> birthDateOf(String nik, @Nullable LocalDate declared, LocalDate today) {
        if (!SIXTEEN_DIGITS.matcher(nik).matches()) {
            return Optional.empty();
        }
        int dayField = Integer.parseInt(nik.substring(6, 8));
        return birthDate(
                dayField > 40 ? dayField - 40 : dayField,
                Integer.parseInt(nik.substring(8, 10)),
                Integer.parseInt(nik.substring(10, 12)),
                declared,
                today);
    }

    /** The sex a NIK encodes (day above 40 means female), if its digits are well formed. */
    public static Optional<Sex> sexOf(String nik) {
        if (!SIXTEEN_DIGITS.matcher(nik).matches()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(nik.substring(6, 8)) > 40 ? Sex.P : Sex.L);
    }

    private static @Nullable LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
