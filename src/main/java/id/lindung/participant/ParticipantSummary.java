package id.lindung.participant;

import java.time.LocalDate;

/** A row of a participant list. */
public record ParticipantSummary(long id, String nik, String fullName, LocalDate birthDate, Sex sex,
        String regionCode, ParticipantStatus status) {
}
