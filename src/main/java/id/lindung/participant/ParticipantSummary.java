package id.lindung.participant;

import java.time.LocalDate;

/** A row of a participant list. */
public record ParticipantSummary(long id, String nik, String fullName, LocalDate birthDate, Sex sex,
        String regionCode, ParticipantStatus status) {

    /** The same row with the NIK as the reader may see it (see {@code access.NikDisplay}). */
    public ParticipantSummary withNik(String shown) {
        return new ParticipantSummary(id, shown, fullName, birthDate, sex, regionCode, status);
    }
}
