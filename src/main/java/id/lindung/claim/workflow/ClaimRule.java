package id.lindung.claim.workflow;

import static id.lindung.shared.Decision.Answer.CONFLICT;
import static id.lindung.shared.Decision.Answer.FORBIDDEN;
import static id.lindung.shared.Decision.Answer.INVALID;
import static id.lindung.shared.Decision.Spec.of;
import static id.lindung.shared.Decision.Spec.ofInput;

import id.lindung.shared.Decision;

/**
 * The rules of the claim workflow, each with its message key, how a refusal is answered and whether it is about the
 * step's input, a date or a reason ({@link Decision.Spec}); the others are about the claim and the actor, and decide
 * which steps a claim page offers ({@link ClaimWorkflow#offered}).
 */
public enum ClaimRule implements Decision.Rule {
    /** Intake and documents: officers, administrators and field agents. Args: the role. */
    ROLE_TAKE_IN(of("claim.role.intake", FORBIDDEN)),
    /** Verification, decisions, payment: officers and administrators. Args: the role. */
    ROLE_DECIDE(of("claim.role.decide", FORBIDDEN)),
    /** An approval is given by a person signed in with their own password, never an API token. */
    SIGNED_IN_TO_APPROVE(of("claim.approve.signed-in", FORBIDDEN)),
    /** Args: the status. */
    CLOSED(of("claim.status.closed", INVALID)),
    /** Args: the status the step is for, the claim's. */
    STATUS(of("claim.status.not", INVALID)),
    /** Taking a claim already in your own queue. */
    ALREADY_ASSIGNED(of("claim.assign.already-yours", INVALID)),
    /** Verification needs at least one document. */
    NO_DOCUMENTS(of("claim.documents.none", INVALID)),
    /** No children on the intake, or a kind that opens no scholarship. */
    NO_CHILDREN(of("claim.children.none", INVALID)),
    /** A claim a rule of the engine refuses is rejected, not approved. */
    NOT_ELIGIBLE(of("claim.approve.refused", INVALID)),
    /** One person dies once. Args: the other death claim's number and kind. */
    DEATH_CLAIMED(of("claim.death.exists", CONFLICT)),
    /** One accident pays one lump sum. Args: case number, the claim holding it. */
    LUMP_SUM_TAKEN(of("claim.case.lump-sum-taken", CONFLICT)),
    /** Four eyes: the second approval by another officer. */
    SAME_APPROVER(of("claim.four-eyes.same-officer", FORBIDDEN)),
    /** Args: the claim number. */
    NO_DEATH_IN_FORCE(of("claim.death.none", INVALID)),
    REQUIRED(ofInput("field.required", INVALID)),
    /** Args: the longest length. */
    TOO_LONG(ofInput("field.too-long", INVALID)),
    DATE_FUTURE(ofInput("claim.date.future", INVALID)),
    DATE_BEFORE_EVENT(ofInput("claim.date.before-event", INVALID)),
    /** Args: the earliest and the latest date. */
    DATE_BOUNDS(ofInput("bounds.date", INVALID)),
    PAID_BEFORE_DOCUMENTS(ofInput("claim.paid-on.before-documents", INVALID));

    private final Decision.Spec spec;

    ClaimRule(Decision.Spec spec) {
        this.spec = spec;
    }

    @Override
    public Decision.Spec spec() {
        return spec;
    }
}
