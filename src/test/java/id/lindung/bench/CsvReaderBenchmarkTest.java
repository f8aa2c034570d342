package id.lindung.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import id.lindung.shared.tabular.CsvTokenizer;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CsvReaderBenchmark} at a small size, so that the benchmark cannot rot: both parsers read the same rows. */
class CsvReaderBenchmarkTest {

    @Test
    void bothParsersReadTheSameRowsAndFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kur.csv");
        CsvReaderBenchmark.write(file, 5_000);
        assertThat(Files.readString(file))
                .startsWith(CsvReaderBenchmark.HEADER + "\r\n")
                .contains("\"Ketapang; Kota\"")
                .contains("\"\"Acong\"\"");
        List<CsvReaderBenchmark.Measured> measured = CsvReaderBenchmark.measure(file, 1);
        assertThat(measured).hasSize(3);
        assertThat(measured.get(1).rows()).isEqualTo(5_001);
        assertThat(measured.get(2).rows()).isEqualTo(5_001);
    }

    /** Why Lindung keeps its tokenizer (docs/decisions.md): a field over the limit is the row's problem, not the file's. */
    @Test
    void aFieldOverTheLimit_isReportedForItsRowByTheTokenizer_whileFastCsvStopsTheFile() throws Exception {
        String text = CsvReaderBenchmark.HEADER + "\nKALBAR;" + "x".repeat(600) + ";L-1\nBRI;Sandai;L-2\n";
        CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(text), ';', 500, 40);
        tokenizer.next();
        CsvTokenizer.Row tooLong = tokenizer.next();
        assertThat(tooLong.tooLong()).containsExactly(1);
        assertThat(tooLong.fields()).containsExactly("KALBAR", "", "L-1");
        assertThat(tokenizer.next().fields()).containsExactly("BRI", "Sandai", "L-2");

        try (CsvReader<CsvRecord> csv = CsvReaderBenchmark.fastCsv(new StringReader(text))) {
            Iterator<CsvRecord> records = csv.iterator();
            records.next();
            assertThatThrownBy(records::next).isInstanceOf(CsvParseException.class);
        }
    }
}
