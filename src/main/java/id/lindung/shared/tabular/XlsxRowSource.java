package id.lindung.shared.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.jspecify.annotations.Nullable;

/**
 * The first sheet of an XLSX file, streamed row by row (fastexcel-reader). Numbers come as plain digits; the
 * caller learns which cells were numbers ({@link Row#numericCells()}): dates typed as Excel dates arrive as day
 * serials, and a NIK typed as a number has lost its last digits (Excel keeps 15).
 */
public final class XlsxRowSource implements RowSource {

    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private final Path file;
    private @Nullable ReadableWorkbook workbook;
    private final Stream<org.dhatim.fastexcel.reader.Row> rows;
    private final Iterator<org.dhatim.fastexcel.reader.Row> iterator;
    private final int maxFieldLength;
    private final int maxFields;

    /** A workbook within the {@linkplain XlsxLimits#DEFAULTS default limits}. */
    public XlsxRowSource(InputStream in, int maxFieldLength, int maxFields) throws IOException {
        this(in, maxFieldLength, maxFields, XlsxLimits.DEFAULTS);
    }

    /**
     * Reads the upload to its end into a private temporary file and checks it against the limits before parsing
     * anything ({@link XlsxRefusedException}, see {@link XlsxInspection}); the file is deleted on {@link #close()}.
     */
    public XlsxRowSource(InputStream in, int maxFieldLength, int maxFields, XlsxLimits limits) throws IOException {
        this.file = XlsxInspection.receive(in, limits);
        try {
            XlsxInspection.inspect(file, limits);
            this.workbook = new ReadableWorkbook(file.toFile());
            Sheet sheet = workbook.getFirstSheet();
            this.rows = sheet.openStream();
        } catch (IOException | RuntimeException e) {
            if (workbook != null) {
                workbook.close();
            }
            Files.deleteIfExists(file);
            throw e;
        }
        this.iterator = rows.iterator();
        this.maxFieldLength = maxFieldLength;
        this.maxFields = maxFields;
    }

    /** An Excel day serial as a date (the 1900 date system). */
    public static LocalDate excelDate(BigDecimal serial) {
        return EXCEL_EPOCH.plusDays(serial.longValue());
    }

    @Override
    public @Nullable Row next() throws IOException {
        if (!iterator.hasNext()) {
            return null;
        }
        org.dhatim.fastexcel.reader.Row r = iterator.next();
        List<String> cells = new ArrayList<>();
        List<Integer> tooLong = new ArrayList<>();
        List<Integer> numeric = new ArrayList<>();
        int count = r.getCellCount();
        for (int i = 0; i < Math.min(count, maxFields); i++) {
            Cell cell = r.getCell(i);
            String text;
            if (cell == null || cell.getType() == CellType.EMPTY) {
                text = "";
            } else if (cell.getType() == CellType.NUMBER) {
                numeric.add(i);
                text = cell.asNumber().stripTrailingZeros().toPlainString();
            } else {
                text = cell.getText() == null ? "" : cell.getText();
            }
            if (text.length() > maxFieldLength) {
                tooLong.add(i);
                text = "";
            }
            cells.add(text);
        }
        return new Row(r.getRowNum(), cells, tooLong, count > maxFields, numeric);
    }

    @Override
    public void close() throws IOException {
        try {
            rows.close();
            if (workbook != null) {
                workbook.close();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
