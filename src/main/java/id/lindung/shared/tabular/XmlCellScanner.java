package id.lindung.shared.tabular;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Watches the bytes of one part of an XLSX workbook as it is inflated and refuses, before any XML parser sees them,
 * what would make a parser hold a large string: more than {@code maxCellSize} bytes inside one cell ({@code <c>}) or
 * shared string ({@code <si>}), or in any single run of text, tag, comment or CDATA. A part that does not start like
 * XML (an image, a printer setting) is only counted by the caller; XML in an encoding where a byte {@code <} need not
 * be the character (UTF-16, UTF-32, EBCDIC, a declared encoding other than UTF-8, ASCII or Latin-1) and a document
 * type declaration (entity expansion) are refused outright: Excel writes neither.
 */
final class XmlCellScanner {

    private static final int HEAD = 0,
            PROLOG = 1,
            TEXT = 2,
            TAG_OPEN = 3,
            NAME = 4,
            TAG = 5,
            ATTRIBUTE = 6,
            BANG = 7,
            COMMENT = 8,
            CDATA = 9,
            INSTRUCTION = 10,
            SKIP = 11;
    private static final byte[] COMMENT_START = "--".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CDATA_START = "[CDATA[".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern ENCODING = Pattern.compile("encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Set<String> ENCODINGS = Set.of("utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1");
    private static final int MAX_DECLARATION = 256;

    private final int maxCellSize;
    private int state = HEAD;
    private final byte[] head = new byte[4];
    private int headLength;
    private long token;
    private long cell = -1;
    private boolean endTag;
    private final byte[] name = new byte[16];
    private int nameLength;
    private byte quote;
    private byte lastInTag;
    private byte @Nullable [] bangTarget;
    private int bangLength;
    private int tail;
    private boolean markupSeen;
    private @Nullable StringBuilder declaration;

    XmlCellScanner(int maxCellSize) {
        this.maxCellSize = maxCellSize;
    }

    void accept(byte[] bytes, int offset, int length) throws XlsxRefusedException {
        for (int i = offset; i < offset + length && state != SKIP; i++) {
            step(bytes[i]);
        }
    }

    /** The part is read to its end. */
    void end() throws XlsxRefusedException {
        if (state == HEAD) {
            started();
        }
    }

    private void step(byte b) throws XlsxRefusedException {
        if (state == HEAD) {
            head[headLength++] = b;
            if (headLength == head.length) {
                started();
            }
            return;
        }
        if (++token > maxCellSize || (cell >= 0 && ++cell > maxCellSize)) {
            throw new XlsxRefusedException("upload.xlsx.cell", maxCellSize / 1024);
        }
        switch (state) {
            case PROLOG -> {
                if (b == '<') {
                    markupStart();
                } else if (!space(b)) {
                    state = SKIP; // not XML: no parser will read it as a sheet
                }
            }
            case TEXT -> {
                if (b == '<') {
                    markupStart();
                }
            }
            case TAG_OPEN -> tagOpen(b);
            case NAME -> {
                if (b == '>') {
                    tagEnd(false);
                } else if (space(b) || b == '/') {
                    lastInTag = b;
                    state = TAG;
                } else if (nameLength < name.length) {
                    name[nameLength++] = b;
                } else {
                    nameLength = name.length + 1; // too long for a name we watch
                }
            }
            case TAG -> {
                if (b == '"' || b == '\'') {
                    quote = b;
                    state = ATTRIBUTE;
                } else if (b == '>') {
                    tagEnd(lastInTag == '/');
                } else if (!space(b)) {
                    lastInTag = b;
                }
            }
            case ATTRIBUTE -> {
                if (b == quote) {
                    lastInTag = b;
                    state = TAG;
                }
            }
            case BANG -> {
                if (bangLength == 0) {
                    bangTarget = b == '-' ? COMMENT_START : b == '[' ? CDATA_START : null;
                }
                if (bangTarget == null || bangTarget[bangLength] != b) {
                    // <!DOCTYPE, <!ENTITY or garbage: no workbook part has them
                    throw new XlsxRefusedException("upload.xlsx.invalid");
                }
                if (++bangLength == bangTarget.length) {
                    state = bangTarget == COMMENT_START ? COMMENT : CDATA;
                    tail = 0;
                }
            }
            case COMMENT -> closing(b, '-');
            case CDATA -> closing(b, ']');
            case INSTRUCTION -> {
                if (declaration != null) {
                    if (declaration.length() >= MAX_DECLARATION) {
                        throw new XlsxRefusedException("upload.xlsx.invalid");
                    }
                    declaration.append((char) (b & 0xff));
                }
                if (b == '>' && (tail & 0xff) == '?') {
                    state = TEXT;
                    checkDeclaration();
                }
                tail = ((tail << 8) | (b & 0xff)) & 0xffff;
            }
            default -> throw new IllegalStateException("state " + state);
        }
    }

    /** The first bytes decide: refused encodings, a byte-order mark to skip, then the prolog. */
    private void started() throws XlsxRefusedException {
        int n = headLength;
        byte[] h = head;
        if (n >= 2
                && ((h[0] == (byte) 0xFE && h[1] == (byte) 0xFF)
                        || (h[0] == (byte) 0xFF && h[1] == (byte) 0xFE)
                        || (h[0] == 0 && h[1] == '<')
                        || (h[0] == '<' && h[1] == 0))) {
            throw new XlsxRefusedException("upload.xlsx.invalid");
        }
        if (n == 4
                && ((h[0] == 0 && h[1] == 0 && (h[2] == (byte) 0xFE || h[3] == '<'))
                        || (h[0] == 0x4C && h[1] == 0x6F && h[2] == (byte) 0xA7 && h[3] == (byte) 0x94))) {
            throw new XlsxRefusedException("upload.xlsx.invalid");
        }
        boolean bom = n >= 3 && h[0] == (byte) 0xEF && h[1] == (byte) 0xBB && h[2] == (byte) 0xBF;
        state = PROLOG;
        for (int i = bom ? 3 : 0; i < n && state != SKIP; i++) {
            step(h[i]);
        }
    }

    private void markupStart() {
        state = TAG_OPEN;
        token = 1;
    }

    private void tagOpen(byte b) throws XlsxRefusedException {
        boolean first = !markupSeen;
        markupSeen = true;
        endTag = false;
        nameLength = 0;
        lastInTag = 0;
        switch (b) {
            case '!' -> {
                state = BANG;
                bangLength = 0;
            }
            case '?' -> {
                state = INSTRUCTION;
                tail = 0;
                declaration = first ? new StringBuilder() : null;
            }
            case '/' -> {
                endTag = true;
                state = NAME;
            }
            case 0 -> throw new XlsxRefusedException("upload.xlsx.invalid");
            default -> {
                name[nameLength++] = b;
                state = NAME;
            }
        }
    }

    /** A start or end tag ends: entering or leaving a cell or shared string. */
    private void tagEnd(boolean selfClosing) {
        state = TEXT;
        if (nameLength > name.length) {
            return;
        }
        int local = 0;
        for (int i = 0; i < nameLength; i++) {
            if (name[i] == ':') {
                local = i + 1;
            }
        }
        int length = nameLength - local;
        boolean watched =
                (length == 1 && name[local] == 'c') || (length == 2 && name[local] == 's' && name[local + 1] == 'i');
        if (!watched) {
            return;
        }
        if (endTag) {
            cell = -1;
        } else if (!selfClosing && cell < 0) {
            cell = 0;
        }
    }

    /** Comment and CDATA end with two of {@code twice} then {@code >}. */
    private void closing(byte b, char twice) {
        if (b == '>' && tail == ((twice << 8) | twice)) {
            state = TEXT;
        }
        tail = ((tail << 8) | (b & 0xff)) & 0xffff;
    }

    private void checkDeclaration() throws XlsxRefusedException {
        if (declaration == null) {
            return;
        }
        String text = declaration.toString().toLowerCase(Locale.ROOT);
        declaration = null;
        if (!text.startsWith("xml")) {
            return;
        }
        Matcher m = ENCODING.matcher(text);
        if (m.find() && !ENCODINGS.contains(m.group(1).trim())) {
            throw new XlsxRefusedException("upload.xlsx.invalid");
        }
    }

    private static boolean space(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
