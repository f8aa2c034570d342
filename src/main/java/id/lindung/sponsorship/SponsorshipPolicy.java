package id.lindung.sponsorship;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.ForbiddenException;

/**
 * Who may write what in sponsorship, in one place (docs/decisions.md, "Write policy"): programmes, their
 * beneficiaries, the consolidated payment and the end are BPJS officers' and administrators' work in their scope
 * (the service checks the programme's sponsor region); government analysts, banks and agents read and simulate
 * only. Stateless, so static.
 */
public final class SponsorshipPolicy {

    private SponsorshipPolicy() {
    }

    public static boolean mayWrite(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER);
    }

    public static void checkWrite(LindungUser by) {
        if (!mayWrite(by)) {
            throw new ForbiddenException("sponsorship.role", by.role().name());
        }
    }
}
