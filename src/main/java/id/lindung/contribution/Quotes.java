package id.lindung.contribution;

import id.lindung.contribution.internal.ContributionSql;
import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import java.sql.Date;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Contribution quotes: the billing rules applied to a membership that need not exist. */
@Service
public class Quotes {

    private final JdbcClient jdbc;
    private final RateBook rates;

    Quotes(JdbcClient jdbc, RateBook rates) {
        this.jdbc = jdbc;
        this.rates = rates;
    }

    public Quote quote(QuoteRequest q) {
        String facts = "SELECT 0::bigint, CAST(? AS date), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar),"
                + " CAST(? AS boolean), CAST(? AS smallint), CAST(? AS bigint), CAST(? AS bigint), CAST(? AS integer),"
                + " CAST(? AS boolean)";
        Map<String, RateRule> byRef = rates.byRef();
        var lines = jdbc.sql("SELECT * FROM (" + ContributionSql.lines(facts) + ") l ORDER BY line_no")
                .params(Date.valueOf(q.month().atDay(1)), q.segment().name(), Programme.join(q.programmes()),
                        (q.sector() == null ? Sector.OTHER : q.sector()).name(), q.governmentPaid(),
                        q.riskClass() == null ? null : q.riskClass().shortValue(), q.base(), q.contractValue(),
                        q.contractMonths(), q.firstMonth())
                .query((rs, n) -> Statements.line(rs, rates, byRef)).list();
        return new Quote(q.month(), lines);
    }
}
