package id.lindung.claim.workflow;

import static id.lindung.claim.workflow.ClaimRule.ALREADY_ASSIGNED;
import static id.lindung.claim.workflow.ClaimRule.CLOSED;
import static id.lindung.claim.workflow.ClaimRule.DATE_BEFORE_EVENT;
import static id.lindung.claim.workflow.ClaimRule.DATE_BOUNDS;
import static id.lindung.claim.workflow.ClaimRule.DATE_FUTURE;
import static id.lindung.claim.workflow.ClaimRule.DEATH_CLAIMED;
import static id.lindung.claim.workflow.ClaimRule.LUMP_SUM_TAKEN;
import static id.lindung.claim.workflow.ClaimRule.NOT_ELIGIBLE;
import static id.lindung.claim.workflow.ClaimRule.NO_CHILDREN;
import static id.lindung.claim.workflow.ClaimRule.NO_DEATH_IN_FORCE;
import static id.lindung.claim.workflow.ClaimRule.NO_DOCUMENTS;
import static id.lindung.claim.workflow.ClaimRule.PAID_BEFORE_DOCUMENTS;
import static id.lindung.claim.workflow.ClaimRule.REQUIRED;
import static id.lindung.claim.workflow.ClaimRule.ROLE_DECIDE;
import static id.lindung.claim.workflow.ClaimRule.ROLE_TAKE_IN;
import static id.lindung.claim.workflow.ClaimRule.SAME_APPROVER;
import static id.lindung.claim.workflow.ClaimRule.SIGNED_IN_TO_APPROVE;
import static id.lindung.claim.workflow.ClaimRule.STATUS;
import static id.lindung.claim.workflow.ClaimRule.TOO_LONG;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.benefit.OncePerEvent;
import id.lindung.claim.workflow.ClaimAction.Kind;
import id.lindung.claim.workflow.Transition.Effect;
import id.lindung.enrolment.Programme;
import id.lindung.shared.Bounds;
import id.lindung.shared.Decision;
import id.lindung.shared.ForbiddenException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The claim workflow as a pure function: given where a claim stands ({@link ClaimState}), the step asked for
 * ({@link ClaimAction}), who asks and today, {@link #decide} returns the {@link Transition} to make or a refusal
 * naming its {@link ClaimRule}, as the benefit engine returns amounts or a refusal. {@code ClaimManagement} loads the
 * facts, asks, persists and tells; the claim page shows exactly the steps {@link #offered} says (no rule of the
 * claim or the actor refuses them), so page and API agree by construction.
 *
 * <p>The steps: a claim is taken in (SUBMITTED; documents may still come), verified once it has documents (VERIFIED;
 * the service level runs from the day they were complete), approved if the engine found it eligible — above the
 * four-eyes threshold first by one officer (AWAITING_SECOND), then by another — or rejected with a reason while open,
 * and an approved claim is paid. Roles: intake and documents by officers, administrators and field agents; every
 * decision by officers and administrators; an approval only by a person signed in with their own password (an API
 * token acts as its creator, but a two-person rule needs two people present). No Spring, no database:
 * {@code WorkflowArchitectureTest} keeps it so.
 */
public final class ClaimWorkflow {

    private final long fourEyesThreshold;

    /** {@code fourEyesThreshold}: above this total (rupiah) an approval needs a second officer. */
    public ClaimWorkflow(long fourEyesThreshold) {
        this.fourEyesThreshold = fourEyesThreshold;
    }

    public long fourEyesThreshold() {
        return fourEyesThreshold;
    }

    // ------------------------------------------------------------------------------------------------- roles

    /**
     * Claims hold health and family details: officers, administrators and agents read them (the menu asks this too,
     * as {@code @claimWorkflow.mayRead(me)}).
     */
    public boolean mayRead(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER, Role.AGENT);
    }

    /** Intake and documents: officers, administrators and field agents (a family's claim taken in the field). */
    public boolean mayTakeIn(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER, Role.AGENT);
    }

    /** Verification, decisions, payment, scholarship years and death corrections: officers and administrators. */
    public boolean mayDecide(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER);
    }

    /** The holiday calendar of the service level: administrators. */
    public boolean mayKeepHolidays(LindungUser by) {
        return by.is(Role.ADMIN);
    }

    /** Refuses (403 {@code claim.role.read}) a caller who may not read claims. */
    public void requireRead(LindungUser by) {
        if (!mayRead(by)) {
            throw new ForbiddenException("claim.role.read", by.role().name());
        }
    }

    /** Whether {@code by} may take a new claim in. */
    public Decision<LindungUser> takeIn(LindungUser by) {
        return new Decision.Checks()
                .check(!mayTakeIn(by), ROLE_TAKE_IN, "", by.role().name())
                .decide(() -> by);
    }

    /**
     * The rules of a step that concern the actor alone, asked before the claim is read: a role that may not take the
     * step is refused before its scope or the claim's version is looked at.
     */
    public Decision<LindungUser> mayAttempt(Kind kind, LindungUser by) {
        Decision.Checks checks = new Decision.Checks();
        actor(checks, kind, by);
        return checks.decide(() -> by);
    }

    // ---------------------------------------------------------------------------------------------- deciding

    /** The step {@code action} on the claim in {@code state}, by {@code by} on {@code today}: allowed or refused. */
    public Decision<Transition> decide(ClaimState state, ClaimAction action, LindungUser by, LocalDate today) {
        Decision.Checks checks = new Decision.Checks();
        preconditions(checks, state, action.kind(), by);
        input(checks, state, action, today);
        return checks.decide(() -> transition(state, action, by));
    }

    /**
     * The steps open to {@code by} on the claim in {@code state}: those no rule of the claim or the actor refuses.
     * What is left is the step's input ({@link Decision.Rule#input()}), which a form asks for.
     */
    public Set<Kind> offered(ClaimState state, LindungUser by) {
        Set<Kind> offered = EnumSet.noneOf(Kind.class);
        refusing(state, by).forEach((kind, rules) -> {
            if (rules.isEmpty()) {
                offered.add(kind);
            }
        });
        return offered;
    }

    /** Per step, the rules of the claim and the actor that refuse it now; none for a step {@link #offered}. */
    public Map<Kind, List<ClaimRule>> refusing(ClaimState state, LindungUser by) {
        Map<Kind, List<ClaimRule>> refusing = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            Decision.Checks checks = new Decision.Checks();
            preconditions(checks, state, kind, by);
            refusing.put(
                    kind,
                    checks.decide(() -> kind).breaches().stream()
                            .map(b -> (ClaimRule) b.rule())
                            .toList());
        }
        return refusing;
    }

    /** Whether an approval now waits for a second officer: a verified claim above the threshold. */
    public boolean needsSecondApproval(ClaimState state) {
        return state.status() == ClaimStatus.VERIFIED && state.total() > fourEyesThreshold;
    }

    // ------------------------------------------------------------------------------------------------- rules

    private void actor(Decision.Checks checks, Kind kind, LindungUser by) {
        if (kind.decision()) {
            checks.check(!mayDecide(by), ROLE_DECIDE, "", by.role().name());
        } else {
            checks.check(!mayTakeIn(by), ROLE_TAKE_IN, "", by.role().name());
        }
        checks.check(kind == Kind.APPROVE && by.byToken(), SIGNED_IN_TO_APPROVE, "");
    }

    private void preconditions(Decision.Checks checks, ClaimState s, Kind kind, LindungUser by) {
        actor(checks, kind, by);
        ClaimStatus status = s.status();
        switch (kind) {
            case ADD_DOCUMENT -> checks.check(!status.open(), CLOSED, "claim", status.name());
            case ASSIGN ->
                checks.check(!status.open(), CLOSED, "status", status.name())
                        .check(by.username().equals(s.assignedTo()), ALREADY_ASSIGNED, "assignedTo");
            case VERIFY ->
                checks.check(
                                status != ClaimStatus.SUBMITTED,
                                STATUS,
                                "status",
                                ClaimStatus.SUBMITTED.name(),
                                status.name())
                        .check(s.documents() == 0, NO_DOCUMENTS, "documents");
            case CHOOSE_CHILDREN ->
                checks.check(
                                status != ClaimStatus.SUBMITTED && status != ClaimStatus.VERIFIED,
                                STATUS,
                                "status",
                                ClaimStatus.VERIFIED.name(),
                                status.name())
                        .check(!s.kind().grantsScholarship() || s.children() == 0, NO_CHILDREN, "chosen");
            case APPROVE -> {
                checks.check(
                        status != ClaimStatus.VERIFIED && status != ClaimStatus.AWAITING_SECOND,
                        STATUS,
                        "status",
                        ClaimStatus.VERIFIED.name(),
                        status.name());
                checks.check(!s.eligible(), NOT_ELIGIBLE, "status");
                OncePerEvent.deathClaimed(s.kind(), s.otherClaims())
                        .ifPresent(first -> checks.check(
                                true,
                                DEATH_CLAIMED,
                                "",
                                first.claimNumber(),
                                first.kind().name()));
                checks.check(
                        s.kind().lumpSum() && s.lumpSumHeldBy() != null,
                        LUMP_SUM_TAKEN,
                        "",
                        String.valueOf(s.caseNumber()),
                        String.valueOf(s.lumpSumHeldBy()));
                checks.check(
                        status == ClaimStatus.AWAITING_SECOND && by.username().equals(s.firstApprover()),
                        SAME_APPROVER,
                        "");
            }
            case REJECT -> checks.check(!status.open(), CLOSED, "status", status.name());
            case PAY ->
                checks.check(
                        status != ClaimStatus.APPROVED, STATUS, "status", ClaimStatus.APPROVED.name(), status.name());
            case CORRECT_DEATH -> checks.check(!s.deathInForce(), NO_DEATH_IN_FORCE, "claim", s.claimNumber());
            case SCHOLARSHIP_YEAR ->
                checks.check(
                                status != ClaimStatus.APPROVED && status != ClaimStatus.PAID,
                                STATUS,
                                "status",
                                ClaimStatus.APPROVED.name(),
                                status.name())
                        .check(!s.kind().grantsScholarship() || s.children() == 0, NO_CHILDREN, "childId");
        }
    }

    private static void input(Decision.Checks checks, ClaimState s, ClaimAction action, LocalDate today) {
        if (action instanceof ClaimAction.Verify v) {
            LocalDate on = v.documentsCompleteOn();
            checks.check(on == null, REQUIRED, "documentsCompleteOn");
            checks.check(on != null && on.isAfter(today), DATE_FUTURE, "documentsCompleteOn");
            checks.check(
                    on != null && !on.isAfter(today) && on.isBefore(s.eventDate()),
                    DATE_BEFORE_EVENT,
                    "documentsCompleteOn");
        } else if (action instanceof ClaimAction.Reject r) {
            reason(checks, r.reason());
        } else if (action instanceof ClaimAction.CorrectDeath d) {
            reason(checks, d.reason());
        } else if (action instanceof ClaimAction.Pay p) {
            LocalDate on = p.paidOn();
            checks.check(on == null, REQUIRED, "paidOn");
            if (on != null && on.isAfter(today)) {
                checks.check(true, DATE_FUTURE, "paidOn");
            } else if (on != null && on.isBefore(Bounds.EARLIEST_PAYMENT)) {
                checks.check(true, DATE_BOUNDS, "paidOn", Bounds.EARLIEST_PAYMENT.toString(), today.toString());
            } else if (on != null && s.documentsCompleteOn() != null && on.isBefore(s.documentsCompleteOn())) {
                checks.check(true, PAID_BEFORE_DOCUMENTS, "paidOn");
            }
            String reference = p.reference();
            checks.check(reference == null || reference.isBlank(), REQUIRED, "reference");
            checks.check(
                    reference != null && !reference.isBlank() && reference.length() > 100, TOO_LONG, "reference", 100);
        }
        // the other steps take no input the policy checks
    }

    /** A reason (rejection, death correction): required, at most 500 characters. */
    private static void reason(Decision.Checks checks, @Nullable String reason) {
        String why = reason == null ? "" : reason.trim();
        checks.check(why.isEmpty(), REQUIRED, "reason");
        checks.check(why.length() > 500, TOO_LONG, "reason", 500);
    }

    // ------------------------------------------------------------------------------------------- transitions

    private Transition transition(ClaimState s, ClaimAction action, LindungUser by) {
        String me = by.username();
        switch (action.kind()) {
            case ASSIGN:
                return new Transition(s.assigned(me), s.status(), Set.of());
            case VERIFY:
                return new Transition(
                        s.moved(
                                ClaimStatus.VERIFIED,
                                me,
                                ((ClaimAction.Verify) action).documentsCompleteOn(),
                                s.firstApprover(),
                                s.decidedBy(),
                                s.paidOn(),
                                s.deathInForce()),
                        ClaimStatus.VERIFIED,
                        Set.of(Effect.REASSESS));
            case CHOOSE_CHILDREN:
                return new Transition(s, s.status(), Set.of(Effect.REASSESS));
            case APPROVE:
                return approval(s, me);
            case REJECT:
                return new Transition(
                        s.moved(
                                ClaimStatus.REJECTED,
                                s.verifiedBy(),
                                s.documentsCompleteOn(),
                                s.firstApprover(),
                                me,
                                s.paidOn(),
                                s.deathInForce()),
                        ClaimStatus.REJECTED,
                        Set.of(Effect.ANNOUNCE_DECISION));
            case PAY:
                return new Transition(
                        s.moved(
                                ClaimStatus.PAID,
                                s.verifiedBy(),
                                s.documentsCompleteOn(),
                                s.firstApprover(),
                                s.decidedBy(),
                                ((ClaimAction.Pay) action).paidOn(),
                                s.deathInForce()),
                        ClaimStatus.PAID,
                        lateCompensationDue(s) ? Set.of(Effect.LATE_COMPENSATION) : Set.of());
            case CORRECT_DEATH:
                return new Transition(
                        s.moved(
                                s.status(),
                                s.verifiedBy(),
                                s.documentsCompleteOn(),
                                s.firstApprover(),
                                s.decidedBy(),
                                s.paidOn(),
                                false),
                        s.status(),
                        Set.of(Effect.REVERSE_DEATH));
            default: // a document, a scholarship year: the claim itself stays as it is
                return new Transition(s, s.status(), Set.of());
        }
    }

    /** Above the threshold the first approval waits for a second officer; a death approved is recorded. */
    private Transition approval(ClaimState s, String me) {
        if (needsSecondApproval(s)) {
            return new Transition(
                    s.moved(
                            ClaimStatus.AWAITING_SECOND,
                            s.verifiedBy(),
                            s.documentsCompleteOn(),
                            me,
                            null,
                            null,
                            s.deathInForce()),
                    ClaimStatus.AWAITING_SECOND,
                    Set.of());
        }
        Set<Effect> effects = s.kind().death()
                ? Set.of(Effect.ANNOUNCE_DECISION, Effect.RECORD_DEATH)
                : Set.of(Effect.ANNOUNCE_DECISION);
        return new Transition(
                s.moved(
                        ClaimStatus.APPROVED,
                        s.verifiedBy(),
                        s.documentsCompleteOn(),
                        s.firstApprover(),
                        me,
                        null,
                        s.deathInForce() || s.kind().death()),
                ClaimStatus.APPROVED,
                effects);
    }

    /**
     * The late compensation is BPJS's sanction on a JKK benefit (PP 44/2015 art. 37): not on JKM, not before the
     * service level ran, not on what the employer pays.
     */
    private static boolean lateCompensationDue(ClaimState s) {
        return s.kind().programme() == Programme.JKK && s.documentsCompleteOn() != null && !s.employerPays();
    }
}
