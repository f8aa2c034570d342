package id.lindung.support;

import id.lindung.claim.ClaimIntake;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Claim intakes for tests that submit through {@code ClaimManagement}: each fills what its kind reads and leaves every
 * other detail null, as a form does.
 */
public final class Intakes {

    private Intakes() {}

    /** A claim of a kind that reads no more than its event (e.g. total disability), after a work accident. */
    public static ClaimIntake workAccident(long participant, String kind, LocalDate event) {
        return intake(participant, kind, "WORK_ACCIDENT", event, null, null, null, null);
    }

    /** JKK_STMB after a work accident: that many months unable to work. */
    public static ClaimIntake stmb(long participant, LocalDate event, int months) {
        return intake(participant, "JKK_STMB", "WORK_ACCIDENT", event, null, months, null, null);
    }

    /** JKK_TRANSPORT after a work accident: one journey by land on the day of the accident. */
    public static ClaimIntake landTransport(long participant, LocalDate event, String description, long amount) {
        List<ClaimIntake.TransportItem> journey =
                List.of(new ClaimIntake.TransportItem("LAND", event, description, amount));
        return intake(participant, "JKK_TRANSPORT", "WORK_ACCIDENT", event, journey, null, null, null);
    }

    /** A death of that cause, with the widow Siti Aminah (account BRI 0123) as heir and these children. */
    public static ClaimIntake death(
            long participant, String cause, LocalDate date, List<ClaimIntake.ChildItem> children) {
        List<ClaimIntake.Heir> widow = List.of(new ClaimIntake.Heir("Siti Aminah", "SPOUSE", null, "BRI 0123"));
        return intake(participant, "DEATH", cause, date, null, null, widow, children);
    }

    /** The details these intakes use; invoices, home care, disability, wage and note stay empty. */
    private static ClaimIntake intake(
            long participant,
            String kind,
            String cause,
            LocalDate event,
            @Nullable List<ClaimIntake.TransportItem> transport,
            @Nullable Integer stmbMonths,
            @Nullable List<ClaimIntake.Heir> heirs,
            @Nullable List<ClaimIntake.ChildItem> children) {
        return new ClaimIntake(
                participant,
                kind,
                cause,
                event,
                null,
                null,
                transport,
                stmbMonths,
                null,
                null,
                null,
                heirs,
                children,
                null);
    }
}
