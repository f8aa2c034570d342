package id.lindung.access;

import java.util.Optional;

/** Who is calling. */
public interface CurrentUser {

    /** The signed-in user, or empty outside a request (then the system acts). */
    Optional<LindungUser> get();

    /** The signed-in user; fails when nobody is signed in. */
    default LindungUser require() {
        return get().orElseThrow(() -> new IllegalStateException("no user signed in"));
    }
}
