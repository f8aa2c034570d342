package id.lindung.claim.benefit;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A yearly scholarship claim with proof of enrolment: the child (its married and working flags as declared now), the
 * level the proof shows ({@code null}: no proof of enrolment), the school year (2024 = 2024/2025), what was already
 * paid to this child, and how many other children of the member already receive the scholarship.
 */
public record ScholarshipClaim(
        Child child,
        @Nullable EducationLevel level,
        int schoolYear,
        List<ScholarshipPayment> paidToChild,
        int otherChildrenReceiving) {

    public ScholarshipClaim {
        Objects.requireNonNull(child, "child");
        paidToChild = List.copyOf(paidToChild);
    }
}
