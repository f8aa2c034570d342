package id.lindung.access;

import id.lindung.shared.web.Formats;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How a person's identity is shown to the signed-in user, by {@link Disclosure}'s table: the NIK in full to those who
 * verify identities (administrators and BPJS officers), masked ({@code 610401******0001}) to everyone else —
 * government analysts, bank officers and field agents — who see the birth year, never the day and month (they are
 * the NIK's hidden digits). Pages use it as {@code ${@nik.show(p.nik())}} and {@code ${@nik.birth(p.birthDate())}};
 * APIs and exports call {@link Disclosure} with the user.
 */
@Component("nik")
public class NikDisplay {

    private final CurrentUser currentUser;
    private final Formats formats;

    NikDisplay(CurrentUser currentUser, Formats formats) {
        this.currentUser = currentUser;
        this.formats = formats;
    }

    /** Whether a role sees NIKs in full. */
    public static boolean seesFullNik(Role role) {
        return Disclosure.seesIdentity(role);
    }

    private boolean full() {
        return currentUser.get().map(u -> Disclosure.seesIdentity(u.role())).orElse(false);
    }

    public @Nullable String show(@Nullable String nik) {
        return id.lindung.shared.crypto.NikMask.show(nik, full());
    }

    /** A birth date as the user may see it: in full ("14 Februari 1979"), or its year ("1979"). */
    public String birth(@Nullable LocalDate date) {
        if (date == null) {
            return "";
        }
        return full() ? formats.date(date) : Integer.toString(date.getYear());
    }

    /** A phone number, or a dash for those who see none. */
    public String phone(@Nullable String phone) {
        if (phone == null) {
            return "–";
        }
        return currentUser.get().map(u -> Disclosure.seesPhone(u.role())).orElse(false) ? phone : "–";
    }

    /** For a given user (exports running outside the request thread). */
    public static @Nullable String show(@Nullable String nik, LindungUser user) {
        return Disclosure.nik(nik, user);
    }
}
