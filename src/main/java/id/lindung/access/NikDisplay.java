package id.lindung.access;

import id.lindung.shared.crypto.NikMask;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How a NIK is shown to the signed-in user: in full to those who verify identities (administrators and BPJS
 * officers), masked ({@code 610401******0001}) to everyone else — government analysts, bank officers and field
 * agents. Pages use it as {@code ${@nik.show(p.nik())}}; APIs and exports call {@link #show(String)}.
 */
@Component("nik")
public class NikDisplay {

    private final CurrentUser currentUser;

    NikDisplay(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** Whether a role sees NIKs in full. */
    public static boolean seesFullNik(Role role) {
        return role == Role.ADMIN || role == Role.OFFICER;
    }

    public @Nullable String show(@Nullable String nik) {
        return NikMask.show(nik, currentUser.get().map(u -> seesFullNik(u.role())).orElse(false));
    }

    /** For a given user (exports running outside the request thread). */
    public static @Nullable String show(@Nullable String nik, LindungUser user) {
        return NikMask.show(nik, seesFullNik(user.role()));
    }
}
