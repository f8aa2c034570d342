package id.lindung.participant;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A registered worker. {@code nikWarnings} are message codes of NIK rules that warned but did not reject. */
public record Participant(
        long id,
        String nik,
        String fullName,
        LocalDate birthDate,
        Sex sex,
        String regionCode,
        @Nullable String phone,
        @Nullable String occupation,
        ParticipantStatus status,
        List<String> nikWarnings,
        Instant createdAt,
        Instant updatedAt,
        int version) {

    public Participant {
        nikWarnings = List.copyOf(nikWarnings);
    }

    public String kabKotaCode() {
        return regionCode.substring(0, 5);
    }
}
