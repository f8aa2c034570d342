package id.lindung.shared.tabular;

import id.lindung.shared.FieldIssue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A refusal of an uploaded file as the upload pages list it (the {@code refusals} fragment of
 * {@code fragments/upload.html}): the file's line (none for the whole file), the column as the file's header names
 * it (blank for the whole file), and the reason in the reader's language. Issues name a row's value {@code rows[3].amount} (see
 * {@link FileColumns}); users read "line 3, column amount", never the path.
 */
public record RowRefusal(@Nullable Integer line, String column, String reason) {

    private static final Pattern ROW_FIELD = Pattern.compile("^rows?\\[(\\d+)]\\.?(.*)$");

    /** The refusal of {@code issue}, its reason already put in words. */
    public static RowRefusal of(FieldIssue issue, String reason) {
        Matcher m = ROW_FIELD.matcher(issue.field());
        return m.matches()
                ? new RowRefusal(Integer.valueOf(m.group(1)), m.group(2), reason)
                : new RowRefusal(null, "", reason);
    }
}
