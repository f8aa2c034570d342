package id.lindung.paritrana.report;

import id.lindung.paritrana.Cycle;
import id.lindung.paritrana.Ranking;
import id.lindung.paritrana.Ranking.Line;
import id.lindung.paritrana.Ranking.Row;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The ranking of a cycle as an XLSX workbook: Peringkat (one row per entrant: rank, name, region, NPP, total and the
 * contribution of each indicator), Rincian (one row per entrant and indicator: raw value, best value, jurors, score,
 * weight, contribution) and Bobot (indicators, weights, whether unconfirmed, note). Sheet names and headers are in
 * the reader's language; figures are numbers (scores {@code 0.00}, contributions and totals {@code 0.0000}); a
 * value without data is an empty cell.
 */
public final class RankingWorkbook {

    private static final ZoneId WIB = ZoneId.of("Asia/Pontianak");
    private static final String SCORE = "0.00";
    private static final String EXACT = "0.0000";

    private RankingWorkbook() {}

    /** Writes the workbook to {@code out} (not closed). */
    public static void write(Ranking ranking, Instant generatedAt, ParitranaTexts t, OutputStream out)
            throws IOException {
        Workbook wb = new Workbook(out, "Lindung", "1.0");
        ranking(wb.newWorksheet(t.label("export.sheet.ranking")), ranking, generatedAt, t);
        breakdown(wb.newWorksheet(t.label("export.sheet.breakdown")), ranking, t);
        weights(wb.newWorksheet(t.label("export.sheet.weights")), ranking.cycle(), t);
        wb.finish();
    }

    private static void ranking(Worksheet s, Ranking ranking, Instant generatedAt, ParitranaTexts t) {
        Cycle c = ranking.cycle();
        s.value(0, 0, t.label("export.title", Integer.toString(c.year()), t.category(c.category())));
        s.style(0, 0).bold().set();
        s.value(1, 0, t.label("page.evaluation", Integer.toString(c.evaluationYear())));
        s.value(
                2,
                0,
                t.label(
                        "export.generated",
                        generatedAt.atZone(WIB).toLocalDateTime().toString()));
        int r = 4;
        String[] heads = {"rank", "entrant", "regionCode", "employerRef", "total"};
        for (int i = 0; i < heads.length; i++) {
            s.value(r, i, t.label("page.field." + heads[i]));
        }
        int col = heads.length;
        for (Cycle.Weight w : c.indicators()) {
            s.value(r, col++, t.indicator(w.code()));
        }
        s.range(r, 0, r, col - 1).style().bold().wrapText(true).set();
        s.width(1, 34);
        for (Row row : ranking.rows()) {
            r++;
            s.value(r, 0, row.rank());
            s.value(r, 1, row.entrant().name());
            s.value(r, 2, row.entrant().regionCode());
            s.value(
                    r,
                    3,
                    row.entrant().employerRef() == null ? "" : row.entrant().employerRef());
            s.value(r, 4, row.total());
            s.style(r, 4).format(EXACT).set();
            col = 5;
            for (Line line : row.lines()) {
                s.value(r, col, line.contribution());
                s.style(r, col++).format(EXACT).set();
            }
        }
    }

    private static void breakdown(Worksheet s, Ranking ranking, ParitranaTexts t) {
        header(s, t, "rank", "entrant", "indicator", "raw", "best", "juror", "score", "weight", "contribution");
        s.width(1, 34);
        s.width(2, 40);
        int r = 0;
        for (Row row : ranking.rows()) {
            for (Line line : row.lines()) {
                r++;
                s.value(r, 0, row.rank());
                s.value(r, 1, row.entrant().name());
                s.value(r, 2, t.indicator(line.code()));
                if (line.raw() != null) {
                    s.value(r, 3, line.raw());
                }
                if (line.best() != null) {
                    s.value(r, 4, line.best());
                }
                s.value(r, 5, line.jurors());
                s.value(r, 6, line.score());
                s.style(r, 6).format(SCORE).set();
                s.value(r, 7, line.weight());
                s.value(r, 8, line.contribution());
                s.style(r, 8).format(EXACT).set();
            }
        }
    }

    /** A bold first row of {@code page.field.*} labels. */
    private static void header(Worksheet s, ParitranaTexts t, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            s.value(0, i, t.label("page.field." + fields[i]));
        }
        s.range(0, 0, 0, fields.length - 1).style().bold().set();
    }

    private static void weights(Worksheet s, Cycle c, ParitranaTexts t) {
        header(s, t, "indicator", "source", "weight", "note");
        s.width(0, 40);
        s.width(3, 80);
        int r = 0;
        for (Cycle.Weight w : c.indicators()) {
            r++;
            s.value(r, 0, t.indicator(w.code()));
            s.value(r, 1, t.source(w.source()));
            s.value(r, 2, w.weight());
            s.value(r, 3, w.note());
            if (w.weightUnconfirmed()) {
                s.value(r, 4, t.label("export.unconfirmed"));
            }
        }
    }
}
