package id.lindung.claim.workflow;

import id.lindung.claim.ClaimStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * An allowed step: the claim's next state, the status its history line records, and what else the service does.
 */
public record Transition(ClaimState next, ClaimStatus step, Set<Effect> effects) {

    public Transition {
        effects = effects.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(effects));
    }

    public boolean has(Effect effect) {
        return effects.contains(effect);
    }

    /** What an allowed step does beyond the claim's own fields. */
    public enum Effect {
        /** The member's facts and the amounts are established again (verification, a new choice of children). */
        REASSESS,
        /** An approved death: the participant is recorded as deceased and their memberships end. */
        RECORD_DEATH,
        /** The death recorded on approval is put back (the claim keeps its decision). */
        REVERSE_DEATH,
        /** The decision (approved or rejected) goes out as {@code ClaimDecided}. */
        ANNOUNCE_DECISION,
        /** A JKK benefit BPJS pays after its due date adds the late compensation (PP 44/2015 art. 37). */
        LATE_COMPENSATION
    }
}
