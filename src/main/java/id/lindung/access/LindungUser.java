package id.lindung.access;

/** The signed-in caller. */
public record LindungUser(String username, String displayName, Role role, RegionScope scope) {

    /** The identity used for work the system does by itself (demo data, scheduled jobs). */
    public static final LindungUser SYSTEM = new LindungUser("system", "Sistem", Role.ADMIN, RegionScope.NATIONAL);
}
