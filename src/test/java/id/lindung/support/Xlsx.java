package id.lindung.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Writes small XLSX files for import tests: a header row, then rows of strings, numbers and dates. */
public final class Xlsx {

    private Xlsx() {}

    /** One sheet: the header's ';'-separated names, then the rows (a number stays a number cell, a date a date). */
    public static byte[] sheet(String sheetName, String header, Object[]... rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Lindung", "1.0")) {
            Worksheet ws = wb.newWorksheet(sheetName);
            String[] names = header.split(";");
            for (int c = 0; c < names.length; c++) {
                ws.value(0, c, names[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        ws.value(r + 1, c, d);
                        ws.style(r + 1, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Number n) {
                        ws.value(r + 1, c, n);
                    } else {
                        ws.value(r + 1, c, (String) v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
