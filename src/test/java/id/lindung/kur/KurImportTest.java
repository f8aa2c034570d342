package id.lindung.kur;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.access.LindungUser;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.contribution.PaymentRequest;
import id.lindung.contribution.Payments;
import id.lindung.enrolment.Channel;
import id.lindung.enrolment.EnrolmentManagement;
import id.lindung.enrolment.EnrolmentRequest;
import id.lindung.enrolment.Sector;
import id.lindung.enrolment.Segment;
import id.lindung.participant.ParticipantDetails;
import id.lindung.participant.ParticipantManagement;
import id.lindung.participant.Sex;
import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.support.Niks;
import id.lindung.support.Xlsx;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * KUR disbursement files on the real database: good rows in, bad rows named by line and column, a bad file refused
 * whole, the same file twice changing nothing, a corrected file updating, every borrower matched by NIK.
 */
@SpringBootTest
@ActiveProfiles("test")
class KurImportTest {

    static final LindungUser OFFICER =
            new LindungUser("petugas.kalbar", "Petugas Kalbar", Role.OFFICER, RegionScope.of("61"));
    static final LindungUser BANK_KALBAR =
            new LindungUser("bank.kalbar", "Bank Kalbar", Role.BANK_OFFICER, RegionScope.of("61"));
    static final String HEADER = "bank;branch;loan_id;nik;name;scheme;plafond;disbursed_on;sector;region_code";
    private static final AtomicInteger LOANS = new AtomicInteger();
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    @Autowired
    KurImports imports;

    @Autowired
    ParticipantManagement participants;

    @Autowired
    EnrolmentManagement enrolment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Payments payments;

    private String prefix;

    @BeforeEach
    void freshLoanIds() {
        prefix = "T" + LOANS.incrementAndGet() + "-" + System.nanoTime() % 100_000 + "-";
    }

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private String nik(int n) {
        return Niks.nik("610401", LocalDate.of(1980, 1, 1).plusDays(n * 37L + PEOPLE.incrementAndGet() * 401L), false);
    }

    private long loans() {
        return jdbc.sql("SELECT count(*) FROM kur_loan").query(Long.class).single();
    }

    private long files() {
        return jdbc.sql("SELECT count(*) FROM kur_file").query(Long.class).single();
    }

    private String row(String loan, String nik, String name, String scheme, long plafond) {
        return "\nKALBAR;Ketapang;" + prefix + loan + ";" + nik + ";" + name + ";" + scheme + ";" + plafond
                + ";2026-10-01;Perdagangan;61.04";
    }

    @Test
    void goodRowsGoIn_theSameFileTwiceChangesNothing_andACorrectedFileUpdates() {
        String a = nik(1);
        String b = nik(2);
        String c = nik(3);
        String file = HEADER + row("1", a, "Sri Wahyuni", "MIKRO", 50_000_000)
                + row("2", b, "Andi Saputra", "KECIL", 150_000_000) + row("3", c, "Rusdi", "Super Mikro", 5_000_000)
                + "\n";

        KurImportResult first = imports.importFile("kur-oktober.csv", csv(file), OFFICER);
        long after = loans();
        KurImportResult again = imports.importFile("kur-oktober-lagi.csv", csv(file), OFFICER);

        assertThat(first.rows()).isEqualTo(3);
        assertThat(first.inserted()).isEqualTo(3);
        assertThat(first.rejected()).isZero();
        assertThat(again.replayed()).isTrue();
        assertThat(again.fileId()).isEqualTo(first.fileId());
        assertThat(loans()).isEqualTo(after);
        assertThat(jdbc.sql("SELECT mandatory FROM kur_loan WHERE loan_id = ?")
                        .param(prefix + "2")
                        .query(Boolean.class)
                        .single())
                .as("KUR Kecil above Rp100,000,000")
                .isTrue();
        assertThat(jdbc.sql("SELECT mandatory FROM kur_loan WHERE loan_id = ?")
                        .param(prefix + "1")
                        .query(Boolean.class)
                        .single())
                .isFalse();

        String corrected = HEADER + row("1", a, "Sri Wahyuni", "MIKRO", 60_000_000)
                + row("2", b, "Andi Saputra", "KECIL", 150_000_000) + row("3", c, "Rusdi", "SUPER_MIKRO", 5_000_000)
                + row("4", nik(4), "Maria Goreti", "MIKRO", 25_000_000) + "\r\n";
        KurImportResult update = imports.importFile("kur-oktober-koreksi.csv", csv(corrected), OFFICER);

        assertThat(update.inserted()).isEqualTo(1);
        assertThat(update.updated()).isEqualTo(1);
        assertThat(update.unchanged()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT plafond FROM kur_loan WHERE loan_id = ?")
                        .param(prefix + "1")
                        .query(Long.class)
                        .single())
                .isEqualTo(60_000_000);
    }

    @Test
    void badRowsAreRefusedNamingLineAndColumn_theOthersGoIn() {
        String hugeName = "A".repeat(10_000_000);
        String file = HEADER + row("1", nik(5), "Yanti", "MIKRO", 40_000_000)
                + row("1", nik(6), "Yanti Kembar", "MIKRO", 40_000_000) // line 3: loan repeated
                + row("3", nik(7), hugeName, "MIKRO", 40_000_000) // line 4: 10 million characters
                + row("4", "6104011234", "Budi", "MIKRO", 40_000_000) // line 5: NIK too short
                + row("5", nik(8), "Siti", "MIKRO", 400_000_000) // line 6: plafond above Mikro
                + "\nKALBAR;Ketapang;" + prefix + "6;" + nik(9) + ";Ani;KECIL;150000000;2026-10-01;;99.99"
                + "\nKALBAR;Ketapang;" + prefix + "7;" + nik(10) + ";Rina;MIKRO;20000000;31/09/2026;;61.04" + "\n";
        long before = loans();

        KurImportResult r = imports.importFile("kur-salah.csv", csv(file), OFFICER);

        assertThat(r.rows()).isEqualTo(7);
        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.rejected()).isEqualTo(6);
        assertThat(loans()).isEqualTo(before + 1);
        assertThat(r.errors())
                .extracting(
                        KurImportResult.RowError::line, KurImportResult.RowError::field, KurImportResult.RowError::code)
                .containsExactly(
                        tuple(3, "loan_id", "kur.loan.repeated"),
                        tuple(4, "name", "kur.field.too-long"),
                        tuple(5, "nik", "nik.format"),
                        tuple(6, "plafond", "kur.plafond.range"),
                        tuple(7, "region_code", "kur.region.unknown"),
                        tuple(8, "disbursed_on", "kur.date.format"));
        assertThat(r.errors().get(0).args()).containsExactly(prefix + "1", "2");
    }

    @Test
    void aBadFileIsRefusedWhole_withAClearReason_andNothingIsWritten() {
        long loans = loans();
        long files = files();
        String good = row("1", nik(11), "Dedi", "MIKRO", 30_000_000);

        assertFileProblem(HEADER.replace(';', '\t') + good.replace(';', '\t'), "kur.file.columns-missing");
        assertFileProblem(
                HEADER.replace(";nik", "") + "\nKALBAR;Ketapang;X1;Dedi;MIKRO;30000000;2026-10-01;;61.04",
                "kur.file.columns-missing");
        assertFileProblem("", "kur.file.empty");
        assertFileProblem(HEADER + "\n", "kur.file.no-rows");
        assertFileProblem(
                HEADER + good + "\nKALBAR;\"Ketapang;X2;" + nik(12) + ";Dedi;MIKRO;1;2026-10-01;;61.04",
                "kur.file.quote");
        byte[] latin1 =
                (HEADER + row("9", nik(13), "Muñoz", "MIKRO", 30_000_000)).getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> imports.importFile("latin1.csv", new ByteArrayInputStream(latin1), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues()).extracting(FieldIssue::code).containsExactly("kur.file.encoding"));

        assertThat(loans()).isEqualTo(loans);
        assertThat(files()).isEqualTo(files);
    }

    private void assertFileProblem(String content, String code) {
        assertThatThrownBy(() -> imports.importFile("kur.csv", csv(content), OFFICER))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.issues())
                                .extracting(FieldIssue::field, FieldIssue::code)
                                .containsExactly(tuple("file", code)));
    }

    @Test
    void aBankSendsOnlyItsOwnRows() {
        String file = HEADER + row("1", nik(14), "Hendra", "MIKRO", 30_000_000) + "\nBRI;Pontianak;" + prefix + "2;"
                + nik(15) + ";Lina;MIKRO;30000000;2026-10-01;;61.71\n";

        KurImportResult r = imports.importFile("kalbar.csv", csv(file), BANK_KALBAR);

        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.uploadedByBank()).isEqualTo("KALBAR");
        assertThat(r.errors())
                .extracting(KurImportResult.RowError::field, KurImportResult.RowError::code)
                .containsExactly(tuple("bank", "kur.bank.other"));
    }

    @Test
    void borrowersAreMatchedByNik_protectedOrNot_withNameMismatchFlagged() {
        LocalDate birth = LocalDate.of(1984, 6, 30);
        String enrolledNik = Niks.nik("610401", birth, false);
        long participant = participants
                .register(
                        new ParticipantDetails(
                                enrolledNik, "Hasan Basri", birth, Sex.L, "61.04.01.2011", null, "Pedagang", null),
                        OFFICER)
                .participant()
                .id();
        long membership = enrolment
                .enrol(
                        new EnrolmentRequest(
                                participant,
                                Segment.BPU,
                                Channel.SELF,
                                Set.of(),
                                null,
                                1_000_000L,
                                Sector.OTHER,
                                false,
                                YearMonth.of(2026, 9),
                                null),
                        OFFICER)
                .id();
        // protected from the payment of every month owed: September to December 2026 at Rp8.400 (PP 50/2025)
        payments.pay(
                new PaymentRequest("KUR-MATCH-" + prefix, membership, 4 * 8_400L, LocalDate.of(2026, 12, 1), null),
                OFFICER);
        String unknownNik = nik(16);
        String file = HEADER + row("1", enrolledNik, "Hasan Basri", "MIKRO", 30_000_000)
                + row("2", enrolledNik, "Hasan Basry", "KECIL", 200_000_000)
                + row("3", unknownNik, "Lukas", "MIKRO", 30_000_000) + "\n";

        imports.importFile("match.csv", csv(file), OFFICER);

        assertThat(jdbc.sql("SELECT loan_id, match_status, name_mismatch, enrolled_at_disbursement, participant_id"
                                + " FROM kur_loan WHERE loan_id LIKE ? ORDER BY loan_id")
                        .param(prefix + "%")
                        .query((rs, n) -> tuple(
                                rs.getString(1).substring(prefix.length()),
                                rs.getString(2),
                                rs.getBoolean(3),
                                rs.getBoolean(4),
                                rs.getObject(5) == null ? null : rs.getLong(5)))
                        .list())
                .containsExactly(
                        tuple("1", "PROTECTED", false, true, participant),
                        tuple("2", "PROTECTED", true, true, participant),
                        tuple("3", "NOT_ENROLLED", false, false, null));
    }

    @Test
    void anXlsxFileIsReadFromItsFirstSheet_andANikTypedAsANumberIsNamed() throws IOException {
        byte[] xlsx = Xlsx.sheet(
                "Penyaluran",
                HEADER,
                new Object[] {
                    "KALBAR",
                    "Sintang",
                    prefix + "X1",
                    nik(17),
                    "Agustinus",
                    "MIKRO",
                    75_000_000,
                    LocalDate.of(2026, 9, 15),
                    "Pertanian",
                    "61.05"
                },
                new Object[] {
                    "KALBAR",
                    "Sintang",
                    prefix + "X2",
                    Long.valueOf(nik(18)),
                    "Yosef",
                    "MIKRO",
                    75_000_000,
                    LocalDate.of(2026, 9, 15),
                    "Pertanian",
                    "61.05"
                });

        KurImportResult r = imports.importFile("penyaluran.xlsx", new ByteArrayInputStream(xlsx), OFFICER);

        assertThat(r.format()).isEqualTo("XLSX");
        assertThat(r.inserted()).isEqualTo(1);
        assertThat(r.errors())
                .extracting(
                        KurImportResult.RowError::line, KurImportResult.RowError::field, KurImportResult.RowError::code)
                .containsExactly(tuple(3, "nik", "kur.nik.number-cell"));
        assertThat(jdbc.sql("SELECT disbursed_on FROM kur_loan WHERE loan_id = ?")
                        .param(prefix + "X1")
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.of(2026, 9, 15));
    }
}
