package id.lindung.claim.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.shared.web.BundledFontTest;
import id.lindung.shared.web.Formats;
import id.lindung.support.Templates;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.xml.sax.InputSource;

/**
 * Real renders of the decision letter: the template through a Spring Thymeleaf engine set up like the application's
 * (templates/ + .html, HTML mode, the i18n/messages and i18n/claim bundles), then openhtmltopdf; the PDF is read back
 * with PDFBox.
 */
class DecisionLettersTest {

    static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");

    private final DecisionLetters letters = new DecisionLetters(engine(), new Formats());

    static SpringTemplateEngine engine() {
        return Templates.engine(Templates.messages("i18n/messages", "i18n/claim"));
    }

    /** A BPU member's death from a work accident, declared income Rp1.000.000. */
    static DecisionLetter approval(
            List<DecisionLetter.Line> lines, boolean unconfirmed, @Nullable String secondApprover) {
        long total = lines.stream().mapToLong(DecisionLetter.Line::amount).sum();
        return new DecisionLetter(
                "KLM-2026-000123",
                "Nur'aini binti Abdul Rahman",
                "6171••••••••0042",
                "Kota Pontianak, Kalimantan Barat",
                "JKK: meninggal dunia akibat kecelakaan kerja",
                "Kecelakaan kerja",
                LocalDate.of(2026, 8, 17),
                true,
                lines,
                total,
                null,
                null,
                "petugas.pontianak",
                secondApprover,
                LocalDate.of(2026, 11, 26),
                LocalDate.of(2026, 12, 7),
                unconfirmed,
                "Kantor Cabang Pontianak",
                List.of(),
                null,
                null,
                null,
                null,
                List.of());
    }

    static List<DecisionLetter.Line> deathLines() {
        return List.of(
                new DecisionLetter.Line(
                        "Santunan kematian akibat kecelakaan kerja",
                        "48 × Rp1.000.000",
                        "PP 82/2019 Lampiran III",
                        48_000_000),
                new DecisionLetter.Line("Biaya pemakaman", "Rp10.000.000", "PP 82/2019 Lampiran III", 10_000_000),
                new DecisionLetter.Line(
                        "Santunan berkala (dibayar sekaligus)", "Rp12.000.000", "PP 82/2019 Lampiran III", 12_000_000));
    }

    static DecisionLetter rejection() {
        return new DecisionLetter(
                "KLM-2026-000124",
                "Budi Santoso",
                "6104••••••••0007",
                "Kabupaten Ketapang",
                "JKM: meninggal dunia bukan akibat kecelakaan kerja",
                "Sakit atau kecelakaan bukan kecelakaan kerja",
                LocalDate.of(2026, 3, 2),
                false,
                List.of(),
                0,
                "Peserta tidak terlindungi program JKM pada tanggal meninggal dunia (2 Maret 2026).",
                "PP 44/2015 Pasal 34",
                "petugas.ketapang",
                null,
                LocalDate.of(2026, 4, 14),
                null,
                false,
                "Kantor Cabang Pembantu Ketapang",
                List.of(),
                null,
                null,
                null,
                null,
                List.of());
    }

    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }

    private static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(pdf).replaceAll("\\s+", " ");
    }

    @Test
    void theLetterIsSetInTheBundledFont() throws IOException {
        byte[] bytes = letters.render(approval(deathLines(), true, "kepala.pontianak"), INDONESIAN);
        assertThat(BundledFontTest.embeddedFonts(bytes))
                .isNotEmpty()
                .allSatisfy(name -> assertThat(name).contains("+NotoSans-"));
    }

    @Test
    void anApprovalListsTheLinesTheTotalAndTheDueDateInBahasaIndonesia() throws IOException {
        byte[] bytes = letters.render(approval(deathLines(), true, "kepala.pontianak"), INDONESIAN);

        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            // A4 portrait: 595 × 842 points
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, Offset.offset(1f));
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isCloseTo(841.9f, Offset.offset(1f));
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Surat Keputusan Klaim KLM-2026-000123");
            String text = text(pdf);
            assertThat(text)
                    .contains(
                            "BPJS Ketenagakerjaan — Kantor Cabang Pontianak",
                            "Surat Keputusan Klaim KLM-2026-000123",
                            "Keputusan: klaim disetujui",
                            "Nur'aini binti Abdul Rahman",
                            "6171••••••••0042",
                            "Kota Pontianak, Kalimantan Barat",
                            "JKK: meninggal dunia akibat kecelakaan kerja",
                            "Kecelakaan kerja",
                            "17 Agustus 2026",
                            "Manfaat",
                            "Perhitungan",
                            "Dasar hukum",
                            "Jumlah",
                            "Santunan kematian akibat kecelakaan kerja",
                            "48 × Rp1.000.000",
                            "PP 82/2019 Lampiran III",
                            "Rp48.000.000",
                            "Rp10.000.000",
                            "Rp12.000.000",
                            "Jumlah manfaat",
                            "Rp70.000.000",
                            "Manfaat dibayar paling lambat 7 Desember 2026",
                            "Sebagian angka berstatus belum terkonfirmasi",
                            "Diputuskan oleh",
                            "petugas.pontianak",
                            "Persetujuan kedua",
                            "kepala.pontianak",
                            "Tanggal keputusan",
                            "26 November 2026",
                            "Halaman 1 dari 1");
            assertThat(text).doesNotContain("Alasan penolakan", "#");
            // the total comes after the lines
            assertThat(text.indexOf("Rp70.000.000")).isGreaterThan(text.indexOf("Rp12.000.000"));
        }
    }

    @Test
    void anApprovalTheEmployerOwes_saysWhoPaysAndWhy_andNoBpjsDueDate() throws IOException {
        DecisionLetter a = approval(deathLines(), true, "kepala.pontianak");
        DecisionLetter employerPays = new DecisionLetter(
                a.claimNumber(),
                a.participantName(),
                a.nikMasked(),
                a.regionName(),
                a.kindLabel(),
                a.causeLabel(),
                a.eventDate(),
                true,
                a.lines(),
                a.total(),
                null,
                null,
                a.decidedBy(),
                a.secondApprover(),
                a.decidedOn(),
                null,
                true,
                a.officeName(),
                List.of(),
                "Pemberi kerja (NPP0042 PT Sawit Sukadana) wajib membayar terlebih dahulu manfaat di bawah.",
                "PP 44/2015 (pemberi kerja menunggak iuran)",
                null,
                null,
                List.of());

        try (PDDocument pdf = Loader.loadPDF(letters.render(employerPays, INDONESIAN))) {
            String text = text(pdf);
            assertThat(text)
                    .contains(
                            "Dibayar oleh pemberi kerja",
                            "NPP0042 PT Sawit Sukadana",
                            "PP 44/2015 (pemberi kerja menunggak iuran)",
                            "Rp70.000.000");
            assertThat(text).doesNotContain("paling lambat", "paling lama 7 hari kerja");
        }
        assertThatThrownBy(() -> new DecisionLetter(
                        "KLM-1",
                        "A",
                        "6104****0001",
                        "Ketapang",
                        "JKK",
                        "KK",
                        LocalDate.of(2026, 1, 1),
                        false,
                        List.of(),
                        0,
                        "ditolak",
                        null,
                        "petugas",
                        null,
                        LocalDate.of(2026, 2, 1),
                        null,
                        false,
                        "Kantor",
                        List.of(),
                        "pemberi kerja",
                        "PP 44/2015",
                        null,
                        null,
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRejectionGivesTheReasonAndItsLegalBasisAndNoAmounts() throws IOException {
        byte[] bytes = letters.render(rejection(), INDONESIAN);

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            String text = text(pdf);
            assertThat(text)
                    .contains(
                            "BPJS Ketenagakerjaan — Kantor Cabang Pembantu Ketapang",
                            "Surat Keputusan Klaim KLM-2026-000124",
                            "Keputusan: klaim ditolak",
                            "Budi Santoso",
                            "Kabupaten Ketapang",
                            "2 Maret 2026",
                            "Alasan penolakan",
                            "Peserta tidak terlindungi program JKM pada tanggal meninggal dunia (2 Maret 2026).",
                            "Dasar hukum",
                            "PP 44/2015 Pasal 34",
                            "petugas.ketapang",
                            "14 April 2026");
            assertThat(text)
                    .doesNotContain(
                            "Rp",
                            "Perhitungan",
                            "Jumlah manfaat",
                            "dibayar paling",
                            "Persetujuan kedua",
                            "belum terkonfirmasi");
        }
    }

    @Test
    void theEnglishLetterHasEnglishLabelsAndMonthsButIndonesianFigures() throws IOException {
        byte[] bytes = letters.render(approval(deathLines(), false, null), Locale.ENGLISH);

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = text(pdf);
            assertThat(text)
                    .contains(
                            "Claim Decision Letter KLM-2026-000123",
                            "Decision: the claim is approved",
                            "Participant",
                            "Name",
                            "Region",
                            "Kind of claim",
                            "Date of the event",
                            "17 August 2026",
                            "Benefit",
                            "Calculation",
                            "Legal basis",
                            "Amount",
                            "Total benefit",
                            "Rp48.000.000",
                            "Rp70.000.000",
                            "The benefit is paid by 7 December 2026 at the latest",
                            "Decided by",
                            "Date of decision",
                            "26 November 2026",
                            "Page 1 of 1");
            assertThat(text)
                    .doesNotContain(
                            "Peserta",
                            "Perhitungan",
                            "Jumlah manfaat",
                            "Agustus",
                            "Some figures are unconfirmed",
                            "Second approval");
        }
    }

    @Test
    void fortyLinesRunOntoASecondPageWithTheTableHeaderRepeated() throws IOException {
        List<DecisionLetter.Line> lines = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            lines.add(new DecisionLetter.Line(
                    "Perawatan dan pengobatan: RSUD Dokter Soedarso, kuitansi " + i,
                    "Rp" + i + ".000",
                    "PP 44/2015 jo. PP 82/2019 Lampiran III",
                    i * 1_000L));
        }
        byte[] bytes = letters.render(approval(lines, false, null), INDONESIAN);

        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(2);
            int last = pdf.getNumberOfPages();
            String first = pageText(pdf, 1);
            String second = pageText(pdf, 2);
            assertThat(first).contains("Perhitungan", "kuitansi 1 ", "Halaman 1 dari " + last);
            assertThat(second).contains("Perhitungan", "Dasar hukum", "Halaman 2 dari " + last);
            assertThat(pageText(pdf, last)).contains("kuitansi 40", "Jumlah manfaat", "Rp820.000", "26 November 2026");
        }
    }

    @Test
    void theTemplateGivesWellFormedXhtmlAndEscapesMarkupInTheData() throws Exception {
        DecisionLetter letter = new DecisionLetter(
                "KLM-2026-000125",
                "A & B <script>x</script>",
                "6171••••••••0001",
                "Kota Pontianak",
                "JKK: perawatan",
                "Kecelakaan kerja",
                LocalDate.of(2026, 1, 5),
                true,
                List.of(new DecisionLetter.Line("Perawatan", "min(40%; 100% − 70%) × Rp1.000", "PP \"44\"/2015", 300)),
                300,
                null,
                null,
                "petugas",
                null,
                LocalDate.of(2026, 1, 9),
                null,
                false,
                "Kantor Cabang Pontianak",
                List.of(),
                null,
                null,
                null,
                null,
                List.of());

        LocaleContext before = LocaleContextHolder.getLocaleContext();
        String xhtml = letters.xhtml(letter, INDONESIAN);
        assertThat(LocaleContextHolder.getLocaleContext()).isSameAs(before);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        assertThat(xhtml)
                .doesNotContain("<script>", "th:text", "xmlns:th", "th:block", "−")
                .contains("A &amp; B &lt;script&gt;");

        try (PDDocument pdf = Loader.loadPDF(letters.render(letter, INDONESIAN))) {
            assertThat(text(pdf))
                    .contains(
                            "A & B <script>x</script>",
                            "min(40%; 100% - 70%) × Rp1.000",
                            "PP \"44\"/2015",
                            "Manfaat dibayar paling lama 7 hari kerja sejak dokumen lengkap")
                    .doesNotContain("#");
        }
    }

    @Test
    void theTotalMustBeTheSumOfTheLinesAndARejectionNeedsItsReason() {
        assertThatThrownBy(() -> minimal(true, deathLines(), 69_000_000, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sum");
        assertThatThrownBy(() -> minimal(false, List.of(), 0, " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason");
    }

    @Test
    void heirsTheAccountPaidToAndTheSignatoriesPositions_areOnTheLetter_theAccountOnlyOnAnApproval()
            throws IOException {
        List<DecisionLetter.Heir> heirs = List.of(
                new DecisionLetter.Heir("Abdul Rahman", "Orang tua", "-", "BNI 555 1111", false),
                new DecisionLetter.Heir("Siti Aminah", "Suami/Istri", "610401******0003", "BRI 0123 4567", true));
        DecisionLetter paid = addressed(
                approval(deathLines(), false, "Yohanes Eko Saputra"),
                "Kepala Bidang Pelayanan",
                "Kepala Kantor Cabang Perintis",
                heirs);
        assertThat(paid.payee()).isEqualTo(heirs.get(1));
        try (PDDocument pdf = Loader.loadPDF(letters.render(paid, INDONESIAN))) {
            assertThat(text(pdf))
                    .contains(
                            "Ahli waris",
                            "Abdul Rahman Orang tua - BNI 555 1111",
                            "Siti Aminah (penerima pembayaran) Suami/Istri 610401******0003 BRI 0123 4567",
                            "Manfaat dibayarkan ke rekening BRI 0123 4567 atas nama Siti Aminah.",
                            "Diputuskan oleh petugas.pontianak Jabatan Kepala Bidang Pelayanan",
                            "Persetujuan kedua Yohanes Eko Saputra Jabatan Kepala Kantor Cabang Perintis");
        }
        try (PDDocument pdf = Loader.loadPDF(letters.render(paid, Locale.ENGLISH))) {
            assertThat(text(pdf))
                    .contains("Heirs", "The benefit is paid to account BRI 0123 4567 in the name of Siti Aminah.")
                    .contains("Position Kepala Bidang Pelayanan");
        }

        List<DecisionLetter.Heir> unpaid = List.of(
                heirs.get(0),
                new DecisionLetter.Heir("Siti Aminah", "Suami/Istri", "610401******0003", "BRI 0123 4567", false));
        try (PDDocument pdf =
                Loader.loadPDF(letters.render(addressed(rejection(), "Petugas BPJS", null, unpaid), INDONESIAN))) {
            assertThat(text(pdf))
                    .contains("Ahli waris", "Siti Aminah", "Jabatan Petugas BPJS")
                    .doesNotContain("BRI 0123 4567")
                    .doesNotContain("dibayarkan ke rekening");
        }
        assertThatThrownBy(() -> addressed(rejection(), null, null, heirs)).hasMessageContaining("nobody's to pay");
    }

    /** The letter with the signatories' positions and the heirs. */
    private static DecisionLetter addressed(
            DecisionLetter l,
            @Nullable String decidedByPosition,
            @Nullable String secondApproverPosition,
            List<DecisionLetter.Heir> heirs) {
        return new DecisionLetter(
                l.claimNumber(),
                l.participantName(),
                l.nikMasked(),
                l.regionName(),
                l.kindLabel(),
                l.causeLabel(),
                l.eventDate(),
                l.approved(),
                l.lines(),
                l.total(),
                l.rejectionReason(),
                l.legalBasisOfRefusal(),
                l.decidedBy(),
                l.secondApprover(),
                l.decidedOn(),
                l.dueDate(),
                l.unconfirmedRulesUsed(),
                l.officeName(),
                l.children(),
                l.employerPays(),
                l.employerPaysBasis(),
                decidedByPosition,
                secondApproverPosition,
                heirs);
    }

    /** A letter with one-letter names and dates in 2026 around what the checks look at. */
    private static DecisionLetter minimal(
            boolean approved, List<DecisionLetter.Line> lines, long total, @Nullable String rejectionReason) {
        return new DecisionLetter(
                "K",
                "N",
                "NIK",
                "R",
                "kind",
                "cause",
                LocalDate.of(2026, 1, 1),
                approved,
                lines,
                total,
                rejectionReason,
                null,
                "x",
                null,
                LocalDate.of(2026, 1, 2),
                null,
                false,
                "KC",
                List.of(),
                null,
                null,
                null,
                null,
                List.of());
    }
}
