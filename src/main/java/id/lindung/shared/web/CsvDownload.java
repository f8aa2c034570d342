package id.lindung.shared.web;

import id.lindung.shared.tabular.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A page's CSV download: the response's type and file name, then {@link CsvWriter#excel} on its body. */
public final class CsvDownload {

    private CsvDownload() {}

    /** Starts the download of {@code fileName} (plain ASCII, no quotes) and gives the writer of its rows. */
    public static CsvWriter start(HttpServletResponse response, String fileName) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        return CsvWriter.excel(response.getOutputStream());
    }
}
