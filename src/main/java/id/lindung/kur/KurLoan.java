package id.lindung.kur;

import id.lindung.access.Disclosure;
import id.lindung.access.LindungUser;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A disbursed loan and its borrower's match against the registry. */
public record KurLoan(
        String bankCode,
        String loanId,
        String branch,
        String nik,
        String name,
        @Nullable LocalDate birthDate,
        String scheme,
        long plafond,
        LocalDate disbursedOn,
        @Nullable String sector,
        String regionCode,
        boolean mandatory,
        @Nullable Long participantId,
        String matchStatus,
        boolean enrolledAtDisbursement,
        boolean nameMismatch,
        boolean birthMismatch) {

    /**
     * The loan as {@code reader} may see it ({@link Disclosure}): the NIK masked and no birth date for those who see
     * identities masked — the birth date is the NIK's hidden digits.
     */
    public KurLoan disclosedTo(LindungUser reader) {
        return new KurLoan(
                bankCode,
                loanId,
                branch,
                java.util.Objects.requireNonNull(Disclosure.nik(nik, reader)),
                name,
                Disclosure.birthDate(birthDate, reader),
                scheme,
                plafond,
                disbursedOn,
                sector,
                regionCode,
                mandatory,
                participantId,
                matchStatus,
                enrolledAtDisbursement,
                nameMismatch,
                birthMismatch);
    }

    /**
     * What a borrower matched to a participant outside the reader's region scope shows instead of the match: the
     * registry knows the NIK, nothing more (no participant id, status, enrolment or mismatch flags).
     */
    public static final String REGISTERED_ELSEWHERE = "REGISTERED_ELSEWHERE";

    /** The same loan with its match reduced to {@link #REGISTERED_ELSEWHERE}. */
    public KurLoan elsewhere() {
        return new KurLoan(
                bankCode,
                loanId,
                branch,
                nik,
                name,
                birthDate,
                scheme,
                plafond,
                disbursedOn,
                sector,
                regionCode,
                mandatory,
                null,
                REGISTERED_ELSEWHERE,
                false,
                false,
                false);
    }
}
