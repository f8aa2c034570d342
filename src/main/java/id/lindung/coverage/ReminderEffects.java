package id.lindung.coverage;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What reminders do (issue 19 point 7): per kab/kota and kind of reminder, the members reminded and how many of them
 * paid within 7 and within 30 days, from outreach's published {@code outreach_reminder_effect_v}. Counts only.
 */
@Component
public class ReminderEffects {

    /** One kab/kota and kind of reminder. */
    public record ReminderEffect(String kabKotaCode, String kind, long reminded, long paidWithin7, long paidWithin30) {}

    private final JdbcClient jdbc;

    ReminderEffects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The kab/kota of {@code region} (a province, a kab/kota, or for a kecamatan its kab/kota), by kab/kota and kind.
     * The caller has checked that the user may see the region.
     */
    public List<ReminderEffect> of(String region) {
        String kabKota = region.length() > 5 ? region.substring(0, 5) : region;
        return jdbc.sql("""
                        SELECT kabkota_code, kind, reminded, paid_within_7, paid_within_30
                          FROM outreach_reminder_effect_v
                         WHERE kabkota_code = ? OR kabkota_code LIKE ?
                         ORDER BY kabkota_code, kind""")
                .params(kabKota, kabKota + ".%")
                .query((rs, n) -> new ReminderEffect(
                        rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }
}
