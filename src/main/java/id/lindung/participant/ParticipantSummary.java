package id.lindung.participant;

import id.lindung.access.Disclosure;
import id.lindung.access.LindungUser;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A row of a participant list. {@code birthDate} is null where the reader may see only {@code birthYear}
 * ({@link Disclosure}).
 */
public record ParticipantSummary(
        long id,
        String nik,
        String fullName,
        @Nullable LocalDate birthDate,
        Sex sex,
        String regionCode,
        ParticipantStatus status,
        @Nullable Integer birthYear) {

    public ParticipantSummary(
            long id,
            String nik,
            String fullName,
            LocalDate birthDate,
            Sex sex,
            String regionCode,
            ParticipantStatus status) {
        this(id, nik, fullName, birthDate, sex, regionCode, status, birthDate.getYear());
    }

    /** The same row with the NIK as the reader may see it (see {@code access.NikDisplay}). */
    public ParticipantSummary withNik(String shown) {
        return new ParticipantSummary(id, shown, fullName, birthDate, sex, regionCode, status, birthYear);
    }

    /** The row as {@code reader} may see it: NIK masked and the birth date cut to its year where the table says. */
    public ParticipantSummary disclosedTo(LindungUser reader) {
        return new ParticipantSummary(
                id,
                java.util.Objects.requireNonNull(Disclosure.nik(nik, reader)),
                fullName,
                Disclosure.birthDate(birthDate, reader),
                sex,
                regionCode,
                status,
                birthYear);
    }
}
