package id.lindung.paritrana;

import org.jspecify.annotations.Nullable;

/**
 * An entrant of a cycle: a regional government (its region code) or a business (the kab/kota it is in, its NPP when
 * known).
 */
public record Entrant(
        long id,
        long cycleId,
        String regionCode,
        String name,
        @Nullable String employerRef) {}
