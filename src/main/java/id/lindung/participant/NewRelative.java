package id.lindung.participant;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A family member to add. NIK optional (young children may not have one yet), checked when given. */
public record NewRelative(
        @Nullable RelationType relation,
        @Nullable String fullName,
        @Nullable String nik,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex,
        boolean heir) {

    public NewRelative {
        nik = NikRules.canonical(nik);
    }
}
