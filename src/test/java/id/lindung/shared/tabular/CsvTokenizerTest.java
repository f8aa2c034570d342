package id.lindung.shared.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Lindung's one CSV reader: RFC 4180 as written, whatever the pieces the characters arrive in. */
class CsvTokenizerTest {

    private static List<CsvTokenizer.Row> rows(Reader in, int maxFieldLength, int maxFields) throws IOException {
        CsvTokenizer tokenizer = new CsvTokenizer(in, ';', maxFieldLength, maxFields);
        List<CsvTokenizer.Row> rows = new ArrayList<>();
        for (CsvTokenizer.Row row = tokenizer.next(); row != null; row = tokenizer.next()) {
            rows.add(row);
        }
        return rows;
    }

    /** A reader that hands out its text a few characters at a time: fields cross every kind of boundary. */
    private static Reader trickling(String text, SplittableRandom random) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (at == text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(length, 1 + random.nextInt(7)), text.length() - at);
                text.getChars(at, at + n, buffer, offset);
                at += n;
                return n;
            }

            @Override
            public void close() {}
        };
    }

    @Test
    void quotedFieldsHoldSeparatorsQuotesAndLineBreaks_andRowsStartOnTheirLines() throws IOException {
        List<CsvTokenizer.Row> rows = rows(
                new StringReader("a;\"b;c\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";x\n\n" + "last;\"\";z\r"), 100, 10);
        assertThat(rows).extracting(CsvTokenizer.Row::line).containsExactly(1, 2, 4, 5);
        assertThat(rows.get(0).fields()).containsExactly("a", "b;c", "say \"hi\"");
        assertThat(rows.get(1).fields()).containsExactly("two\nlines", "x");
        assertThat(rows.get(2).fields()).containsExactly("");
        assertThat(rows.get(3).fields()).containsExactly("last", "", "z");
    }

    @Test
    void aQuoteInsideAnUnquotedFieldIsAQuote_andTextAfterAClosingQuoteIsKept() throws IOException {
        assertThat(rows(new StringReader("5\" pipe;\"ab\"cd\n"), 100, 10).get(0).fields())
                .containsExactly("5\" pipe", "abcd");
    }

    @Test
    void aFieldTooLongIsNamedAndNotKept_evenAcrossTheBuffer_andTheRowReadsOn() throws IOException {
        String huge = "x".repeat(40_000);
        List<CsvTokenizer.Row> rows = rows(
                new StringReader("a;" + huge + ";\"" + huge + "\";b\nok;" + "y".repeat(20_000) + "\n"), 30_000, 10);
        assertThat(rows.get(0).fields()).containsExactly("a", "", "", "b");
        assertThat(rows.get(0).tooLong()).containsExactly(1, 2);
        assertThat(rows.get(1).fields()).containsExactly("ok", "y".repeat(20_000));
        assertThat(rows.get(1).tooLong()).isEmpty();
    }

    @Test
    void aRowWithTooManyFieldsKeepsTheFirstOnes() throws IOException {
        CsvTokenizer.Row row = rows(new StringReader("1;2;3;4;5\n"), 10, 3).get(0);
        assertThat(row.fields()).containsExactly("1", "2", "3");
        assertThat(row.tooManyFields()).isTrue();
    }

    @Test
    void aQuoteNeverClosedNamesTheLineItOpenedOn() {
        assertThatThrownBy(() -> rows(new StringReader("a;b\nc;\"d\ne;f\n"), 100, 10))
                .isInstanceOfSatisfying(
                        CsvTokenizer.UnterminatedQuoteException.class,
                        e -> assertThat(e.line).isEqualTo(2));
    }

    @Test
    void whatAnRfc4180WriterWroteIsReadBack_inWhateverPiecesItArrives() throws IOException {
        SplittableRandom random = new SplittableRandom(17);
        String alphabet = "ab;\"\n\r ,é";
        for (int file = 0; file < 300; file++) {
            List<List<String>> written = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (int r = 0, rows = 1 + random.nextInt(6); r < rows; r++) {
                List<String> fields = new ArrayList<>();
                for (int f = 0, n = 2 + random.nextInt(4); f < n; f++) {
                    StringBuilder value = new StringBuilder();
                    for (int i = 0, length = random.nextInt(random.nextInt(10) == 0 ? 40_000 : 8); i < length; i++) {
                        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
                    }
                    String v = value.toString();
                    fields.add(v);
                    boolean quote = random.nextInt(4) == 0 || v.matches("(?s).*[;\"\r\n].*");
                    text.append(f > 0 ? ";" : "").append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
                }
                written.add(fields);
                text.append(random.nextBoolean() ? "\r\n" : "\n");
            }
            String csv = text.toString();
            List<CsvTokenizer.Row> read =
                    rows(random.nextBoolean() ? new StringReader(csv) : trickling(csv, random), 50_000, 10);
            assertThat(read)
                    .extracting(CsvTokenizer.Row::fields)
                    .as("file %d: %s", file, csv.length() < 500 ? csv : csv.length() + " characters")
                    .isEqualTo(written);
        }
    }
}
