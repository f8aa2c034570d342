package id.lindung.bench;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.CsvRecordHandler;
import id.lindung.shared.tabular.CsvRowSource;
import id.lindung.shared.tabular.RowSource;
import id.lindung.shared.tabular.TabularFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The CSV reader of the uploads, {@code CsvTokenizer} (through {@link TabularFile#csv}, as the KUR, history, payment,
 * sponsorship and denominator readers use it), against FastCSV, a maintained RFC 4180 parser, on a KUR file of
 * {@code rows} rows (default 1,000,000, about 120 MB; 2% of the rows with quoted fields: a name with a comma or
 * doubled quotes, a branch with a {@code ;}). Both read the same bytes through the same strict UTF-8 decoder; the
 * floor is decoding the file without parsing it. Every parser must give the same rows and fields (a checksum), or the
 * run fails. Not a test: run it by hand (docs/benchmarks.md, "CSV reader"); {@code CsvReaderBenchmarkTest} runs it
 * small so that it cannot rot.
 *
 * <pre>
 * mvn -q -B -Dlindung.build.dir=target-csvbench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
 *   -Dexec.classpathScope=test -Dexec.mainClass=id.lindung.bench.CsvReaderBenchmark "-Dexec.args=1000000 5"
 * </pre>
 */
public final class CsvReaderBenchmark {

    static final String HEADER =
            "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code;" + "birth_date";
    private static final String[] BANKS = {"KALBAR", "BRI", "BNI", "MANDIRI", "BSI"};
    private static final String[] SCHEMES = {"Super Mikro", "MIKRO", "KECIL", "KHUSUS", "PMI"};
    private static final String[] NAMES = {
        "Sri Yanti",
        "Andi Pratama",
        "Dedi Kurniawan",
        "Siti Aminah",
        "Budi Santoso",
        "Yohanes Ding",
        "Maria Ulfa",
        "Agus Salim",
        "Rudi Hartono",
        "Nur Aisyah"
    };
    private static final String[] SECTORS = {"Perdagangan", "Pertanian", "Perikanan", "Jasa", ""};

    /** One parser's figures over the timed runs. */
    record Measured(String parser, long rows, long checksum, long bestMillis, long medianMillis, long bytesPerRun) {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = Files.createTempFile("lindung-csv-bench", ".csv");
        try {
            write(file, rows);
            System.out.printf(
                    Locale.ROOT,
                    "%n=== CSV reader benchmark: %,d rows, %,d bytes, %d timed runs each"
                            + " (after one warm-up), Java %s ===%n",
                    rows,
                    Files.size(file),
                    runs,
                    System.getProperty("java.version"));
            for (Measured m : measure(file, runs)) {
                System.out.printf(
                        Locale.ROOT,
                        "%-32s best %,6d ms  median %,6d ms  %,5.0f MB/s  %,7.0f rows/ms"
                                + "  allocated %,6d MB per run%n",
                        m.parser(),
                        m.bestMillis(),
                        m.medianMillis(),
                        Files.size(file) / 1e3 / m.medianMillis(),
                        (double) m.rows() / m.medianMillis(),
                        m.bytesPerRun() >> 20);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Times each parser; fails unless every parser read the same rows and fields. */
    static List<Measured> measure(Path file, int runs) throws IOException {
        List<Measured> all = new ArrayList<>();
        all.add(time("decoding only (the floor)", file, runs, CsvReaderBenchmark::decodeOnly));
        Measured tokenizer = time("CsvTokenizer (TabularFile.csv)", file, runs, CsvReaderBenchmark::tokenizer);
        Measured fastCsv = time("FastCSV", file, runs, CsvReaderBenchmark::fastCsv);
        if (tokenizer.rows() != fastCsv.rows() || tokenizer.checksum() != fastCsv.checksum()) {
            throw new IllegalStateException("the parsers disagree: " + tokenizer + " / " + fastCsv);
        }
        all.add(tokenizer);
        all.add(fastCsv);
        return all;
    }

    private interface Parser {
        /** Reads the whole file; returns rows and a checksum of the fields. */
        long[] read(InputStream in) throws IOException;
    }

    private static Measured time(String name, Path file, int runs, Parser parser) throws IOException {
        long[] result = read(file, parser); // warm-up
        long[] millis = new long[runs];
        long allocated = 0;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int r = 0; r < runs; r++) {
            System.gc();
            long bytesBefore = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            long[] again = read(file, parser);
            millis[r] = Math.max(1, (System.nanoTime() - started) / 1_000_000);
            allocated += threads.getCurrentThreadAllocatedBytes() - bytesBefore;
            if (!Arrays.equals(again, result)) {
                throw new IllegalStateException(name + " read differently the second time");
            }
        }
        Arrays.sort(millis);
        return new Measured(name, result[0], result[1], millis[0], millis[runs / 2], allocated / runs);
    }

    private static long[] read(Path file, Parser parser) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return parser.read(in);
        }
    }

    private static Reader strictUtf8(InputStream in) {
        return new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static long[] decodeOnly(InputStream in) throws IOException {
        Reader reader = strictUtf8(in);
        char[] buffer = new char[1 << 14];
        long chars = 0;
        for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
            chars += n;
        }
        return new long[] {0, chars};
    }

    private static long[] tokenizer(InputStream in) throws IOException {
        long rows = 0;
        long checksum = 0;
        // the KUR reader's limits (KurFileReader.MAX_FIELD_LENGTH, MAX_FIELDS)
        try (CsvRowSource source = TabularFile.csv(in, 500, 40)) {
            for (RowSource.Row row = source.next(); row != null; row = source.next()) {
                rows++;
                checksum = checksum * 31 + fields(row.cells());
            }
        }
        return new long[] {rows, checksum};
    }

    private static long[] fastCsv(InputStream in) throws IOException {
        long rows = 0;
        long checksum = 0;
        try (CsvReader<CsvRecord> csv = fastCsv(strictUtf8(in))) {
            for (CsvRecord record : csv) {
                rows++;
                checksum = checksum * 31 + fields(record.getFields());
            }
        }
        return new long[] {rows, checksum};
    }

    /** FastCSV set up as the tokenizer is: {@code ;}, blank lines kept, the KUR reader's limits. */
    static CsvReader<CsvRecord> fastCsv(Reader reader) {
        return CsvReader.builder()
                .fieldSeparator(';')
                .skipEmptyLines(false)
                .allowExtraFields(true)
                .allowMissingFields(true)
                .build(
                        CsvRecordHandler.builder()
                                .maxFields(40)
                                .maxFieldSize(500)
                                .build(),
                        reader);
    }

    private static long fields(List<String> fields) {
        long sum = fields.size();
        for (String f : fields) {
            sum = sum * 17 + f.hashCode();
        }
        return sum;
    }

    /** A KUR disbursement file as banks send it (deterministic: the same bytes for the same row count). */
    static void write(Path file, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(61);
        LocalDate start = LocalDate.of(2024, 6, 1);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write("\r\n");
            StringBuilder line = new StringBuilder(160);
            for (int i = 0; i < rows; i++) {
                int kab = 1 + random.nextInt(12);
                String region = String.format(Locale.ROOT, "61.%02d", kab);
                String name = NAMES[random.nextInt(NAMES.length)];
                String branch = "KC " + region;
                int odd = random.nextInt(100);
                if (odd == 0) {
                    name = "\"" + name + ", S.Pd\"";
                } else if (odd == 1) {
                    name = "\"" + name + " \"\"Acong\"\"\"";
                } else if (odd == 2) {
                    branch = "\"Ketapang; Kota\"";
                }
                line.setLength(0);
                line.append(BANKS[random.nextInt(BANKS.length)])
                        .append(';')
                        .append(branch)
                        .append(';')
                        .append("L-")
                        .append(1_000_000 + i)
                        .append(';')
                        .append("61")
                        .append(String.format(Locale.ROOT, "%02d", kab))
                        .append("01")
                        .append(String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000)))
                        .append(String.format(Locale.ROOT, "%04d", 1 + random.nextInt(9999)))
                        .append(';')
                        .append(name)
                        .append(';')
                        .append(SCHEMES[random.nextInt(SCHEMES.length)])
                        .append(';')
                        .append(10_000_000L + random.nextInt(90_000_000))
                        .append(';')
                        .append(start.plusDays(random.nextInt(900)))
                        .append(';')
                        .append(SECTORS[random.nextInt(SECTORS.length)])
                        .append(';')
                        .append(region)
                        .append(".01;")
                        .append(
                                random.nextInt(4) == 0
                                        ? ""
                                        : start.minusYears(20 + random.nextInt(40))
                                                .plusDays(random.nextInt(365))
                                                .toString())
                        .append("\r\n");
                out.append(line);
            }
        }
    }
}
