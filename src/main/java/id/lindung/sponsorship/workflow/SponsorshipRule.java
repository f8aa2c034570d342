package id.lindung.sponsorship.workflow;

import static id.lindung.shared.Decision.Answer.FORBIDDEN;
import static id.lindung.shared.Decision.Answer.INVALID;
import static id.lindung.shared.Decision.Spec.of;
import static id.lindung.shared.Decision.Spec.ofInput;

import id.lindung.shared.Decision;

/**
 * The rules of sponsorship programmes, each with its message key, how a refusal is answered and whether it is about
 * what a form or request says ({@link Decision.Spec}); the others are about the programme and the actor, and decide
 * which forms a programme page offers ({@link SponsorshipWorkflow#offered}).
 */
public enum SponsorshipRule implements Decision.Rule {
    /** Programmes are officers' and administrators' work. Args: the role. */
    ROLE(of("sponsorship.role", FORBIDDEN)),
    /** A programme of a government outside the caller's region. Args: the sponsor region. */
    SCOPE(of("sponsorship.region.scope", FORBIDDEN)),
    /** The programme ended (or its last month is past). Args: the month it ended after. */
    ENDED(of("sponsorship.ended", INVALID)),
    /** Args: what was asked. */
    END_ACTION(ofInput("sponsorship.end.action", INVALID)),
    /** Args: the first and the last month allowed. */
    END_MONTH(ofInput("sponsorship.end.month", INVALID)),
    REQUIRED(ofInput("field.required", INVALID)),
    /** No member of the programme was billed that month. Args: the month. */
    NO_BILL(ofInput("sponsorship.bill.none", INVALID)),
    NAME(ofInput("sponsorship.name", INVALID)),
    /** Args: the region code given. */
    REGION(ofInput("sponsorship.region", INVALID)),
    /** A new programme's government outside the caller's region. Args: the region code. */
    REGION_OUT_OF_SCOPE(ofInput("sponsorship.region.scope", INVALID)),
    LEGAL_BASIS(ofInput("sponsorship.legal-basis", INVALID)),
    BUDGET(ofInput("sponsorship.budget", INVALID)),
    END_BEFORE_START(ofInput("sponsorship.end-before-start", INVALID)),
    /** Below the BPU minimum income. Args: the minimum. */
    INCOME(ofInput("sponsorship.income", INVALID)),
    ELIGIBILITY(ofInput("sponsorship.eligibility", INVALID)),
    /** A worker outside the sponsor's region. Args: the worker (NIK or desa), the sponsor region. */
    BENEFICIARY_REGION(ofInput("sponsorship.beneficiary.region", INVALID));

    private final Decision.Spec spec;

    SponsorshipRule(Decision.Spec spec) {
        this.spec = spec;
    }

    @Override
    public Decision.Spec spec() {
        return spec;
    }
}
