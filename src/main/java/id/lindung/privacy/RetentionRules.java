package id.lindung.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The retention rules: per category the dated rows, the row valid on a day applying (as the contribution rates and
 * the benefit rules do). Shipped as {@code privacy/retention-rules.csv}; an operator points
 * {@code lindung.privacy.retention-rules} at a corrected file (any Spring resource location). Read once at start-up.
 *
 * <p>CSV: UTF-8, the header {@link #HEADER}, {@code ;} between fields, no quoting; only the last field ({@code note})
 * may contain {@code ;}. {@code period} is ISO-8601 ({@code P10Y}, {@code P6M}, {@code P1D}); {@code action} DELETE,
 * ANONYMISE or DBA; {@code unconfirmed} true or false.
 */
public final class RetentionRules {

    public static final String HEADER = "category;valid_from;period;action;legal_basis;unconfirmed;note";

    private final List<RetentionRule> rules;
    private final Map<String, TreeMap<LocalDate, RetentionRule>> byCategory = new HashMap<>();

    private RetentionRules(List<RetentionRule> rules) {
        for (RetentionRule r : rules) {
            if (byCategory.computeIfAbsent(r.category(), k -> new TreeMap<>()).put(r.validFrom(), r) != null) {
                throw new IllegalArgumentException("two retention rows of " + r.category() + " valid from "
                        + r.validFrom());
            }
        }
        this.rules = rules.stream().sorted(Comparator.comparing(RetentionRule::category)
                .thenComparing(RetentionRule::validFrom)).toList();
    }

    public static RetentionRules of(List<RetentionRule> rules) {
        return new RetentionRules(rules);
    }

    public static RetentionRules fromCsv(Reader csv) {
        List<RetentionRule> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(csv)) {
            String header = in.readLine();
            if (header == null || !HEADER.equals(header.replace("\uFEFF", "").trim())) {
                throw new IllegalArgumentException("retention rules: the header must be " + HEADER);
            }
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(";", 7);
                if (f.length != 7) {
                    throw new IllegalArgumentException("retention rules line " + n + ": 7 fields expected");
                }
                try {
                    rows.add(new RetentionRule(f[0].trim(), LocalDate.parse(f[1].trim()), Period.parse(f[2].trim()),
                            RetentionRule.Action.valueOf(f[3].trim().toUpperCase(Locale.ROOT)), f[4].trim(),
                            Boolean.parseBoolean(f[5].trim()), f[6].trim()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("retention rules line " + n + ": " + e.getMessage(), e);
                }
                RetentionRule r = rows.get(rows.size() - 1);
                if (r.category().isEmpty() || r.period().isNegative() || r.period().isZero()) {
                    throw new IllegalArgumentException("retention rules line " + n + ": category and a positive"
                            + " period are required");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RetentionRules(rows);
    }

    /** Every row, by category and date. */
    public List<RetentionRule> rules() {
        return rules;
    }

    /** The row of a category valid on a day. */
    public Optional<RetentionRule> valid(String category, LocalDate on) {
        TreeMap<LocalDate, RetentionRule> rows = byCategory.get(category);
        return rows == null ? Optional.empty() : Optional.ofNullable(rows.floorEntry(on)).map(Map.Entry::getValue);
    }

    /** Per category (in order) the row valid on a day; categories whose first row is later are left out. */
    public List<RetentionRule> validOn(LocalDate on) {
        return byCategory.keySet().stream().sorted(Comparator.comparingInt(RetentionRules::order)
                        .thenComparing(Comparator.naturalOrder()))
                .map(c -> valid(c, on)).flatMap(Optional::stream).toList();
    }

    public java.util.Set<String> categories() {
        return byCategory.keySet();
    }

    /** The shipped categories in the order the page and the report list them; others after them. */
    static final List<String> ORDER = List.of("registry", "contributions", "claims", "claim-documents", "kur-loans",
            "sponsorship-beneficiaries", "login-throttle", "api-tokens", "audit-trail");

    private static int order(String category) {
        int i = ORDER.indexOf(category);
        return i < 0 ? ORDER.size() : i;
    }
}
