package id.lindung.participant;

import id.lindung.access.Disclosure;
import id.lindung.access.LindungUser;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A family member of a participant; {@code heir} marks an ahli waris. {@code birthDate} is null where the reader may
 * see only {@code birthYear} ({@link Disclosure}).
 */
public record Relative(
        long id,
        RelationType relation,
        String fullName,
        @Nullable String nik,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex,
        boolean heir,
        @Nullable Integer birthYear) {

    public Relative(
            long id,
            RelationType relation,
            String fullName,
            @Nullable String nik,
            @Nullable LocalDate birthDate,
            @Nullable Sex sex,
            boolean heir) {
        this(id, relation, fullName, nik, birthDate, sex, heir, Disclosure.birthYear(birthDate));
    }

    /** The relative as {@code reader} may see them: NIK masked and the birth date cut to its year where due. */
    public Relative disclosedTo(LindungUser reader) {
        return new Relative(
                id,
                relation,
                fullName,
                Disclosure.nik(nik, reader),
                Disclosure.birthDate(birthDate, reader),
                sex,
                heir,
                birthYear);
    }
}
