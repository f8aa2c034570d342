package id.lindung.claim.benefit;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The scholarship schedules of a death or total-permanent-disability claim: {@code refusal} when the claim opens no
 * scholarship at all (then nothing else), else one schedule per chosen child and every other child with the reason;
 * {@code choice}: whether the children were chosen at intake or by the default rule.
 */
public record ScholarshipPlan(
        @Nullable Refusal refusal,
        List<ChildSchedule> schedules,
        List<ExcludedChild> excluded,
        ScholarshipPlanner.Choice choice) {

    public ScholarshipPlan {
        schedules = List.copyOf(schedules);
        excluded = List.copyOf(excluded);
        java.util.Objects.requireNonNull(choice, "choice");
    }

    public long total() {
        return schedules.stream().mapToLong(ChildSchedule::total).sum();
    }
}
