package id.lindung.shared.tabular;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.postgresql.copy.CopyIn;

/**
 * The one writer of PostgreSQL's COPY text format in Lindung: rows of fields into a buffer, tabs between fields, a
 * newline after each row. Text is escaped as COPY reads it back: backslash, tab, newline and carriage return become
 * {@code \\}, {@code \t}, {@code \n}, {@code \r}; {@code null} is {@code \N}; bytes are a {@code bytea} in hex
 * ({@code \\x…}, its backslash escaped). Numbers, dates and booleans need no escaping and are written as they are.
 * Used by every COPY of the uploads (KUR, contribution history, payment files) and the participant bulk loader.
 */
public final class CopyText {

    /** Send the buffer once it is this long (a little below 64 KiB, so one row more still fits). */
    private static final int SEND_AT = (1 << 16) - 2048;

    private static final HexFormat HEX = HexFormat.of();

    private final StringBuilder out;
    private boolean rowStarted;

    /** A writer with its own buffer. */
    public CopyText() {
        this(new StringBuilder(1 << 16));
    }

    /** A writer appending to {@code out}. */
    public CopyText(StringBuilder out) {
        this.out = out;
    }

    private StringBuilder next() {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
        return out;
    }

    /** A text field, escaped; {@code null} is NULL. */
    public CopyText text(@Nullable CharSequence value) {
        if (value == null) {
            return nul();
        }
        escape(next(), value);
        return this;
    }

    /** A field whose text needs no escaping: a number, a date, an enum constant; {@code null} is NULL. */
    public CopyText value(@Nullable Object value) {
        if (value == null) {
            return nul();
        }
        next().append(value);
        return this;
    }

    /** A whole number. */
    public CopyText number(long value) {
        next().append(value);
        return this;
    }

    /** A boolean: {@code t} or {@code f}. */
    public CopyText bool(boolean value) {
        next().append(value ? 't' : 'f');
        return this;
    }

    /** A {@code bytea} in hex; {@code null} is NULL. */
    public CopyText bytes(byte @Nullable [] value) {
        if (value == null) {
            return nul();
        }
        HEX.formatHex(next().append("\\\\x"), value);
        return this;
    }

    /** NULL. */
    public CopyText nul() {
        next().append("\\N");
        return this;
    }

    /** NULL, {@code count} times. */
    public CopyText nul(int count) {
        for (int i = 0; i < count; i++) {
            nul();
        }
        return this;
    }

    /** Ends the row. */
    public CopyText end() {
        out.append('\n');
        rowStarted = false;
        return this;
    }

    /** The rows written and not yet sent. */
    public StringBuilder buffer() {
        return out;
    }

    public boolean isEmpty() {
        return out.isEmpty();
    }

    /** Sends the rows written so far to the COPY and empties the buffer (between rows only). */
    public void sendTo(CopyIn in) throws SQLException {
        if (!out.isEmpty()) {
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            out.setLength(0);
        }
    }

    /** {@link #sendTo(CopyIn)} once the buffer is nearly 64 KiB: memory stays flat whatever the file size. */
    public void sendWhenFull(CopyIn in) throws SQLException {
        if (out.length() > SEND_AT) {
            sendTo(in);
        }
    }

    /** Appends {@code value} escaped for COPY text format: backslash, tab, newline and carriage return. */
    public static void escape(StringBuilder out, CharSequence value) {
        int plain = 0;
        int length = value.length();
        while (plain < length && value.charAt(plain) != '\\' && value.charAt(plain) >= ' ') {
            plain++;
        }
        if (plain == length) {
            out.append(value);
            return;
        }
        out.append(value, 0, plain);
        for (int i = plain; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
