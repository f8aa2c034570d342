package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Rupiah.format;

import id.lindung.enrolment.Programme;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The JKK service level (PP 44/2015 Pasal 37(2)-(3), domain reference §3a): a JKK benefit is due within
 * {@link RuleKey#JKK_PAYMENT_DUE_WORKING_DAYS} (7) working days of complete documents; paid later, it adds
 * {@link RuleKey#JKK_LATE_PAYMENT_PCT_PER_DAY} (1%) of the benefit per day of delay, to the participant.
 *
 * <p>Decisions:
 * <ul>
 * <li>Working days are counted from the day after the documents are complete; Saturdays, Sundays and the
 * calendar's holidays do not count. The due date is the 7th working day.</li>
 * <li>"Per day" of delay = <b>calendar days</b> after the due date (paid on the due date: 0 days; the day after:
 * 1). The regulation counts working days only for the deadline, and a delay is suffered on every day.</li>
 * <li>No ceiling on the late amount (none is in the domain reference). One line, rounded once half up:
 * {@code round(benefit × 1% × days)}.</li>
 * <li>The rows valid on the day the documents were complete apply (the obligation to pay starts then).</li>
 * </ul>
 */
public final class ServiceLevel {

    private final BenefitRules rules;

    public ServiceLevel(BenefitRules rules) {
        this.rules = rules;
    }

    /** The last day to pay without delay: the n-th working day after {@code documentsComplete}. */
    public LocalDate dueDate(LocalDate documentsComplete, HolidayCalendar calendar) {
        int days = rules.rule(RuleKey.JKK_PAYMENT_DUE_WORKING_DAYS, documentsComplete)
                .intValue();
        LocalDate d = documentsComplete;
        for (int counted = 0; counted < days; ) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /** The late payment of an eligible JKK assessment, on its total. */
    public LatePayment latePayment(
            BenefitAssessment assessment, LocalDate documentsComplete, LocalDate paidOn, HolidayCalendar calendar) {
        if (!assessment.eligible() || assessment.kind().programme() != Programme.JKK) {
            throw new IllegalArgumentException("late payment applies to eligible JKK benefits, not " + assessment.kind()
                    + (assessment.eligible() ? "" : " (refused)"));
        }
        return latePayment(assessment.total(), documentsComplete, paidOn, calendar);
    }

    /** The late payment on a JKK {@code benefit} (whole rupiah) paid on {@code paidOn}. */
    public LatePayment latePayment(
            long benefit, LocalDate documentsComplete, LocalDate paidOn, HolidayCalendar calendar) {
        Objects.requireNonNull(paidOn, "paidOn");
        if (benefit < 0) {
            throw new IllegalArgumentException("negative benefit " + benefit);
        }
        if (paidOn.isBefore(documentsComplete)) {
            throw new IllegalArgumentException(
                    "paid on " + paidOn + " before the documents were complete on " + documentsComplete);
        }
        LocalDate due = dueDate(documentsComplete, calendar);
        long late = Math.max(0, ChronoUnit.DAYS.between(due, paidOn));
        if (late == 0) {
            return new LatePayment(due, 0, null);
        }
        BenefitRule workingDays = rules.rule(RuleKey.JKK_PAYMENT_DUE_WORKING_DAYS, documentsComplete);
        BenefitRule perDay = rules.rule(RuleKey.JKK_LATE_PAYMENT_PCT_PER_DAY, documentsComplete);
        long amount = Rupiah.round(
                Rupiah.percentOf(perDay.value(), BigDecimal.valueOf(benefit)).multiply(BigDecimal.valueOf(late)));
        BenefitLine line = Line.of("JKK_LATE_PAYMENT", due, late)
                .uses(workingDays, perDay)
                .amount(amount, Rupiah.percent(perDay.value()) + " × " + late + " × " + format(benefit));
        return new LatePayment(due, late, line);
    }
}
