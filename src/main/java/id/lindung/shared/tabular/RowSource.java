package id.lindung.shared.tabular;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Rows of an uploaded file as text cells, CSV or XLSX alike. */
public interface RowSource extends Closeable {

    /** One row: its line (or sheet row) number, the cells, the indexes of cells too long to keep, and notes. */
    record Row(int line, List<String> cells, List<Integer> tooLong, boolean tooManyCells, List<Integer> numericCells) {}

    /** The next row, null at the end. */
    @Nullable
    Row next() throws IOException;
}
