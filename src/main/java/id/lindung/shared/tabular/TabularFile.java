package id.lindung.shared.tabular;

import id.lindung.shared.FieldIssue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every streamed import of an uploaded table does the same way: open the file as rows (XLSX, or CSV whose
 * separator is the one its header line uses), find the columns by header name, skip blank rows, and write cells into
 * PostgreSQL's COPY text format. Shared by the KUR and contribution-history readers.
 */
public final class TabularFile {

    private TabularFile() {
    }

    /**
     * The rows of an upload: the first sheet of an XLSX workbook (within {@code limits}, else
     * {@link XlsxRefusedException}), or UTF-8 CSV separated by {@code ;} or {@code ,}.
     */
    public static RowSource open(InputStream in, boolean xlsx, int maxFieldLength, int maxFields, XlsxLimits limits)
            throws IOException {
        if (xlsx) {
            return new XlsxRowSource(in, maxFieldLength, maxFields, limits);
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStreamReader chars = new InputStreamReader(in, decoder);
        // the separator is the one the header uses: peek at the first line
        PushbackReader peek = new PushbackReader(chars, 4096);
        char[] head = new char[4096];
        int n = peek.read(head);
        char separator = ';';
        if (n > 0) {
            String first = new String(head, 0, n);
            int eol = first.indexOf('\n');
            String line = eol < 0 ? first : first.substring(0, eol);
            separator = line.indexOf(';') >= 0 ? ';' : ',';
            peek.unread(head, 0, n);
        }
        return new CsvRowSource(peek, separator, maxFieldLength, maxFields);
    }

    /** Where each column of a header row is (-1: absent), and which required ones are missing. */
    public record Header(int[] index, List<String> missing) {
    }

    /**
     * Finds {@code columns} in a header row by name (case, surrounding blanks and a byte-order mark ignored).
     * Columns in {@code optional} may be absent.
     */
    public static Header header(RowSource.Row header, List<String> columns, Set<String> optional) {
        List<String> names = header.cells().stream()
                .map(h -> h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT)).toList();
        int[] index = new int[columns.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            index[c] = names.indexOf(columns.get(c));
            if (index[c] < 0 && !optional.contains(columns.get(c))) {
                missing.add(columns.get(c));
            }
        }
        return new Header(index, missing);
    }

    /** Whether every cell is blank (a row to skip). */
    public static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** Appends a value in COPY text format: backslash, tab, newline and carriage return escaped. */
    public static void copyText(StringBuilder out, String s) {
        int plain = 0;
        while (plain < s.length() && s.charAt(plain) != '\\' && s.charAt(plain) >= ' ') {
            plain++;
        }
        if (plain == s.length()) {
            out.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    /**
     * Appends a refused row to COPY text, one line per problem: the line number, {@code false} (not ok),
     * {@code nullColumns} empty columns (the row's values), then the problem's field, code and arguments
     * ({@code |}-separated, at most 300 characters) — the staging tables' layout of the upload readers.
     */
    public static void copyProblems(StringBuilder out, int line, int nullColumns, List<FieldIssue> issues) {
        for (FieldIssue issue : issues) {
            out.append(line).append("\tf\t");
            for (int i = 0; i < nullColumns; i++) {
                out.append("\\N\t");
            }
            copyText(out, issue.field());
            out.append('\t');
            copyText(out, issue.code());
            out.append('\t');
            StringBuilder args = new StringBuilder();
            for (Object a : issue.args()) {
                if (!args.isEmpty()) {
                    args.append('|');
                }
                args.append(String.valueOf(a).replace("|", "/"));
            }
            copyText(out, args.length() > 300 ? args.substring(0, 300) : args.toString());
            out.append('\n');
        }
    }

    /** What {@code \d{1,maxDigits}} matches. */
    public static boolean digits(String text, int maxDigits) {
        if (text.isEmpty() || text.length() > maxDigits) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** What {@code \d{4}-\d{2}-\d{2}} matches (then read without the general date parser). */
    public static boolean isoDigits(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (i != 4 && i != 7 && (text.charAt(i) < '0' || text.charAt(i) > '9')) {
                return false;
            }
        }
        return true;
    }
}
