package id.lindung.claim.benefit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs to assess one claim: the kind, the event date (accident, diagnosis or death; the
 * rules valid that day apply), the cause, the member's facts at that date and the kind's details.
 */
public record ClaimFacts(
        ClaimKind kind, LocalDate eventDate, EventCause cause, MemberFacts member, ClaimDetails details) {

    public ClaimFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventDate, "eventDate");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(details, "details");
        if (!kind.detailsType().isInstance(details)) {
            throw new IllegalArgumentException(
                    kind + " takes " + kind.detailsType().getSimpleName() + ", not "
                            + details.getClass().getSimpleName());
        }
    }

    /** A death: JKK_DEATH when {@code cause} is work-related, otherwise JKM_DEATH. */
    public static ClaimFacts death(LocalDate date, EventCause cause, MemberFacts member) {
        return new ClaimFacts(ClaimKind.death(cause), date, cause, member, new ClaimDetails.None());
    }

    public static ClaimFacts totalDisability(LocalDate accident, MemberFacts member) {
        return jkk(ClaimKind.JKK_DISABILITY_TOTAL, accident, member, new ClaimDetails.None());
    }

    public static ClaimFacts stmb(LocalDate accident, MemberFacts member, int months) {
        return jkk(ClaimKind.JKK_STMB, accident, member, new ClaimDetails.TemporaryIncapacity(months));
    }

    public static ClaimFacts medical(LocalDate accident, MemberFacts member, List<Invoice> invoices) {
        return jkk(ClaimKind.JKK_MEDICAL, accident, member, new ClaimDetails.MedicalCare(invoices));
    }

    public static ClaimFacts homeCare(LocalDate accident, MemberFacts member, LocalDate start, List<Invoice> invoices) {
        return jkk(ClaimKind.JKK_HOME_CARE, accident, member, new ClaimDetails.HomeCare(start, invoices));
    }

    public static ClaimFacts transport(LocalDate accident, MemberFacts member, List<TransportCost> costs) {
        return jkk(ClaimKind.JKK_TRANSPORT, accident, member, new ClaimDetails.Transport(costs));
    }

    public static ClaimFacts anatomical(LocalDate accident, MemberFacts member, String... codes) {
        return jkk(
                ClaimKind.JKK_DISABILITY_PARTIAL_ANATOMICAL,
                accident,
                member,
                new ClaimDetails.AnatomicalDisability(List.of(codes)));
    }

    public static ClaimFacts functional(LocalDate accident, MemberFacts member, FunctionLoss... losses) {
        return jkk(
                ClaimKind.JKK_DISABILITY_PARTIAL_FUNCTIONAL,
                accident,
                member,
                new ClaimDetails.FunctionalDisability(List.of(losses)));
    }

    private static ClaimFacts jkk(ClaimKind kind, LocalDate date, MemberFacts member, ClaimDetails details) {
        return new ClaimFacts(kind, date, EventCause.WORK_ACCIDENT, member, details);
    }
}
