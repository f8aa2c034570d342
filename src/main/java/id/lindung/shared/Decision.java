package id.lindung.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a workflow policy says about one state change: {@link Allowed}, with the change to make, or {@link Refused},
 * naming the rules that refuse it. Policies ({@code claim.workflow.ClaimWorkflow},
 * {@code sponsorship.workflow.SponsorshipWorkflow}, {@code paritrana.workflow.ParitranaWorkflow}) are pure functions
 * of the facts a service loads; the service persists an allowed change, and {@link #orThrow()} turns a refusal into
 * the exception the pages and the API already answer: 403, 404, 409, or 422 naming the fields.
 *
 * @param <T> what an allowed change carries (the next state, what else to do)
 */
public sealed interface Decision<T> permits Decision.Allowed, Decision.Refused {

    /** How a refusal is answered. */
    enum Answer {
        /** The role (or the relationship) does not allow it: {@link ForbiddenException}, 403. */
        FORBIDDEN,
        /** The thing the change is about does not exist: {@link NotFoundException}, 404. */
        NOT_FOUND,
        /** The state does not allow it now: {@link ConflictException}, 409. */
        CONFLICT,
        /** The state or the input does not allow it, naming the field: {@link InvalidInputException}, 422. */
        INVALID
    }

    /** A rule a policy names when it refuses (an enum constant of the module's rules), with its {@link Spec}. */
    interface Rule {

        /** The rule's name (an enum constant's), as tests and the decisions record name it. */
        String name();

        Spec spec();

        /** The message key, resolved in the reader's language with the breach's arguments. */
        default String code() {
            return spec().code();
        }

        default Answer answer() {
            return spec().answer();
        }

        /**
         * Whether the rule is about what a form or request says (a date, a reason) rather than the record and the
         * actor: the rules of the second kind decide which changes a page offers.
         */
        default boolean input() {
            return spec().input();
        }
    }

    /** What a rule says: its message key, how a refusal is answered, and whether it is about the input. */
    record Spec(String code, Answer answer, boolean input) {

        /** A rule about the record and the actor. */
        public static Spec of(String code, Answer answer) {
            return new Spec(code, answer, false);
        }

        /** A rule about the input. */
        public static Spec ofInput(String code, Answer answer) {
            return new Spec(code, answer, true);
        }
    }

    /** One rule broken by the change: the rule, the field it concerns ("" when none) and the message arguments. */
    record Breach(Rule rule, String field, List<Object> args) {

        public Breach {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(field, "field");
            args = List.copyOf(args);
        }

        FieldIssue issue() {
            return new FieldIssue(field, rule.code(), args, FieldIssue.Severity.ERROR);
        }
    }

    /** The change is allowed: {@code change} says what it is. */
    record Allowed<T>(T change) implements Decision<T> {

        public Allowed {
            Objects.requireNonNull(change, "change");
        }
    }

    /**
     * The change is refused: a 403, 404 or 409 rule alone, or every 422 rule broken (the fields are reported
     * together, as a form shows them).
     */
    record Refused<T>(List<Breach> breaches) implements Decision<T> {

        public Refused {
            breaches = List.copyOf(breaches);
            if (breaches.isEmpty()) {
                throw new IllegalArgumentException("a refusal names its rule");
            }
        }

        /** The first rule broken: the one the answer comes from. */
        public Rule rule() {
            return breaches.get(0).rule();
        }
    }

    default boolean allowed() {
        return this instanceof Allowed;
    }

    /** The rules broken; empty when allowed. */
    default List<Breach> breaches() {
        return this instanceof Refused<T> r ? r.breaches() : List.of();
    }

    /** The allowed change, or the refusal thrown. */
    default T orThrow() {
        return orThrow(List.of());
    }

    /**
     * The allowed change, or the refusal thrown; {@code inputIssues} (what the caller found wrong with the input
     * beyond the policy's rules, e.g. an uploaded file's content) are reported with the policy's 422 breaches.
     */
    default T orThrow(List<FieldIssue> inputIssues) {
        List<FieldIssue> issues = new ArrayList<>();
        if (this instanceof Refused<T> refused) {
            Breach first = refused.breaches().get(0);
            switch (first.rule().answer()) {
                case FORBIDDEN ->
                    throw new ForbiddenException(
                            first.rule().code(), first.args().toArray());
                case NOT_FOUND -> throw new NotFoundException(first.rule().code() + " " + first.args());
                case CONFLICT ->
                    throw new ConflictException(
                            first.rule().code(), first.args().toArray());
                case INVALID -> refused.breaches().forEach(b -> issues.add(b.issue()));
            }
        }
        issues.addAll(inputIssues);
        InvalidInputException.throwIfErrors(issues);
        return ((Allowed<T>) this).change();
    }

    /**
     * Collects the rules a change breaks, in the order a policy checks them: a 403, 404 or 409 rule broken first is
     * the whole answer (nothing after it is looked at); 422 rules are collected, and a 403, 404 or 409 rule broken
     * after one of them is left out (the fields are the answer).
     */
    final class Checks {

        private final List<Breach> breaches = new ArrayList<>();
        private boolean closed;

        /** Records {@code rule} as broken when {@code broken}. */
        public Checks check(boolean broken, Rule rule, String field, Object... args) {
            if (!broken || closed) {
                return this;
            }
            if (rule.answer() != Answer.INVALID) {
                closed = true;
                if (!breaches.isEmpty()) {
                    return this;
                }
            }
            breaches.add(new Breach(rule, field, List.of(args)));
            return this;
        }

        /** Whether no rule was broken so far. */
        public boolean passed() {
            return breaches.isEmpty();
        }

        /** Allowed with {@code change} (computed only then), or refused naming the rules broken. */
        public <T> Decision<T> decide(Supplier<T> change) {
            return breaches.isEmpty() ? new Allowed<>(change.get()) : new Refused<>(breaches);
        }
    }
}
