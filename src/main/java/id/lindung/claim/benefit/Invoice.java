package id.lindung.claim.benefit;

import java.time.LocalDate;
import java.util.Objects;

/** A cost as invoiced: date, what it was for, whole rupiah. */
public record Invoice(LocalDate date, String description, long amount) {

    public Invoice {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(description, "description");
    }
}
