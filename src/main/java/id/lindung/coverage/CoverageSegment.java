package id.lindung.coverage;

import id.lindung.enrolment.Segment;
import java.util.Optional;

/**
 * The segments of the UCJ denominator (Sakernas via BPJS Ketenagakerjaan): formal workers (PU memberships),
 * informal workers (BPU) and, from 2025, construction workers (Jasa Konstruksi, counted by the workers of each active
 * project). PMI work abroad and are outside the denominator, so they are not counted.
 */
public enum CoverageSegment {
    FORMAL,
    INFORMAL,
    CONSTRUCTION;

    /** The coverage segment of a membership segment; empty for PMI. */
    public static Optional<CoverageSegment> of(Segment segment) {
        return switch (segment) {
            case PU -> Optional.of(FORMAL);
            case BPU -> Optional.of(INFORMAL);
            case JAKON -> Optional.of(CONSTRUCTION);
            case PMI -> Optional.empty();
        };
    }

    /** The membership segment counted in this coverage segment. */
    public Segment membershipSegment() {
        return switch (this) {
            case FORMAL -> Segment.PU;
            case INFORMAL -> Segment.BPU;
            case CONSTRUCTION -> Segment.JAKON;
        };
    }
}
