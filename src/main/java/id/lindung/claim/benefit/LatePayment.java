package id.lindung.claim.benefit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The service level of a JKK payment: the due date, the calendar days paid after it (0 when on time) and the late
 * payment line ({@code null} when on time).
 */
public record LatePayment(
        LocalDate dueDate, long daysLate, @Nullable BenefitLine line) {

    public long amount() {
        return line == null ? 0 : line.amount();
    }
}
