package id.lindung.shared.tabular;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 tokenizer with limits: quoted fields (with doubled quotes and line breaks inside), {@code ;}
 * or {@code ,} as separator, CRLF or LF. A field longer than {@code maxFieldLength} characters is not kept: it is
 * read to its end and reported in {@link Row#tooLong()}, so a ten-million-character field costs no memory. Rows with
 * more than {@code maxFields} fields keep the first ones and say so. An opening quote never closed is an error of
 * the file (it would swallow everything after it).
 */
public final class CsvTokenizer {

    /** One row: its fields, the line it started on, the indexes of fields that were too long, and more fields. */
    public record Row(int line, List<String> fields, List<Integer> tooLong, boolean tooManyFields) {
    }

    /** The file cannot be read as CSV (an unterminated quote); names the line the quote opened on. */
    public static final class UnterminatedQuoteException extends IOException {
        public final int line;

        UnterminatedQuoteException(int line) {
            super("quote opened on line " + line + " is never closed");
            this.line = line;
        }
    }

    private final Reader in;
    private final char separator;
    private final int maxFieldLength;
    private final int maxFields;
    private int line = 1;
    private int pushedBack = -2;
    // our own buffer: Reader.read() of one character takes a lock and a virtual call per character
    private final char[] buffer = new char[1 << 14];
    private int position;
    private int limit;

    public CsvTokenizer(Reader in, char separator, int maxFieldLength, int maxFields) {
        this.in = in;
        this.separator = separator;
        this.maxFieldLength = maxFieldLength;
        this.maxFields = maxFields;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (position == limit) {
            limit = in.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    /** The next row, or null at the end of the input. Blank lines are rows with one empty field. */
    public @Nullable Row next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        pushedBack = c;
        int startLine = line;
        List<String> fields = new ArrayList<>();
        List<Integer> tooLong = new ArrayList<>();
        boolean tooMany = false;
        StringBuilder field = new StringBuilder();
        boolean fieldTooLong = false;
        boolean quoted = false;
        boolean afterQuote = false;
        int quoteLine = 0;
        while (true) {
            c = read();
            if (quoted) {
                if (c == -1) {
                    throw new UnterminatedQuoteException(quoteLine);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        fieldTooLong |= append(field, '"', fieldTooLong);
                        continue;
                    }
                    pushedBack = d;
                    quoted = false;
                    afterQuote = true;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                fieldTooLong |= append(field, (char) c, fieldTooLong);
                continue;
            }
            if (c == '"' && field.isEmpty() && !afterQuote && !fieldTooLong) {
                quoted = true;
                quoteLine = line;
                continue;
            }
            if (c == separator || c == '\n' || c == -1 || c == '\r') {
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushedBack = d;
                    }
                }
                if (fields.size() < maxFields) {
                    if (fieldTooLong) {
                        tooLong.add(fields.size());
                        fields.add("");
                    } else {
                        fields.add(field.toString());
                    }
                } else {
                    tooMany = true;
                }
                field.setLength(0);
                fieldTooLong = false;
                afterQuote = false;
                if (c != separator) {
                    if (c != -1) {
                        line++;
                    }
                    return new Row(startLine, fields, tooLong, tooMany);
                }
                continue;
            }
            fieldTooLong |= append(field, (char) c, fieldTooLong);
        }
    }

    /** @return whether the field is now too long (and no longer kept) */
    private boolean append(StringBuilder field, char c, boolean alreadyTooLong) {
        if (alreadyTooLong) {
            return true;
        }
        if (field.length() >= maxFieldLength) {
            field.setLength(0);
            return true;
        }
        field.append(c);
        return false;
    }
}
