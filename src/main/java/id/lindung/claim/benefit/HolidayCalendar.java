package id.lindung.claim.benefit;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * Which days are public holidays (hari libur nasional and cuti bersama, as the caller knows them). Saturdays and
 * Sundays are never working days, whatever the calendar says.
 */
@FunctionalInterface
public interface HolidayCalendar {

    boolean isHoliday(LocalDate date);

    default boolean isWorkingDay(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !isHoliday(date);
    }

    static HolidayCalendar of(Set<LocalDate> holidays) {
        Set<LocalDate> copy = Set.copyOf(holidays);
        return copy::contains;
    }

    /** Weekends only. */
    static HolidayCalendar none() {
        return date -> false;
    }
}
