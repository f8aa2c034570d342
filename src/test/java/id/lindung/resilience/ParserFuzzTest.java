package id.lindung.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.participant.NikRules;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.tabular.CsvRowSource;
import id.lindung.shared.tabular.CsvTokenizer;
import id.lindung.shared.tabular.RowSource;
import id.lindung.shared.tabular.XlsxRowSource;
import id.lindung.support.Tags;
import id.lindung.support.Xlsx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The parsers behind registration and uploads, fed random and mutated input for a fixed time each
 * ({@code -Dlindung.fuzz.seconds}, see {@link Fuzz}): they answer with issues or a clean refusal, never with another
 * exception, and keep their limits. Plain JUnit, no Spring.
 */
@Tag(Tags.FUZZ)
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class ParserFuzzTest {

    private static final Set<String> REGIONS =
            Set.of("61", "61.04", "61.04.01", "61.71", "61.71.01", "31", "31.71", "31.71.01");
    private static final Predicate<String> REGION_EXISTS = REGIONS::contains;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String VALID_NIK = "6104011705900001";
    private static final int MAX_FIELD = 50;
    private static final int MAX_FIELDS = 12;

    // ------------------------------------------------------------------------------------------------ NIK rules

    private static void checkNik(Random r, String nik) {
        LocalDate declared =
                r.nextInt(3) == 0 ? null : LocalDate.of(1900 + r.nextInt(130), 1 + r.nextInt(12), 1 + r.nextInt(28));
        Sex sex = switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> Sex.L;
            default -> Sex.P;
        };
        List<FieldIssue> issues = NikRules.check("nik", nik, declared, sex, REGION_EXISTS, TODAY);
        assertThat(issues)
                .as("issues of %s", nik)
                .isNotNull()
                .doesNotContainNull()
                .allSatisfy(i -> assertThat(i.field()).isEqualTo("nik"))
                .allSatisfy(i -> assertThat(i.code()).startsWith("nik."));
        boolean sixteenAsciiDigits = nik != null && nik.matches("[0-9]{16}");
        if (!sixteenAsciiDigits) {
            assertThat(issues)
                    .as("a NIK that is not 16 digits is refused: %s", nik)
                    .anyMatch(FieldIssue::isError);
        } else {
            // what the pages and imports derive from a well-formed NIK never throws either
            NikRules.sexOf(nik);
            NikRules.birthDateOf(nik, declared, TODAY);
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void nikRules_onRandomStrings_digitStringsAndNearValidNiks_answerWithIssues_neverThrow() {
        int cases = Fuzz.run("NikRules.check", (r, n) -> {
            String nik = switch (n % 5) {
                case 0 -> Fuzz.text(r, 24);
                case 1 -> Fuzz.digits(r, r.nextInt(20));
                case 2 -> Fuzz.digits(r, 16);
                case 3 -> {
                    // near-valid: one digit of a valid NIK changed (region, date, sex or serial)
                    char[] c = VALID_NIK.toCharArray();
                    c[r.nextInt(16)] = (char) ('0' + r.nextInt(10));
                    yield new String(c);
                }
                default -> r.nextBoolean() ? null : Fuzz.mutate(r, VALID_NIK);
            };
            checkNik(r, nik);
        });
        assertThat(cases).isPositive();
        assertThat(NikRules.check("nik", VALID_NIK, LocalDate.of(1990, 5, 17), Sex.L, REGION_EXISTS, TODAY))
                .noneMatch(FieldIssue::isError);
    }

    // ------------------------------------------------------------------------------------------------ CSV

    private static final String CSV_SEED = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on\r\n"
            + "KALBAR;\"Ketapang; Kota\";L-1;6104011705900001;\"Sri \"\"Yanti\"\"\";MIKRO;50000000;2026-10-01\n"
            + "BRI;\"multi\nline\";L-2;6171015309850002;Andi;KECIL;150000000;01/10/2026\n\n";

    private static void checkRow(List<String> fields, List<Integer> tooLong) {
        assertThat(fields.size()).isBetween(1, MAX_FIELDS);
        assertThat(fields).allSatisfy(f -> assertThat(f.length()).isLessThanOrEqualTo(MAX_FIELD));
        assertThat(tooLong).allSatisfy(i -> {
            assertThat(i).isBetween(0, fields.size() - 1);
            assertThat(fields.get(i)).isEmpty();
        });
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void csvTokenizer_onRandomAndMutatedText_givesRowsWithinItsLimits_orAnUnterminatedQuote() {
        int[] checked = new int[1];
        Fuzz.run("CsvTokenizer", (r, n) -> {
            String text = n % 2 == 0 ? Fuzz.text(r, 400) : Fuzz.mutate(r, CSV_SEED);
            if (n % 7 == 0) {
                text = text + "\"" + "x".repeat(r.nextInt(5_000)); // a long open quote
            }
            char separator = r.nextBoolean() ? ';' : ',';
            CsvTokenizer tokenizer = new CsvTokenizer(new StringReader(text), separator, MAX_FIELD, MAX_FIELDS);
            int lastLine = 0;
            try {
                CsvTokenizer.Row row;
                int rows = 0;
                while ((row = tokenizer.next()) != null) {
                    checkRow(row.fields(), row.tooLong());
                    assertThat(row.line()).isGreaterThan(lastLine);
                    lastLine = row.line();
                    assertThat(++rows).isLessThanOrEqualTo(text.length() + 1);
                    checked[0]++;
                }
            } catch (CsvTokenizer.UnterminatedQuoteException e) {
                assertThat(e.line).isPositive();
            }
        });
        assertThat(checked[0]).as("rows read and checked").isPositive();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void csvRowSource_onRandomBytes_givesRows_orACodingOrQuoteProblem() {
        byte[] seed = CSV_SEED.getBytes(StandardCharsets.UTF_8);
        int[] checked = new int[1];
        Fuzz.run("CsvRowSource", (r, n) -> {
            byte[] bytes = n % 2 == 0 ? Fuzz.bytes(r, 600) : Fuzz.mutate(r, seed);
            var decoder = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            try (RowSource source = new CsvRowSource(
                    new InputStreamReader(new ByteArrayInputStream(bytes), decoder), ';', MAX_FIELD, MAX_FIELDS)) {
                RowSource.Row row;
                while ((row = source.next()) != null) {
                    checkRow(row.cells(), row.tooLong());
                    checked[0]++;
                }
            } catch (CsvTokenizer.UnterminatedQuoteException | CharacterCodingException expected) {
                // the file's problem, named by the importers
            }
        });
        assertThat(checked[0]).as("rows read and checked").isPositive();
    }

    // ------------------------------------------------------------------------------------------------ XLSX

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void xlsxRowSource_onRandomAndMutatedWorkbooks_givesRowsOrAnException_neverAnError() {
        byte[] seed = Xlsx.sheet(
                "KUR",
                "bank;branch;loan_id;nik;name",
                new Object[] {"KALBAR", "Ketapang", "L-1", "6104011705900001", "Sri"},
                new Object[] {"BRI", "Pontianak", 42, LocalDate.of(2026, 10, 1), 5e9});
        int[] checked = new int[1];
        Fuzz.run("XlsxRowSource", (r, n) -> {
            byte[] bytes = switch (n % 4) {
                case 0 -> Fuzz.bytes(r, 2_000);
                case 1 -> java.util.Arrays.copyOf(seed, r.nextInt(seed.length)); // truncated
                default -> Fuzz.mutate(r, seed);
            };
            try (RowSource source = new XlsxRowSource(new ByteArrayInputStream(bytes), MAX_FIELD, MAX_FIELDS)) {
                RowSource.Row row;
                int rows = 0;
                while ((row = source.next()) != null && rows++ < 10_000) {
                    assertThat(row.cells().size()).isLessThanOrEqualTo(MAX_FIELDS);
                    assertThat(row.cells())
                            .allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(MAX_FIELD));
                    checked[0]++;
                }
            } catch (IOException | RuntimeException refused) {
                // every caller turns these into "not a readable XLSX file" (KurFileReader, sponsorship)
            }
        });
        assertThat(checked[0]).as("rows read and checked").isPositive();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void excelDate_onAnyNumber_isADateOrAnArithmeticRefusal() {
        int[] dates = new int[1];
        Fuzz.run("XlsxRowSource.excelDate", 0.25, (r, n) -> {
            java.math.BigDecimal serial = switch (n % 3) {
                case 0 -> java.math.BigDecimal.valueOf(r.nextInt(100_000));
                case 1 -> new java.math.BigDecimal(r.nextLong()).multiply(java.math.BigDecimal.TEN.pow(r.nextInt(30)));
                default -> java.math.BigDecimal.valueOf(r.nextDouble() * 1e6 - 5e5);
            };
            try {
                assertThat(XlsxRowSource.excelDate(serial)).isNotNull();
                dates[0]++;
            } catch (java.time.DateTimeException e) {
                // a number far outside any date: the sponsorship reader refuses the file as unreadable
            }
        });
        assertThat(dates[0]).as("numbers read as dates").isPositive();
    }
}
