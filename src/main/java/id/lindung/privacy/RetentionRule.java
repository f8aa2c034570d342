package id.lindung.privacy;

import java.time.LocalDate;
import java.time.Period;

/**
 * One dated row of the retention rules ({@code privacy/retention-rules.csv}): how long data of a category is kept
 * after the event its holder counts from, what happens then, on which legal basis or for which reason, and whether
 * the period is {@code unconfirmed} (no regulation gives the number: a placeholder, shown as such and applied only
 * when {@code lindung.privacy.retention.apply-unconfirmed} is on).
 */
public record RetentionRule(
        String category,
        LocalDate validFrom,
        Period period,
        Action action,
        String legalBasis,
        boolean unconfirmed,
        String note) {

    /** What happens to data past its period. */
    public enum Action {
        /** The holder deletes the rows. */
        DELETE,
        /** The holder removes what identifies the person and keeps the rest. */
        ANONYMISE,
        /** Never by the application: a database administrator's task (append-only or never-deleted tables). */
        DBA
    }

    /** Whether the retention job applies this rule itself. */
    public boolean byApplication() {
        return action != Action.DBA;
    }
}
