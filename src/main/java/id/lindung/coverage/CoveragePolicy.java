package id.lindung.coverage;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.shared.ForbiddenException;

/**
 * Who may write what in coverage, in one place (docs/decisions.md, "Write policy"): denominators and targets are
 * the administrators' and government analysts' (targets inside their scope); rebuilding the read model is an
 * administrator's. Everyone else reads. Stateless, so static.
 */
public final class CoveragePolicy {

    private CoveragePolicy() {}

    public static boolean mayEdit(LindungUser by) {
        return by.is(Role.ADMIN, Role.GOV_ANALYST);
    }

    public static void checkEdit(LindungUser by) {
        if (!mayEdit(by)) {
            throw new ForbiddenException("coverage.edit.role", by.role().name());
        }
    }

    public static boolean mayRebuild(LindungUser by) {
        return by.is(Role.ADMIN);
    }
}
