package id.lindung;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads SQL out of the sources for {@link SqlDependenciesTest}: the string literals and text blocks of a Java file
 * (literals joined by {@code +} form one statement, an expression between them stands as {@code ?}), and in SQL text
 * the objects it names (after FROM, JOIN, UPDATE, INTO, TABLE, VIEW, USING, REFERENCES, TRUNCATE, COPY, ANALYZE, and
 * ON after INDEX or TRIGGER), the objects it creates, and the quoted values it compares with. Comments, quoted values and named
 * parameters are never taken for names; a dotted name counts only when qualified by the schema ({@code public.x}),
 * otherwise it is a column of an alias. A lexer, not a parser: enough for the SQL this code base writes, and its own
 * test ({@code SqlDependenciesTest.theReaderFindsWhatSqlNames}) pins what it recognises.
 */
final class SqlSources {

    private SqlSources() {}

    /** A piece of SQL and, for each of its characters, the line of the source file it came from. */
    record Sql(String text, int[] lines) {

        int lineAt(int offset) {
            return lines.length == 0 ? 1 : lines[Math.min(offset, lines.length - 1)];
        }
    }

    /** An object named by SQL, at an offset of its text. */
    record Name(String name, int offset) {}

    /** An object created by SQL: table or view. */
    record Created(String name, String kind) {}

    // ---------------------------------------------------------------------------------------------- Java sources

    /** The SQL candidates of a Java file: every chain of string literals joined by {@code +}. */
    static List<Sql> javaStrings(String source) {
        List<Sql> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = source.length();
        int lastLiteralEnd = -1;
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                int stop = end < 0 ? n : end + 2;
                line += count(source, i, stop);
                i = stop;
            } else if (c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '\'') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '"') {
                boolean block = source.startsWith("\"\"\"", i);
                String between = lastLiteralEnd < 0
                        ? null
                        : source.substring(lastLiteralEnd, i).strip();
                if (between == null || !joins(between)) {
                    flush(out, text, lines);
                } else if (!between.equals("+")) {
                    append(text, lines, " ? ", line);
                }
                int j;
                if (block) {
                    j = source.indexOf('\n', i + 3) + 1;
                    line++;
                    while (!source.startsWith("\"\"\"", j)) {
                        char d = source.charAt(j);
                        if (d == '\\') {
                            char e = source.charAt(j + 1);
                            if (e == '\n') {
                                line++;
                            } else {
                                append(text, lines, unescape(e), line);
                            }
                            j += 2;
                        } else {
                            append(text, lines, String.valueOf(d), line);
                            if (d == '\n') {
                                line++;
                            }
                            j++;
                        }
                    }
                    i = j + 3;
                } else {
                    j = i + 1;
                    while (source.charAt(j) != '"') {
                        char d = source.charAt(j);
                        if (d == '\\') {
                            append(text, lines, unescape(source.charAt(j + 1)), line);
                            j += 2;
                        } else {
                            append(text, lines, String.valueOf(d), line);
                            j++;
                        }
                    }
                    i = j + 1;
                }
                lastLiteralEnd = i;
            } else {
                i++;
            }
        }
        flush(out, text, lines);
        return out;
    }

    /** Whether the code between two literals joins them into one string: a plain {@code +} or {@code + expr +}. */
    private static boolean joins(String between) {
        return between.startsWith("+")
                && between.endsWith("+")
                && between.chars().noneMatch(ch -> ch == ';' || ch == '{' || ch == '}');
    }

    private static String unescape(char e) {
        return switch (e) {
            case 'n' -> "\n";
            case 't' -> "\t";
            case 's' -> " ";
            case 'r', 'b', 'f' -> " ";
            default -> String.valueOf(e);
        };
    }

    private static void append(StringBuilder text, List<Integer> lines, String s, int line) {
        text.append(s);
        for (int k = 0; k < s.length(); k++) {
            lines.add(line);
        }
    }

    private static void flush(List<Sql> out, StringBuilder text, List<Integer> lines) {
        if (!text.isEmpty()) {
            out.add(new Sql(
                    text.toString(), lines.stream().mapToInt(Integer::intValue).toArray()));
        }
        text.setLength(0);
        lines.clear();
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int j = from; j < to; j++) {
            if (s.charAt(j) == '\n') {
                k++;
            }
        }
        return k;
    }

    /** A whole SQL file as one piece. */
    static Sql sqlFile(String content) {
        int[] lines = new int[content.length()];
        int line = 1;
        for (int k = 0; k < content.length(); k++) {
            lines[k] = line;
            if (content.charAt(k) == '\n') {
                line++;
            }
        }
        return new Sql(content, lines);
    }

    // ------------------------------------------------------------------------------------------------- SQL text

    private enum Kind {
        WORD,
        STRING,
        PARAM,
        PUNCT
    }

    private record Token(Kind kind, String text, int offset) {

        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        boolean punct(char c) {
            return kind == Kind.PUNCT && text.charAt(0) == c;
        }
    }

    /** Words after which a name in a FROM list is not an alias but the next clause. */
    private static final Set<String> CLAUSES = Set.of(
            "where",
            "join",
            "inner",
            "left",
            "right",
            "full",
            "cross",
            "natural",
            "on",
            "using",
            "group",
            "order",
            "limit",
            "offset",
            "union",
            "except",
            "intersect",
            "having",
            "window",
            "for",
            "returning",
            "set",
            "tablesample",
            "with",
            "select",
            "values",
            "fetch",
            "lateral",
            "when",
            "then",
            "else",
            "end",
            "and",
            "or",
            "do",
            "into",
            "as");

    private static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    if (sql.charAt(j) == '\'') {
                        if (j + 1 < n && sql.charAt(j + 1) == '\'') {
                            value.append('\'');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    value.append(sql.charAt(j++));
                }
                out.add(new Token(Kind.STRING, value.toString(), i));
                i = j + 1;
            } else if (c == '"') {
                int end = sql.indexOf('"', i + 1);
                int stop = end < 0 ? n : end;
                out.add(new Token(Kind.WORD, sql.substring(i + 1, stop), i));
                i = stop + 1;
            } else if (c == '$' && i + 1 < n && (sql.charAt(i + 1) == '$' || Character.isLetter(sql.charAt(i + 1)))) {
                int end = sql.indexOf('$', i + 1); // a dollar-quote marker; what it quotes is SQL too (function bodies)
                i = end < 0 ? n : end + 1;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                out.add(new Token(Kind.PUNCT, "::", i));
                i += 2;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int j = i + 1;
                while (j < n && Character.isJavaIdentifierPart(sql.charAt(j))) {
                    j++;
                }
                out.add(new Token(Kind.PARAM, sql.substring(i, j), i));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i + 1;
                while (j < n
                        && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                out.add(new Token(Kind.WORD, sql.substring(i, j), i));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                i = j;
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), i));
                i++;
            }
        }
        return out;
    }

    /** The objects the SQL names (lower case), in order. */
    static List<Name> names(String sql) {
        List<Token> t = tokens(sql);
        List<Name> out = new ArrayList<>();
        boolean onPending = false;
        for (int i = 0; i < t.size(); i++) {
            Token k = t.get(i);
            if (k.kind() != Kind.WORD) {
                continue;
            }
            String word = k.text().toLowerCase(Locale.ROOT);
            switch (word) {
                case "from" -> i = targetList(t, i + 1, out, true);
                case "truncate", "analyze", "vacuum" -> i = targetList(t, i + 1, out, false);
                case "join" -> i = target(t, i + 1, out, true);
                case "update", "into", "references", "copy" -> i = target(t, i + 1, out, false);
                case "using" -> {
                    if (!(i + 1 < t.size() && t.get(i + 1).punct('('))) {
                        i = target(t, i + 1, out, true); // DELETE … USING x; not JOIN … USING (col)
                    }
                }
                case "table", "view" -> i = target(t, skipIfExists(t, i + 1), out, false);
                case "index", "trigger" -> onPending = true;
                case "on" -> {
                    if (onPending) {
                        onPending = false;
                        i = target(t, i + 1, out, false);
                    }
                }
                default -> {}
            }
        }
        return out;
    }

    /** The tables and views the SQL creates (CREATE [OR REPLACE] [TEMP …] TABLE|VIEW name). */
    static List<Created> created(String sql) {
        List<Token> t = tokens(sql);
        List<Created> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (!t.get(i).is("create")) {
                continue;
            }
            int j = i + 1;
            boolean temporary = false;
            while (j < t.size()
                    && (t.get(j).is("or")
                            || t.get(j).is("replace")
                            || t.get(j).is("temp")
                            || t.get(j).is("temporary")
                            || t.get(j).is("unlogged")
                            || t.get(j).is("materialized"))) {
                temporary |= t.get(j).is("temp") || t.get(j).is("temporary");
                j++;
            }
            if (j < t.size() && (t.get(j).is("table") || t.get(j).is("view")) && !temporary) {
                String kind = t.get(j).text().toLowerCase(Locale.ROOT);
                List<Name> name = new ArrayList<>();
                target(t, skipIfExists(t, j + 1), name, false);
                name.forEach(x -> out.add(new Created(x.name(), kind)));
            }
        }
        return out;
    }

    /**
     * The quoted values the SQL compares something with (after {@code =}, {@code <>}, {@code !=}, {@code WHEN}, or
     * in an {@code IN (…)} list), with their offsets; not the values it produces ({@code THEN 'X'}, {@code VALUES}).
     */
    static List<Name> comparedValues(String sql) {
        List<Token> t = tokens(sql);
        List<Name> out = new ArrayList<>();
        int inList = -1; // depth of the parenthesis of an IN list we are in, or -1
        int depth = 0;
        for (int i = 0; i < t.size(); i++) {
            Token x = t.get(i);
            if (x.punct('(')) {
                depth++;
                if (i > 0 && t.get(i - 1).is("in") && inList < 0) {
                    inList = depth;
                }
            } else if (x.punct(')')) {
                if (depth == inList) {
                    inList = -1;
                }
                depth--;
            } else if (x.kind() == Kind.STRING && i > 0) {
                Token before = t.get(i - 1);
                if (before.punct('=')
                        || before.punct('>')
                        || before.punct('<')
                        || before.is("when")
                        || (depth == inList && (before.punct('(') || before.punct(',')))) {
                    out.add(new Name(x.text(), x.offset()));
                }
            }
        }
        return out;
    }

    private static int skipIfExists(List<Token> t, int i) {
        int j = i;
        if (j < t.size() && t.get(j).is("if")) {
            j++;
            if (j < t.size() && t.get(j).is("not")) {
                j++;
            }
            if (j < t.size() && t.get(j).is("exists")) {
                j++;
            }
        }
        return j;
    }

    /**
     * One name at {@code i} (after ONLY, LATERAL or TABLE); returns the index of its last token. Where a function
     * may stand ({@code callable}: FROM, JOIN, USING), a name followed by "(" is a call, not an object.
     */
    private static int target(List<Token> t, int i, List<Name> out, boolean callable) {
        int j = i;
        while (j < t.size()
                && (t.get(j).is("only") || t.get(j).is("lateral") || t.get(j).is("table"))) {
            j++;
        }
        if (j >= t.size() || t.get(j).kind() != Kind.WORD) {
            return i - 1;
        }
        Token first = t.get(j);
        String name = first.text();
        int last = j;
        if (j + 2 < t.size() && t.get(j + 1).punct('.') && t.get(j + 2).kind() == Kind.WORD) {
            last = j + 2;
            // schema-qualified: the object; anything else dotted is a column of an alias (EXTRACT(year FROM m.x))
            name = first.text().equalsIgnoreCase("public") ? t.get(j + 2).text() : null;
        }
        boolean call = callable && last + 1 < t.size() && t.get(last + 1).punct('(');
        if (name != null && !call) {
            out.add(new Name(name.toLowerCase(Locale.ROOT), first.offset()));
        }
        return last;
    }

    /** A comma-separated list of names, each with an optional alias; returns the index of its last token. */
    private static int targetList(List<Token> t, int i, List<Name> out, boolean callable) {
        int j = i;
        while (true) {
            if (j < t.size() && t.get(j).punct('(')) {
                return j - 1; // a sub-query (its own FROM is found on the way) or a call
            }
            int last = target(t, j, out, callable);
            if (last < j) {
                return j - 1;
            }
            j = last + 1;
            if (j < t.size() && t.get(j).is("as")) {
                j++;
            }
            if (j < t.size()
                    && t.get(j).kind() == Kind.WORD
                    && !CLAUSES.contains(t.get(j).text().toLowerCase(Locale.ROOT))) {
                j++; // alias
            }
            if (j < t.size() && t.get(j).punct(',')) {
                j++;
                continue;
            }
            return j - 1;
        }
    }
}
