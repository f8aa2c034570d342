package id.lindung.participant;

/** Registry counts of one kab/kota. */
public record RegionCount(String regionCode, long participants, long women, long businesses) {}
