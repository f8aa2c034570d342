package id.lindung.paritrana.workflow;

import static id.lindung.paritrana.workflow.ParitranaRule.ADMIN;
import static id.lindung.paritrana.workflow.ParitranaRule.CLOSED;
import static id.lindung.paritrana.workflow.ParitranaRule.CYCLE_EXISTS;
import static id.lindung.paritrana.workflow.ParitranaRule.CYCLE_YEAR;
import static id.lindung.paritrana.workflow.ParitranaRule.ENTRANT_EXISTS;
import static id.lindung.paritrana.workflow.ParitranaRule.ENTRANT_NAME;
import static id.lindung.paritrana.workflow.ParitranaRule.ENTRANT_REF;
import static id.lindung.paritrana.workflow.ParitranaRule.ENTRANT_REGION;
import static id.lindung.paritrana.workflow.ParitranaRule.ENTRANT_REGIONAL;
import static id.lindung.paritrana.workflow.ParitranaRule.EVALUATION_YEAR;
import static id.lindung.paritrana.workflow.ParitranaRule.EVIDENCE_DOCUMENT;
import static id.lindung.paritrana.workflow.ParitranaRule.EVIDENCE_FORBIDDEN;
import static id.lindung.paritrana.workflow.ParitranaRule.EVIDENCE_RANGE;
import static id.lindung.paritrana.workflow.ParitranaRule.INDICATOR_NOT_HERE;
import static id.lindung.paritrana.workflow.ParitranaRule.INDICATOR_UNKNOWN;
import static id.lindung.paritrana.workflow.ParitranaRule.NOT_JUROR;
import static id.lindung.paritrana.workflow.ParitranaRule.NOT_OPEN;
import static id.lindung.paritrana.workflow.ParitranaRule.SCORE_NOTE;
import static id.lindung.paritrana.workflow.ParitranaRule.SCORE_RANGE;
import static id.lindung.paritrana.workflow.ParitranaRule.STATUS_FINAL;
import static id.lindung.paritrana.workflow.ParitranaRule.STATUS_SAME;
import static id.lindung.paritrana.workflow.ParitranaRule.WEIGHT_ALL_ZERO;
import static id.lindung.paritrana.workflow.ParitranaRule.WEIGHT_NOTE;
import static id.lindung.paritrana.workflow.ParitranaRule.WEIGHT_RANGE;

import id.lindung.access.LindungUser;
import id.lindung.access.Role;
import id.lindung.paritrana.Category;
import id.lindung.paritrana.Cycle;
import id.lindung.paritrana.CycleStatus;
import id.lindung.paritrana.Entrant;
import id.lindung.paritrana.Indicator;
import id.lindung.shared.Decision;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The Paritrana Award's cycles as pure functions: who may change a cycle and how, decided from the cycle, the entrant
 * and the actor, returning the change to make or a refusal naming its {@link ParitranaRule} (as the benefit engine
 * returns amounts or a refusal). {@code ParitranaCycles} loads the facts, asks, persists and audits; the pages show
 * exactly the forms {@link #offered} says.
 *
 * <p>A cycle is OPEN (evidence entered, the jury may score), SCORING (the jury scores) or CLOSED (final; closing
 * freezes the computed figures): OPEN and SCORING go to each other or to CLOSED. Administrators create cycles, move
 * them on, set weights and add business entrants to an open business cycle; an entrant's evidence is entered while
 * the cycle is open by a government analyst whose scope holds the entrant's region, or an administrator; jurors
 * (administrators and BPJS officers with a province-wide or national scope) score while the cycle is not closed. No
 * Spring, no database.
 */
public final class ParitranaWorkflow {

    /** The changes the pages offer. */
    public enum Kind {
        SET_STATUS,
        SET_WEIGHT,
        ADD_ENTRANT,
        ENTER_EVIDENCE,
        SCORE
    }

    private ParitranaWorkflow() {}

    // ------------------------------------------------------------------------------------------------- roles

    public static boolean mayManage(LindungUser by) {
        return by.is(Role.ADMIN);
    }

    /** Evidence for an entrant of {@code regionCode}: an administrator or analyst whose scope holds it. */
    public static boolean mayEnterEvidence(String regionCode, LindungUser by) {
        return by.is(Role.ADMIN, Role.GOV_ANALYST) && by.scope().includes(regionCode);
    }

    /** Jurors: administrators and BPJS officers with a province-wide or national scope (a jury judges everyone). */
    public static boolean isJuror(LindungUser by) {
        return by.is(Role.ADMIN, Role.OFFICER) && by.provinceWide();
    }

    /** The administrator's role, asked before the cycle is read. */
    public static Decision<LindungUser> manager(LindungUser by) {
        return new Decision.Checks()
                .check(!mayManage(by), ADMIN, "", by.role().name())
                .decide(() -> by);
    }

    /** The juror's role, asked before the entrant is read. */
    public static Decision<LindungUser> juror(LindungUser by) {
        return new Decision.Checks()
                .check(!isJuror(by), NOT_JUROR, "", by.role().name())
                .decide(() -> by);
    }

    /** The right to enter {@code entrant}'s evidence, asked before the cycle is read. */
    public static Decision<LindungUser> evidenceBy(Entrant entrant, LindungUser by) {
        return new Decision.Checks()
                .check(!mayEnterEvidence(entrant.regionCode(), by), EVIDENCE_FORBIDDEN, "", entrant.name())
                .decide(() -> by);
    }

    // ------------------------------------------------------------------------------------------------ cycles

    /** A new cycle as it is stored: the evaluation year defaulted to the year before. */
    public record NewCycle(int year, Category category, int evaluationYear) {}

    /** A new cycle of {@code category} for {@code year}; {@code exists}: one is there already. */
    public static Decision<NewCycle> create(
            int year, Category category, @Nullable Integer evaluationYear, boolean exists, LindungUser by) {
        int evaluation = evaluationYear == null ? year - 1 : evaluationYear;
        return new Decision.Checks()
                .check(!mayManage(by), ADMIN, "", by.role().name())
                .check(year < 2017 || year > 2100, CYCLE_YEAR, "year", year)
                .check(evaluation < 2000 || evaluation > year, EVALUATION_YEAR, "evaluationYear", evaluation)
                .check(exists, CYCLE_EXISTS, "", year, category.name())
                .decide(() -> new NewCycle(year, category, evaluation));
    }

    /** The statuses a cycle may move to from {@code from}: OPEN and SCORING to each other or to CLOSED. */
    public static List<CycleStatus> nextStatuses(CycleStatus from) {
        return from == CycleStatus.CLOSED
                ? List.of()
                : Arrays.stream(CycleStatus.values()).filter(s -> s != from).toList();
    }

    /** A cycle moved to {@code to}: allowed with it (CLOSED freezes the figures), or refused. */
    public static Decision<CycleStatus> setStatus(Cycle c, CycleStatus to, LindungUser by) {
        Decision.Checks checks = new Decision.Checks();
        preconditions(checks, c, null, Kind.SET_STATUS, by, to);
        checks.check(to == c.status(), STATUS_SAME, "", c.status().name(), to.name());
        return checks.decide(() -> to);
    }

    /** An indicator's weight changed: the weight before, the new one and the note kept. */
    public record WeightChange(Indicator code, int before, int weight, String note) {}

    /**
     * {@code code}'s weight set to {@code weight} (0–100 points) with {@code note} (none: the note stays): allowed
     * unless every weight of the cycle would then be 0.
     */
    public static Decision<WeightChange> setWeight(
            Cycle c, Indicator code, int weight, @Nullable String note, LindungUser by) {
        Decision.Checks checks = new Decision.Checks();
        preconditions(checks, c, null, Kind.SET_WEIGHT, by, null);
        Optional<Cycle.Weight> before =
                c.indicators().stream().filter(w -> w.code() == code).findFirst();
        checks.check(before.isEmpty(), INDICATOR_UNKNOWN, "code", c.id(), code.name());
        String n =
                note == null || note.isBlank() ? before.map(Cycle.Weight::note).orElse("") : note.trim();
        int was = before.map(Cycle.Weight::weight).orElse(0);
        checks.check(weight < 0 || weight > 100, WEIGHT_RANGE, "weight", weight)
                .check(n.length() > 400, WEIGHT_NOTE, "note")
                .check(c.weightTotal() - was + weight <= 0, WEIGHT_ALL_ZERO, "weight");
        return checks.decide(() -> new WeightChange(code, was, weight, n));
    }

    /** A business entrant as it is stored: trimmed, no NPP when blank. */
    public record NewEntrant(
            String name, String regionCode, @Nullable String employerRef) {}

    /**
     * A business added to an open business cycle: a name, a region of the home province ({@code homeRegion}), the NPP
     * when known; not twice in one region.
     */
    public static Decision<NewEntrant> addEntrant(
            Cycle c,
            @Nullable String name,
            @Nullable String regionCode,
            @Nullable String employerRef,
            Predicate<String> homeRegion,
            LindungUser by) {
        Decision.Checks checks = new Decision.Checks();
        preconditions(checks, c, null, Kind.ADD_ENTRANT, by, null);
        String n = name == null ? "" : name.trim();
        String region = regionCode == null ? "" : regionCode.trim();
        String ref = employerRef == null || employerRef.isBlank() ? null : employerRef.trim();
        checks.check(n.isEmpty() || n.length() > 200, ENTRANT_NAME, "name")
                .check(!homeRegion.test(region), ENTRANT_REGION, "regionCode", region)
                .check(ref != null && ref.length() > 40, ENTRANT_REF, "employerRef")
                .check(
                        c.entrants().stream()
                                .anyMatch(e -> e.regionCode().equals(region)
                                        && e.name().equalsIgnoreCase(n)),
                        ENTRANT_EXISTS,
                        "",
                        n);
        return checks.decide(() -> new NewEntrant(n, region, ref));
    }

    /** Evidence entered for {@code entrant}: allowed with the document it rests on (trimmed), or refused. */
    public static Decision<String> enterEvidence(
            Cycle c, Entrant entrant, Indicator code, long value, @Nullable String document, LindungUser by) {
        Decision.Checks checks = new Decision.Checks();
        preconditions(checks, c, entrant, Kind.ENTER_EVIDENCE, by, null);
        indicator(checks, c, code, Indicator.Source.EVIDENCE);
        String doc = document == null ? "" : document.trim();
        checks.check(
                        value < 0 || value > code.unit().max(),
                        EVIDENCE_RANGE,
                        "value",
                        Long.toString(code.unit().max()))
                .check(doc.isEmpty() || doc.length() > 500, EVIDENCE_DOCUMENT, "document");
        return checks.decide(() -> doc);
    }

    /** A juror's score (0–100) with an optional note. */
    public record Score(int score, @Nullable String note) {}

    /** A juror's score of a jury indicator: allowed while the cycle is not closed, or refused. */
    public static Decision<Score> score(Cycle c, Indicator code, int score, @Nullable String note, LindungUser by) {
        Decision.Checks checks = new Decision.Checks();
        preconditions(checks, c, null, Kind.SCORE, by, null);
        indicator(checks, c, code, Indicator.Source.JURY);
        String n = note == null || note.isBlank() ? null : note.trim();
        checks.check(score < 0 || score > 100, SCORE_RANGE, "score", score)
                .check(n != null && n.length() > 500, SCORE_NOTE, "note");
        return checks.decide(() -> new Score(score, n));
    }

    /**
     * The changes open to {@code by} on cycle {@code c} (and, for evidence, its {@code entrant}): those no rule of
     * the cycle, the entrant or the actor refuses. What is left is the form's input.
     */
    public static Set<Kind> offered(Cycle c, @Nullable Entrant entrant, LindungUser by) {
        Set<Kind> offered = EnumSet.noneOf(Kind.class);
        for (Kind kind : Kind.values()) {
            Decision.Checks checks = new Decision.Checks();
            preconditions(checks, c, entrant, kind, by, null);
            if (checks.passed()) {
                offered.add(kind);
            }
        }
        return offered;
    }

    // ------------------------------------------------------------------------------------------------- rules

    private static void preconditions(
            Decision.Checks checks,
            Cycle c,
            @Nullable Entrant entrant,
            Kind kind,
            LindungUser by,
            @Nullable CycleStatus to) {
        CycleStatus status = c.status();
        switch (kind) {
            case SET_STATUS ->
                checks.check(!mayManage(by), ADMIN, "", by.role().name())
                        .check(status == CycleStatus.CLOSED, STATUS_FINAL, "", status.name(), String.valueOf(to));
            case SET_WEIGHT ->
                checks.check(!mayManage(by), ADMIN, "", by.role().name())
                        .check(status == CycleStatus.CLOSED, CLOSED, "");
            case ADD_ENTRANT ->
                checks.check(!mayManage(by), ADMIN, "", by.role().name())
                        .check(
                                c.category().regional(),
                                ENTRANT_REGIONAL,
                                "",
                                c.category().name())
                        .check(status != CycleStatus.OPEN, NOT_OPEN, "", status.name());
            case ENTER_EVIDENCE ->
                checks.check(
                                entrant == null || !mayEnterEvidence(entrant.regionCode(), by),
                                EVIDENCE_FORBIDDEN,
                                "",
                                entrant == null ? "" : entrant.name())
                        .check(status != CycleStatus.OPEN, NOT_OPEN, "", status.name());
            case SCORE ->
                checks.check(!isJuror(by), NOT_JUROR, "", by.role().name())
                        .check(status == CycleStatus.CLOSED, CLOSED, "");
        }
    }

    private static void indicator(Decision.Checks checks, Cycle c, Indicator code, Indicator.Source source) {
        checks.check(
                code.source() != source || c.indicators().stream().noneMatch(w -> w.code() == code),
                INDICATOR_NOT_HERE,
                "code",
                code.name(),
                source.name());
    }
}
