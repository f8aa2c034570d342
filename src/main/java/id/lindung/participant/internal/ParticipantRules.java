package id.lindung.participant.internal;

import id.lindung.participant.BusinessScale;
import id.lindung.participant.NikRules;
import id.lindung.participant.RelationType;
import id.lindung.participant.Sex;
import id.lindung.region.RegionLevel;
import id.lindung.shared.FieldIssue;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The input rules of the registry, shared by registration through a form or the API and by bulk loads, so that a
 * row is accepted or refused the same way whichever door it comes through. Each check adds its issues to a list;
 * {@code prefix} is put before every field name ({@code ""} for a form, {@code "rows[17]."} for a bulk row).
 * NIKs arrive in their canonical form (the input records apply {@link NikRules#canonical}) and are checked as they
 * will be stored.
 * Also the normal forms in which names and phone numbers are stored.
 */
public final class ParticipantRules {

    public static final int MAX_NAME = 150;
    public static final int MAX_OCCUPATION = 100;
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} .,'\\-]*");
    private static final Pattern NIB = Pattern.compile("\\d{13}");
    private static final Pattern KBLI = Pattern.compile("\\d{5}");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final Predicate<String> regionExists;
    private final LocalDate today;

    public ParticipantRules(Predicate<String> regionExists, LocalDate today) {
        this.regionExists = regionExists;
        this.today = today;
    }

    /**
     * A worker's data. The NIK issues (errors and warnings) come first in the order {@link NikRules} gives them;
     * callers keep the warnings with the participant.
     */
    public void checkWorker(
            String prefix,
            @Nullable String nik,
            @Nullable String fullName,
            @Nullable LocalDate birthDate,
            @Nullable Sex sex,
            @Nullable String regionCode,
            @Nullable String phone,
            @Nullable String occupation,
            List<FieldIssue> issues) {
        issues.addAll(NikRules.check(prefix + "nik", nik, birthDate, sex, regionExists, today));
        if (birthDate == null) {
            issues.add(FieldIssue.error(prefix + "birthDate", "field.required"));
        } else if (birthDate.isAfter(today)) {
            issues.add(FieldIssue.error(prefix + "birthDate", "birthDate.future"));
        } else if (birthDate.isBefore(EARLIEST_BIRTH)) {
            issues.add(FieldIssue.error(prefix + "birthDate", "birthDate.too-old"));
        }
        if (sex == null) {
            issues.add(FieldIssue.error(prefix + "sex", "field.required"));
        }
        checkName(prefix + "fullName", fullName, issues);
        checkDesa(prefix + "regionCode", regionCode, issues);
        String normalizedPhone = normalizePhone(phone);
        if (normalizedPhone != null && !validPhone(normalizedPhone)) {
            issues.add(FieldIssue.error(prefix + "phone", "phone.format"));
        }
        if (occupation != null && occupation.trim().length() > MAX_OCCUPATION) {
            issues.add(FieldIssue.error(prefix + "occupation", "field.too-long", MAX_OCCUPATION));
        }
    }

    /** A family member: the NIK is optional (young children may have none) but must be valid when given. */
    public void checkRelative(
            String prefix,
            @Nullable RelationType relation,
            @Nullable String fullName,
            @Nullable String nik,
            @Nullable LocalDate birthDate,
            @Nullable Sex sex,
            List<FieldIssue> issues) {
        if (relation == null) {
            issues.add(FieldIssue.error(prefix + "relation", "field.required"));
        }
        checkName(prefix + "fullName", fullName, issues);
        if (nik != null && !nik.isEmpty()) {
            NikRules.check(prefix + "nik", nik, birthDate, sex, regionExists, today).stream()
                    .filter(FieldIssue::isError)
                    .forEach(issues::add);
        }
        if (birthDate != null && birthDate.isAfter(today)) {
            issues.add(FieldIssue.error(prefix + "birthDate", "birthDate.future"));
        }
    }

    /** A business's own data (whether its NIB is taken and who owns it are the caller's to check). */
    public void checkBusiness(
            String prefix,
            @Nullable String nib,
            @Nullable String name,
            @Nullable String kbli,
            @Nullable BusinessScale scale,
            @Nullable String regionCode,
            @Nullable Integer workerCount,
            List<FieldIssue> issues) {
        if (nib == null || !NIB.matcher(nib).matches()) {
            issues.add(FieldIssue.error(prefix + "nib", "nib.format"));
        }
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            issues.add(FieldIssue.error(prefix + "name", "field.required"));
        } else if (trimmed.length() > MAX_NAME) {
            issues.add(FieldIssue.error(prefix + "name", "field.too-long", MAX_NAME));
        }
        if (kbli == null || !KBLI.matcher(kbli).matches()) {
            issues.add(FieldIssue.error(prefix + "kbli", "kbli.format"));
        }
        if (scale == null) {
            issues.add(FieldIssue.error(prefix + "scale", "field.required"));
        }
        checkDesa(prefix + "regionCode", regionCode, issues);
        if (workerCount == null || workerCount < 0) {
            issues.add(FieldIssue.error(prefix + "workerCount", "business.workers.invalid"));
        }
    }

    private static void checkName(String field, @Nullable String name, List<FieldIssue> issues) {
        String cleaned = name == null ? "" : cleanName(name);
        if (cleaned.isEmpty()) {
            issues.add(FieldIssue.error(field, "field.required"));
        } else if (cleaned.length() > MAX_NAME) {
            issues.add(FieldIssue.error(field, "field.too-long", MAX_NAME));
        } else if (!NAME.matcher(cleaned).matches()) {
            issues.add(FieldIssue.error(field, "name.format"));
        }
    }

    private void checkDesa(String field, @Nullable String code, List<FieldIssue> issues) {
        if (code == null || code.isBlank()) {
            issues.add(FieldIssue.error(field, "field.required"));
        } else if (code.length() != RegionLevel.DESA.codeLength() || !regionExists.test(code)) {
            issues.add(FieldIssue.error(field, "region.desa.unknown", code));
        }
    }

    /** Trimmed, runs of white space made one space: how names are stored. Avoids the regex on clean input. */
    public static String cleanName(String name) {
        String trimmed = name.trim();
        for (int i = 0, n = trimmed.length(); i < n; i++) {
            char c = trimmed.charAt(i);
            if (Character.isWhitespace(c)
                    && (c != ' ' || (i + 1 < n && Character.isWhitespace(trimmed.charAt(i + 1))))) {
                return WHITE_SPACE.matcher(trimmed).replaceAll(" ");
            }
        }
        return trimmed;
    }

    /** Without spaces, dashes and brackets: how phone numbers are stored; null when blank. */
    public static @Nullable String normalizePhone(@Nullable String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(phone.length());
        for (int i = 0, n = phone.length(); i < n; i++) {
            char c = phone.charAt(i);
            if (!(Character.isWhitespace(c) || c == '-' || c == '(' || c == ')')) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code +?[0-9]{9,15}}. */
    public static boolean validPhone(String phone) {
        int start = phone.startsWith("+") ? 1 : 0;
        int digits = phone.length() - start;
        if (digits < 9 || digits > 15) {
            return false;
        }
        for (int i = start; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public static @Nullable String trimToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
