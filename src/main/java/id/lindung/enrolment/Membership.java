package id.lindung.enrolment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One membership. {@code endMonth} is the last protected month (null while open). {@code bases} is the history of
 * declared income (BPU), reported wage (PU) or chosen JHT amount (PMI), each effective from a month.
 * {@code registeredOn}: the day it was registered (its start may lie before: back-dating is arrears, not protection).
 * {@code number}: the membership number (nomor kepesertaan, 11 digits with a check digit), what people and banks
 * know it by.
 */
public record Membership(
        long id,
        @Nullable Long participantId,
        @Nullable Long employerId,
        @Nullable Long projectId,
        Segment segment,
        Channel channel,
        Set<Programme> programmes,
        Sector sector,
        boolean governmentPaid,
        @Nullable Integer contractMonths,
        YearMonth startMonth,
        @Nullable YearMonth endMonth,
        @Nullable EndReason endReason,
        String regionCode,
        List<Base> bases,
        int version,
        LocalDate registeredOn,
        String number) {

    public Membership {
        programmes = Set.copyOf(programmes);
        bases = List.copyOf(bases);
    }

    /** The base amount in force in a month (0 before the first). */
    public long baseIn(YearMonth month) {
        long amount = 0;
        for (Base base : bases) {
            if (!base.effectiveFrom().isAfter(month)) {
                amount = base.amount();
            }
        }
        return amount;
    }

    public boolean activeIn(YearMonth month) {
        return !month.isBefore(startMonth) && (endMonth == null || !month.isAfter(endMonth));
    }

    public boolean open() {
        return endMonth == null;
    }

    /** An amount effective from a month. */
    public record Base(YearMonth effectiveFrom, long amount) {}
}
