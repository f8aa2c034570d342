package id.lindung.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hostile XLSX workbooks built by hand with {@link ZipOutputStream}: the parts a reader needs ({@code [Content_Types].xml},
 * the workbook, its relationships, one sheet) around a sheet body chosen by the attack. Each is small on the wire and
 * large, or many, once inflated.
 */
public final class XlsxBombs {

    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""";
    private static final String RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            officeDocument" Target="xl/workbook.xml"/></Relationships>""";
    private static final String WORKBOOK = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>""";
    private static final String WORKBOOK_RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/\
            worksheet" Target="worksheets/sheet1.xml"/></Relationships>""";
    private static final String SHEET_START = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""";
    private static final String HEADER_ROW = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>bank</t></is></c></row>";
    private static final String SHEET_END = "</sheetData></worksheet>";

    /** Writes the body of the sheet between the header row and the end. */
    @FunctionalInterface
    public interface Body {
        void write(OutputStream sheet) throws IOException;
    }

    private XlsxBombs() {}

    /**
     * One inline-string cell of {@code megabytes} MB of the letter A, in the first row (the header every reader
     * reads): ~58 KB on the wire per 60 MB.
     */
    public static byte[] hugeCell(int megabytes) {
        return workbook(
                sheet -> {
                    sheet.write("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.US_ASCII));
                    repeat(sheet, (byte) 'A', (long) megabytes << 20);
                    sheet.write("</t></is></c></row>".getBytes(StandardCharsets.US_ASCII));
                },
                0);
    }

    /** One cell of {@code kilobytes} KB of random letters: compresses badly, so only the cell limit stops it. */
    public static byte[] longRandomCell(int kilobytes) {
        return workbook(
                sheet -> {
                    sheet.write(HEADER_ROW.getBytes(StandardCharsets.US_ASCII));
                    sheet.write("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>".getBytes(StandardCharsets.US_ASCII));
                    Random random = new Random(16);
                    byte[] text = new byte[kilobytes << 10];
                    for (int i = 0; i < text.length; i++) {
                        text[i] = (byte) ('a' + random.nextInt(26));
                    }
                    sheet.write(text);
                    sheet.write("</t></is></c></row>".getBytes(StandardCharsets.US_ASCII));
                },
                0);
    }

    /** {@code megabytes} MB of blanks between two rows: a sheet of whitespace, ratio about 1000:1. */
    public static byte[] whitespace(int megabytes) {
        return workbook(
                sheet -> {
                    sheet.write(HEADER_ROW.getBytes(StandardCharsets.US_ASCII));
                    repeat(sheet, (byte) ' ', (long) megabytes << 20);
                },
                0);
    }

    /** The same small row {@code rows} times: every cell small, the ratio far above any real sheet's. */
    public static byte[] repeatedRows(int rows) {
        byte[] row = "<row><c t=\"inlineStr\"><is><t>KALBAR</t></is></c><c><v>1</v></c></row>"
                .getBytes(StandardCharsets.US_ASCII);
        return workbook(
                sheet -> {
                    for (int i = 0; i < rows; i++) {
                        sheet.write(row);
                    }
                },
                0);
    }

    /** A valid workbook with {@code extra} more (empty) parts. */
    public static byte[] manyEntries(int extra) {
        return workbook(sheet -> {}, extra);
    }

    /**
     * {@link #repeatedRows} whose ZIP headers (central directory) claim each part inflates to 100 bytes: a reader
     * that trusted them would let it through.
     */
    public static byte[] lyingSizes(int rows) {
        byte[] zip = repeatedRows(rows);
        for (int i = 0; i + 46 <= zip.length; i++) {
            if (zip[i] == 'P' && zip[i + 1] == 'K' && zip[i + 2] == 1 && zip[i + 3] == 2) {
                zip[i + 24] = 100;
                zip[i + 25] = 0;
                zip[i + 26] = 0;
                zip[i + 27] = 0;
            }
        }
        return zip;
    }

    /** The sheet wrapped in a workbook: content types, relationships, workbook, sheet, then {@code extra} parts. */
    public static byte[] workbook(Body body, int extra) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            part(zip, "[Content_Types].xml", CONTENT_TYPES);
            part(zip, "_rels/.rels", RELS);
            part(zip, "xl/workbook.xml", WORKBOOK);
            part(zip, "xl/_rels/workbook.xml.rels", WORKBOOK_RELS);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(SHEET_START.getBytes(StandardCharsets.UTF_8));
            body.write(zip);
            zip.write(SHEET_END.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (int i = 0; i < extra; i++) {
                zip.putNextEntry(new ZipEntry("xl/media/extra" + i + ".xml"));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void part(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void repeat(OutputStream out, byte b, long count) throws IOException {
        byte[] chunk = new byte[1 << 16];
        java.util.Arrays.fill(chunk, b);
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }
}
