package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Rupiah.format;

import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The children's scholarship (beasiswa) of a JKK death, a total permanent disability or a JKM death (PP 82/2019;
 * Permenaker 5/2021; domain reference §3b–3c): a projected schedule per child, and the decision on each yearly
 * claim with proof of enrolment. Amounts come from the rule rows valid at the event date. Pure and thread-safe.
 *
 * <p>Decisions beyond the domain reference:
 * <ul>
 * <li>School years run from 1 July ({@code 2024} = 2024/2025). A school year is paid only if the child is younger
 * than {@link RuleKey#SCHOLARSHIP_AGE_LIMIT} (23) on its first day; the first payable school year is the one in
 * progress on the event date.</li>
 * <li>Which children: any number may be recorded. Those married, working or past the age limit are excluded first,
 * each with its rule; of the rest, the children chosen at intake (by the heirs through the officer or agent; at most
 * {@link RuleKey#SCHOLARSHIP_MAX_CHILDREN}), or when none is chosen the default ({@link Choice#DEFAULT}): the
 * youngest children already in school, then — for places left — the children not yet in school, eldest first (the
 * first to start school); on a tie the order given. Everyone else is excluded with
 * {@link RefusalCode#SCHOLARSHIP_MAX_CHILDREN}. A chosen child who turns out ineligible is not replaced. The
 * schedules come in the order the children were given.</li>
 * <li>The schedule is a projection: it assumes one level year per school year without repeats, and a child not yet
 * in school entering TK year 1 in the school year starting in the year it turns {@value #PROJECTED_TK_ENTRY_AGE}.
 * What is paid follows the yearly claims ({@link #claimYear}), not the projection.</li>
 * <li>A year is capped by what is left of {@link RuleKey#SCHOLARSHIP_MAX_PER_CHILD}; with today's table the levels
 * add up to exactly that cap.</li>
 * </ul>
 */
public final class ScholarshipPlanner {

    /** Projection only: the age in the calendar year a child not yet in school is assumed to start TK. */
    public static final int PROJECTED_TK_ENTRY_AGE = 5;

    private final BenefitRules rules;

    public ScholarshipPlanner(BenefitRules rules) {
        this.rules = rules;
    }

    /** The school year in progress on {@code date}: 2024 for 2024-07-01 … 2025-06-30. */
    public static int schoolYearOf(LocalDate date) {
        return date.getMonthValue() >= 7 ? date.getYear() : date.getYear() - 1;
    }

    public static LocalDate firstDay(int schoolYear) {
        return LocalDate.of(schoolYear, 7, 1);
    }

    /** {@code 2024} → {@code 2024/2025}. */
    public static String label(int schoolYear) {
        return schoolYear + "/" + (schoolYear + 1);
    }

    /** Whether the claim opens the scholarship at all (empty) or why not. */
    public Optional<Refusal> eligibility(ClaimFacts facts) {
        return Eligibility.scholarshipBasis(rules, facts);
    }

    /** How the children of a plan were chosen. */
    public enum Choice {
        /** Chosen at intake (the heirs' choice, entered by the officer or agent). */
        CHOSEN,
        /** Nobody chosen: the youngest in school, then those not yet in school, eldest first. */
        DEFAULT
    }

    /** The default order of preference: in school before not yet in school; youngest in school first. */
    static final Comparator<Child> DEFAULT_PREFERENCE = Comparator.<Child, Boolean>comparing(c -> c.level() == null)
            .thenComparing((a, b) -> a.level() == null
                    ? a.birthDate().compareTo(b.birthDate())
                    : b.birthDate().compareTo(a.birthDate()));

    /** {@link #plan(ClaimFacts, LocalDate, List, List)} with nobody chosen: the default. */
    public ScholarshipPlan plan(ClaimFacts facts, LocalDate asOf, List<Child> children) {
        return plan(facts, asOf, children, List.of());
    }

    /**
     * The projected schedules from the school year in progress on {@code asOf} (the children's level and year are
     * as of that date; not before the event's school year).
     *
     * @param namedByHeirs ids of the children chosen at intake, at most the maximum number of children; empty:
     *     the default ({@link Choice#DEFAULT}). Too many, unknown or repeated ids are refused naming the child's
     *     position in {@code children}: {@code children[2].named}.
     */
    public ScholarshipPlan plan(ClaimFacts facts, LocalDate asOf, List<Child> children, List<String> namedByHeirs) {
        Optional<Refusal> basis = eligibility(facts);
        if (basis.isPresent()) {
            return new ScholarshipPlan(basis.get(), List.of(), List.of(), choiceOf(namedByHeirs));
        }
        LocalDate on = facts.eventDate();
        BenefitRule maxChildren = rules.rule(RuleKey.SCHOLARSHIP_MAX_CHILDREN, on);
        BenefitRule ageLimit = rules.rule(RuleKey.SCHOLARSHIP_AGE_LIMIT, on);
        validatePlan(facts, asOf, children, namedByHeirs, maxChildren);
        int start = Math.max(schoolYearOf(asOf), schoolYearOf(on));

        List<ExcludedChild> excluded = new ArrayList<>();
        List<Child> candidates = new ArrayList<>();
        for (Child c : children) {
            Refusal personal = personalRefusal(c, start, ageLimit);
            if (personal != null) {
                excluded.add(new ExcludedChild(c, personal));
            } else {
                candidates.add(c);
            }
        }
        List<Child> preferred = namedByHeirs.isEmpty()
                ? candidates.stream()
                        .sorted(DEFAULT_PREFERENCE)
                        .limit(maxChildren.intValue())
                        .toList()
                : candidates.stream().filter(c -> namedByHeirs.contains(c.id())).toList();
        List<Child> chosen = candidates.stream().filter(preferred::contains).toList();
        for (Child c : candidates) {
            if (!chosen.contains(c)) {
                excluded.add(new ExcludedChild(
                        c,
                        Refusal.byRule(
                                RefusalCode.SCHOLARSHIP_MAX_CHILDREN, maxChildren, c.name(), maxChildren.intValue())));
            }
        }
        List<ChildSchedule> schedules = new ArrayList<>();
        for (Child c : chosen) {
            schedules.add(schedule(c, start, on, ageLimit));
        }
        return new ScholarshipPlan(null, schedules, excluded, choiceOf(namedByHeirs));
    }

    private static Choice choiceOf(List<String> namedByHeirs) {
        return namedByHeirs.isEmpty() ? Choice.DEFAULT : Choice.CHOSEN;
    }

    private @Nullable Refusal personalRefusal(Child c, int schoolYear, BenefitRule ageLimit) {
        if (c.married()) {
            return Refusal.of(RefusalCode.SCHOLARSHIP_MARRIED, c.name());
        }
        if (c.working()) {
            return Refusal.of(RefusalCode.SCHOLARSHIP_WORKING, c.name());
        }
        if (tooOld(c, schoolYear, ageLimit)) {
            return Refusal.byRule(RefusalCode.SCHOLARSHIP_AGE_LIMIT, ageLimit, c.name(), ageLimit.intValue());
        }
        return null;
    }

    private static boolean tooOld(Child c, int schoolYear, BenefitRule ageLimit) {
        return Period.between(c.birthDate(), firstDay(schoolYear)).getYears() >= ageLimit.intValue();
    }

    private ChildSchedule schedule(Child c, int start, LocalDate on, BenefitRule ageLimit) {
        BenefitRule cap = rules.rule(RuleKey.SCHOLARSHIP_MAX_PER_CHILD, on);
        EducationLevel level = c.level();
        int year = c.yearInLevel();
        int schoolYear = start;
        if (level == null) {
            level = EducationLevel.TK;
            year = 1;
            schoolYear = Math.max(start, c.birthDate().getYear() + PROJECTED_TK_ENTRY_AGE);
        }
        List<ScholarshipYear> years = new ArrayList<>();
        long paid = 0;
        Refusal endedBy = null;
        while (level != null) {
            if (tooOld(c, schoolYear, ageLimit)) {
                endedBy = Refusal.byRule(RefusalCode.SCHOLARSHIP_AGE_LIMIT, ageLimit, c.name(), ageLimit.intValue());
                break;
            }
            BenefitRule maxYears = rules.rule(level.maxYears(), on);
            if (year <= maxYears.intValue()) {
                if (paid >= cap.longValue()) {
                    endedBy = Refusal.byRule(RefusalCode.SCHOLARSHIP_CHILD_CAP_REACHED, cap, c.name(), cap.longValue());
                    break;
                }
                BenefitLine line = yearLine(level, year, schoolYear, paid, on);
                paid += line.amount();
                years.add(new ScholarshipYear(schoolYear, level, year, line));
                year++;
                schoolYear++;
            } else {
                // a year beyond the level's maximum (repeated) is not paid: project the next level the year after
                schoolYear++;
            }
            if (year > maxYears.intValue()) {
                level = level.next();
                year = 1;
            }
        }
        return new ChildSchedule(c, years, endedBy);
    }

    /** The line of one school year: the level's yearly amount, at most what is left of the per-child cap. */
    private BenefitLine yearLine(EducationLevel level, int year, int schoolYear, long paidBefore, LocalDate on) {
        BenefitRule yearly = rules.rule(level.yearly(), on);
        BenefitRule maxYears = rules.rule(level.maxYears(), on);
        BenefitRule cap = rules.rule(RuleKey.SCHOLARSHIP_MAX_PER_CHILD, on);
        Line line =
                Line.of("SCHOLARSHIP", level.name(), year, label(schoolYear)).uses(yearly, maxYears);
        long left = cap.longValue() - paidBefore;
        if (yearly.longValue() <= left) {
            return line.amount(yearly.longValue(), format(yearly.longValue()));
        }
        return line.uses(cap)
                .amount(
                        Math.max(left, 0),
                        "min(" + format(yearly.longValue()) + "; " + format(cap.longValue()) + " − "
                                + format(paidBefore) + ")");
    }

    /**
     * A yearly claim with proof of enrolment: the amount payable for the school year, or the refusal naming its rule
     * (in this order: the claim's basis, a school year before the event, married, working, no enrolment, age limit,
     * more children than allowed, the year already paid, the level's years used, the per-child cap reached).
     */
    public ScholarshipDecision claimYear(ClaimFacts facts, ScholarshipClaim claim) {
        Optional<Refusal> basis = eligibility(facts);
        if (basis.isPresent()) {
            return refused(basis.get());
        }
        LocalDate on = facts.eventDate();
        Child c = claim.child();
        int schoolYear = claim.schoolYear();
        if (schoolYear < schoolYearOf(on)) {
            return refused(Refusal.of(RefusalCode.SCHOLARSHIP_YEAR_BEFORE_EVENT, label(schoolYear), on));
        }
        if (c.married()) {
            return refused(Refusal.of(RefusalCode.SCHOLARSHIP_MARRIED, c.name()));
        }
        if (c.working()) {
            return refused(Refusal.of(RefusalCode.SCHOLARSHIP_WORKING, c.name()));
        }
        EducationLevel level = claim.level();
        if (level == null) {
            return refused(Refusal.of(RefusalCode.SCHOLARSHIP_NOT_ENROLLED, c.name()));
        }
        BenefitRule ageLimit = rules.rule(RuleKey.SCHOLARSHIP_AGE_LIMIT, on);
        if (tooOld(c, schoolYear, ageLimit)) {
            return refused(Refusal.byRule(RefusalCode.SCHOLARSHIP_AGE_LIMIT, ageLimit, c.name(), ageLimit.intValue()));
        }
        BenefitRule maxChildren = rules.rule(RuleKey.SCHOLARSHIP_MAX_CHILDREN, on);
        if (claim.paidToChild().isEmpty() && claim.otherChildrenReceiving() >= maxChildren.intValue()) {
            return refused(Refusal.byRule(
                    RefusalCode.SCHOLARSHIP_MAX_CHILDREN, maxChildren, c.name(), maxChildren.intValue()));
        }
        if (claim.paidToChild().stream().anyMatch(p -> p.schoolYear() == schoolYear)) {
            return refused(Refusal.of(RefusalCode.SCHOLARSHIP_YEAR_ALREADY_PAID, label(schoolYear)));
        }
        BenefitRule maxYears = rules.rule(level.maxYears(), on);
        long yearsAtLevel =
                claim.paidToChild().stream().filter(p -> p.level() == level).count();
        if (yearsAtLevel >= maxYears.intValue()) {
            return refused(Refusal.byRule(
                    RefusalCode.SCHOLARSHIP_LEVEL_YEARS_USED,
                    maxYears,
                    label(schoolYear),
                    level.name(),
                    maxYears.intValue()));
        }
        BenefitRule cap = rules.rule(RuleKey.SCHOLARSHIP_MAX_PER_CHILD, on);
        long paid = claim.paidToChild().stream()
                .mapToLong(ScholarshipPayment::amount)
                .sum();
        if (paid >= cap.longValue()) {
            return refused(Refusal.byRule(RefusalCode.SCHOLARSHIP_CHILD_CAP_REACHED, cap, c.name(), cap.longValue()));
        }
        return new ScholarshipDecision(yearLine(level, (int) yearsAtLevel + 1, schoolYear, paid, on), null);
    }

    private static ScholarshipDecision refused(Refusal refusal) {
        return new ScholarshipDecision(null, refusal);
    }

    /**
     * What is wrong with a choice of children, each issue naming the child's position in {@code children} (the
     * intake's rows): {@code children[2].named} for each chosen child beyond {@code max}, for an id given twice;
     * {@code children} for an id that is no child of the list. Empty when the choice is fine.
     */
    public static List<FieldIssue> choiceIssues(List<Child> children, List<String> chosen, int max) {
        List<FieldIssue> issues = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String id : chosen) {
            int at = indexOf(children, id);
            if (at < 0) {
                issues.add(FieldIssue.error("children", "claim.input.unknownChild", id));
            } else if (seen.contains(id)) {
                issues.add(FieldIssue.error("children[" + at + "].named", "claim.input.duplicateChild"));
            } else if (seen.size() >= max) {
                issues.add(FieldIssue.error(
                        "children[" + at + "].named",
                        "claim.input.tooManyNamedChildren",
                        max,
                        chosen.size(),
                        children.get(at).name()));
            } else {
                seen.add(id);
            }
        }
        for (int i = 0; i < children.size(); i++) {
            if (indexOf(children, children.get(i).id()) != i) {
                issues.add(FieldIssue.error("children[" + i + "]", "claim.input.duplicateChild"));
            }
        }
        return issues;
    }

    private static int indexOf(List<Child> children, String id) {
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static void validatePlan(
            ClaimFacts facts,
            LocalDate asOf,
            List<Child> children,
            List<String> namedByHeirs,
            BenefitRule maxChildren) {
        List<FieldIssue> issues = new ArrayList<>();
        if (asOf.isBefore(facts.eventDate())) {
            issues.add(FieldIssue.error("asOf", "claim.input.dateTooEarly", facts.eventDate()));
        }
        issues.addAll(choiceIssues(children, namedByHeirs, maxChildren.intValue()));
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
    }
}
