package id.lindung.claim;

import id.lindung.shared.Bounds;
import id.lindung.shared.OutOfBoundsRecords;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims computed from invoices or costs above the bounds: a benefit line larger than the largest invoice allowed.
 * (The intake itself is encrypted; its amounts are what the lines were computed from.)
 */
@Component
class ClaimsOutOfBounds implements OutOfBoundsRecords {

    private final JdbcClient jdbc;

    ClaimsOutOfBounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Finding> outOfBounds(Bounds bounds, int limit) {
        long max = bounds.max(Bounds.Money.INVOICE);
        return jdbc.sql("""
                SELECT c.id, max(l.amount) AS amount, c.region_code
                  FROM claim c JOIN claim_line l ON l.claim_id = c.id
                 GROUP BY c.id, c.region_code HAVING max(l.amount) > :max
                 ORDER BY c.id LIMIT :limit""")
                .param("max", max)
                .param("limit", limit)
                .query((rs, n) -> new Finding(
                        "claim",
                        rs.getString("id"),
                        "lines.amount",
                        rs.getString("amount"),
                        "0.." + max,
                        rs.getString("region_code")))
                .list();
    }
}
