package id.lindung.claim;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/**
 * Who may write what in claims, in one place (docs/decisions.md, "Write policy"): intake and documents by officers,
 * administrators and field agents (a family's claim taken in the field) for participants in their scope; the
 * workflow's decisions (assign, verify, approve, reject, pay, scholarship, death correction) by officers and
 * administrators; the holiday calendar by administrators. Banks and government analysts neither read nor write
 * claims. Region scope is the service's read of the claim or participant; the amounts are the engine's, not typed.
 */
@Component
public class ClaimPolicy {

    public boolean mayDecide(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER);
    }

    public boolean mayTakeIn(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER, Role.AGENT);
    }

    public boolean mayRead(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER, Role.AGENT);
    }

    public boolean mayKeepHolidays(LindungUser by) {
        return by.is(Role.ADMIN);
    }

    void checkDecide(LindungUser by) {
        if (!mayDecide(by)) {
            throw new ForbiddenException("claim.role.decide", by.role().name());
        }
    }

    void checkRead(LindungUser by) {
        if (!mayRead(by)) {
            throw new ForbiddenException("claim.role.read", by.role().name());
        }
    }

    void checkTakeIn(LindungUser by) {
        if (!mayTakeIn(by)) {
            throw new ForbiddenException("claim.role.intake", by.role().name());
        }
    }
}
