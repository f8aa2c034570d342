package id.lindung.claim.workflow;

import id.lindung.claim.ClaimStatus;
import id.lindung.claim.benefit.ClaimKind;
import id.lindung.claim.benefit.OncePerEvent;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the workflow decides on: where the claim stands and who did what so far, what the engine found (eligible,
 * the total approved, whether the employer pays), how many documents and intake children it has, whether the death
 * it recorded is in force, and the person's other claims as one event pays once needs them at approval
 * ({@code otherClaims}; {@code lumpSumHeldBy}: the claim of the same accident case holding its lump sum, if any).
 *
 * <p>{@code total} is the amount approved, without the late compensation a payment adds.
 */
public record ClaimState(
        String claimNumber,
        ClaimStatus status,
        ClaimKind kind,
        LocalDate eventDate,
        boolean eligible,
        long total,
        boolean employerPays,
        int documents,
        int children,
        @Nullable String assignedTo,
        @Nullable String verifiedBy,
        @Nullable LocalDate documentsCompleteOn,
        @Nullable String firstApprover,
        @Nullable String decidedBy,
        @Nullable LocalDate paidOn,
        boolean deathInForce,
        @Nullable String caseNumber,
        List<OncePerEvent.OtherClaim> otherClaims,
        @Nullable String lumpSumHeldBy) {

    public ClaimState {
        Objects.requireNonNull(claimNumber, "claimNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventDate, "eventDate");
        otherClaims = List.copyOf(otherClaims);
    }

    ClaimState assigned(String to) {
        return new ClaimState(
                claimNumber,
                status,
                kind,
                eventDate,
                eligible,
                total,
                employerPays,
                documents,
                children,
                to,
                verifiedBy,
                documentsCompleteOn,
                firstApprover,
                decidedBy,
                paidOn,
                deathInForce,
                caseNumber,
                otherClaims,
                lumpSumHeldBy);
    }

    ClaimState moved(
            ClaimStatus to,
            @Nullable String verifier,
            @Nullable LocalDate complete,
            @Nullable String first,
            @Nullable String decider,
            @Nullable LocalDate paid,
            boolean death) {
        return new ClaimState(
                claimNumber,
                to,
                kind,
                eventDate,
                eligible,
                total,
                employerPays,
                documents,
                children,
                assignedTo,
                verifier,
                complete,
                first,
                decider,
                paid,
                death,
                caseNumber,
                otherClaims,
                lumpSumHeldBy);
    }
}
