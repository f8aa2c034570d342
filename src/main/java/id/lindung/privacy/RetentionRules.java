package id.lindung.privacy;

import id.lindung.shared.tabular.CsvTokenizer;
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
 * <p>CSV: UTF-8, the header {@link #HEADER}, {@code ;} between fields, a field quoted as RFC 4180 says when it holds a
 * {@code ;}, a quote or a line break (as Excel saves it; Lindung's one CSV reader, {@code CsvTokenizer}); the last
 * field ({@code note}) may also hold an unquoted {@code ;}. {@code period} is ISO-8601 ({@code P10Y}, {@code P6M},
 * {@code P1D}); {@code action} DELETE, ANONYMISE or DBA; {@code unconfirmed} true or false.
 */
public final class RetentionRules {

    public static final String HEADER = "category;valid_from;period;action;legal_basis;unconfirmed;note";
    private static final int MAX_FIELD_LENGTH = 10_000;
    private static final int MAX_FIELDS = 1_000;

    private final List<RetentionRule> rules;
    private final Map<String, TreeMap<LocalDate, RetentionRule>> byCategory = new HashMap<>();

    private RetentionRules(List<RetentionRule> rules) {
        for (RetentionRule r : rules) {
            if (byCategory.computeIfAbsent(r.category(), k -> new TreeMap<>()).put(r.validFrom(), r) != null) {
                throw new IllegalArgumentException(
                        "two retention rows of " + r.category() + " valid from " + r.validFrom());
            }
        }
        this.rules = rules.stream()
                .sorted(Comparator.comparing(RetentionRule::category).thenComparing(RetentionRule::validFrom))
                .toList();
    }

    public static RetentionRules of(List<RetentionRule> rules) {
        return new RetentionRules(rules);
    }

    public static RetentionRules fromCsv(Reader csv) {
        List<RetentionRule> rows = new ArrayList<>();
        try (csv) {
            CsvTokenizer in = new CsvTokenizer(csv, ';', MAX_FIELD_LENGTH, MAX_FIELDS);
            CsvTokenizer.Row header = in.next();
            if (header == null
                    || !HEADER.equals(String.join(";", header.fields())
                            .replace("\uFEFF", "")
                            .trim())) {
                throw new IllegalArgumentException("retention rules: the header must be " + HEADER);
            }
            for (CsvTokenizer.Row row = in.next(); row != null; row = in.next()) {
                int n = row.line();
                List<String> f = row.fields();
                if (f.size() == 1 && f.get(0).isBlank()) {
                    continue;
                }
                if (f.size() < 7 || !row.tooLong().isEmpty()) {
                    throw new IllegalArgumentException("retention rules line " + n + ": 7 fields expected");
                }
                // the note may hold unquoted ';' (as the shipped file's do): what follows the sixth field is the note
                String note = String.join(";", f.subList(6, f.size()));
                try {
                    rows.add(new RetentionRule(
                            f.get(0).trim(),
                            LocalDate.parse(f.get(1).trim()),
                            Period.parse(f.get(2).trim()),
                            RetentionRule.Action.valueOf(f.get(3).trim().toUpperCase(Locale.ROOT)),
                            f.get(4).trim(),
                            Boolean.parseBoolean(f.get(5).trim()),
                            note.trim()));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("retention rules line " + n + ": " + e.getMessage(), e);
                }
                RetentionRule r = rows.get(rows.size() - 1);
                if (r.category().isEmpty()
                        || r.period().isNegative()
                        || r.period().isZero()) {
                    throw new IllegalArgumentException(
                            "retention rules line " + n + ": category and a positive" + " period are required");
                }
            }
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw new IllegalArgumentException(
                    "retention rules line " + e.line + ": a quote opened here is never" + " closed", e);
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
        return rows == null
                ? Optional.empty()
                : Optional.ofNullable(rows.floorEntry(on)).map(Map.Entry::getValue);
    }

    /** Per category (in order) the row valid on a day; categories whose first row is later are left out. */
    public List<RetentionRule> validOn(LocalDate on) {
        return byCategory.keySet().stream()
                .sorted(Comparator.comparingInt(RetentionRules::order).thenComparing(Comparator.naturalOrder()))
                .map(c -> valid(c, on))
                .flatMap(Optional::stream)
                .toList();
    }

    public java.util.Set<String> categories() {
        return byCategory.keySet();
    }

    /** The shipped categories in the order the page and the report list them; others after them. */
    static final List<String> ORDER = List.of(
            "registry",
            "contributions",
            "claims",
            "claim-documents",
            "kur-loans",
            "sponsorship-beneficiaries",
            "outreach-messages",
            "login-throttle",
            "api-tokens",
            "audit-trail");

    private static int order(String category) {
        int i = ORDER.indexOf(category);
        return i < 0 ? ORDER.size() : i;
    }
}
