package id.lindung.contribution;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One dated rule row: {@code ref} is its table and id ({@code rate:3}, {@code cap:1}, {@code tier:2},
 * {@code package:1}, {@code discount:1}, {@code fine:1}), {@code what} says what it sets in words,
 * {@code value} is the figure an administrator may correct when {@code unconfirmed}.
 */
public record RateRule(
        String ref,
        String what,
        String value,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        String legalBasis,
        String source,
        boolean unconfirmed,
        @Nullable String note) {}
