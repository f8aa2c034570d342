package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.coverage.CoverageDashboard.ChannelFigure;
import id.lindung.coverage.CoverageDashboard.ChildFigure;
import id.lindung.coverage.CoverageDashboard.Figure;
import id.lindung.coverage.CoverageDashboard.Forecast;
import id.lindung.coverage.CoverageDashboard.KurFigure;
import id.lindung.coverage.CoverageDashboard.RegionRef;
import id.lindung.coverage.CoverageDashboard.SegmentFigure;
import id.lindung.coverage.CoverageDashboard.TrendPoint;
import id.lindung.coverage.CoverageDenominators.Denominator;
import id.lindung.coverage.report.CoverageChartImages;
import id.lindung.coverage.report.CoverageReportPdf;
import id.lindung.coverage.report.CoverageReportTexts;
import id.lindung.coverage.report.CoverageWorkbook;
import id.lindung.enrolment.Channel;
import id.lindung.shared.web.Formats;
import id.lindung.support.Templates;
import java.awt.Color;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The coverage exports rendered from a hand-built dashboard of Kalimantan Barat (no Spring, no database): the workbook
 * read back with fastexcel-reader, the charts decoded with ImageIO and probed pixel by pixel, the PDF read back with
 * PDFBox. The map is drawn from the shipped boundaries of the 14 kab/kota.
 */
class CoverageReportsTest {

    private static final Locale INDONESIAN = Locale.forLanguageTag("id-ID");
    private static final Instant GENERATED = Instant.parse("2026-11-26T03:15:00Z"); // 10:15 WIB
    private static final ResourceBundleMessageSource MESSAGES = messages();
    private static final CoverageReportTexts TEXTS = new CoverageReportTexts(MESSAGES, INDONESIAN);

    private static String kalbarBoundaries;

    @BeforeAll
    static void boundaries() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        JsonNode all;
        try (InputStream in = CoverageReportsTest.class.getResourceAsStream("/reference/regencies.geojson")) {
            all = json.readTree(in);
        }
        ArrayNode kept = json.createArrayNode();
        for (JsonNode feature : all.path("features")) {
            if (feature.path("properties").path("code").asString().startsWith("61.")) {
                kept.add(feature);
            }
        }
        assertThat(kept.size()).isEqualTo(14);
        ObjectNode collection = json.createObjectNode();
        collection.put("type", "FeatureCollection");
        collection.set("features", kept);
        kalbarBoundaries = json.writeValueAsString(collection);
    }

    private static ResourceBundleMessageSource messages() {
        return Templates.messages("i18n/messages", "i18n/contribution", "i18n/coverage-report");
    }

    private static SpringTemplateEngine engine() {
        return Templates.engine(MESSAGES);
    }

    // ------------------------------------------------------------------------------------------ the dashboard

    private static Figure figure(
            long active, @Nullable Long denominator, boolean estimated, @Nullable Integer target, boolean inherited) {
        Integer coverage = denominator == null ? null : (int) Math.round(active * 10000.0 / denominator);
        Long gap = denominator == null || target == null
                ? null
                : Math.max(0, (long) Math.ceil(denominator * target / 10000.0) - active);
        return new Figure(
                active,
                denominator,
                denominator == null ? null : 2025,
                estimated,
                coverage,
                target,
                target == null ? null : 2026,
                inherited,
                gap,
                List.of(),
                0,
                null);
    }

    private static ChildFigure child(
            String code,
            String name,
            String level,
            long active,
            @Nullable Long denominator,
            @Nullable Integer ownTarget) {
        return new ChildFigure(
                new RegionRef(code, name, level, code.substring(0, code.lastIndexOf('.'))),
                figure(active, denominator, false, ownTarget == null ? 5956 : ownTarget, ownTarget == null));
    }

    /**
     * Kalimantan Barat, October 2026: 1.234.567 active of 3.385.260 workers (36,47%), target 59,56%; four kab/kota
     * with figures (Kota Pontianak with a target of its own, reached) and Melawi without a denominator.
     */
    static CoverageDashboard province() {
        RegionRef kalbar = new RegionRef("61", "Kalimantan Barat", "PROVINCE", null);
        Figure total = figure(1_234_567, 3_385_260L, true, 5956, false);
        assertThat(total.coverage()).isEqualTo(3647);
        List<ChildFigure> children = List.of(
                child("61.71", "Kota Pontianak", "KABKOTA", 198_000, 339_623L, 5500), // 58,30%
                child("61.04", "Kabupaten Ketapang", "KABKOTA", 103_000, 250_000L, null), // 41,20%
                child("61.05", "Kabupaten Sintang", "KABKOTA", 60_100, 200_000L, null), // 30,05%
                child("61.06", "Kabupaten Kapuas Hulu", "KABKOTA", 22_150, 100_000L, null), // 22,15%
                child("61.10", "Kabupaten Melawi", "KABKOTA", 9_876, null, null));
        List<SegmentFigure> segments = List.of(
                new SegmentFigure(CoverageSegment.FORMAL, figure(900_000, 1_400_000L, false, 5956, false)),
                new SegmentFigure(CoverageSegment.INFORMAL, figure(300_000, 1_900_000L, true, 5956, false)),
                new SegmentFigure(CoverageSegment.CONSTRUCTION, figure(34_567, 85_260L, false, 5956, false)));
        List<ChannelFigure> channels = List.of(
                new ChannelFigure(Channel.EMPLOYER, 600_000),
                new ChannelFigure(Channel.SELF, 400_000),
                new ChannelFigure(Channel.AGENT, 150_000),
                new ChannelFigure(Channel.KUR_BANK, 70_000),
                new ChannelFigure(Channel.GOV_SPONSOR, 14_567));
        List<TrendPoint> trend = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            YearMonth m = YearMonth.of(2025, 11).plusMonths(i);
            long active = 1_117_136 + i * 10_675L; // 33,00% in November 2025 up to 36,47%
            trend.add(new TrendPoint(
                    m,
                    active,
                    3_385_260L,
                    (int) Math.round(active * 10000.0 / 3_385_260L),
                    m.getYear() == 2025 ? 5500 : 5956));
        }
        Forecast forecast = new Forecast(10_675, 6, false, YearMonth.of(2033, 1), 2026, 5956, 390_000L, 0);
        return new CoverageDashboard(
                kalbar,
                YearMonth.of(2026, 10),
                YearMonth.of(2024, 1),
                YearMonth.of(2026, 10),
                total,
                segments,
                channels,
                children,
                trend,
                forecast,
                new KurFigure(12_000, 4_500),
                null);
    }

    private static List<Denominator> sources() {
        Instant at = Instant.parse("2026-01-10T02:00:00Z");
        return List.of(
                new Denominator(
                        "61",
                        "Kalimantan Barat",
                        2025,
                        CoverageSegment.FORMAL,
                        1_400_000,
                        false,
                        "BPS Sakernas Agustus 2025",
                        LocalDate.of(2025, 11, 5),
                        "analis.provinsi",
                        at),
                new Denominator(
                        "61.10",
                        "Kabupaten Melawi",
                        2025,
                        CoverageSegment.INFORMAL,
                        41_000,
                        true,
                        "Perkiraan menurut penduduk Dukcapil",
                        null,
                        "analis.provinsi",
                        at));
    }

    // ----------------------------------------------------------------------------------------------- workbook

    @Test
    void theWorkbookHasItsSheetsWithNumbersAsNumbersAndPercentagesAsPercent() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CoverageWorkbook.write(province(), sources(), GENERATED, TEXTS, out);

        try (ReadableWorkbook wb =
                new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()), new ReadingOptions(true, false))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets)
                    .extracting(Sheet::getName)
                    .containsExactly("Ringkasan", "Wilayah", "Segmen", "Kanal", "Tren", "KUR", "Sumber penyebut");

            Map<String, Row> summary = new HashMap<>();
            for (Row row : sheets.get(0).read()) {
                row.getOptionalCell(0)
                        .filter(c -> c.getType() == CellType.STRING)
                        .ifPresent(c -> summary.put(c.asString(), row));
            }
            assertThat(summary.get("Wilayah").getCellText(1)).isEqualTo("Kalimantan Barat");
            assertThat(summary.get("Kode wilayah").getCellText(1)).isEqualTo("61");
            assertThat(summary.get("Tingkat").getCellText(1)).isEqualTo("Provinsi");
            assertThat(summary.get("Bulan").getCellAsDate(1)).contains(LocalDateTime.of(2026, 10, 1, 0, 0));
            assertNumber(summary.get("Peserta aktif").getCell(1), "1234567", "#,##0");
            assertNumber(summary.get("Pekerja (penyebut)").getCell(1), "3385260", "#,##0");
            assertThat(summary.get("Tahun penyebut").getCellAsNumber(1)).contains(new BigDecimal("2025"));
            assertThat(summary.get("Penyebut perkiraan").getCellText(1)).isEqualTo("ya");
            assertNumber(summary.get("Cakupan").getCell(1), "0.3647", "0.00%");
            assertNumber(summary.get("Target").getCell(1), "0.5956", "0.00%");
            assertThat(summary.get("Tahun target").getCellAsNumber(1)).contains(new BigDecimal("2026"));
            assertThat(summary.get("Target dari wilayah induk").getCellText(1)).isEqualTo("tidak");
            assertNumber(summary.get("Kekurangan (pekerja)").getCell(1), "781694", "#,##0");
            assertNumber(summary.get("Laju bersih per bulan").getCell(1), "10675", "#,##0");
            assertThat(summary.get("Target tercapai pada").getCellAsDate(1))
                    .contains(LocalDateTime.of(2033, 1, 1, 0, 0));
            assertNumber(summary.get("Dibutuhkan per bulan").getCell(1), "390000", "#,##0");
            assertThat(summary.get("Perkiraan capaian target").getCellText(1))
                    .contains("10.675", "59,56%", "Januari 2033", "390.000");
            assertNumber(summary.get("Peminjam KUR").getCell(1), "12000", "#,##0");
            assertThat(summary.get("Dibuat").getCellAsDate(1)).contains(LocalDateTime.of(2026, 11, 26, 10, 15));

            List<Row> regions = sheets.get(1).read();
            assertThat(regions.get(0).getCellText(2)).isEqualTo("Wilayah");
            assertThat(regions.get(0).getCellText(7)).isEqualTo("Cakupan");
            assertThat(regions).hasSize(7); // header, five kab/kota, the province's total
            assertThat(regions.get(1).getCellAsNumber(0)).contains(BigDecimal.ONE);
            assertThat(regions.get(1).getCellText(1)).isEqualTo("61.71");
            assertThat(regions.get(1).getCellText(2)).isEqualTo("Kota Pontianak");
            assertNumber(regions.get(1).getCell(3), "198000", "#,##0");
            assertNumber(regions.get(1).getCell(7), "0.583", "0.00%");
            assertNumber(regions.get(1).getCell(8), "0.55", "0.00%");
            assertThat(regions.get(1).getCellText(10)).isEqualTo("tidak");
            assertThat(regions.get(2).getCellText(1)).isEqualTo("61.04");
            assertNumber(regions.get(2).getCell(7), "0.412", "0.00%");
            assertThat(regions.get(2).getCellText(10)).isEqualTo("ya");
            assertThat(regions.get(4).getCellAsNumber(0)).contains(new BigDecimal("4"));
            Row melawi = regions.get(5);
            assertThat(melawi.getCellText(2)).isEqualTo("Kabupaten Melawi");
            assertThat(melawi.getCellText(0)).isEmpty(); // no rank without a coverage
            assertThat(melawi.getCellText(7)).isEmpty();
            assertNumber(melawi.getCell(3), "9876", "#,##0");
            assertThat(regions.get(6).getCellText(1)).isEqualTo("61");
            assertNumber(regions.get(6).getCell(7), "0.3647", "0.00%");

            List<Row> segments = sheets.get(2).read();
            assertThat(segments.get(1).getCellText(0)).isEqualTo("Penerima upah (formal)");
            assertNumber(segments.get(1).getCell(1), "900000", "#,##0");
            assertNumber(segments.get(1).getCell(5), "0.6429", "0.00%");
            assertThat(segments.get(2).getCellText(4)).isEqualTo("ya");
            assertThat(segments.get(4).getCellText(0)).isEqualTo("Jumlah");

            List<Row> channels = sheets.get(3).read();
            assertThat(channels.get(1).getCellText(0)).isEqualTo("Pemberi kerja");
            assertNumber(channels.get(1).getCell(1), "600000", "#,##0");
            assertNumber(channels.get(1).getCell(2), "0.486", "0.00%"); // 600.000 of 1.234.567
            assertNumber(channels.get(6).getCell(1), "1234567", "#,##0");

            List<Row> trend = sheets.get(4).read();
            assertThat(trend).hasSize(13);
            assertThat(trend.get(1).getCellAsDate(0)).contains(LocalDateTime.of(2025, 11, 1, 0, 0));
            assertThat(trend.get(1).getCell(0).getDataFormatString()).isEqualTo("yyyy-mm");
            assertNumber(trend.get(1).getCell(3), "0.33", "0.00%");
            assertNumber(trend.get(1).getCell(4), "0.55", "0.00%");
            assertThat(trend.get(12).getCellAsDate(0)).contains(LocalDateTime.of(2026, 10, 1, 0, 0));
            assertNumber(trend.get(12).getCell(1), "1234561", "#,##0");
            assertNumber(trend.get(12).getCell(3), "0.3647", "0.00%");
            assertNumber(trend.get(12).getCell(4), "0.5956", "0.00%");

            List<Row> kur = sheets.get(5).read();
            assertNumber(kur.get(1).getCell(0), "12000", "#,##0");
            assertNumber(kur.get(1).getCell(1), "4500", "#,##0");
            assertNumber(kur.get(1).getCell(2), "7500", "#,##0");
            assertNumber(kur.get(1).getCell(3), "0.375", "0.00%");

            List<Row> sourceRows = sheets.get(6).read();
            assertThat(sourceRows.get(2).getCellText(0)).isEqualTo("61.10");
            assertThat(sourceRows.get(2).getCellText(5)).isEqualTo("ya");
            assertThat(sourceRows.get(1).getCellText(6)).isEqualTo("BPS Sakernas Agustus 2025");
        }
    }

    @Test
    void theEnglishWorkbookHasEnglishSheetsAndNoSourcesSheetWithoutSources() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CoverageWorkbook.write(
                province(), List.of(), GENERATED, new CoverageReportTexts(MESSAGES, Locale.ENGLISH), out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getSheets().map(Sheet::getName))
                    .containsExactly("Summary", "Regions", "Segments", "Channels", "Trend", "KUR");
            assertThat(wb.getSheets().toList().get(2).read().get(1).getCellText(0))
                    .isEqualTo("Wage earners (formal)");
        }
    }

    private static void assertNumber(Cell cell, String value, String format) {
        assertThat(cell.getType()).as("type of %s", cell.getAddress()).isEqualTo(CellType.NUMBER);
        assertThat(cell.asNumber()).as("value of %s", cell.getAddress()).isEqualByComparingTo(value);
        assertThat(cell.getDataFormatString())
                .as("format of %s", cell.getAddress())
                .isEqualTo(format);
    }

    // ------------------------------------------------------------------------------------------------- charts

    @Test
    void theMapFillsEachKabKotaByItsCoverageDarkerForMoreAndGreyWithoutAFigure() throws IOException {
        CoverageDashboard d = province();
        BufferedImage map = decode(CoverageChartImages.map(d, kalbarBoundaries, TEXTS));

        assertThat(map.getWidth()).isEqualTo(CoverageChartImages.MAP_WIDTH).isEqualTo(1000);
        assertThat(map.getHeight()).isEqualTo(CoverageChartImages.MAP_HEIGHT).isEqualTo(760);
        assertThat(distinctColours(map)).isGreaterThan(50);

        CoverageChartImages.MapScale scale = CoverageChartImages.mapScale(d);
        CoverageChartImages.MapFrame frame = CoverageChartImages.mapFrame(kalbarBoundaries, "61");
        Color ketapang = at(map, frame, 110.605, -1.633); // 41,20%
        Color sintang = at(map, frame, 112.054, 0.093); // 30,05%
        Color kapuasHulu = at(map, frame, 112.804, 0.826); // 22,15%
        assertThat(ketapang).isEqualTo(scale.colourOf(4120));
        assertThat(sintang).isEqualTo(scale.colourOf(3005));
        assertThat(kapuasHulu).isEqualTo(scale.colourOf(2215));
        assertThat(luminance(ketapang)).isLessThan(luminance(sintang));
        assertThat(luminance(sintang)).isLessThan(luminance(kapuasHulu));
        // no denominator (Melawi) and not among the figures at all (Sanggau): grey
        assertThat(at(map, frame, 111.725, -0.63)).isEqualTo(CoverageChartImages.NO_DATA);
        assertThat(at(map, frame, 110.431, 0.269)).isEqualTo(CoverageChartImages.NO_DATA);
        assertThat(kapuasHulu).isNotEqualTo(CoverageChartImages.NO_DATA);
        // outside the province: the white background
        assertThat(new Color(map.getRGB(5, 5))).isEqualTo(Color.WHITE);
    }

    @Test
    void theMapClassesFollowTheSpreadOfTheFiguresEvenWhenCoverageIsTiny() {
        CoverageDashboard p = province();
        List<ChildFigure> tiny = List.of(
                child("61.01", "Kabupaten Sambas", "KABKOTA", 64, 10_000L, null),
                child("61.02", "Kabupaten Mempawah", "KABKOTA", 55, 10_000L, null),
                child("61.03", "Kabupaten Sanggau", "KABKOTA", 43, 10_000L, null));
        CoverageDashboard d = new CoverageDashboard(
                p.region(),
                p.month(),
                p.firstMonth(),
                p.latestMonth(),
                p.total(),
                p.segments(),
                p.channels(),
                tiny,
                p.trend(),
                p.forecast(),
                p.kur(),
                null);

        CoverageChartImages.MapScale scale = CoverageChartImages.mapScale(d);
        assertThat(scale.low()).isEqualTo(40); // 0,40% to 0,65% in steps of 0,05%
        assertThat(scale.high()).isEqualTo(65);
        assertThat(List.of(scale.colourOf(43), scale.colourOf(55), scale.colourOf(64)))
                .doesNotHaveDuplicates();
        assertThat(luminance(scale.colourOf(64))).isLessThan(luminance(scale.colourOf(43)));
    }

    @Test
    void aKabKotaMapFillsThatKabKotaByItsTotalAndLeavesTheOthersGrey() throws IOException {
        CoverageDashboard p = province();
        ChildFigure ketapang = p.children().get(1);
        CoverageDashboard d = new CoverageDashboard(
                ketapang.region(),
                p.month(),
                p.firstMonth(),
                p.latestMonth(),
                ketapang.figure(),
                p.segments(),
                p.channels(),
                List.of(),
                p.trend(),
                p.forecast(),
                p.kur(),
                null);
        BufferedImage map = decode(CoverageChartImages.map(d, kalbarBoundaries, TEXTS));

        CoverageChartImages.MapFrame frame = CoverageChartImages.mapFrame(kalbarBoundaries, "61");
        Color fill = at(map, frame, 110.605, -1.633);
        assertThat(fill)
                .isEqualTo(CoverageChartImages.mapScale(d).colourOf(4120))
                .isNotEqualTo(CoverageChartImages.NO_DATA)
                .isNotEqualTo(Color.WHITE);
        assertThat(at(map, frame, 112.054, 0.093)).isEqualTo(CoverageChartImages.NO_DATA);
    }

    @Test
    void theRankingHasABarPerKabKotaAsLongAsItsCoverageAndTheTargetLine() throws IOException {
        CoverageDashboard d = province();
        BufferedImage ranking = decode(CoverageChartImages.ranking(d, TEXTS));

        assertThat(ranking.getWidth()).isEqualTo(1000);
        assertThat(ranking.getHeight()).isEqualTo(70 + 5 * 30 + 50).isEqualTo(CoverageChartImages.rankingHeight(5));
        assertThat(distinctColours(ranking)).isGreaterThan(20);

        int pontianak = barLength(ranking, 0);
        int ketapang = barLength(ranking, 1);
        int sintang = barLength(ranking, 2);
        int kapuasHulu = barLength(ranking, 3);
        assertThat(pontianak).isGreaterThan(ketapang);
        assertThat(ketapang).isGreaterThan(sintang);
        assertThat(sintang).isGreaterThan(kapuasHulu).isGreaterThan(50);
        // the scale runs from 0%: lengths are proportional to the coverage
        assertThat((double) pontianak / kapuasHulu).isCloseTo(5830.0 / 2215, org.assertj.core.data.Offset.offset(0.05));
        assertThat(barLength(ranking, 4)).isZero(); // Melawi: no figure, no bar
        // Kota Pontianak reached its own target (55,00%): the darker bar; Ketapang did not
        assertThat(new Color(ranking.getRGB(CoverageChartImages.RANKING_LEFT + 10, middle(0))))
                .isEqualTo(CoverageChartImages.BAR_REACHED);
        assertThat(new Color(ranking.getRGB(CoverageChartImages.RANKING_LEFT + 10, middle(1))))
                .isEqualTo(CoverageChartImages.BAR);
        // the province's target, 59,56%, is a red line right of the longest bar
        int redColumns = 0;
        for (int x = CoverageChartImages.RANKING_LEFT + pontianak + 1; x < CoverageChartImages.RANKING_RIGHT; x++) {
            for (int y = middle(2) - 12; y < middle(3) + 12; y++) {
                if (near(new Color(ranking.getRGB(x, y)), CoverageChartImages.TARGET, 60)) {
                    redColumns++;
                    break;
                }
            }
        }
        assertThat(redColumns).isBetween(1, 6);
    }

    private static int middle(int row) {
        return CoverageChartImages.RANKING_TOP
                + row * CoverageChartImages.RANKING_ROW
                + CoverageChartImages.RANKING_ROW / 2;
    }

    /** How far right of the bars' start the bar of a row is coloured. */
    private static int barLength(BufferedImage image, int row) {
        int y = middle(row);
        int last = 0;
        for (int x = CoverageChartImages.RANKING_LEFT; x < image.getWidth(); x++) {
            Color c = new Color(image.getRGB(x, y));
            if (c.equals(CoverageChartImages.BAR) || c.equals(CoverageChartImages.BAR_REACHED)) {
                last = x - CoverageChartImages.RANKING_LEFT + 1;
            }
        }
        return last;
    }

    @Test
    void theTrendRisesTowardsTheRightWithTheTargetAboveIt() throws IOException {
        CoverageDashboard d = province();
        BufferedImage trend = decode(CoverageChartImages.trend(d, TEXTS));

        assertThat(trend.getWidth()).isEqualTo(1000);
        assertThat(trend.getHeight()).isEqualTo(440);
        assertThat(distinctColours(trend)).isGreaterThan(20);

        int first = topmost(trend, (int) Math.round(CoverageChartImages.trendX(0, 12)), CoverageChartImages.LINE);
        int last = topmost(trend, (int) Math.round(CoverageChartImages.trendX(11, 12)), CoverageChartImages.LINE);
        assertThat(first).isPositive();
        assertThat(last).isPositive().isLessThan(first - 15); // 33,00% to 36,47%: higher up on the right
        int target = -1; // the target line is dashed: the first of 15 columns that meets a dash
        for (int x = (int) CoverageChartImages.trendX(10, 12);
                target < 0 && x < CoverageChartImages.trendX(10, 12) + 15;
                x++) {
            target = topmost(trend, x, CoverageChartImages.TARGET);
        }
        assertThat(target).isPositive().isLessThan(last - 100); // 59,56% well above 36,47%
    }

    /** The first row from the top of the plot where the column has (about) the colour; -1 if none. */
    private static int topmost(BufferedImage image, int x, Color colour) {
        for (int y = CoverageChartImages.TREND_TOP - 10; y <= CoverageChartImages.TREND_BOTTOM; y++) {
            if (near(new Color(image.getRGB(x, y)), colour, 40)) {
                return y;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------------------------------------------- PDF

    @Test
    void thePdfReportHasTheFiguresTablesSourcesAndThreeChartImages() throws Exception {
        CoverageReportPdf reports = new CoverageReportPdf(engine(), MESSAGES, new Formats());
        String xhtml = reports.xhtml(province(), kalbarBoundaries, sources(), GENERATED, INDONESIAN);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
        assertThat(xhtml)
                .doesNotContain("th:text", "th:if", "th:each", "xmlns:th", "th:block")
                .contains("src=\"data:image/png;base64,");

        byte[] bytes = reports.render(province(), kalbarBoundaries, sources(), GENERATED, INDONESIAN);
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isBetween(2, 6);
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("Laporan Cakupan Jaminan Sosial Ketenagakerjaan — Kalimantan Barat, Oktober 2026");
            String text = text(pdf);
            assertThat(text)
                    .contains(
                            "Laporan Cakupan Jaminan Sosial Ketenagakerjaan",
                            "Kalimantan Barat (61) — Oktober 2026",
                            "Dibuat 26 Nov 2026 10:15 WIB",
                            "Cakupan",
                            "36,47%",
                            "Target",
                            "59,56%",
                            "Tahun target 2026",
                            "Peserta aktif",
                            "1.234.567",
                            "Pekerja (penyebut): 3.385.260 (Perkiraan)",
                            "781.694",
                            "Tahun penyebut 2025",
                            "target 2026 (59,56%) tercapai pada Januari 2033",
                            "Kota Pontianak 61.71",
                            "198.000",
                            "339.623",
                            "58,30%",
                            "55,00%",
                            "Kabupaten Ketapang",
                            "41,20%",
                            "59,56%*",
                            "Kabupaten Melawi",
                            "9.876",
                            "Penerima upah (formal)",
                            "900.000",
                            "64,29%",
                            "Pemberi kerja",
                            "600.000",
                            "48,60%",
                            "Agen Perisai",
                            "Peminjam KUR",
                            "12.000",
                            "4.500",
                            "7.500",
                            "37,50%",
                            "Sumber penyebut",
                            "BPS Sakernas Agustus 2025",
                            "5 November 2025",
                            "Perkiraan menurut penduduk Dukcapil",
                            "Penyebut bertanda perkiraan",
                            "Target bertanda * diambil dari wilayah induk",
                            "Halaman 1 dari");
            assertThat(text).doesNotContain("#", "??", "coverage.report");
            // the three charts travel inside the document
            assertThat(images(pdf))
                    .hasSizeGreaterThanOrEqualTo(3)
                    .anySatisfy(size -> assertThat(size).isEqualTo("1000x760"))
                    .anySatisfy(size -> assertThat(size).isEqualTo("1000x270"))
                    .anySatisfy(size -> assertThat(size).isEqualTo("1000x440"));
        }
    }

    @Test
    void theEnglishPdfHasEnglishLabelsAndMonthsButIndonesianFigures() throws IOException {
        CoverageReportPdf reports = new CoverageReportPdf(engine(), MESSAGES, new Formats());
        byte[] bytes = reports.render(province(), null, List.of(), GENERATED, Locale.ENGLISH);
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = text(pdf);
            assertThat(text)
                    .contains(
                            "Employment Social Security Coverage Report",
                            "Kalimantan Barat (61) — October 2026",
                            "Coverage",
                            "36,47%",
                            "1.234.567",
                            "Wage earners (formal)",
                            "Employer",
                            "No denominator sources are available",
                            "No boundaries are available",
                            "Page 1 of");
            assertThat(text).doesNotContain("Oktober", "Cakupan", "Peserta aktif");
            assertThat(images(pdf)).hasSize(2).doesNotContain("1000x760"); // no map without boundaries
        }
    }

    @Test
    void aKecamatanWithoutDenominatorTargetOrHistoryStillGivesEveryExport() throws IOException {
        Figure none = new Figure(321, null, null, false, null, null, null, false, null, List.of(), 0, null);
        CoverageDashboard d = new CoverageDashboard(
                new RegionRef("61.04.01", "Kecamatan Matan Hilir Selatan", "KECAMATAN", "61.04"),
                YearMonth.of(2026, 10),
                YearMonth.of(2026, 10),
                YearMonth.of(2026, 10),
                none,
                List.of(new SegmentFigure(CoverageSegment.INFORMAL, none)),
                List.of(),
                List.of(),
                List.of(),
                new Forecast(0, 0, false, null, null, null, null, 0),
                new KurFigure(0, 0),
                null);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CoverageWorkbook.write(d, List.of(), GENERATED, TEXTS, out);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).hasSize(6);
            List<Row> regions = sheets.get(1).read();
            assertThat(regions).hasSize(2); // the header and the kecamatan's own total
            assertThat(regions.get(1).getCellText(7)).isEmpty();
            assertThat(sheets.get(5).read().get(1).getCellText(3)).isEmpty(); // no share of zero borrowers
        }

        BufferedImage map = decode(CoverageChartImages.map(d, kalbarBoundaries, TEXTS));
        CoverageChartImages.MapFrame frame = CoverageChartImages.mapFrame(kalbarBoundaries, "61");
        assertThat(at(map, frame, 110.605, -1.633)).isEqualTo(CoverageChartImages.NO_DATA);
        assertThat(decode(CoverageChartImages.trend(d, TEXTS)).getHeight()).isEqualTo(440);

        CoverageReportPdf reports = new CoverageReportPdf(engine(), MESSAGES, new Formats());
        try (PDDocument pdf = Loader.loadPDF(reports.render(d, kalbarBoundaries, List.of(), GENERATED, INDONESIAN))) {
            String text = text(pdf);
            assertThat(text)
                    .contains(
                            "Kecamatan Matan Hilir Selatan (61.04.01) — Oktober 2026",
                            "321",
                            "Tidak ada target untuk perkiraan",
                            "Sumber penyebut tidak tersedia");
            assertThat(text).doesNotContain("Peringkat wilayah", "null");
            assertThat(images(pdf)).containsExactlyInAnyOrder("1000x760", "1000x440"); // map and trend, no ranking
        }

        // a kab/kota whose kecamatan have no denominator: listed in the table, but no ranking of "no data" bars
        CoverageDashboard ketapang = new CoverageDashboard(
                new RegionRef("61.04", "Kabupaten Ketapang", "KABKOTA", "61"),
                d.month(),
                d.firstMonth(),
                d.latestMonth(),
                none,
                d.segments(),
                d.channels(),
                List.of(
                        child("61.04.01", "Kecamatan Matan Hilir Selatan", "KECAMATAN", 127, null, null),
                        child("61.04.07", "Kecamatan Sungai Laur", "KECAMATAN", 50, null, null)),
                d.trend(),
                d.forecast(),
                d.kur(),
                null);
        try (PDDocument pdf =
                Loader.loadPDF(reports.render(ketapang, kalbarBoundaries, List.of(), GENERATED, INDONESIAN))) {
            assertThat(text(pdf))
                    .contains("Kecamatan Peringkat", "Kecamatan Sungai Laur 61.04.07", "127")
                    .doesNotContain("Peringkat wilayah");
            assertThat(images(pdf)).containsExactlyInAnyOrder("1000x760", "1000x440");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        return image;
    }

    private static Color at(BufferedImage image, CoverageChartImages.MapFrame frame, double lon, double lat) {
        Point2D p = frame.pixel(lon, lat);
        return new Color(image.getRGB((int) Math.round(p.getX()), (int) Math.round(p.getY())));
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }

    private static double luminance(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
    }

    private static boolean near(Color a, Color b, int tolerance) {
        return Math.abs(a.getRed() - b.getRed())
                        + Math.abs(a.getGreen() - b.getGreen())
                        + Math.abs(a.getBlue() - b.getBlue())
                <= tolerance;
    }

    private static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }

    /** Width x height of every image drawn on the pages. */
    private static List<String> images(PDDocument pdf) throws IOException {
        List<String> sizes = new ArrayList<>();
        for (PDPage page : pdf.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
                    sizes.add(image.getWidth() + "x" + image.getHeight());
                }
            }
        }
        return sizes;
    }
}
