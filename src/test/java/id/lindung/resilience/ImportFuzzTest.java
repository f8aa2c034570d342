package id.lindung.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.Members;
import id.lindung.coverage.CoverageDenominators;
import id.lindung.kur.KurImportResult;
import id.lindung.kur.KurImports;
import id.lindung.shared.InvalidInputException;
import id.lindung.sponsorship.SponsorshipBeneficiaries;
import id.lindung.support.Niks;
import id.lindung.support.Tags;
import id.lindung.support.TestClock;
import id.lindung.support.Xlsx;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The upload importers on random and mutated files for a fixed time each ({@link Fuzz}): a KUR file (CSV and XLSX),
 * coverage denominators and a sponsorship beneficiary list end in a result or an {@link InvalidInputException},
 * never another exception, and a refused file leaves nothing behind. Shares ConcurrencyTest's context.
 */
@Tag(Tags.FUZZ)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lindung.test.context=resilience-concurrency")
@ActiveProfiles("test")
class ImportFuzzTest {

    static final LindungUser OFFICER = Members.OFFICER;
    static final LindungUser ANALYST =
            new LindungUser("analis.provinsi", "Analis Provinsi", Role.GOV_ANALYST, RegionScope.of("61"));

    @Autowired
    KurImports kur;

    @Autowired
    CoverageDenominators denominators;

    @Autowired
    SponsorshipBeneficiaries beneficiaries;

    @Autowired
    id.lindung.sponsorship.SponsorshipProgrammes programmes;

    @Autowired
    JdbcClient jdbc;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String kurCsv(Random r) {
        StringBuilder csv = new StringBuilder(
                "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code;birth_date");
        int rows = 1 + r.nextInt(4);
        for (int i = 0; i < rows; i++) {
            LocalDate birth = LocalDate.of(1970 + r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28));
            csv.append("\nKALBAR;\"Ketapang; Kota\";FZ-")
                    .append(r.nextInt(1_000_000))
                    .append(';')
                    .append(Niks.nik("610401", birth, r.nextBoolean()))
                    .append(";\"Sri \"\"Yanti\"\"\";MIKRO;")
                    .append(10_000_001 + r.nextInt(90_000_000))
                    .append(";2026-10-01;Perdagangan;61.04;")
                    .append(birth);
        }
        return csv.append('\n').toString();
    }

    /** @return whether the file was taken (else refused whole) */
    private boolean importKur(byte[] bytes, boolean xlsx) {
        long files = count("SELECT count(*) FROM kur_file");
        long loans = count("SELECT count(*) FROM kur_loan");
        try {
            KurImportResult result =
                    kur.importFile(xlsx ? "fuzz.xlsx" : "fuzz.csv", new ByteArrayInputStream(bytes), OFFICER);
            assertThat(result.rows())
                    .isEqualTo(result.inserted() + result.updated() + result.unchanged() + result.rejected());
            return true;
        } catch (InvalidInputException refused) {
            assertThat(refused.issues()).isNotEmpty();
            assertThat(count("SELECT count(*) FROM kur_file"))
                    .as("a refused file leaves no file row")
                    .isEqualTo(files);
            assertThat(count("SELECT count(*) FROM kur_loan"))
                    .as("a refused file leaves no loan")
                    .isEqualTo(loans);
            return false;
        }
    }

    /** Files taken and files refused by a fuzz run: both kinds of answer must have been checked. */
    private static final class Outcomes {
        int taken;
        int refused;

        void count(boolean wasTaken) {
            if (wasTaken) {
                taken++;
            } else {
                refused++;
            }
        }

        void assertBothReached(String what) {
            assertThat(taken).as("%s: files taken (and checked)", what).isPositive();
            assertThat(refused).as("%s: files refused (and checked)", what).isPositive();
        }
    }

    @Test
    void kurCsv_randomAndMutated_isAResultOrARefusal() {
        Outcomes outcomes = new Outcomes();
        Fuzz.run("KUR CSV", (r, n) -> {
            byte[] bytes = switch (n % 4) {
                case 0 -> Fuzz.bytes(r, 400);
                case 1 -> Fuzz.text(r, 400).getBytes(StandardCharsets.UTF_8);
                default -> Fuzz.mutate(r, kurCsv(r).getBytes(StandardCharsets.UTF_8));
            };
            outcomes.count(importKur(bytes, false));
        });
        outcomes.assertBothReached("KUR CSV");
    }

    @Test
    void kurXlsx_randomAndMutated_isAResultOrARefusal() {
        Outcomes outcomes = new Outcomes();
        Fuzz.run("KUR XLSX", (r, n) -> {
            byte[] seed = Xlsx.sheet(
                    "KUR",
                    "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;region_code",
                    new Object[] {
                        "KALBAR",
                        "Ketapang",
                        "FX-" + r.nextInt(1_000_000),
                        Niks.nik("610401", LocalDate.of(1980, 2, 2).plusDays(n % 5_000), false),
                        "Sri",
                        "MIKRO",
                        50_000_000,
                        LocalDate.of(2026, 10, 1),
                        "61.04"
                    },
                    new Object[] {
                        "KALBAR",
                        "Ketapang",
                        "FX-" + r.nextInt(1_000_000),
                        6104010202800001L,
                        "Andi",
                        "Super Mikro",
                        r.nextInt() * 1e6,
                        r.nextDouble() * 1e7,
                        r.nextInt()
                    });
            byte[] bytes = switch (n % 4) {
                case 0 -> Fuzz.bytes(r, 1_000);
                case 1 -> seed; // valid cells of the wrong kinds: rows refused, the file read
                case 2 -> java.util.Arrays.copyOf(seed, r.nextInt(seed.length));
                default -> Fuzz.mutate(r, seed);
            };
            outcomes.count(importKur(bytes, true));
        });
        outcomes.assertBothReached("KUR XLSX");
    }

    @Test
    void denominatorsCsv_randomAndMutated_isAResultOrARefusal_andARefusalChangesNothing() {
        Outcomes outcomes = new Outcomes();
        Fuzz.run("denominators CSV", 0.75, (r, n) -> {
            String seed = "region_code;year;segment;workers;source;source_date\n61.04.01;" + (2040 + r.nextInt(50))
                    + ";INFORMAL;" + r.nextInt(1_000_000) + ";\"Sakernas; BPS\";2026-02-01\n";
            byte[] bytes = n % 3 == 0 ? Fuzz.bytes(r, 300) : Fuzz.mutate(r, seed.getBytes(StandardCharsets.UTF_8));
            long rows = count("SELECT count(*) FROM coverage_denominator");
            long sum = count("SELECT coalesce(sum(workers), 0) FROM coverage_denominator");
            try {
                CoverageDenominators.ImportResult result =
                        denominators.importCsv(new ByteArrayInputStream(bytes), ANALYST);
                assertThat(result).isNotNull();
                outcomes.count(true);
            } catch (InvalidInputException refused) {
                assertThat(refused.issues()).isNotEmpty();
                assertThat(count("SELECT count(*) FROM coverage_denominator")).isEqualTo(rows);
                assertThat(count("SELECT coalesce(sum(workers), 0) FROM coverage_denominator"))
                        .isEqualTo(sum);
                outcomes.count(false);
            }
        });
        outcomes.assertBothReached("denominators CSV");
    }

    @Test
    void beneficiaryLists_randomAndMutated_areAResultOrARefusal_andARefusalChangesNothing() {
        YearMonth now = YearMonth.now(TestClock.CLOCK);
        long programme = programmes
                .create(
                        new id.lindung.sponsorship.Programme.New(
                                "Fuzz beneficiaries",
                                "61.04",
                                "Perbup 1/2026",
                                id.lindung.sponsorship.Programme.FundingSource.APBD,
                                1_000_000_000L,
                                now,
                                now.plusMonths(5),
                                null,
                                null),
                        OFFICER)
                .id();
        Outcomes outcomes = new Outcomes();
        Fuzz.run("beneficiary CSV/XLSX", 0.75, (r, n) -> {
            LocalDate birth = LocalDate.of(1975 + r.nextInt(20), 3, 3);
            String nik = Niks.nik("610401", birth, r.nextBoolean());
            byte[] bytes;
            boolean xlsx = n % 4 == 3;
            // valid lists (a list with one bad row is refused whole), then mutated: both answers occur
            if (xlsx) {
                byte[] seed = Xlsx.sheet("Penerima", "nik;name;birth_date;desa_code;occupation;phone", new Object[] {
                    nik, "Pak Udin", n % 8 == 3 ? r.nextDouble() * 1e9 : birth, "61.04.01.2011", "Nelayan", ""
                });
                bytes = r.nextBoolean() ? seed : Fuzz.mutate(r, seed);
            } else {
                String seed = "nik;name;birth_date;desa_code;occupation;phone\n" + nik
                        + ";Pak Udin;;61.04.01.2011;Nelayan;081234567890\n";
                bytes = n % 4 == 0 ? Fuzz.bytes(r, 300) : Fuzz.mutate(r, seed.getBytes(StandardCharsets.UTF_8));
            }
            long files = count("SELECT count(*) FROM sponsorship_file");
            long listed = count("SELECT count(*) FROM sponsorship_beneficiary");
            long people = count("SELECT count(*) FROM participant");
            try {
                assertThat(beneficiaries.importCsv(
                                programme,
                                xlsx ? "penerima.xlsx" : "penerima.csv",
                                new ByteArrayInputStream(bytes),
                                OFFICER))
                        .isNotNull();
                outcomes.count(true);
            } catch (InvalidInputException refused) {
                assertThat(refused.issues()).isNotEmpty();
                assertThat(count("SELECT count(*) FROM sponsorship_file")).isEqualTo(files);
                assertThat(count("SELECT count(*) FROM sponsorship_beneficiary"))
                        .isEqualTo(listed);
                assertThat(count("SELECT count(*) FROM participant"))
                        .as("nobody registered by a refused list")
                        .isEqualTo(people);
                outcomes.count(false);
            }
        });
        outcomes.assertBothReached("beneficiary CSV/XLSX");
    }
}
