package id.lindung.shared.tabular;

import id.lindung.shared.FieldIssue;
import java.util.Map;

/**
 * How a file's header names the values a service checks under its own field names ({@code fullName} is the column
 * {@code name}): a refusal of a row's value names the column as the file's header does, {@code rows[3].name}, which
 * the upload pages show as line 3, column {@code name}. A field without a column of its own keeps its name.
 */
public record FileColumns(Map<String, String> byField) {

    public FileColumns {
        byField = Map.copyOf(byField);
    }

    /** The header's name of a field. */
    public String column(String field) {
        return byField.getOrDefault(field, field);
    }

    /** The issue of a value of the file's line {@code line}, its field named by the file's column. */
    public FieldIssue atLine(long line, FieldIssue issue) {
        return new FieldIssue(
                "rows[" + line + "]." + column(issue.field()), issue.code(), issue.args(), issue.severity());
    }
}
