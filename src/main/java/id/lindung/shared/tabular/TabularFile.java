package id.lindung.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What every streamed import of an uploaded table does the same way: open the file as rows (XLSX, or CSV whose
 * separator is the one its header line uses), find the columns by header name, skip blank rows, read dates the ways
 * Indonesian files write them. Shared by the KUR, contribution-history, payment, sponsorship and denominator readers.
 */
public final class TabularFile {

    private static final DateTimeFormatter DMY =
            DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private TabularFile() {}

    /**
     * The rows of an upload: the first sheet of an XLSX workbook (within {@code limits}, else
     * {@link XlsxRefusedException}), or UTF-8 CSV separated by {@code ;} or {@code ,}.
     */
    public static RowSource open(InputStream in, boolean xlsx, int maxFieldLength, int maxFields, XlsxLimits limits)
            throws IOException {
        return xlsx ? new XlsxRowSource(in, maxFieldLength, maxFields, limits) : csv(in, maxFieldLength, maxFields);
    }

    /**
     * The rows of a UTF-8 CSV upload (malformed UTF-8 is a {@link java.nio.charset.CharacterCodingException}; a
     * byte-order mark is skipped), separated by {@code ;} when its first line has one, else by {@code ,}.
     */
    public static CsvRowSource csv(InputStream in, int maxFieldLength, int maxFields) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
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
            // a byte-order mark (Excel's "CSV UTF-8") is not part of the first field, which may be quoted
            int start = head[0] == '\uFEFF' ? 1 : 0;
            peek.unread(head, start, n - start);
        }
        return new CsvRowSource(peek, separator, maxFieldLength, maxFields);
    }

    /** Where each column of a header row is (-1: absent), and which required ones are missing. */
    public record Header(int[] index, List<String> missing) {}

    /**
     * Finds {@code columns} in a header row by name (case, surrounding blanks and a byte-order mark ignored).
     * Columns in {@code optional} may be absent.
     */
    public static Header header(RowSource.Row header, List<String> columns, Set<String> optional) {
        List<String> names = header.cells().stream()
                .map(h -> h.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT))
                .toList();
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

    /**
     * A date cell: an Excel date (a number cell of a workbook), {@code dd/MM/yyyy} (strict: 31/09 is an error), or
     * ISO {@code yyyy-MM-dd}.
     *
     * @throws java.time.DateTimeException or {@link NumberFormatException} when it is none of these
     */
    public static LocalDate date(String text, boolean numberCell) {
        if (numberCell) {
            return XlsxRowSource.excelDate(new BigDecimal(text));
        }
        if (text.indexOf('/') > 0) {
            return LocalDate.parse(text, DMY);
        }
        if (isoDigits(text)) {
            // yyyy-MM-dd, what LocalDate.parse reads, without the cost of the general parser
            return LocalDate.of(
                    Integer.parseInt(text, 0, 4, 10),
                    Integer.parseInt(text, 5, 7, 10),
                    Integer.parseInt(text, 8, 10, 10));
        }
        return LocalDate.parse(text);
    }

    /** The name an upload is recorded under: trimmed, {@code fallback} when blank, its last 200 characters. */
    public static String fileName(@Nullable String name, String fallback) {
        String n = name == null || name.isBlank() ? fallback : name.trim();
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    /** Whether an upload of this name is read as an XLSX workbook (else as CSV). */
    public static boolean isXlsx(@Nullable String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }
}
