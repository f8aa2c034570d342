package id.lindung.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.support.Xlsx;
import id.lindung.support.XlsxBombs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The XLSX limits hold while inflating, before fastexcel-reader parses anything. */
class XlsxLimitsTest {

    private static final XlsxLimits DEFAULTS = XlsxLimits.DEFAULTS;

    private static String refusal(byte[] workbook, XlsxLimits limits) {
        try (RowSource rows = new XlsxRowSource(new ByteArrayInputStream(workbook), 500, 40, limits)) {
            while (rows.next() != null) {
                // read to the end
            }
            return "read";
        } catch (XlsxRefusedException e) {
            return e.code();
        } catch (IOException e) {
            return "unexpected " + e;
        }
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aSmallFileWithOneHugeCellIsRefusedWithoutHoldingTheCell() {
        byte[] bomb = XlsxBombs.hugeCell(60);
        assertThat(bomb.length).isLessThan(100_000);
        long before = allocatedBytes();
        assertThat(refusal(bomb, DEFAULTS)).isEqualTo("upload.xlsx.cell");
        // fastexcel alone builds the 60 MB cell as a String (and its buffers): well over 120 MB
        assertThat(allocatedBytes() - before).isLessThan(16L << 20);
    }

    @Test
    void aLongCellThatCompressesBadlyIsRefusedByTheCellLimit() {
        assertThat(refusal(XlsxBombs.longRandomCell(100), DEFAULTS)).isEqualTo("upload.xlsx.cell");
        assertThat(refusal(XlsxBombs.longRandomCell(20), DEFAULTS)).isEqualTo("read");
    }

    @Test
    void aSheetOfWhitespaceIsRefused() {
        byte[] bomb = XlsxBombs.whitespace(200);
        assertThat(bomb.length).isLessThan(400_000);
        assertThat(refusal(bomb, DEFAULTS)).isEqualTo("upload.xlsx.cell");
    }

    @Test
    void smallCellsAtAThousandToOneAreRefusedByTheRatio() {
        assertThat(refusal(XlsxBombs.repeatedRows(300_000), DEFAULTS)).isEqualTo("upload.xlsx.ratio");
    }

    @Test
    void tooManyPartsAreRefusedWhileTheFileIsReceived() {
        assertThat(refusal(XlsxBombs.manyEntries(1_500), DEFAULTS)).isEqualTo("upload.xlsx.entries");
        assertThat(refusal(XlsxBombs.manyEntries(10), DEFAULTS)).isEqualTo("read");
    }

    @Test
    void sizesAreCountedNotTakenFromTheHeaders() {
        XlsxLimits noRatio = new XlsxLimits(1_000, 1 << 20, 64L << 20, 1_000_000, 32 << 10);
        assertThat(refusal(XlsxBombs.lyingSizes(100_000), noRatio)).isEqualTo("upload.xlsx.entry-size");
        XlsxLimits smallTotal = new XlsxLimits(1_000, 64L << 20, 1 << 20, 1_000_000, 32 << 10);
        assertThat(refusal(XlsxBombs.repeatedRows(100_000), smallTotal)).isEqualTo("upload.xlsx.total-size");
    }

    @Test
    void xmlAParserCouldReadOtherwiseIsRefused() {
        byte[] doctype = XlsxBombs.workbook(
                sheet -> sheet.write("<!DOCTYPE x [<!ENTITY a \"aaaa\">]>".getBytes(StandardCharsets.US_ASCII)), 0);
        assertThat(refusal(doctype, DEFAULTS)).isEqualTo("upload.xlsx.invalid");
        byte[] notAZip = "PK\3\4 this is no workbook".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusal(notAZip, DEFAULTS)).isEqualTo("upload.xlsx.invalid");
    }

    @Test
    void theScannerRefusesUtf16AndForeignEncodingsAndIgnoresBinaryParts() throws Exception {
        XmlCellScanner utf16 = new XmlCellScanner(1024);
        byte[] text = "<?xml version=\"1.0\"?><a/>".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> utf16.accept(text, 0, text.length)).isInstanceOf(XlsxRefusedException.class);
        XmlCellScanner declared = new XmlCellScanner(1024);
        byte[] decl = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> declared.accept(decl, 0, decl.length)).isInstanceOf(XlsxRefusedException.class);
        XmlCellScanner image = new XmlCellScanner(16);
        byte[] png = new byte[100_000];
        png[0] = (byte) 0x89;
        image.accept(png, 0, png.length);
        image.end();
        XmlCellScanner sharedStrings = new XmlCellScanner(64);
        byte[] si = ("<sst><si><r><t>" + "x".repeat(30) + "</t></r><r><t>" + "y".repeat(30) + "</t></r></si></sst>")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> sharedStrings.accept(si, 0, si.length))
                .isInstanceOf(XlsxRefusedException.class)
                .hasMessage("upload.xlsx.cell");
    }

    @Test
    void anOrdinaryWorkbookIsReadAsBefore() throws IOException {
        byte[] workbook =
                Xlsx.sheet("KUR", "bank;name", new Object[] {"KALBAR", "=HYPERLINK(\"x\")"}, new Object[] {"BRI", 42});
        try (RowSource rows = new XlsxRowSource(new ByteArrayInputStream(workbook), 500, 40, DEFAULTS)) {
            assertThat(rows.next().cells()).containsExactly("bank", "name");
            assertThat(rows.next().cells()).containsExactly("KALBAR", "=HYPERLINK(\"x\")");
            assertThat(rows.next().cells()).containsExactly("BRI", "42");
            assertThat(rows.next()).isNull();
        }
    }
}
