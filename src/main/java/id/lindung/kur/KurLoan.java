package id.lindung.kur;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A disbursed loan and its borrower's match against the registry. */
public record KurLoan(String bankCode, String loanId, String branch, String nik, String name,
        @Nullable LocalDate birthDate, String scheme, long plafond, LocalDate disbursedOn, @Nullable String sector,
        String regionCode, boolean mandatory, @Nullable Long participantId, String matchStatus,
        boolean enrolledAtDisbursement, boolean nameMismatch, boolean birthMismatch) {

    /** The same loan with the NIK as the reader may see it (see {@code access.NikDisplay}). */
    public KurLoan withNik(String shown) {
        return new KurLoan(bankCode, loanId, branch, shown, name, birthDate, scheme, plafond, disbursedOn, sector,
                regionCode, mandatory, participantId, matchStatus, enrolledAtDisbursement, nameMismatch,
                birthMismatch);
    }
}
