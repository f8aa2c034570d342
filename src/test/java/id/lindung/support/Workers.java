package id.lindung.support;

import id.lindung.access.LindungUser;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import java.time.LocalDate;

/** Workers registered through the registry's service, for tests that set up data without HTTP. */
public final class Workers {

    private Workers() {}

    /** A male farmer with this NIK, name and birth date, living in the desa, without phone; answers the id. */
    public static long register(
            ParticipantManagement participants,
            String nik,
            String fullName,
            LocalDate birth,
            String desa,
            LindungUser by) {
        return participants
                .register(new ParticipantDetails(nik, fullName, birth, Sex.L, desa, null, "Petani", null), by)
                .participant()
                .id();
    }
}
