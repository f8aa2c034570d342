package id.lindung.access;

import id.lindung.shared.ForbiddenException;

/**
 * Who manages the keys of personal data (the key API, the key status on the home page): administrators whose scope
 * is the whole province or the country. Stateless, so static.
 */
public final class KeyPolicy {

    private KeyPolicy() {}

    public static boolean mayManage(LindungUser by) {
        return by.role() == Role.ADMIN && by.provinceWide();
    }

    /** Refuses (403 {@code access.keys.admin}) anyone else. */
    public static LindungUser checkManage(LindungUser by) {
        if (!mayManage(by)) {
            throw new ForbiddenException("access.keys.admin", by.role().name());
        }
        return by;
    }
}
