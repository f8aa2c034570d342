package id.lindung.shared;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A module that stores money or dates lists its stored records that lie outside {@link Bounds}: values an earlier
 * version let in (it checked no bounds) or that were written directly into the database. The administrators' check
 * ({@code GET /api/admin/out-of-bounds}) gathers every module's findings so that each record can be reviewed and
 * corrected; the readers meanwhile show such a record as it is instead of failing.
 */
public interface OutOfBoundsRecords {

    /** One stored value outside its bounds: where it is, what it is, and the bounds it breaks. */
    record Finding(
            String table,
            String id,
            String field,
            String value,
            String bounds,
            @Nullable String regionCode) {}

    /** At most {@code limit} findings of this module, oldest record first. */
    List<Finding> outOfBounds(Bounds bounds, int limit);
}
