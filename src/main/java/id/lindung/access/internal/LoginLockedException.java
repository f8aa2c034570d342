package id.lindung.access.internal;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Too many failed sign-ins for this username or from this address: refused until {@link #until()}. */
final class LoginLockedException extends LockedException {

    private final Instant until;

    LoginLockedException(Instant until) {
        super("Too many failed sign-ins; try again after " + until);
        this.until = until;
    }

    Instant until() {
        return until;
    }
}
