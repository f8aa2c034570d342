package id.lindung.claim.benefit;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A child of the member as the heirs declare it: {@code level} and {@code yearInLevel} (1 = first year) describe the
 * school year in progress at the planning date; {@code level == null} (and {@code yearInLevel == 0}): not yet in
 * school.
 */
public record Child(
        String id,
        String name,
        LocalDate birthDate,
        @Nullable EducationLevel level,
        int yearInLevel,
        boolean married,
        boolean working) {

    public Child {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(birthDate, "birthDate");
        if (level == null ? yearInLevel != 0 : yearInLevel < 1) {
            throw new IllegalArgumentException(
                    "yearInLevel must be 0 without a level and at least 1 with one: " + level + " " + yearInLevel);
        }
    }

    /** A child in school, not married, not working. */
    public static Child inSchool(String id, String name, LocalDate birthDate, EducationLevel level, int yearInLevel) {
        return new Child(id, name, birthDate, level, yearInLevel, false, false);
    }

    /** A child not yet in school. */
    public static Child notInSchool(String id, String name, LocalDate birthDate) {
        return new Child(id, name, birthDate, null, 0, false, false);
    }
}
