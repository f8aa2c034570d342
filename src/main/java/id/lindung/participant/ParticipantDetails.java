package id.lindung.participant;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What a registration or an update says about a worker. Checked by {@link ParticipantManagement}. */
public record ParticipantDetails(
        @Nullable String nik,
        @Nullable String fullName,
        @Nullable LocalDate birthDate,
        @Nullable Sex sex,
        @Nullable String regionCode,
        @Nullable String phone,
        @Nullable String occupation,
        @Nullable ParticipantStatus status) {

    /** The NIK in its canonical form (see {@link NikRules#canonical}), whichever door the details came through. */
    public ParticipantDetails {
        nik = NikRules.canonical(nik);
    }

    public ParticipantDetails withNik(@Nullable String value) {
        return new ParticipantDetails(value, fullName, birthDate, sex, regionCode, phone, occupation, status);
    }
}
