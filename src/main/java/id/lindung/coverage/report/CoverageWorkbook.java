package id.lindung.coverage.report;

import id.lindung.coverage.CoverageDashboard;
import id.lindung.coverage.CoverageDashboard.ChannelFigure;
import id.lindung.coverage.CoverageDashboard.ChildFigure;
import id.lindung.coverage.CoverageDashboard.Figure;
import id.lindung.coverage.CoverageDashboard.Forecast;
import id.lindung.coverage.CoverageDashboard.SegmentFigure;
import id.lindung.coverage.CoverageDashboard.TrendPoint;
import id.lindung.coverage.CoverageDenominators.Denominator;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

/**
 * The coverage dashboard as an XLSX workbook: sheets Ringkasan (summary: region, month, headline figures, forecast),
 * Wilayah (the regions one level down, ranked, with the region's own total last), Segmen, Kanal, Tren, KUR and, when
 * known, Sumber penyebut (the denominator rows with their source). Sheet names and headers are in the reader's
 * language. Counts are numbers ({@code #,##0}), percentages are fractions with a percent format ({@code 0.00%}: 3647
 * basis points are stored as 0.3647), months are dates shown {@code yyyy-mm}; a missing figure is an empty cell.
 */
public final class CoverageWorkbook {

    static final ZoneId WIB = ZoneId.of("Asia/Pontianak");
    private static final String COUNT = "#,##0";
    private static final String PERCENT = "0.00%";
    private static final String MONTH = "yyyy-mm";

    private CoverageWorkbook() {}

    /** Writes the workbook of {@code d} to {@code out} (not closed). */
    public static void write(
            CoverageDashboard d,
            List<Denominator> sources,
            Instant generatedAt,
            CoverageReportTexts t,
            OutputStream out)
            throws IOException {
        Workbook wb = new Workbook(out, "Lindung", "1.0");
        summary(wb.newWorksheet(t.label("sheet.summary")), d, generatedAt, t);
        regions(wb.newWorksheet(t.label("sheet.regions")), d, t);
        segments(wb.newWorksheet(t.label("sheet.segments")), d, t);
        channels(wb.newWorksheet(t.label("sheet.channels")), d, t);
        trend(wb.newWorksheet(t.label("sheet.trend")), d, t);
        kur(wb.newWorksheet(t.label("sheet.kur")), d, t);
        if (!sources.isEmpty()) {
            sources(wb.newWorksheet(t.label("sheet.sources")), sources, t);
        }
        wb.finish();
    }

    private static void summary(Worksheet s, CoverageDashboard d, Instant generatedAt, CoverageReportTexts t) {
        s.value(0, 0, t.label("title"));
        s.style(0, 0).bold().set();
        s.width(0, 34);
        s.width(1, 22);
        Summary rows = new Summary(s, t, 2);
        Figure f = d.total();
        rows.text("region", d.region().name());
        rows.text("regionCode", d.region().code());
        rows.text("level", t.level(d.region().level()));
        rows.month("month", d.month());
        rows.text("dataMonths", d.firstMonth() + " – " + d.latestMonth());
        rows.count("active", f.active());
        rows.count("denominator", f.denominator());
        rows.whole("denominatorYear", f.denominatorYear());
        rows.text("denominatorEstimated", t.yesNo(f.denominatorEstimated()));
        rows.percent("coverage", f.coverage());
        rows.percent("target", f.target());
        rows.whole("targetYear", f.targetYear());
        rows.text("targetInherited", t.yesNo(f.targetInherited()));
        rows.count("gap", f.gap());
        rows.skip();
        Forecast fc = d.forecast();
        rows.count("pace", fc.pacePerMonth());
        rows.whole("paceMonths", fc.paceMonths());
        rows.text("targetReached", t.yesNo(fc.reached()));
        rows.month("reachedMonth", fc.reachedMonth());
        rows.whole("forecastYear", fc.targetYear());
        rows.percent("forecastTarget", fc.targetOfYear());
        rows.count("neededPerMonth", fc.neededPerMonth());
        rows.text("forecast", t.forecast(fc));
        rows.skip();
        rows.count("borrowers", d.kur().borrowers());
        rows.count("protectedNow", d.kur().protectedNow());
        rows.skip();
        int r = rows.label("generated");
        s.value(r, 1, generatedAt.atZone(WIB).toLocalDateTime());
        s.style(r, 1).format("yyyy-mm-dd hh:mm").set();
    }

    /** Label-and-value lines of the summary sheet, one after the other. */
    private static final class Summary {
        private final Worksheet s;
        private final CoverageReportTexts t;
        private int row;

        Summary(Worksheet s, CoverageReportTexts t, int firstRow) {
            this.s = s;
            this.t = t;
            this.row = firstRow;
        }

        int label(String field) {
            s.value(row, 0, t.label("field." + field));
            return row++;
        }

        void skip() {
            row++;
        }

        void text(String field, String value) {
            s.value(label(field), 1, value);
        }

        void count(String field, @Nullable Long value) {
            countCell(s, label(field), 1, value);
        }

        void whole(String field, @Nullable Integer value) {
            int r = label(field);
            if (value != null) {
                s.value(r, 1, value);
            }
        }

        void percent(String field, @Nullable Integer basisPoints) {
            percentCell(s, label(field), 1, basisPoints);
        }

        void month(String field, @Nullable YearMonth month) {
            monthCell(s, label(field), 1, month);
        }
    }

    private static void regions(Worksheet s, CoverageDashboard d, CoverageReportTexts t) {
        header(
                s,
                t,
                "rank",
                "regionCode",
                "region",
                "active",
                "denominator",
                "denominatorYear",
                "estimated",
                "coverage",
                "target",
                "targetYear",
                "targetInherited",
                "gap");
        s.width(2, 30);
        int r = 1;
        int rank = 0;
        for (ChildFigure c : d.children()) {
            if (c.figure().coverage() != null) {
                s.value(r, 0, ++rank);
            }
            s.value(r, 1, c.region().code());
            s.value(r, 2, c.region().name());
            figure(s, r, 3, c.figure(), t);
            r++;
        }
        s.value(r, 1, d.region().code());
        s.value(r, 2, t.label("field.total") + ": " + d.region().name());
        figure(s, r, 3, d.total(), t);
        s.style(r, 2).bold().set();
    }

    private static void segments(Worksheet s, CoverageDashboard d, CoverageReportTexts t) {
        header(
                s,
                t,
                "segment",
                "active",
                "denominator",
                "denominatorYear",
                "estimated",
                "coverage",
                "target",
                "targetYear",
                "targetInherited",
                "gap");
        s.width(0, 32);
        int r = 1;
        for (SegmentFigure sf : d.segments()) {
            s.value(r, 0, t.segment(sf.segment()));
            figure(s, r, 1, sf.figure(), t);
            r++;
        }
        s.value(r, 0, t.label("field.total"));
        s.style(r, 0).bold().set();
        figure(s, r, 1, d.total(), t);
    }

    /** A figure's ten columns from {@code col}: active, denominator, its year, estimate, coverage, target, ... */
    private static void figure(Worksheet s, int r, int col, Figure f, CoverageReportTexts t) {
        countCell(s, r, col, f.active());
        countCell(s, r, col + 1, f.denominator());
        if (f.denominatorYear() != null) {
            s.value(r, col + 2, f.denominatorYear());
        }
        s.value(r, col + 3, f.denominator() == null ? "" : t.yesNo(f.denominatorEstimated()));
        percentCell(s, r, col + 4, f.coverage());
        percentCell(s, r, col + 5, f.target());
        if (f.targetYear() != null) {
            s.value(r, col + 6, f.targetYear());
        }
        s.value(r, col + 7, f.target() == null ? "" : t.yesNo(f.targetInherited()));
        countCell(s, r, col + 8, f.gap());
    }

    private static void channels(Worksheet s, CoverageDashboard d, CoverageReportTexts t) {
        header(s, t, "channel", "active", "share");
        s.width(0, 28);
        long all = d.channels().stream().mapToLong(ChannelFigure::active).sum();
        int r = 1;
        for (ChannelFigure c : d.channels()) {
            s.value(r, 0, t.channel(c.channel()));
            countCell(s, r, 1, c.active());
            percentCell(s, r, 2, CoverageReportTexts.basisPoints(c.active(), all));
            r++;
        }
        s.value(r, 0, t.label("field.total"));
        s.style(r, 0).bold().set();
        countCell(s, r, 1, all);
    }

    private static void trend(Worksheet s, CoverageDashboard d, CoverageReportTexts t) {
        header(s, t, "month", "active", "denominator", "coverage", "target");
        int r = 1;
        for (TrendPoint p : d.trend()) {
            monthCell(s, r, 0, p.month());
            countCell(s, r, 1, p.active());
            countCell(s, r, 2, p.denominator());
            percentCell(s, r, 3, p.coverage());
            percentCell(s, r, 4, p.target());
            r++;
        }
    }

    private static void kur(Worksheet s, CoverageDashboard d, CoverageReportTexts t) {
        header(s, t, "borrowers", "protectedNow", "unprotected", "share");
        long borrowers = d.kur().borrowers();
        long protectedNow = d.kur().protectedNow();
        countCell(s, 1, 0, borrowers);
        countCell(s, 1, 1, protectedNow);
        countCell(s, 1, 2, borrowers - protectedNow);
        percentCell(s, 1, 3, CoverageReportTexts.basisPoints(protectedNow, borrowers));
    }

    private static void sources(Worksheet s, List<Denominator> sources, CoverageReportTexts t) {
        header(
                s,
                t,
                "regionCode",
                "region",
                "denominatorYear",
                "segment",
                "workers",
                "estimated",
                "source",
                "sourceDate");
        s.width(1, 28);
        s.width(3, 30);
        s.width(6, 40);
        int r = 1;
        for (Denominator n : sources) {
            s.value(r, 0, n.regionCode());
            s.value(r, 1, n.regionName());
            s.value(r, 2, n.year());
            s.value(r, 3, t.segment(n.segment()));
            countCell(s, r, 4, n.workers());
            s.value(r, 5, t.yesNo(n.estimated()));
            s.value(r, 6, n.source());
            if (n.sourceDate() != null) {
                s.value(r, 7, n.sourceDate());
                s.style(r, 7).format("yyyy-mm-dd").set();
            }
            r++;
        }
    }

    /** Bold header row of {@code coverage.report.field.*} labels, frozen above the data. */
    private static void header(Worksheet s, CoverageReportTexts t, String... fields) {
        for (int c = 0; c < fields.length; c++) {
            String label = t.label("field." + fields[c]);
            s.value(0, c, label);
            s.style(0, c).bold().wrapText(true).set();
            s.width(c, Math.min(40, Math.max(12, label.length() + 2)));
        }
        s.freezePane(0, 1);
    }

    private static void countCell(Worksheet s, int r, int c, @Nullable Long value) {
        if (value != null) {
            s.value(r, c, value);
            s.style(r, c).format(COUNT).set();
        }
    }

    private static void percentCell(Worksheet s, int r, int c, @Nullable Integer basisPoints) {
        if (basisPoints != null) {
            s.value(r, c, BigDecimal.valueOf(basisPoints, 4));
            s.style(r, c).format(PERCENT).set();
        }
    }

    private static void monthCell(Worksheet s, int r, int c, @Nullable YearMonth month) {
        if (month != null) {
            s.value(r, c, month.atDay(1));
            s.style(r, c).format(MONTH).set();
        }
    }
}
