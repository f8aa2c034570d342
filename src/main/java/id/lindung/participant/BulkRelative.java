package id.lindung.participant;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A family member in a bulk load. NIK optional (young children may not have one yet), checked when given. */
public record BulkRelative(
        RelationType relation,
        String fullName,
        @Nullable String nik,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex,
        boolean heir) {

    public BulkRelative {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(fullName, "fullName");
        nik = NikRules.canonical(nik);
    }
}
