package id.lindung.contribution;

import java.time.LocalDate;
import java.time.YearMonth;
import org.jspecify.annotations.Nullable;

/**
 * A membership on a date, from the payments made by then. {@code protectedOn}: covered that day; {@code reason} says
 * why (a message code: {@code status.protected}, {@code status.not-started}, {@code status.ended},
 * {@code status.unpaid}, {@code status.not-registered}, {@code status.employer-arrears}). {@code paidUpTo}: the last
 * month paid without a gap from the start. {@code contributionMonths}: months paid from the start up to that month.
 * {@code arrears}: unpaid amount of bills due by that date, over {@code arrearsMonths} bills. {@code pendingFines}:
 * fines assessed, not yet on a bill. {@code credit}: paid and not yet used (to refund if the membership has ended).
 */
public record MembershipStatus(
        long membershipId,
        LocalDate date,
        boolean protectedOn,
        String reason,
        @Nullable YearMonth paidUpTo,
        int contributionMonths,
        long arrears,
        int arrearsMonths,
        long pendingFines,
        long credit) {

    /**
     * The last day covered by money paid, as the public check and the membership card state it: the end of
     * {@code paidUpTo} when protected on {@code date}; that day itself when protected with nothing paid beyond it (a
     * wage earner's unpaid month inside the employer's grace: its future is not known); null when not protected.
     */
    public @Nullable LocalDate protectedUntil() {
        if (!protectedOn) {
            return null;
        }
        return paidUpTo == null || paidUpTo.atEndOfMonth().isBefore(date) ? date : paidUpTo.atEndOfMonth();
    }

    /** Not protected because the employer (PU) is liable: registered after the day, or too far in arrears. */
    public boolean employerLiable() {
        return reason.equals("status.employer-arrears") || reason.equals("status.not-registered");
    }
}
