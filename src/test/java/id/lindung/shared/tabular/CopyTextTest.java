package id.lindung.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** PostgreSQL's COPY text format as the documentation of COPY describes it ("Text Format"). */
class CopyTextTest {

    @Test
    void backslashTabNewlineAndCarriageReturnAreEscaped() {
        String row = new CopyText()
                .text("a\\b")
                .text("tab\there")
                .text("two\nlines")
                .text("cr\rhere")
                .end()
                .buffer()
                .toString();
        assertThat(row).isEqualTo("a\\\\b\ttab\\there\ttwo\\nlines\tcr\\rhere\n");
    }

    @Test
    void nullIsBackslashN_andAnEmptyTextIsEmpty() {
        assertThat(new CopyText()
                        .text(null)
                        .text("")
                        .value(null)
                        .bytes(null)
                        .nul(2)
                        .end()
                        .buffer()
                        .toString())
                .isEqualTo("\\N\t\t\\N\t\\N\t\\N\t\\N\n");
    }

    @Test
    void plainTextNumbersDatesBooleansAndBytesAsCopyReadsThem() {
        String rows = new CopyText()
                .text("Sri Yanti; \"Ketapang\" é")
                .number(-42)
                .value(LocalDate.of(2026, 12, 7))
                .bool(true)
                .bool(false)
                .bytes(new byte[] {0, (byte) 0xAB, 0x10})
                .end()
                .number(7)
                .end()
                .buffer()
                .toString();
        assertThat(rows).isEqualTo("Sri Yanti; \"Ketapang\" é\t-42\t2026-12-07\tt\tf\t\\\\x00ab10\n7\n");
    }

    @Test
    void escapeKeepsTheTextBeforeTheFirstSpecialCharacter_andOtherControlCharactersAsTheyAre() {
        StringBuilder out = new StringBuilder("x");
        CopyText.escape(out, "abc\u0001def\\");
        assertThat(out).hasToString("xabc\u0001def\\\\");
    }

    @Test
    void writesOnAGivenBuffer() {
        StringBuilder buffer = new StringBuilder("earlier\n");
        new CopyText(buffer).text("k").text("v").end();
        assertThat(buffer).hasToString("earlier\nk\tv\n");
    }
}
