package id.lindung.claim.benefit;

import java.time.LocalDate;
import java.util.Objects;

/** A transport cost of one mode. */
public record TransportCost(TransportMode mode, LocalDate date, String description, long amount) {

    public TransportCost {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
    }
}
