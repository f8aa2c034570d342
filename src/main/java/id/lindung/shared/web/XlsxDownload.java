package id.lindung.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A page's XLSX download, like {@link CsvDownload}: the response's type and file name, then a workbook on its body;
 * and the header row its sheets start with.
 */
public final class XlsxDownload {

    /** The media type of an XLSX workbook. */
    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private XlsxDownload() {}

    /** Starts the download of {@code fileName} (plain ASCII, no quotes) and gives the workbook written to its body. */
    public static Workbook start(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType(CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return new Workbook(response.getOutputStream(), "Lindung", "1.0");
    }

    /** A bold header row of {@code names}, each column at least 12 characters wide, frozen above the data. */
    public static void header(Worksheet sheet, String... names) {
        for (int c = 0; c < names.length; c++) {
            sheet.value(0, c, names[c]);
            sheet.style(0, c).bold().set();
            sheet.width(c, Math.max(12, names[c].length() + 2));
        }
        sheet.freezePane(0, 1);
    }
}
