package id.lindung.shared.web;

import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded file before anything reads it: no larger than its kind allows
 * ({@code lindung.upload.max-size.<kind>}, {@link UploadSizeProperties}), and its first bytes what its kind must be —
 * the file's name and declared type are not trusted. CSV: text, that is no NUL byte, no known binary signature (ZIP,
 * PDF, executables, old Office) and valid UTF-8 (a byte-order mark allowed) in the first 8 KB; XLSX (a name ending
 * in {@code .xlsx} where XLSX is accepted): a ZIP, starting with {@code PK\3\4}. A refusal is an
 * {@link InvalidInputException} naming the field (422 in the API, the upload's error list on pages).
 */
@Component
public class UploadCheck {

    /** What an upload may contain. */
    public enum Content {
        /** A CSV file only. */
        CSV,
        /** A CSV file, or an XLSX workbook when the name ends in {@code .xlsx}. */
        CSV_OR_XLSX
    }

    static final int SNIFF_BYTES = 8192;
    private static final double MB = 1024.0 * 1024.0;
    private static final byte[][] BINARY_SIGNATURES = {
        {'P', 'K', 3, 4},
        {'P', 'K', 5, 6},
        {'%', 'P', 'D', 'F'},
        {'M', 'Z'},
        {0x7f, 'E', 'L', 'F'},
        {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0},
        {(byte) 0x1f, (byte) 0x8b},
        {'R', 'a', 'r', '!'},
        {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE},
        {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xFF, (byte) 0xFE}
    };

    private final UploadSizeProperties limits;

    UploadCheck(UploadSizeProperties limits) {
        this.limits = limits;
    }

    /** The size limit of a kind of upload, e.g. {@code denominators}. */
    public DataSize limit(String kind) {
        return switch (kind) {
            case "kur-file" -> limits.kurFile();
            case "payment-file" -> limits.paymentFile();
            case "denominators" -> limits.denominators();
            case "beneficiaries" -> limits.beneficiaries();
            case "history-file" -> limits.historyFile();
            default -> throw new IllegalArgumentException("no upload kind " + kind + " in lindung.upload.max-size");
        };
    }

    /**
     * Refuses the file unless its size and first bytes fit; an empty file passes (the reader says what is missing).
     *
     * @param field the form or API field the file came in, named in the refusal
     * @param kind the kind of upload, e.g. {@code kur-file}, whose size limit applies
     */
    public void check(MultipartFile file, String field, String kind, Content content) {
        DataSize max = limit(kind);
        if (file.getSize() > max.toBytes()) {
            throw new InvalidInputException(
                    FieldIssue.error(field, "upload.too-large", file.getSize() / MB, max.toBytes() / MB));
        }
        if (file.isEmpty()) {
            return;
        }
        byte[] head = head(file);
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (content == Content.CSV_OR_XLSX && name.endsWith(".xlsx")) {
            if (!startsWith(head, BINARY_SIGNATURES[0])) {
                throw new InvalidInputException(FieldIssue.error(field, "upload.not-xlsx"));
            }
            return;
        }
        if (!isText(head)) {
            throw new InvalidInputException(
                    FieldIssue.error(field, content == Content.CSV ? "upload.not-csv" : "upload.not-csv-or-xlsx"));
        }
    }

    /** Text as a CSV must be: no NUL, no binary signature, UTF-8 (a multi-byte character may be cut at the end). */
    static boolean isText(byte[] head) {
        for (byte[] signature : BINARY_SIGNATURES) {
            if (startsWith(head, signature)) {
                return false;
            }
        }
        for (byte b : head) {
            if (b == 0) {
                return false;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(head);
        CharBuffer out = CharBuffer.allocate(head.length);
        boolean complete = head.length < SNIFF_BYTES;
        var result = utf8.decode(in, out, complete);
        if (result.isError()) {
            return false;
        }
        return complete ? !utf8.flush(out).isError() && !in.hasRemaining() : in.remaining() < 4;
    }

    private static byte[] head(MultipartFile file) {
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
