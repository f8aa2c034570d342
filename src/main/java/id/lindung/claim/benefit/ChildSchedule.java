package id.lindung.claim.benefit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The projected yearly scholarship of one child, from the planning school year on. {@code endedBy}: the rule that
 * ends the schedule before the last level is complete (age limit, per-child cap), or null.
 */
public record ChildSchedule(
        Child child, List<ScholarshipYear> years, @Nullable Refusal endedBy) {

    public ChildSchedule {
        years = List.copyOf(years);
    }

    public long total() {
        return years.stream().mapToLong(ScholarshipYear::amount).sum();
    }
}
