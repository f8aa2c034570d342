package id.lindung.participant;

import id.lindung.participant.internal.ParticipantRules;
import org.jspecify.annotations.Nullable;

/** Phone numbers as the registry keeps them, for modules that match or check one (the worker's own sign-in). */
public final class Phones {

    private Phones() {}

    /** The number as stored (no spaces, dashes, brackets) when it has the registry's shape, else null. */
    public static @Nullable String asStored(@Nullable String phone) {
        String stored = ParticipantRules.normalizePhone(phone);
        return stored != null && ParticipantRules.validPhone(stored) ? stored : null;
    }

    /** Whether two numbers reach the same phone: as stored, with {@code +62} or {@code 62} read as a leading 0. */
    public static boolean same(@Nullable String a, @Nullable String b) {
        String x = national(asStored(a));
        return x != null && x.equals(national(asStored(b)));
    }

    private static @Nullable String national(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith("+62")) {
            return "0" + stored.substring(3);
        }
        return stored.startsWith("62") ? "0" + stored.substring(2) : stored;
    }
}
