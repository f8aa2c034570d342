package id.lindung.shared.tabular;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.jspecify.annotations.Nullable;

public final class CsvRowSource implements RowSource {

    private final Reader reader;
    private final CsvTokenizer tokenizer;

    public CsvRowSource(Reader reader, char separator, int maxFieldLength, int maxFields) {
        this.reader = reader;
        this.tokenizer = new CsvTokenizer(reader, separator, maxFieldLength, maxFields);
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
