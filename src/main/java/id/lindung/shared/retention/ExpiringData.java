package id.lindung.shared.retention;

import java.time.Instant;
import java.util.function.ToLongFunction;

/**
 * Personal data a module keeps only for a limited time (UU 27/2022: data is deleted or destroyed when its retention
 * period ends). A module that holds such data provides one bean per retention category; the privacy module's
 * retention job looks up the category's period in its dated rules and calls {@link #removeBefore} with the cutoff
 * (business time now minus the period), inside a transaction that also writes the job's audit line. The module owns
 * its tables, so only it knows what "past its period" means for them and whether to delete or anonymise.
 */
public interface ExpiringData {

    /** The category as named in the retention rules, e.g. {@code claims}. */
    String category();

    /**
     * Deletes or anonymises what reached the end of its retention period before {@code cutoff} (each module says
     * in its implementation from which event the period counts). Runs inside the caller's transaction.
     *
     * @return how many records (rows, or persons where a person's rows are anonymised together) were removed
     */
    long removeBefore(Instant cutoff);

    /** A category whose removal is one function of the cutoff. */
    static ExpiringData of(String category, ToLongFunction<Instant> remove) {
        return new ExpiringData() {
            @Override
            public String category() {
                return category;
            }

            @Override
            public long removeBefore(Instant cutoff) {
                return remove.applyAsLong(cutoff);
            }

            @Override
            public String toString() {
                return "ExpiringData[" + category + "]";
            }
        };
    }
}
