package id.lindung.access;

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
    boolean createIfAbsent(String username, String rawPassword, String displayName, Role role, RegionScope scope);
}
