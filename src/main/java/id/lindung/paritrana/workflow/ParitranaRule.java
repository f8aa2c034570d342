package id.lindung.paritrana.workflow;

import static id.lindung.shared.Decision.Answer.CONFLICT;
import static id.lindung.shared.Decision.Answer.FORBIDDEN;
import static id.lindung.shared.Decision.Answer.INVALID;
import static id.lindung.shared.Decision.Answer.NOT_FOUND;
import static id.lindung.shared.Decision.Spec.of;
import static id.lindung.shared.Decision.Spec.ofInput;

import id.lindung.shared.Decision;

/**
 * The rules of the Paritrana Award's cycles, each with its message key, how a refusal is answered and whether it is
 * about what a form or request says ({@link Decision.Spec}); the others are about the cycle and the actor, and decide
 * which forms the pages offer ({@link ParitranaWorkflow#offered}).
 */
public enum ParitranaRule implements Decision.Rule {
    /** Cycles, weights and entrants are administrators' work. Args: the role. */
    ADMIN(of("paritrana.admin", FORBIDDEN)),
    /** Evidence is the entrant's government's (or an administrator's). Args: the entrant's name. */
    EVIDENCE_FORBIDDEN(of("paritrana.evidence.forbidden", FORBIDDEN)),
    /** Jurors: administrators and BPJS officers with a province-wide scope. Args: the role. */
    NOT_JUROR(of("paritrana.score.forbidden", FORBIDDEN)),
    /** A closed cycle is final. Args: its status, the status asked. */
    STATUS_FINAL(of("paritrana.cycle.status", CONFLICT)),
    /** Args: the status, the status asked (the same). */
    STATUS_SAME(ofInput("paritrana.cycle.status", CONFLICT)),
    CLOSED(of("paritrana.cycle.closed", CONFLICT)),
    /** Args: the cycle's status. */
    NOT_OPEN(of("paritrana.cycle.notOpen", CONFLICT)),
    /** A regional cycle's entrants are its regions. Args: the category. */
    ENTRANT_REGIONAL(of("paritrana.entrant.regional", CONFLICT)),
    /** Args: the year. */
    CYCLE_YEAR(ofInput("paritrana.cycle.year", INVALID)),
    /** Args: the evaluation year. */
    EVALUATION_YEAR(ofInput("paritrana.cycle.evaluationYear", INVALID)),
    /** Args: the year, the category. */
    CYCLE_EXISTS(ofInput("paritrana.cycle.exists", CONFLICT)),
    /** An indicator the cycle does not have. Args: cycle and indicator. */
    INDICATOR_UNKNOWN(ofInput("paritrana indicator", NOT_FOUND)),
    /** Args: the indicator, the source it must have. */
    INDICATOR_NOT_HERE(ofInput("paritrana.indicator.notHere", INVALID)),
    /** Args: the weight. */
    WEIGHT_RANGE(ofInput("paritrana.weight.range", INVALID)),
    WEIGHT_NOTE(ofInput("paritrana.weight.note", INVALID)),
    WEIGHT_ALL_ZERO(ofInput("paritrana.weight.allZero", INVALID)),
    ENTRANT_NAME(ofInput("paritrana.entrant.name", INVALID)),
    /** Args: the region code. */
    ENTRANT_REGION(ofInput("paritrana.entrant.region", INVALID)),
    ENTRANT_REF(ofInput("paritrana.entrant.employerRef", INVALID)),
    /** Args: the name. */
    ENTRANT_EXISTS(ofInput("paritrana.entrant.exists", CONFLICT)),
    /** Args: the largest value. */
    EVIDENCE_RANGE(ofInput("paritrana.evidence.range", INVALID)),
    EVIDENCE_DOCUMENT(ofInput("paritrana.evidence.document", INVALID)),
    /** Args: the score. */
    SCORE_RANGE(ofInput("paritrana.score.range", INVALID)),
    SCORE_NOTE(ofInput("paritrana.score.note", INVALID));

    private final Decision.Spec spec;

    ParitranaRule(Decision.Spec spec) {
        this.spec = spec;
    }

    @Override
    public Decision.Spec spec() {
        return spec;
    }
}
