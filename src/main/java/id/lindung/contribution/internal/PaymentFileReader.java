package id.lindung.contribution.internal;

import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Reads a bank payment file as a stream and copies its checked rows into a staging table with PostgreSQL COPY,
 * so memory stays flat whatever the file size. Columns by header name, in any order, separated by {@code ;} or
 * {@code ,}: {@code reference} (the bank's unique transaction reference), {@code membership_id}, {@code amount}
 * (whole rupiah, digits only), {@code paid_on} ({@code yyyy-MM-dd} or {@code dd/MM/yyyy}). Every problem names its
 * line in the file (the header is line 1) and column; the caller discards the staging rows when there are any.
 */
public final class PaymentFileReader {

    static final int MAX_LINE_LENGTH = 4_096;
    private static final List<String> COLUMNS = List.of("reference", "membership_id", "amount", "paid_on");
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/uuuu")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT); // 31/09 is an error, not 30/09
    // compiled once: String.matches compiles its pattern on every call, three times a row
    private static final Pattern REFERENCE = Pattern.compile("[\\p{Alnum}._/:-]+");
    private static final Pattern MEMBERSHIP_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,15}");

    private final LocalDate today;
    private final int maxErrors;

    private final Bounds bounds;

    public PaymentFileReader(Bounds bounds, int maxErrors) {
        this.bounds = bounds;
        this.today = bounds.today();
        this.maxErrors = maxErrors;
    }

    /** What was read: data rows, the first errors and their total count, the file's SHA-256. */
    public record Outcome(int rows, List<FieldIssue> errors, int errorCount, String sha256) {
    }

    public Outcome copy(InputStream content, CopyManager copy, String copySql) throws IOException, SQLException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<FieldIssue> errors = new ArrayList<>();
        int[] errorCount = {0};
        int rows = 0;
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CopyIn in = copy.copyIn(copySql);
        boolean done = false;
        try (DigestInputStream digest = new DigestInputStream(content, sha);
                InputStreamReader chars = new InputStreamReader(digest, decoder)) {
            LineReader reader = new LineReader(chars);
            StringBuilder out = new StringBuilder(1 << 16);
            String header;
            try {
                header = readLine(reader);
            } catch (LineTooLongException e) {
                add(errors, errorCount, FieldIssue.error("rows[1]", "payment-file.line.too-long", MAX_LINE_LENGTH));
                return finish(in, rows, errors, errorCount[0], drain(digest, sha));
            }
            if (header == null) {
                return finish(in, rows, errors, errorCount[0], drain(digest, sha));
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            char separator = header.indexOf(';') >= 0 ? ';' : ',';
            List<String> names = split(header, separator).stream()
                    .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
            int[] index = new int[COLUMNS.size()];
            for (int c = 0; c < COLUMNS.size(); c++) {
                index[c] = names.indexOf(COLUMNS.get(c));
                if (index[c] < 0) {
                    add(errors, errorCount, FieldIssue.error("rows[1]." + COLUMNS.get(c), "payment-file.column.missing",
                            COLUMNS.get(c), String.join(", ", COLUMNS)));
                }
            }
            if (errorCount[0] > 0) {
                return finish(in, rows, errors, errorCount[0], drain(digest, sha));
            }
            int lineNo = 1;
            while (true) {
                String line;
                try {
                    line = readLine(reader);
                } catch (LineTooLongException e) {
                    add(errors, errorCount, FieldIssue.error("rows[" + (lineNo + 1) + "]", "payment-file.line.too-long",
                            MAX_LINE_LENGTH));
                    break;
                }
                if (line == null) {
                    break;
                }
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                List<String> fields = split(line, separator);
                if (fields.size() != names.size()) {
                    add(errors, errorCount, FieldIssue.error("rows[" + lineNo + "]", "payment-file.field-count",
                            fields.size(), names.size(), String.valueOf(separator)));
                    continue;
                }
                String reference = fields.get(index[0]).trim();
                String membership = fields.get(index[1]).trim();
                String amount = fields.get(index[2]).trim();
                String paidOn = fields.get(index[3]).trim();
                int before = errorCount[0];
                String prefix = "rows[" + lineNo + "].";
                if (reference.isEmpty()) {
                    add(errors, errorCount, FieldIssue.error(prefix + "reference", "field.required"));
                } else if (reference.length() > 100 || !REFERENCE.matcher(reference).matches()) {
                    add(errors, errorCount, FieldIssue.error(prefix + "reference", "payment-file.reference.format"));
                }
                if (!MEMBERSHIP_ID.matcher(membership).matches()) {
                    add(errors, errorCount, FieldIssue.error(prefix + "membership_id", "payment-file.number",
                            membership));
                }
                if (!AMOUNT.matcher(amount).matches()) {
                    add(errors, errorCount, FieldIssue.error(prefix + "amount", "payment-file.amount", amount));
                } else if (Long.parseLong(amount) == 0) {
                    add(errors, errorCount, FieldIssue.error(prefix + "amount", "amount.positive"));
                } else if (!bounds.plausible(Bounds.Money.PAYMENT, Long.parseLong(amount))) {
                    add(errors, errorCount, bounds.moneyIssue(Bounds.Money.PAYMENT, prefix + "amount"));
                }
                LocalDate date = date(paidOn);
                if (date == null) {
                    add(errors, errorCount, FieldIssue.error(prefix + "paid_on", "payment-file.date", paidOn));
                } else if (date.isAfter(today)) {
                    add(errors, errorCount, FieldIssue.error(prefix + "paid_on", "payment.paid-on.future"));
                } else if (date.isBefore(Bounds.EARLIEST_PAYMENT)) {
                    List<FieldIssue> old = new ArrayList<>(1);
                    bounds.checkPaidOn(prefix + "paid_on", date, old);
                    old.forEach(issue -> add(errors, errorCount, issue));
                }
                if (errorCount[0] > before || errorCount[0] > 0) {
                    continue; // once anything is wrong the file is refused: stop copying, keep checking
                }
                out.append(lineNo).append('\t').append(reference).append('\t').append(Long.parseLong(membership))
                        .append('\t').append(Long.parseLong(amount)).append('\t').append(date).append('\n');
                if (out.length() > (1 << 16) - 256) {
                    flush(in, out);
                }
            }
            flush(in, out);
            done = true;
            return finish(in, rows, errors, errorCount[0], HexFormat.of().formatHex(sha.digest()));
        } catch (CharacterCodingException e) {
            add(errors, errorCount, FieldIssue.error("file", "payment-file.encoding"));
            return finish(in, rows, errors, errorCount[0], "");
        } finally {
            if (!done && in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static Outcome finish(CopyIn in, int rows, List<FieldIssue> errors, int errorCount, String sha256)
            throws SQLException {
        if (in.isActive()) {
            in.endCopy();
        }
        return new Outcome(rows, List.copyOf(errors), errorCount, sha256);
    }

    private static String drain(InputStream digest, MessageDigest sha) throws IOException {
        digest.transferTo(java.io.OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void flush(CopyIn in, StringBuilder out) throws SQLException {
        if (!out.isEmpty()) {
            byte[] bytes = out.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            out.setLength(0);
        }
    }

    private void add(List<FieldIssue> errors, int[] count, FieldIssue issue) {
        count[0]++;
        if (errors.size() < maxErrors) {
            errors.add(issue);
        }
    }

    private static LocalDate date(String s) {
        try {
            return s.contains("/") ? LocalDate.parse(s, DMY) : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Splits on the separator, honouring double quotes ({@code ""} inside quotes is one quote). */
    static List<String> split(String line, char separator) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** A line, without its end; refuses lines longer than {@link #MAX_LINE_LENGTH} without reading them whole. */
    private static String readLine(LineReader reader) throws IOException {
        return reader.next();
    }

    /**
     * Lines from a reader, split at {@code \n} with a trailing {@code \r} removed; {@code null} at the end. Reads
     * blocks of characters (a {@code BufferedReader} read character by character takes a lock per character).
     */
    private static final class LineReader {

        private final Reader in;
        private final char[] buffer = new char[1 << 16];
        private final StringBuilder line = new StringBuilder();
        private int pos;
        private int len;

        LineReader(Reader in) {
            this.in = in;
        }

        String next() throws IOException {
            line.setLength(0);
            while (true) {
                if (pos == len) {
                    int n = in.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        pos = 0;
                        len = 0;
                        return line.isEmpty() ? null : strip(line);
                    }
                    pos = 0;
                    len = n;
                    continue;
                }
                int start = pos;
                while (pos < len && buffer[pos] != '\n') {
                    pos++;
                }
                if (line.length() + (pos - start) > MAX_LINE_LENGTH) {
                    throw new LineTooLongException();
                }
                line.append(buffer, start, pos - start);
                if (pos < len) {
                    pos++; // the \n
                    return strip(line);
                }
            }
        }

        private static String strip(StringBuilder line) {
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') {
                line.setLength(end - 1);
            }
            return line.toString();
        }
    }

    private static final class LineTooLongException extends IOException {
        LineTooLongException() {
            super("line too long");
        }
    }
}
