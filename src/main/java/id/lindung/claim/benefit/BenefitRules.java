package id.lindung.claim.benefit;

import id.lindung.shared.tabular.CsvTokenizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of the benefit rule rows and the disability table. A figure is looked up for a date: the row
 * of that key with the latest {@code valid_from} on or before the date applies.
 *
 * <p>CSV format of both files: UTF-8, one header line, {@code ;} between fields, a field quoted as RFC 4180 says when
 * it holds a {@code ;}, a quote or a line break (as Excel saves it; read by Lindung's one CSV reader,
 * {@code CsvTokenizer}), dates ISO {@code yyyy-MM-dd}, decimals with a dot, booleans {@code true}/{@code false}, an
 * empty field is empty (only {@code note} may be). The same files can be loaded by PostgreSQL {@code COPY ... (FORMAT
 * csv, DELIMITER ';', HEADER true)}.
 */
public final class BenefitRules {

    /** Header of {@code claim/benefit-rules.csv}. */
    public static final String RULES_HEADER = "key;valid_from;value;unit;legal_basis;source;unconfirmed;note";
    /** Header of {@code claim/disability-table.csv}. */
    public static final String DISABILITY_HEADER =
            "code;body_part_id;body_part_en;percent;valid_from;legal_basis;source;unconfirmed";
    /** The shipped files on the classpath. */
    public static final String RULES_RESOURCE = "/claim/benefit-rules.csv";

    public static final String DISABILITY_RESOURCE = "/claim/disability-table.csv";

    /** Longer fields are refused (a legal basis or a note is a sentence or two). */
    private static final int MAX_FIELD_LENGTH = 10_000;

    private static final int MAX_FIELDS = 1_000;

    private final List<BenefitRule> rules;
    private final List<DisabilityRow> disability;
    private final Map<RuleKey, TreeMap<LocalDate, BenefitRule>> byKey = new EnumMap<>(RuleKey.class);
    private final Map<String, TreeMap<LocalDate, DisabilityRow>> byCode = new HashMap<>();

    private BenefitRules(Collection<BenefitRule> rules, Collection<DisabilityRow> disability) {
        for (BenefitRule r : rules) {
            if (byKey.computeIfAbsent(r.key(), k -> new TreeMap<>()).put(r.validFrom(), r) != null) {
                throw new IllegalArgumentException("two rows of " + r.key() + " valid from " + r.validFrom());
            }
        }
        for (DisabilityRow d : disability) {
            if (byCode.computeIfAbsent(d.code(), k -> new TreeMap<>()).put(d.validFrom(), d) != null) {
                throw new IllegalArgumentException("two disability rows " + d.code() + " valid from " + d.validFrom());
            }
        }
        this.rules = rules.stream()
                .sorted(Comparator.comparing(BenefitRule::key).thenComparing(BenefitRule::validFrom))
                .toList();
        this.disability = List.copyOf(disability);
    }

    public static BenefitRules fromRows(Collection<BenefitRule> rules, Collection<DisabilityRow> disability) {
        return new BenefitRules(rules, disability);
    }

    /**
     * Reads both CSV files (see the class comment for the format).
     *
     * @throws IllegalArgumentException naming the file line of the first bad row
     */
    public static BenefitRules fromCsv(Reader rules, Reader disability) {
        return new BenefitRules(parseRules(rules), parseDisability(disability));
    }

    /** The rows shipped in {@code src/main/resources/claim/}. */
    public static BenefitRules shipped() {
        try (Reader r = resource(RULES_RESOURCE);
                Reader d = resource(DISABILITY_RESOURCE)) {
            return fromCsv(r, d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader resource(String name) {
        InputStream in = BenefitRules.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Every rule row, by key then date. */
    public List<BenefitRule> rules() {
        return rules;
    }

    /** Every disability-table row as loaded. */
    public List<DisabilityRow> disabilityTable() {
        return disability;
    }

    /** The disability rows valid on {@code date}, one per code. */
    public List<DisabilityRow> disabilityTable(LocalDate date) {
        return byCode.values().stream()
                .map(m -> m.floorEntry(date))
                .filter(e -> e != null)
                .map(Map.Entry::getValue)
                .sorted(Comparator.comparing(DisabilityRow::code))
                .toList();
    }

    /** The row of {@code key} valid on {@code date}, if any. */
    public Optional<BenefitRule> find(RuleKey key, LocalDate date) {
        TreeMap<LocalDate, BenefitRule> rows = byKey.get(key);
        return Optional.ofNullable(rows == null ? null : rows.floorEntry(date)).map(Map.Entry::getValue);
    }

    /**
     * The row of {@code key} valid on {@code date}.
     *
     * @throws MissingRuleException when the date is before every row of the key (or the key has none)
     */
    public BenefitRule rule(RuleKey key, LocalDate date) {
        return find(key, date).orElseThrow(() -> new MissingRuleException(key.name(), date));
    }

    /** Whether the table has the code at all (on any date). */
    public boolean knowsDisability(String code) {
        return byCode.containsKey(code);
    }

    /**
     * The disability row of {@code code} valid on {@code date}.
     *
     * @throws MissingRuleException ({@code disability:CODE}) when no row of the code is valid on the date
     */
    public DisabilityRow disability(String code, LocalDate date) {
        TreeMap<LocalDate, DisabilityRow> rows = byCode.get(code);
        Map.Entry<LocalDate, DisabilityRow> e = rows == null ? null : rows.floorEntry(date);
        if (e == null) {
            throw new MissingRuleException("disability:" + code, date);
        }
        return e.getValue();
    }

    // ------------------------------------------------------------------------------------------------ CSV parsing

    private static List<BenefitRule> parseRules(Reader reader) {
        List<BenefitRule> rows = new ArrayList<>();
        forEachRow(reader, RULES_HEADER, (line, f) -> {
            RuleKey key = RuleKey.valueOf(f[0]);
            RuleUnit unit = RuleUnit.valueOf(f[3]);
            if (unit != key.unit()) {
                throw new IllegalArgumentException("unit of " + key + " is " + key.unit() + ", not " + unit);
            }
            rows.add(new BenefitRule(
                    key,
                    date(f[1]),
                    new BigDecimal(f[2]),
                    required(f[4], "legal_basis"),
                    required(f[5], "source"),
                    bool(f[6]),
                    f[7].isEmpty() ? null : f[7]));
        });
        return rows;
    }

    private static List<DisabilityRow> parseDisability(Reader reader) {
        List<DisabilityRow> rows = new ArrayList<>();
        forEachRow(
                reader,
                DISABILITY_HEADER,
                (line, f) -> rows.add(new DisabilityRow(
                        required(f[0], "code"),
                        required(f[1], "body_part_id"),
                        required(f[2], "body_part_en"),
                        new BigDecimal(f[3]),
                        date(f[4]),
                        required(f[5], "legal_basis"),
                        required(f[6], "source"),
                        bool(f[7]))));
        return rows;
    }

    private interface RowHandler {
        void row(int line, String[] fields);
    }

    private static void forEachRow(Reader reader, String header, RowHandler handler) {
        int columns = header.split(";").length;
        CsvTokenizer csv = new CsvTokenizer(reader, ';', MAX_FIELD_LENGTH, MAX_FIELDS);
        try {
            CsvTokenizer.Row first = csv.next();
            String names = first == null ? null : String.join(";", first.fields());
            if (names != null && names.startsWith("\uFEFF")) {
                names = names.substring(1);
            }
            if (!header.equals(names)) {
                throw new IllegalArgumentException("line 1: header must be '" + header + "' but is '" + names + "'");
            }
            for (CsvTokenizer.Row row = csv.next(); row != null; row = csv.next()) {
                int line = row.line();
                List<String> cells = row.fields();
                if (cells.size() == 1 && cells.get(0).isBlank()) {
                    continue;
                }
                if (!row.tooLong().isEmpty()) {
                    throw new IllegalArgumentException("line " + line + ": field "
                            + (row.tooLong().get(0) + 1) + " is longer than " + MAX_FIELD_LENGTH + " characters");
                }
                if (cells.size() != columns) {
                    throw new IllegalArgumentException(
                            "line " + line + ": " + cells.size() + " fields, expected " + columns);
                }
                String[] fields = new String[columns];
                for (int i = 0; i < columns; i++) {
                    fields[i] = cells.get(i).strip();
                }
                try {
                    handler.row(line, fields);
                } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                    throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
                }
            }
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw new IllegalArgumentException("line " + e.line + ": a quote opened here is never closed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    private static boolean bool(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("unconfirmed must be true or false: '" + text + "'");
        };
    }

    private static String required(String text, String column) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException(column + " is empty");
        }
        return text;
    }
}
