package id.lindung.contribution.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The contribution rules query ({@code contribution/lines.sql}). The rules exist once, in SQL, so the billing run and
 * a quote cannot disagree: each feeds the query its own fact source.
 */
public final class ContributionSql {

    private static final String LINES = load("/contribution/lines.sql");

    /** Columns a fact source gives, in this order. */
    public static final String FACT_COLUMNS = "membership_id, period, segment, programmes, sector, government_paid,"
            + " risk_class, base, contract_value, contract_months, first_month";

    /** Columns the rules query returns, in this order. */
    public static final String LINE_COLUMNS = "membership_id, period, line_no, programme, kind, base, employer_pct,"
            + " worker_pct, employer_amount, worker_amount, rule_ref";

    private ContributionSql() {}

    /** The rules applied to a fact source: a SELECT giving {@link #FACT_COLUMNS}. */
    public static String lines(String facts) {
        return LINES.replace("/*FACTS*/", facts);
    }

    private static String load(String resource) {
        try (InputStream in = ContributionSql.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
