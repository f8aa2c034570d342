package id.lindung.kur;

import id.lindung.enrolment.MembershipId;
import id.lindung.participant.ParticipantId;
import id.lindung.participant.ParticipantStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Matches borrowers against the registry by NIK, set-wise: the participant, name and birth date mismatches (for
 * review), and the status from the memberships with JKK — PROTECTED: one protected today by the contribution
 * ledger's rule ({@code contribution_protected_now_v}, the same answer as the status API); LAPSED: enrolled, but
 * none protected today (ended, unpaid, in arrears); NOT_ENROLLED: no participant or no JKK membership; DECEASED: the
 * borrower's death is recorded in the registry (no outreach, whatever the memberships say).
 * {@code enrolled_at_disbursement}:
 * a JKK membership ran in the month of the disbursement.
 */
@Component
public class KurMatching {

    /**
     * Joins that match the loans {@code x} (columns nik_hash, name, birth_date, disbursed_on): the participant
     * {@code p} by the NIK's blind index and {@code m}, the loan's JKK memberships summed up. Per loan only index probes (participant by NIK,
     * memberships by participant, a membership's bills by membership), so the cost follows the number of loans
     * matched. The protected-now view is asked per membership with EXISTS, which reaches the bills through their
     * index.
     */
    static final String MATCH_JOINS = """
            LEFT JOIN participant_identity_v p ON p.nik_hash = x.nik_hash
            LEFT JOIN LATERAL (
              SELECT bool_or(EXISTS (SELECT 1 FROM contribution_protected_now_v n
                                      WHERE n.membership_id = v.membership_id)) AS protected,
                     count(*) > 0 AS enrolled,
                     bool_or(v.start_month <= date_trunc('month', x.disbursed_on)
                             AND (v.end_month IS NULL OR v.end_month >= date_trunc('month', x.disbursed_on)))
                       AS at_disbursement
                FROM enrolment_membership_v v
               WHERE v.participant_id = p.participant_id AND v.programmes LIKE '%JKK%') m ON TRUE""";

    /** The values of {@link #MATCH_COLUMNS} for a loan {@code x}, over {@link #MATCH_JOINS}. */
    static final String MATCH_VALUES = """
            p.participant_id,
            p.participant_id IS NOT NULL AND p.name_key <> upper(regexp_replace(trim(x.name), '\\s+', ' ', 'g')),
            p.participant_id IS NOT NULL AND x.birth_date IS NOT NULL AND x.birth_date <> p.birth_date,
            CASE WHEN p.status = '%s' THEN 'DECEASED'
                 WHEN m.protected THEN 'PROTECTED' WHEN m.enrolled THEN 'LAPSED' ELSE 'NOT_ENROLLED' END,
            coalesce(m.at_disbursement, FALSE)""".formatted(ParticipantStatus.DECEASED);

    static final String MATCH_COLUMNS =
            "participant_id, name_mismatch, birth_mismatch, match_status," + " enrolled_at_disbursement";

    private static final String MATCH = """
            UPDATE kur_loan l
               SET (MATCH_COLUMNS) = ROW(MATCH_VALUES)
              FROM kur_loan x
            MATCH_JOINS
             WHERE l.bank_code = x.bank_code AND l.loan_id = x.loan_id
               AND (l.MATCH_COLUMNS_OF_L) IS DISTINCT FROM (MATCH_VALUES)""".replace("MATCH_COLUMNS_OF_L", MATCH_COLUMNS.replace(", ", ", l."))
            .replace("MATCH_COLUMNS", MATCH_COLUMNS)
            .replace("MATCH_VALUES", MATCH_VALUES)
            .replace("MATCH_JOINS", MATCH_JOINS);

    private final JdbcClient jdbc;

    KurMatching(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Matches again the loans of one borrower (after they registered, enrolled or ended). @return loans changed */
    public int matchParticipant(ParticipantId participant) {
        return jdbc.sql(MATCH + " AND x.nik_hash = (SELECT i.nik_hash FROM participant_identity_v i"
                        + " WHERE i.participant_id = :participant)")
                .param("participant", participant.value())
                .update();
    }

    /** Matches again the loans of a membership's participant (after its protection changed). @return loans changed */
    public int matchMembership(MembershipId membership) {
        return jdbc.sql(MATCH + " AND x.nik_hash = (SELECT i.nik_hash FROM participant_identity_v i"
                        + " JOIN enrolment_membership_v v ON v.participant_id = i.participant_id"
                        + " WHERE v.membership_id = :membership)")
                .param("membership", membership.value())
                .update();
    }

    /** Matches one loan (after the enrol action). */
    public void matchLoan(String bank, String loanId) {
        jdbc.sql(MATCH + " AND x.bank_code = :bank AND x.loan_id = :loan")
                .param("bank", bank)
                .param("loan", loanId)
                .update();
    }

    /**
     * Matches again every loan: arrears come and go with time and payments, which no event announces. Writes only
     * the loans whose match changed. @return how many changed
     */
    public int matchAll() {
        return jdbc.sql(MATCH).update();
    }
}
