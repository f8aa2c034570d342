package id.lindung.kur;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Matches borrowers against the registry by NIK, set-wise: the participant, name and birth date mismatches (for
 * review), and the status from the memberships with JKK — PROTECTED: one open and no bill overdue; LAPSED: enrolled,
 * but all ended or in arrears; NOT_ENROLLED: no participant or no JKK membership. {@code enrolled_at_disbursement}:
 * a JKK membership ran in the month of the disbursement.
 */
@Component
public class KurMatching {

    private static final String MATCH = """
            UPDATE kur_loan l
               SET participant_id = p.participant_id,
                   name_mismatch = p.participant_id IS NOT NULL
                                   AND p.name_key <> upper(regexp_replace(trim(l.name), '\\s+', ' ', 'g')),
                   birth_mismatch = p.participant_id IS NOT NULL AND l.birth_date IS NOT NULL
                                    AND l.birth_date <> p.birth_date,
                   match_status = CASE WHEN m.protected THEN 'PROTECTED' WHEN m.enrolled THEN 'LAPSED'
                                       ELSE 'NOT_ENROLLED' END,
                   enrolled_at_disbursement = coalesce(m.at_disbursement, FALSE)
              FROM kur_loan x
              LEFT JOIN participant_identity_v p ON p.nik = x.nik
              LEFT JOIN LATERAL (
                SELECT bool_or(v.end_month IS NULL AND o.membership_id IS NULL) AS protected,
                       count(*) > 0 AS enrolled,
                       bool_or(v.start_month <= date_trunc('month', x.disbursed_on)
                               AND (v.end_month IS NULL OR v.end_month >= date_trunc('month', x.disbursed_on)))
                         AS at_disbursement
                  FROM enrolment_membership_v v
                  LEFT JOIN contribution_overdue_v o ON o.membership_id = v.membership_id
                 WHERE v.participant_id = p.participant_id AND v.programmes LIKE '%%JKK%%') m ON TRUE
             WHERE l.bank_code = x.bank_code AND l.loan_id = x.loan_id AND %s""";

    private final JdbcClient jdbc;

    KurMatching(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Matches the loans a file inserted or changed. @return how many */
    public int matchFile(long fileId) {
        return jdbc.sql(MATCH.formatted("x.last_file_id = :file")).param("file", fileId).update();
    }

    /** Matches one loan (after the enrol action). */
    public void matchLoan(String bank, String loanId) {
        jdbc.sql(MATCH.formatted("x.bank_code = :bank AND x.loan_id = :loan")).param("bank", bank)
                .param("loan", loanId).update();
    }

    /** Matches again every loan (after enrolments and payments moved statuses). @return how many */
    public int matchAll() {
        return jdbc.sql(MATCH.formatted("TRUE")).update();
    }
}
