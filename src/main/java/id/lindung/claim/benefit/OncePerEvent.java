package id.lindung.claim.benefit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One event pays once: which earlier claim a new claim of the same person runs into. Pure; the caller reads the
 * person's other claims and acts on the answer (refuses the intake, refuses the approval, files the claim in its
 * case).
 *
 * <ul>
 * <li>One death per person: a death claim of either kind (JKK or JKM) meets every other death claim of the person
 * that is not rejected — whatever its cause, date or outcome so far.</li>
 * <li>One JKK case per accident: the same person and the same accident date (Lindung's definition of "the same
 * accident"; two accidents of one person on one day are one case). The case is named by its first claim's number.</li>
 * </ul>
 */
public final class OncePerEvent {

    private OncePerEvent() {}

    /**
     * Another claim of the same person: its number, kind, event date, whether it was rejected, and its case number
     * ({@code null} for JKM).
     */
    public record OtherClaim(
            String claimNumber,
            ClaimKind kind,
            LocalDate eventDate,
            boolean rejected,
            @Nullable String caseNumber) {

        public OtherClaim {
            Objects.requireNonNull(claimNumber, "claimNumber");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(eventDate, "eventDate");
        }
    }

    /** The earlier death claim a new death claim runs into (the first not rejected), if any. */
    public static Optional<OtherClaim> deathClaimed(ClaimKind kind, List<OtherClaim> others) {
        if (!kind.death()) {
            return Optional.empty();
        }
        return others.stream().filter(o -> o.kind().death() && !o.rejected()).findFirst();
    }

    /**
     * The case a new claim belongs to: for a JKK kind, the case of the first other JKK claim on the same accident date
     * (rejected ones too: the case stays the same), else a new case named {@code ownNumber}; {@code null} for JKM.
     */
    public static @Nullable String caseOf(
            ClaimKind kind, LocalDate eventDate, String ownNumber, List<OtherClaim> others) {
        if (kind.programme() != id.lindung.enrolment.Programme.JKK) {
            return null;
        }
        return others.stream()
                .filter(o -> o.caseNumber() != null && o.eventDate().equals(eventDate))
                .map(OtherClaim::caseNumber)
                .findFirst()
                .orElse(ownNumber);
    }
}
