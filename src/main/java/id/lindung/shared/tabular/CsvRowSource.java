package id.lindung.shared.tabular;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A CSV text's rows through {@link CsvTokenizer}, the one CSV reader of Lindung. */
public final class CsvRowSource implements RowSource {

    private final Reader reader;
    private final CsvTokenizer tokenizer;
    private final char separator;

    public CsvRowSource(Reader reader, char separator, int maxFieldLength, int maxFields) {
        this.reader = reader;
        this.separator = separator;
        this.tokenizer = new CsvTokenizer(reader, separator, maxFieldLength, maxFields);
    }

    /** The character between fields. */
    public char separator() {
        return separator;
    }

    @Override
    public @Nullable Row next() throws IOException {
        CsvTokenizer.Row r = tokenizer.next();
        return r == null ? null : new Row(r.line(), r.fields(), r.tooLong(), r.tooManyFields(), List.of());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
