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
    public record Row(int line, List<String> fields, List<Integer> tooLong, boolean tooManyFields) {}

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
    /** The field being read (one builder for all: a row's fields are copied out of it). */
    private final StringBuilder field = new StringBuilder();
    /** Fields in the row before: the next row's list is made that large at once. */
    private int lastWidth = 10;

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
        List<String> fields = new ArrayList<>(Math.min(lastWidth, maxFields));
        List<Integer> tooLong = null;
        boolean tooMany = false;
        StringBuilder field = this.field;
        field.setLength(0);
        boolean fieldTooLong = false;
        boolean quoted = false;
        boolean afterQuote = false;
        int quoteLine = 0;
        while (true) {
            if (quoted) {
                // the characters up to the next quote or line break, at once
                fieldTooLong = run(field, fieldTooLong, true);
                c = read();
                if (c == -1) {
                    throw new UnterminatedQuoteException(quoteLine);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        fieldTooLong = append(field, '"', fieldTooLong);
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
                fieldTooLong = append(field, (char) c, fieldTooLong);
                continue;
            }
            // the characters up to the next separator, line break or quote, at once
            fieldTooLong = run(field, fieldTooLong, false);
            c = read();
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
                        if (tooLong == null) {
                            tooLong = new ArrayList<>(2);
                        }
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
                    lastWidth = Math.max(fields.size(), 1);
                    return new Row(startLine, fields, tooLong == null ? List.of() : tooLong, tooMany);
                }
                continue;
            }
            fieldTooLong = append(field, (char) c, fieldTooLong);
        }
    }

    /**
     * Appends the plain characters that follow in the buffer (no quote, line break, or in an unquoted field
     * separator) in one go: the per-character path is only for the characters that mean something.
     *
     * @return whether the field is now too long (and no longer kept)
     */
    private boolean run(StringBuilder field, boolean alreadyTooLong, boolean quoted) {
        if (pushedBack != -2) {
            return alreadyTooLong;
        }
        int start = position;
        int i = start;
        char[] b = buffer;
        int end = limit;
        if (quoted) {
            while (i < end && b[i] != '"' && b[i] != '\n') {
                i++;
            }
        } else {
            char sep = separator;
            while (i < end) {
                char ch = b[i];
                if (ch == sep || ch == '\n' || ch == '\r' || ch == '"') {
                    break;
                }
                i++;
            }
        }
        position = i;
        int length = i - start;
        if (length == 0 || alreadyTooLong) {
            return alreadyTooLong;
        }
        if (field.length() + length > maxFieldLength) {
            field.setLength(0);
            return true;
        }
        field.append(b, start, length);
        return false;
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
