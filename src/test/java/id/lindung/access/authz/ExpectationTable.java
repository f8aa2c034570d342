package id.lindung.access.authz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checked-in expectation table ({@code src/test/resources/authz/endpoints.csv}): one row per HTTP method and path
 * pattern, one column per role and one for anonymous callers, saying what each gets (see {@link Access}), and a note.
 * Lines starting with {@code #} and blank lines are comments; the note is everything after the eighth comma, so it
 * may itself contain commas.
 */
public final class ExpectationTable {

    /** The columns after method and pattern, in order: the five roles, then callers who are not signed in. */
    public static final List<String> COLUMNS =
            List.of("ADMIN", "OFFICER", "GOV_ANALYST", "BANK_OFFICER", "AGENT", "anonymous");

    public static final String ANONYMOUS = "anonymous";

    /** What one role (or an anonymous caller) gets from an endpoint. */
    public enum Access {
        /** Not refused (not 401/403, not a refusal on the page), and never "not found" for the fixtures. */
        ALLOW,
        /** Refused: 403 (a refusal message on a page); for an entity outside the user's scope "not found" also. */
        DENY,
        /** Allowed for an entity inside the user's region scope; refused or "not found" for one outside it. */
        SCOPED,
        /**
         * Allowed for the user's own entity only (the user's own API token; a bank's own loans and files); refused or
         * "not found" for others'.
         */
        OWN,
        /** Allowed for users with a province-wide (or national) scope, refused for users of one kab/kota. */
        PROVINCE,
        /** Anonymous only: served without signing in. */
        PUBLIC,
        /** Anonymous only: must sign in (401 from the API, to the login page from a page). */
        LOGIN,
        /** Not one of ours (framework endpoints): not requested; the note says why. */
        EXCLUDED;

        static final Set<Access> FOR_ROLES = EnumSet.of(ALLOW, DENY, SCOPED, OWN, PROVINCE, EXCLUDED);
        static final Set<Access> FOR_ANONYMOUS = EnumSet.of(PUBLIC, LOGIN, EXCLUDED);
    }

    /** One row: where it is in the file, the endpoint's key and the access of each column. */
    public record Row(int line, String method, String pattern, Map<String, Access> access, String note) {

        public String key() {
            return method + " " + pattern;
        }

        public Access of(String column) {
            return access.get(column);
        }

        public boolean excluded() {
            return access.values().stream().allMatch(a -> a == Access.EXCLUDED);
        }
    }

    private final Map<String, Row> rows;
    private final List<String> problems;

    private ExpectationTable(Map<String, Row> rows, List<String> problems) {
        this.rows = rows;
        this.problems = problems;
    }

    /** Reads the table from the class path; what is wrong with its rows is in {@link #problems()}. */
    public static ExpectationTable load(String resource) {
        try (InputStream in = ExpectationTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ExpectationTable parse(String text) {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        boolean header = false;
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String raw = lines[i].strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            String[] cells = raw.split(",", 2 + COLUMNS.size() + 1);
            if (!header) {
                List<String> expected = new ArrayList<>(List.of("method", "pattern"));
                expected.addAll(COLUMNS);
                expected.add("note");
                if (!List.of(cells).stream().map(String::strip).toList().equals(expected)) {
                    problems.add("line " + line + ": the header must be " + String.join(",", expected));
                }
                header = true;
                continue;
            }
            if (cells.length < 2 + COLUMNS.size()) {
                problems.add("line " + line + ": " + (2 + COLUMNS.size()) + " cells at least, found " + cells.length);
                continue;
            }
            String method = cells[0].strip();
            String pattern = cells[1].strip();
            Map<String, Access> access = new LinkedHashMap<>();
            for (int c = 0; c < COLUMNS.size(); c++) {
                String column = COLUMNS.get(c);
                String cell = cells[2 + c].strip();
                try {
                    Access a = Access.valueOf(cell.toUpperCase(Locale.ROOT));
                    Set<Access> allowed = column.equals(ANONYMOUS) ? Access.FOR_ANONYMOUS : Access.FOR_ROLES;
                    if (!allowed.contains(a)) {
                        problems.add("line " + line + ": " + column + " may not be '" + cell + "' (one of "
                                + allowed.toString().toLowerCase(Locale.ROOT) + ")");
                    }
                    access.put(column, a);
                } catch (IllegalArgumentException e) {
                    problems.add("line " + line + ": unknown access '" + cell + "' for " + column);
                }
            }
            String note = cells.length > 2 + COLUMNS.size() ? cells[2 + COLUMNS.size()].strip() : "";
            Row row = new Row(line, method, pattern, access, note);
            if (access.size() == COLUMNS.size()) {
                boolean someExcluded = access.containsValue(Access.EXCLUDED);
                if (someExcluded && !row.excluded()) {
                    problems.add("line " + line + ": a row is excluded in every column or in none");
                }
                if (row.excluded() && note.isEmpty()) {
                    problems.add("line " + line + ": an excluded endpoint needs a note saying why");
                }
            }
            if (rows.put(row.key(), row) != null) {
                problems.add("line " + line + ": " + row.key() + " has a row already");
            }
        }
        if (!header) {
            problems.add("the table has no header");
        }
        return new ExpectationTable(rows, problems);
    }

    public Map<String, Row> rows() {
        return rows;
    }

    public List<String> problems() {
        return problems;
    }
}
