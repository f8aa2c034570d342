package id.lindung.access;

/** The signed-in caller. */
public record LindungUser(String username, String displayName, Role role, RegionScope scope) {

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
}
