package id.lindung.access;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads in proportion (issue 16): every page of a search or list of personal data and every export of it leaves one
 * audit line with its filter and row count ({@link #LIST_READ}, resp. {@link AuditTrail#EXPORT_DOWNLOADED}), and
 * counts against the rows a user may read per hour ({@code lindung.reads.rows-per-hour.<role>}). Past the budget
 * the read is refused with {@link id.lindung.shared.TooManyRequestsException} (429, page and problem JSON), and the
 * refusal is audited too. Call it after the rows are fetched and before any of them leaves.
 */
public interface BulkReads {

    /** One page of a search or list of personal data was read. */
    String LIST_READ = "LIST_READ";
    /** A bulk read was refused: the user's hourly budget was used up. */
    String LIST_REFUSED = "LIST_REFUSED";

    /**
     * Records one page of a list and counts its rows.
     *
     * @param list what was listed, e.g. {@code participants} (the entity id of the line)
     * @param regionCode the region the list covers (the filter, or the user's scope)
     * @param filter the filters as asked (NIKs masked); never the data
     * @param rows how many rows the page holds
     * @throws id.lindung.shared.TooManyRequestsException past the hourly budget of the user's role
     */
    void listed(String list, @Nullable String regionCode, Map<String, ?> filter, long rows);

    /** Like {@link #listed}, for an export whose row count is known before it is sent. */
    void exported(String export, @Nullable String regionCode, Map<String, ?> filter, long rows);

    /** A filter for the audit line from names and values, in order; blank values are left out. */
    static Map<String, Object> filter(@Nullable Object... namesAndValues) {
        Map<String, Object> filter = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null && !(value instanceof String text && text.isBlank())) {
                filter.put(String.valueOf(namesAndValues[i]), value);
            }
        }
        return filter;
    }
}
