package id.lindung.participant;

/**
 * What a bulk load wrote: participants, family members and businesses, the possible-duplicate pairs it newly
 * flagged (across the whole registry), and how long it took.
 */
public record BulkLoadResult(
        long participants, long relatives, long businesses, long duplicatePairsFlagged, long elapsedMillis) {}
