package id.lindung.paritrana;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.ForbiddenException;

/**
 * Who may write what in the Paritrana Award, in one place (docs/decisions.md, "Write policy"): administrators run
 * cycles, entrants and weights; the entrant's government analysts (and administrators) whose scope holds the entrant
 * enter evidence; jurors are administrators and BPJS officers with a province-wide scope. Stateless, so static.
 */
public final class ParitranaPolicy {

    private ParitranaPolicy() {
    }

    public static boolean mayManage(LindungUser by) {
        return by.is(Role.ADMIN);
    }

    public static void checkManage(LindungUser by) {
        if (!mayManage(by)) {
            throw new ForbiddenException("paritrana.admin", by.role().name());
        }
    }

    /** Evidence for an entrant of {@code regionCode}: an administrator or analyst whose scope holds it. */
    public static boolean mayEnterEvidence(String regionCode, LindungUser by) {
        return by.is(Role.ADMIN, Role.GOV_ANALYST) && by.scope().includes(regionCode);
    }

    /** Jurors: administrators and BPJS officers with a province-wide or national scope. */
    public static boolean isJuror(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER) && by.provinceWide();
    }
}
