package id.lindung.contribution;

import id.lindung.enrolment.Segment;
import java.sql.Date;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The dated protection rules ({@code contribution_protection_rule}, V34): how many months of employer arrears a wage
 * earner stays protected (PU {@code ARREARS_GRACE}) and after how many consecutive unpaid months a BPU membership
 * ends ({@code LAPSE_AFTER}), each as valid in a month, with its legal basis. The view
 * {@code contribution_protected_month_v} reads the same rows.
 */
@Component
class ProtectionRules {

    enum Kind {
        ARREARS_GRACE,
        LAPSE_AFTER
    }

    private final JdbcClient jdbc;

    ProtectionRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The months of the rule valid in {@code month}; 0 when no rule of that kind applies to the segment. */
    int months(Segment segment, Kind kind, YearMonth month) {
        return jdbc.sql("""
                SELECT months FROM contribution_protection_rule
                 WHERE segment = ? AND kind = ? AND valid_from <= ? AND (valid_to IS NULL OR ? <= valid_to)
                 ORDER BY valid_from DESC LIMIT 1""")
                .params(segment.name(), kind.name(), Date.valueOf(month.atDay(1)), Date.valueOf(month.atDay(1)))
                .query(Integer.class)
                .optional()
                .orElse(0);
    }
}
