package id.lindung.enrolment;

import id.lindung.shared.Bounds;
import id.lindung.shared.OutOfBoundsRecords;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored wages (PU) and declared incomes (BPU) above their maxima. */
@Component
class BasesOutOfBounds implements OutOfBoundsRecords {

    private final JdbcClient jdbc;

    BasesOutOfBounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Finding> outOfBounds(Bounds bounds, int limit) {
        long wage = bounds.max(Bounds.Money.WAGE);
        long income = bounds.max(Bounds.Money.DECLARED_INCOME);
        return jdbc.sql("""
                SELECT b.membership_id || '/' || to_char(b.effective_from, 'YYYY-MM') AS id, b.amount, m.segment,
                       m.region_code
                  FROM membership_base b JOIN membership m ON m.id = b.membership_id
                 WHERE (m.segment = 'PU' AND b.amount > :wage) OR (m.segment = 'BPU' AND b.amount > :income)
                 ORDER BY b.membership_id, b.effective_from LIMIT :limit""")
                .param("wage", wage)
                .param("income", income)
                .param("limit", limit)
                .query((rs, n) -> new Finding(
                        "membership_base",
                        rs.getString("id"),
                        "amount",
                        rs.getString("amount"),
                        "1.." + ("PU".equals(rs.getString("segment")) ? wage : income),
                        rs.getString("region_code")))
                .list();
    }
}
