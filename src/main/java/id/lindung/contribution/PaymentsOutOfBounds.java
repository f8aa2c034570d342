package id.lindung.contribution;

import id.lindung.shared.Bounds;
import id.lindung.shared.OutOfBoundsRecords;
import java.sql.Date;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stored payments outside the bounds: an amount above the payment maximum, a paid-on date before BPJS or ahead. */
@Component
class PaymentsOutOfBounds implements OutOfBoundsRecords {

    private final JdbcClient jdbc;

    PaymentsOutOfBounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Finding> outOfBounds(Bounds bounds, int limit) {
        long max = bounds.max(Bounds.Money.PAYMENT);
        String amountBounds = "1.." + max;
        String dateBounds = Bounds.EARLIEST_PAYMENT + ".." + bounds.today();
        return jdbc.sql("""
                SELECT p.id, p.amount, p.paid_on, v.region_code,
                       p.amount NOT BETWEEN 1 AND :max AS bad_amount
                  FROM payment p LEFT JOIN enrolment_membership_v v ON v.membership_id = p.membership_id
                 WHERE p.amount NOT BETWEEN 1 AND :max OR p.paid_on NOT BETWEEN :first AND :last
                 ORDER BY p.id LIMIT :limit""")
                .param("max", max)
                .param("first", Date.valueOf(Bounds.EARLIEST_PAYMENT))
                .param("last", Date.valueOf(bounds.today()))
                .param("limit", limit)
                .query((rs, n) -> rs.getBoolean("bad_amount")
                        ? new Finding(
                                "payment",
                                rs.getString("id"),
                                "amount",
                                rs.getString("amount"),
                                amountBounds,
                                rs.getString("region_code"))
                        : new Finding(
                                "payment",
                                rs.getString("id"),
                                "paid_on",
                                rs.getString("paid_on"),
                                dateBounds,
                                rs.getString("region_code")))
                .list();
    }
}
