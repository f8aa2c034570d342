package id.lindung.contribution;

import id.lindung.contribution.internal.ContributionSql;
import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import java.sql.Date;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        List<FieldIssue> issues = new ArrayList<>();
        if (q.segment() == null) {
            issues.add(FieldIssue.error("segment", "field.required"));
        }
        if (q.month() == null) {
            issues.add(FieldIssue.error("month", "field.required"));
        }
        if (q.base() != null && q.base() < 0) {
            issues.add(FieldIssue.error("base", "amount.not-negative"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
        Set<Programme> programmes = EnumSet.noneOf(Programme.class);
        programmes.addAll(q.segment().mandatory());
        programmes.addAll(q.programmes());
        String facts = "SELECT 0::bigint, CAST(? AS date), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar),"
                + " CAST(? AS boolean), CAST(? AS smallint), CAST(? AS bigint), CAST(? AS bigint), CAST(? AS integer),"
                + " CAST(? AS boolean)";
        Map<String, RateRule> byRef = rates.byRef();
        var lines = jdbc.sql("SELECT * FROM (" + ContributionSql.lines(facts) + ") l ORDER BY line_no")
                .params(Date.valueOf(q.month().atDay(1)), q.segment().name(), Programme.join(programmes),
                        (q.sector() == null ? Sector.OTHER : q.sector()).name(), q.governmentPaid(),
                        q.riskClass() == null ? null : q.riskClass().shortValue(), q.base(), q.contractValue(),
                        q.contractMonths(), q.firstMonth())
                .query((rs, n) -> Statements.line(rs, rates, byRef)).list();
        return new Quote(q.month(), lines);
    }
}
