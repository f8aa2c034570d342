package id.lindung.contribution;

import id.lindung.contribution.internal.ContributionSql;
import id.lindung.enrolment.MembershipRules;
import id.lindung.enrolment.MembershipTerms;
import id.lindung.enrolment.Programme;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Contribution quotes: the billing rules applied to a membership that need not exist. */
@Service
public class Quotes {

    /** A quote names the base {@code base} and asks for the PU risk class itself (no employer behind it). */
    private static final MembershipRules.Fields FIELDS = new MembershipRules.Fields("base", "riskClass");

    private final JdbcClient jdbc;
    private final RateBook rates;
    private final MembershipRules rules;

    Quotes(JdbcClient jdbc, RateBook rates, MembershipRules rules) {
        this.jdbc = jdbc;
        this.rates = rates;
        this.rules = rules;
    }

    /**
     * What the membership described pays in the month. Refused (422, naming the field) exactly when enrolment would
     * refuse the same terms, through the same {@link MembershipRules}. Construction and PMI quotes include the
     * one-off part unless {@code firstMonth} is false.
     */
    public Quote quote(QuoteRequest q) {
        List<FieldIssue> issues = new ArrayList<>();
        rules.checkMonth("month", q.month(), issues);
        issues.addAll(rules.check(
                new MembershipTerms(
                        q.segment(),
                        q.programmes(),
                        q.base(),
                        q.riskClass(),
                        q.sector(),
                        Boolean.TRUE.equals(q.governmentPaid()),
                        q.contractValue(),
                        q.contractMonths()),
                FIELDS));
        InvalidInputException.throwIfErrors(issues);
        Segment segment = Objects.requireNonNull(q.segment());
        Set<Programme> programmes = MembershipRules.programmes(segment, q.programmes());
        boolean firstMonth =
                q.firstMonth() == null ? segment == Segment.JAKON || segment == Segment.PMI : q.firstMonth();
        String facts = "SELECT 0::bigint, CAST(? AS date), CAST(? AS varchar), CAST(? AS varchar), CAST(? AS varchar),"
                + " CAST(? AS boolean), CAST(? AS smallint), CAST(? AS bigint), CAST(? AS bigint), CAST(? AS integer),"
                + " CAST(? AS boolean)";
        Map<String, RateRule> byRef = rates.byRef();
        var lines = jdbc.sql("SELECT * FROM (" + ContributionSql.lines(facts) + ") l ORDER BY line_no")
                .params(
                        Date.valueOf(Objects.requireNonNull(q.month()).atDay(1)),
                        segment.name(),
                        Programme.join(programmes),
                        (q.sector() == null ? Sector.OTHER : q.sector()).name(),
                        Boolean.TRUE.equals(q.governmentPaid()),
                        q.riskClass() == null ? null : q.riskClass().shortValue(),
                        q.base() == null ? 0L : q.base(),
                        q.contractValue(),
                        q.contractMonths(),
                        firstMonth)
                .query((rs, n) -> Statements.line(rs, rates, byRef))
                .list();
        return new Quote(q.month(), lines);
    }
}
