package id.lindung.access;

import id.lindung.shared.ForbiddenException;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in caller: always a person. {@code token} is set when the request came with one of the person's API
 * tokens ({@code Authorization: Bearer lkt_…}) rather than their own password (browser session or HTTP Basic); the
 * token then acts as its creator, with the creator's role and at most the creator's scope.
 */
public record LindungUser(
        String username,
        String displayName,
        Role role,
        RegionScope scope,
        @Nullable ViaToken token) {

    /** The identity used for work the system does by itself (demo data, scheduled jobs). */
    public static final LindungUser SYSTEM = new LindungUser("system", "Sistem", Role.ADMIN, RegionScope.NATIONAL);

    /** Whether this user has one of {@code roles}. */
    public boolean is(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    /** Whether this user's scope is the whole province or more ({@link RegionScope#provinceWide()}). */
    public boolean provinceWide() {
        return scope.provinceWide();
    }

    /** A person signed in with their own password (session or HTTP Basic). */
    public LindungUser(String username, String displayName, Role role, RegionScope scope) {
        this(username, displayName, role, scope, null);
    }

    /** The API token a request came with: its id and what it is for (its name), as the audit trail records it. */
    public record ViaToken(long id, String name) {}

    /** Whether the person acts through a machine's API token rather than signed in as themselves. */
    public boolean byToken() {
        return token != null;
    }

    /**
     * Refuses (403 with {@code code}) a request that came with an API token: approvals under a two-person rule and
     * issuing tokens need the person signed in as themselves (docs/decisions.md, "People act as themselves").
     */
    public LindungUser requireSignedInAsThemselves(String code) {
        if (token != null) {
            throw new ForbiddenException(code);
        }
        return this;
    }
}
