package id.lindung.contribution;

import java.time.YearMonth;
import java.util.List;

/**
 * What one member owes now, without a province-wide billing run: every owed month up to {@code month} (the current
 * one) not yet paid, after the member's credit. {@code amount} is what to collect to be protected this month.
 */
public record DueNow(long membershipId, YearMonth month, long amount, List<Item> months) {

    /** One owed month: its bill amount, what is paid of it, what is left. */
    public record Item(YearMonth period, long amount, long paid, long outstanding, boolean overdue) {}
}
