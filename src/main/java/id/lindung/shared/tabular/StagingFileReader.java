package id.lindung.shared.tabular;

import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import id.lindung.shared.Sha256;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.lang.Contract;

/**
 * An uploaded table (CSV or XLSX) read as a stream into a staging table with one PostgreSQL COPY: memory stays flat
 * whatever the file size. What every such reader does the same way is here: the file's SHA-256 on the way, the
 * columns found by header name, blank rows skipped, each row checked by the reader and written with its problems in
 * COPY text, the whole file refused for what no row can fix ({@link FileProblem}: empty, columns missing, not UTF-8,
 * a quote never closed, an unreadable workbook, no rows). A reader (KUR, contribution history) says its columns and
 * checks one row.
 *
 * <p>The staging table's columns are {@code line_no, ok}, the reader's values, then {@code err_field, err_code,
 * err_args}: a good row has its values and three NULLs, a refused row one line per problem with NULL values.
 */
public abstract class StagingFileReader {

    private static final Logger log = LoggerFactory.getLogger(StagingFileReader.class);

    /** A problem of the whole file: nothing of it is imported. */
    public static final class FileProblem extends Exception {
        public final FieldIssue issue;

        public FileProblem(FieldIssue issue) {
            super(issue.code());
            this.issue = issue;
        }
    }

    /** What was read: data rows, rows with problems, the file's SHA-256. */
    public record Outcome(int rows, int rowsWithProblems, String sha256) {}

    /**
     * A reader's shape.
     *
     * @param codes the prefix of its problem codes, e.g. {@code kur} ({@code kur.file.empty},
     *     {@code kur.field.too-long}, ...)
     * @param columns the columns by header name, in the order the reader's check indexes them
     * @param optional the columns a file may leave out
     * @param stagingColumns the staging table's columns as COPY names them
     */
    public record Layout(
            String codes,
            List<String> columns,
            Set<String> optional,
            String stagingColumns,
            int maxFieldLength,
            int maxFields) {}

    private final Layout layout;
    /** NULL values of a refused row: the staging columns but line, ok and the three of the problem. */
    private final int valueColumns;

    protected StagingFileReader(Layout layout) {
        this.layout = layout;
        this.valueColumns = layout.stagingColumns().split(",").length - 5;
    }

    /**
     * Reads the file into {@code stagingTable} with {@code copy}.
     *
     * @throws FileProblem when the file as a whole is refused; the COPY is cancelled
     */
    public final Outcome copy(
            InputStream content, boolean xlsx, XlsxLimits limits, CopyManager copy, String stagingTable)
            throws IOException, SQLException, FileProblem {
        Sha256.Reading digest = Sha256.reading(new BufferedInputStream(content, 1 << 16));
        CopyIn in = copy.copyIn("COPY " + stagingTable + " (" + layout.stagingColumns() + ") FROM STDIN");
        boolean done = false;
        try (RowSource source = TabularFile.open(digest, xlsx, layout.maxFieldLength(), layout.maxFields(), limits)) {
            RowSource.Row header = source.next();
            if (header == null || TabularFile.blank(header.cells())) {
                throw problem("empty");
            }
            TabularFile.Header found = TabularFile.header(header, layout.columns(), layout.optional());
            List<String> missing = missing(found);
            if (!missing.isEmpty()) {
                throw new FileProblem(FieldIssue.error(
                        "file",
                        columnsMissingCode(xlsx),
                        String.join(", ", missing),
                        String.join(";", layout.columns())));
            }
            int rows = 0;
            int problems = 0;
            CopyText out = new CopyText();
            RowSource.Row row;
            while ((row = source.next()) != null) {
                if (row.tooLong().isEmpty() && TabularFile.blank(row.cells())) {
                    continue;
                }
                if (row.cells().stream().anyMatch(c -> c.indexOf('\u0000') >= 0)) {
                    // no text file has NUL characters (UTF-16, a binary file): PostgreSQL text cannot hold them
                    throw problem("encoding");
                }
                rows++;
                if (!check(row, found.index(), out)) {
                    problems++;
                }
                out.sendWhenFull(in);
            }
            if (rows == 0) {
                throw problem("no-rows");
            }
            out.sendTo(in);
            in.endCopy();
            done = true;
            return new Outcome(rows, problems, digest.hexOfAll());
        } catch (XlsxRefusedException e) {
            throw new FileProblem(FieldIssue.error("file", e.code(), e.args()));
        } catch (CsvTokenizer.UnterminatedQuoteException e) {
            throw problem("quote", e.line);
        } catch (CharacterCodingException e) {
            throw problem("encoding");
        } catch (IOException | RuntimeException e) {
            if (xlsx) {
                // the reader's own words stay in the log: a user learns only that the workbook cannot be read
                log.info("XLSX upload unreadable: {}", e.toString());
                throw problem("xlsx");
            }
            throw e;
        } finally {
            if (!done && in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    /**
     * Checks one row; appends it (good: {@code line_no}, {@code t}, its values, three NULLs) or its problems
     * ({@link #problems}) to {@code out}.
     *
     * @param index where each of the layout's columns is in the row (-1: absent)
     * @return whether the row is good
     */
    protected abstract boolean check(RowSource.Row row, int[] index, CopyText out);

    /** The required columns the header lacks (by default those not in the layout's optional ones). */
    protected List<String> missing(TabularFile.Header found) {
        return found.missing();
    }

    /** The code of the file problem "columns missing". */
    protected String columnsMissingCode(boolean xlsx) {
        return layout.codes() + ".file.columns-missing";
    }

    /**
     * Appends a refused row, one line per problem: the line number, {@code f}, NULL values, then the problem's field,
     * code and arguments ({@code |}-separated, at most 300 characters).
     */
    protected final void problems(CopyText out, int line, List<FieldIssue> issues) {
        for (FieldIssue issue : issues) {
            out.number(line).bool(false).nul(valueColumns).text(issue.field()).text(issue.code());
            StringBuilder args = new StringBuilder();
            for (Object a : issue.args()) {
                if (!args.isEmpty()) {
                    args.append('|');
                }
                args.append(String.valueOf(a).replace("|", "/"));
            }
            out.text(args.length() > 300 ? args.substring(0, 300) : args).end();
        }
    }

    private FileProblem problem(String code, Object... args) {
        return new FileProblem(FieldIssue.error("file", layout.codes() + ".file." + code, args));
    }

    /**
     * The row's cells in the layout's column order, trimmed: {@code null} for a column the file lacks or a cell too
     * long to keep (that one reported in {@code issues}, as a row with too many cells is).
     */
    protected final @Nullable String[] cells(RowSource.Row row, int[] index, List<FieldIssue> issues) {
        List<String> columns = layout.columns();
        String[] v = new String[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            int i = index[c];
            if (i < 0) {
                continue;
            }
            if (!row.tooLong().isEmpty() && row.tooLong().contains(i)) {
                issues.add(
                        FieldIssue.error(columns.get(c), layout.codes() + ".field.too-long", layout.maxFieldLength()));
                continue;
            }
            v[c] = i < row.cells().size() ? row.cells().get(i).trim() : "";
        }
        if (row.tooManyCells()) {
            issues.add(FieldIssue.error("row", layout.codes() + ".row.too-many-fields", layout.maxFields()));
        }
        return v;
    }

    /** Whether a cell has a value; an empty one is reported as required, a null one (too long) was already. */
    @Contract("null, _, _ -> false") // tells NullAway that true means a value
    protected static boolean required(@Nullable String value, String field, List<FieldIssue> issues) {
        if (value == null) {
            return false;
        }
        if (value.isEmpty()) {
            issues.add(FieldIssue.error(field, "field.required"));
            return false;
        }
        return true;
    }

    /** What runs with the COPY API of the current transaction's connection. */
    public interface CopyWork<T> {
        T run(CopyManager copy) throws IOException, SQLException, FileProblem;
    }

    /**
     * Runs {@code work} on the connection of the caller's transaction: a {@link FileProblem} becomes an
     * {@link InvalidInputException} naming it, SQL and I/O failures unchecked exceptions.
     */
    public static <T> T copying(DataSource dataSource, CopyWork<T> work) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return work.run(connection.unwrap(PGConnection.class).getCopyAPI());
        } catch (FileProblem e) {
            throw new InvalidInputException(e.issue);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
