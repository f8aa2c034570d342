package id.lindung.participant;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A family member of a participant; {@code heir} marks an ahli waris. */
public record Relative(long id, RelationType relation, String fullName, @Nullable String nik,
        @Nullable LocalDate birthDate, @Nullable Sex sex, boolean heir) {

    /** The same relative with the NIK as the reader may see it. */
    public Relative withNik(@Nullable String shown) {
        return new Relative(id, relation, fullName, shown, birthDate, sex, heir);
    }
}
