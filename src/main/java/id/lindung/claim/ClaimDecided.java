package id.lindung.claim;

import java.time.LocalDate;

/** A claim was approved (finally, after four eyes where needed) or rejected. */
public record ClaimDecided(
        long claimId,
        long participantId,
        String kind,
        boolean approved,
        long total,
        String regionCode,
        LocalDate decidedOn) {}
