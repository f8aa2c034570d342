package id.lindung.access;

import org.jspecify.annotations.Nullable;

/**
 * Creates users at start-up: the demo users of the demo data module. Not reachable over HTTP; each user created is
 * audited ({@code USER_CREATED}).
 */
public interface UserProvisioning {

    /**
     * Creates the user unless one with this username exists (then nothing changes).
     *
     * @return whether the user was created
     */
    default boolean createIfAbsent(
            String username, String rawPassword, String displayName, Role role, RegionScope scope) {
        return createIfAbsent(username, rawPassword, displayName, null, role, scope);
    }

    /**
     * As {@link #createIfAbsent(String, String, String, Role, RegionScope)}, with the person's position (jabatan),
     * printed under their name where they sign; null for none.
     */
    boolean createIfAbsent(
            String username,
            String rawPassword,
            String displayName,
            @Nullable String position,
            Role role,
            RegionScope scope);
}
