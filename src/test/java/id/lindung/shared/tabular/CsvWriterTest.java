package id.lindung.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    private static String write(Object... cells) {
        StringWriter text = new StringWriter();
        new CsvWriter(text, ';', ',').row(cells).flush();
        return text.toString();
    }

    @Test
    void textThatAFormulaCouldBeGetsAnApostrophe() {
        assertThat(write("=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1", "\r=1"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\";'+cmd|' /C calc'!A0;'-2+3;'@SUM(1);'\t=1;\"'\r=1\"\r\n");
        assertThat(write("\uFF1D1+1", "Budi = Santoso", "a-b")).isEqualTo("'\uFF1D1+1;Budi = Santoso;a-b\r\n");
    }

    @Test
    void numbersLindungComputedStayNumbersAndTextFromOutsideDoesNot() {
        assertThat(write(-5000L, 12, new BigDecimal("-0.240"), "-5000", null, LocalDate.of(2026, 12, 7), true))
                .isEqualTo("-5000;12;-0,24;'-5000;;2026-12-07;true\r\n");
    }

    @Test
    void quotesAsRfc4180Says() {
        assertThat(write("a;b", "say \"hi\"", "two\nlines", "cr\rhere", "plain"))
                .isEqualTo("\"a;b\";\"say \"\"hi\"\"\";\"two\nlines\";\"cr\rhere\";plain\r\n");
    }

    @Test
    void excelWriterStartsWithAByteOrderMark() {
        var bytes = new java.io.ByteArrayOutputStream();
        CsvWriter.excel(bytes).row("x", 1L).flush();
        assertThat(bytes.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("\uFEFFx;1\r\n");
    }
}
