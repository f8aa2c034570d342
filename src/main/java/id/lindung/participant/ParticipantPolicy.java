package id.lindung.participant;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may write the registry, in one place (docs/decisions.md, "Write policy"): administrators, BPJS officers and
 * field agents register and correct workers, their family and businesses and resolve possible duplicates, inside
 * their region scope (the service checks the address against it), also in bulk; only officers and administrators set
 * a status (deceased and its correction). Banks and government analysts read only. Templates ask
 * {@code @participantPolicy.mayWrite(me)}.
 */
@Component
public class ParticipantPolicy {

    public boolean mayWrite(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER, Role.AGENT);
    }

    public void checkWrite(LindungUser by) {
        if (!mayWrite(by)) {
            throw new ForbiddenException("access.role.read-only", by.role().name());
        }
    }

    /** Whether the page links the participant's data report (privacy: officers and administrators). */
    public boolean mayReadDataReport(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER);
    }

    /** A status set for another module's reason (a death, its correction), and bulk loads: officers only. */
    public void checkOfficer(LindungUser by) {
        if (!by.is(Role.ADMIN, Role.OFFICER)) {
            throw new ForbiddenException("access.role.read-only", by.role().name());
        }
    }
}
