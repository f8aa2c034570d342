package id.lindung.enrolment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves memberships' registration day back when their history shows they were registered with BPJS before Lindung
 * knew them (the contribution-history import: the first imported month). Set-wise, in the caller's transaction,
 * which audits the whole import; no event (the registration day changes no membership's months, only from when the
 * PU arrears grace runs, which readers take from {@code enrolment_membership_v.registered_on}).
 */
@Component
public class RegistrationHistory {

    private final JdbcClient jdbc;

    RegistrationHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * For each row of the temporary table {@code table} (columns {@code membership_id}, {@code registered_on}) whose
     * day is earlier than the membership's registration day, moves that day back to it; never forward.
     *
     * @return the memberships changed
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int moveBack(String table) {
        if (!table.matches("[a-z_]{1,40}")) {
            throw new IllegalArgumentException("table " + table);
        }
        return jdbc.sql("UPDATE membership m SET registered_on = t.registered_on FROM " + table + " t"
                        + " WHERE m.id = t.membership_id AND t.registered_on < m.registered_on")
                .update();
    }
}
