package id.lindung.participant;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One worker for {@link ParticipantBulkLoader}: the same facts a registration takes, with the family members to
 * record and the UMKM business the worker owns, if any (one business actor has one NIB, so at most one).
 */
public record BulkParticipant(
        String nik,
        String fullName,
        LocalDate birthDate,
        Sex sex,
        String regionCode,
        @Nullable String phone,
        @Nullable String occupation,
        List<BulkRelative> relatives,
        @Nullable BulkBusiness business) {

    public BulkParticipant {
        nik = Objects.requireNonNull(NikRules.canonical(nik), "nik");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        Objects.requireNonNull(regionCode, "regionCode");
        relatives = List.copyOf(relatives);
    }
}
