package id.lindung.shared.tabular;

import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The one CSV writer of Lindung: every CSV export goes through it. Fields are quoted as RFC 4180 says (a field with
 * the separator, a double quote, CR or LF is put in double quotes, its quotes doubled; rows end in CRLF), and text
 * cannot become a spreadsheet formula: a text field starting with {@code =}, {@code +}, {@code -}, {@code @}, tab,
 * CR or LF (or their full-width forms) gets a leading apostrophe, which Excel and LibreOffice show as text and do
 * not evaluate (the OWASP treatment of CSV injection).
 *
 * <p>The writer knows text from numbers by the cell's type: a {@link String} (or any other object, by its
 * {@code toString()}) is text and neutralised; a {@link Long}, {@link Integer}, {@link BigDecimal} or
 * {@link BigInteger} is a number Lindung computed and is written as it is, a negative amount staying a number.
 * Numbers read from users or files must therefore be passed as text. {@code null} is an empty field.
 */
public final class CsvWriter implements Flushable {

    private final Writer out;
    private final char separator;
    private final char decimalSeparator;

    /**
     * @param separator between fields, e.g. {@code ;} for Indonesian and European Excel
     * @param decimalSeparator written for the point of a {@link BigDecimal}, e.g. {@code ,}
     */
    public CsvWriter(Writer out, char separator, char decimalSeparator) {
        this.out = out;
        this.separator = separator;
        this.decimalSeparator = decimalSeparator;
    }

    /**
     * A writer for spreadsheets as Lindung's users open them: UTF-8 with a byte-order mark (so Excel reads UTF-8),
     * {@code ;} between fields and a decimal comma. The byte-order mark is written at once.
     */
    public static CsvWriter excel(OutputStream stream) {
        CsvWriter writer = new CsvWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), ';', ',');
        writer.raw("\uFEFF");
        return writer;
    }

    /** Writes one row: each cell by its type (see the class comment), then CRLF. */
    public CsvWriter row(@Nullable Object... cells) {
        StringBuilder line = new StringBuilder(16 * cells.length + 2);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(separator);
            }
            line.append(field(cells[i]));
        }
        line.append("\r\n");
        return raw(line);
    }

    /** A cell as it is written: numbers as digits, text neutralised and quoted. */
    String field(@Nullable Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Long || cell instanceof Integer || cell instanceof BigInteger) {
            return cell.toString();
        }
        if (cell instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString().replace('.', decimalSeparator);
        }
        return quote(neutralise(cell.toString()));
    }

    /** The text with a leading apostrophe when a spreadsheet would read it as a formula. */
    public static String neutralise(String text) {
        return !text.isEmpty() && formulaStart(text.charAt(0)) ? "'" + text : text;
    }

    /** Whether a cell starting with this character is taken for a formula (or data exchange) by a spreadsheet. */
    public static boolean formulaStart(char c) {
        return switch (c) {
            case '=', '+', '-', '@', '\t', '\r', '\n', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
            default -> false;
        };
    }

    private String quote(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == separator || c == '"' || c == '\r' || c == '\n') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }

    private CsvWriter raw(CharSequence text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
