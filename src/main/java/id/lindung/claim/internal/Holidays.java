package id.lindung.claim.internal;

import id.lindung.access.AuditTrail;
import id.lindung.claim.benefit.HolidayCalendar;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The holiday calendar of the service level, kept in {@code claim_holiday} (administrators maintain it). */
@Component
public class Holidays {

    public record Holiday(LocalDate day, String name, String source, boolean unconfirmed) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    Holidays(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public HolidayCalendar calendar() {
        Set<LocalDate> days = new HashSet<>(
                jdbc.sql("SELECT day FROM claim_holiday").query(LocalDate.class).list());
        return HolidayCalendar.of(days);
    }

    public List<Holiday> between(@Nullable LocalDate from, @Nullable LocalDate to) {
        return jdbc.sql("SELECT day, name, source, unconfirmed FROM claim_holiday"
                        + " WHERE (CAST(? AS date) IS NULL OR day >= ?) AND (CAST(? AS date) IS NULL OR day <= ?)"
                        + " ORDER BY day")
                .params(from, from, to, to)
                .query((rs, n) ->
                        new Holiday(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** Adds or replaces a day (checked, so confirmed); audited. */
    @Transactional
    public void put(LocalDate day, String name, String source) {
        audit.record("HOLIDAY_SET", "claim_holiday", day.toString(), null, Map.of("name", name, "source", source));
        jdbc.sql("INSERT INTO claim_holiday (day, name, source, unconfirmed) VALUES (?, ?, ?, FALSE)"
                        + " ON CONFLICT (day) DO UPDATE SET name = excluded.name, source = excluded.source,"
                        + " unconfirmed = FALSE")
                .params(day, name, source)
                .update();
    }

    /** Removes a day; audited when there was one. */
    @Transactional
    public boolean remove(LocalDate day) {
        boolean removed =
                jdbc.sql("DELETE FROM claim_holiday WHERE day = ?").param(day).update() > 0;
        if (removed) {
            audit.record("HOLIDAY_REMOVED", "claim_holiday", day.toString(), null, Map.of());
        }
        return removed;
    }
}
