package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Benefits.CALCULATOR;
import static id.lindung.claim.benefit.Benefits.SERVICE_LEVEL;
import static id.lindung.claim.benefit.Benefits.bpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** JKK due within 7 working days of complete documents, 1% per day late (PP 44/2015 Pasal 37(2)-(3), pasal.id). */
class ServiceLevelTest {

    /** A Friday. */
    private static final LocalDate COMPLETE = LocalDate.of(2024, 3, 1);
    /** Nyepi 2024 and its cuti bersama. */
    private static final HolidayCalendar NYEPI =
            HolidayCalendar.of(Set.of(LocalDate.of(2024, 3, 11), LocalDate.of(2024, 3, 12)));

    @Test
    @DisplayName("Due on the 7th working day after complete documents: weekends and holidays do not count")
    void dueDate() {
        assertThat(SERVICE_LEVEL.dueDate(COMPLETE, HolidayCalendar.none())).isEqualTo(LocalDate.of(2024, 3, 12));
        assertThat(SERVICE_LEVEL.dueDate(COMPLETE, NYEPI)).isEqualTo(LocalDate.of(2024, 3, 14));
        // complete on a Sunday: Monday is the first working day
        assertThat(SERVICE_LEVEL.dueDate(LocalDate.of(2024, 3, 3), HolidayCalendar.none()))
                .isEqualTo(LocalDate.of(2024, 3, 12));
    }

    @Test
    @DisplayName("BPU JKK death of 70,000,000 paid 3 calendar days after the due date (over a weekend): 1% x 3 = "
            + "2,100,000 (PP 44/2015 Pasal 37(3); Lindung decision: calendar days)")
    void latePaymentInCalendarDays() {
        BenefitAssessment death = CALCULATOR.assess(
                ClaimFacts.death(LocalDate.of(2024, 2, 1), EventCause.WORK_ACCIDENT, bpu(1_000_000, 3)));
        LatePayment late = SERVICE_LEVEL.latePayment(death, COMPLETE, LocalDate.of(2024, 3, 17), NYEPI);
        assertThat(late.dueDate()).isEqualTo(LocalDate.of(2024, 3, 14));
        assertThat(late.daysLate()).isEqualTo(3);
        assertThat(late.amount()).isEqualTo(2_100_000);
        assertThat(late.line().formula()).isEqualTo("1% × 3 × Rp70.000.000");
        assertThat(late.line().legalBasis()).contains("PP 44/2015 Pasal 37(2)").contains("PP 44/2015 Pasal 37(3)");
        assertThat(late.line().args()).containsExactly(LocalDate.of(2024, 3, 14), 3L);
    }

    @Test
    void onTimeIsNothing() {
        LatePayment onDueDate = SERVICE_LEVEL.latePayment(70_000_000, COMPLETE, LocalDate.of(2024, 3, 14), NYEPI);
        assertThat(onDueDate.daysLate()).isZero();
        assertThat(onDueDate.amount()).isZero();
        assertThat(onDueDate.line()).isNull();
        // the same day without the Nyepi holidays is 2 days late
        assertThat(SERVICE_LEVEL
                        .latePayment(70_000_000, COMPLETE, LocalDate.of(2024, 3, 14), HolidayCalendar.none())
                        .daysLate())
                .isEqualTo(2);
    }

    @Test
    @DisplayName(
            "Late payment rounds once, half up: 1% x 1 x 1,234,567 = 12,345.67 → 12,346; " + "1% x 1 x 50 = 0.5 → 1")
    void latePaymentRounding() {
        LocalDate dayAfterDue = LocalDate.of(2024, 3, 13);
        assertThat(SERVICE_LEVEL
                        .latePayment(1_234_567, COMPLETE, dayAfterDue, HolidayCalendar.none())
                        .amount())
                .isEqualTo(12_346);
        assertThat(SERVICE_LEVEL
                        .latePayment(50, COMPLETE, dayAfterDue, HolidayCalendar.none())
                        .amount())
                .isEqualTo(1);
    }

    @Test
    void onlyForEligibleJkkBenefits() {
        BenefitAssessment jkm =
                CALCULATOR.assess(ClaimFacts.death(LocalDate.of(2024, 2, 1), EventCause.OTHER, bpu(1_000_000, 3)));
        assertThatThrownBy(() -> SERVICE_LEVEL.latePayment(jkm, COMPLETE, COMPLETE.plusDays(30), NYEPI))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JKM_DEATH");
        assertThatThrownBy(() -> SERVICE_LEVEL.latePayment(1, COMPLETE, COMPLETE.minusDays(1), NYEPI))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
