package id.lindung.claim.benefit;

import static id.lindung.claim.benefit.Rupiah.format;
import static id.lindung.claim.benefit.Rupiah.percent;

import id.lindung.shared.FieldIssue;
import id.lindung.shared.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Assesses one claim from its {@link ClaimFacts} with the rule rows valid at the event date (domain reference §3,
 * PP 44/2015 jo. PP 82/2019 Lampiran III). Pure and thread-safe.
 *
 * <p>Order: malformed input → {@link InvalidInputException} (each issue names its field); a claim the rules refuse
 * (cause, protection, a rule with no row at the event date) → {@link BenefitAssessment#refusal()}; otherwise the
 * lines. A PU worker unprotected because of the employer gets the lines all the same, with the employer named as the
 * payer ({@link BenefitAssessment#employerLiability()}) where a rule row says so. Each line is rounded once to whole rupiah, half up ({@link Rupiah#round}); the total is their sum.
 *
 * <p>Decisions beyond the domain reference:
 * <ul>
 * <li>Partial disability: the percentages of one claim are summed in the order given and the sum is capped at
 * {@link RuleKey#JKK_DISABILITY_PARTIAL_MAX_PCT} (70%, the total-disability percentage; an unconfirmed row), so a
 * partial disability never pays more than 70% × 80 × wage, i.e. less than total permanent disability. The line that
 * reaches the cap is reduced to what is left ({@code min(40%; 70% − 65%)}), later lines are 0.</li>
 * <li>Home care: invoices dated from the start of home care up to (not including) the same day
 * {@link RuleKey#JKK_HOME_CARE_MAX_MONTHS} months later count; later ones are shown on a 0 line.</li>
 * <li>JKK death: the lump sum is 60% × 80 × wage, at least the JKM lump sum valid at the date of death.</li>
 * <li>STMB: whole months; tiers with the same percentage are shown as one line ("12 × 100% × wage"). For PU the
 * STMB is paid to the employer, who paid the wage (domain reference §3a) — the payee is the caller's concern.</li>
 * </ul>
 */
public final class BenefitCalculator {

    private final BenefitRules rules;

    public BenefitCalculator(BenefitRules rules) {
        this.rules = rules;
    }

    public BenefitRules rules() {
        return rules;
    }

    /** The refusal of the claim by cause and protection, before any amount (empty: eligible so far). */
    public Optional<Refusal> eligibility(ClaimFacts facts) {
        return Eligibility.check(facts);
    }

    /** A claim that opens its own case (nothing paid before on the accident). */
    public BenefitAssessment assess(ClaimFacts facts) {
        return assess(facts, AccidentCase.first(""));
    }

    /**
     * A claim on an accident case: what the earlier claims of the case hold continues (STMB months counted on, caps
     * of transport and home care reduced by what they hold, the formulas saying so) and a second lump sum is refused
     * naming the earlier claim ({@link RefusalCode#LUMP_SUM_ALREADY_IN_CASE}). JKM deaths ignore {@code accident}.
     */
    public BenefitAssessment assess(ClaimFacts facts, AccidentCase accident) {
        validate(facts);
        Optional<Refusal> refused = Eligibility.check(facts);
        EmployerLiability employer = null;
        if (refused.isPresent()) {
            employer =
                    Eligibility.employerLiability(rules, facts, refused.get()).orElse(null);
            if (employer == null) {
                return BenefitAssessment.refused(facts, refused.get());
            }
        }
        AccidentCase c = facts.kind().programme() == id.lindung.enrolment.Programme.JKK
                ? accident
                : AccidentCase.first(accident.caseNumber());
        if (facts.kind().lumpSum() && c.lumpSum().isPresent()) {
            AccidentCase.EarlierClaim earlier = c.lumpSum().get();
            return BenefitAssessment.refused(
                    facts,
                    Refusal.of(
                            RefusalCode.LUMP_SUM_ALREADY_IN_CASE,
                            c.caseNumber(),
                            earlier.claimNumber(),
                            earlier.kind().name(),
                            format(earlier.total())));
        }
        List<BenefitLine> lines;
        try {
            lines = lines(facts, c);
        } catch (MissingRuleException e) {
            return BenefitAssessment.refused(facts, Refusal.ruleMissing(e));
        }
        Refusal scholarship = facts.kind().grantsScholarship()
                ? Eligibility.scholarshipBasis(rules, facts).orElse(null)
                : null;
        return new BenefitAssessment(facts.kind(), facts.eventDate(), null, lines, scholarship, employer);
    }

    private List<BenefitLine> lines(ClaimFacts f, AccidentCase c) {
        LocalDate on = f.eventDate();
        ClaimDetails d = f.details();
        long wage = f.member().wage();
        switch (f.kind()) {
            case JKK_MEDICAL:
                return medical(on, (ClaimDetails.MedicalCare) d);
            case JKK_HOME_CARE:
                return homeCare(on, (ClaimDetails.HomeCare) d, c);
            case JKK_TRANSPORT:
                return transport(on, (ClaimDetails.Transport) d, c);
            case JKK_STMB:
                return stmb(on, c.stmbMonths(), ((ClaimDetails.TemporaryIncapacity) d).months(), wage);
            case JKK_DISABILITY_PARTIAL_ANATOMICAL:
                return anatomical(on, (ClaimDetails.AnatomicalDisability) d, wage);
            case JKK_DISABILITY_PARTIAL_FUNCTIONAL:
                return functional(on, (ClaimDetails.FunctionalDisability) d, wage);
            case JKK_DISABILITY_TOTAL:
                return totalDisability(on, wage);
            case JKK_DEATH:
                return jkkDeath(on, wage);
            case JKM_DEATH:
                return jkmDeath(on);
            default:
                throw new IllegalStateException("unknown kind " + f.kind());
        }
    }

    // ------------------------------------------------------------------------------------------------ care

    private List<BenefitLine> medical(LocalDate on, ClaimDetails.MedicalCare d) {
        BenefitRule atCost = rules.rule(RuleKey.JKK_MEDICAL_AT_COST, on);
        if (atCost.value().compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalStateException("only medical care at cost is implemented (" + atCost.ref() + ")");
        }
        List<BenefitLine> lines = new ArrayList<>();
        for (Invoice i : d.invoices()) {
            lines.add(Line.of("JKK_MEDICAL", i.description(), i.date())
                    .uses(atCost)
                    .amount(i.amount(), format(i.amount())));
        }
        return lines;
    }

    private List<BenefitLine> homeCare(LocalDate on, ClaimDetails.HomeCare d, AccidentCase c) {
        BenefitRule cap = rules.rule(RuleKey.JKK_HOME_CARE_MAX, on);
        BenefitRule months = rules.rule(RuleKey.JKK_HOME_CARE_MAX_MONTHS, on);
        LocalDate end = d.start().plusMonths(months.longValue());
        long within = 0;
        long after = 0;
        for (Invoice i : d.invoices()) {
            if (i.date().isBefore(end)) {
                within = Math.addExact(within, i.amount());
            } else {
                after = Math.addExact(after, i.amount());
            }
        }
        List<BenefitLine> lines = new ArrayList<>();
        lines.add(Line.of("JKK_HOME_CARE", months.intValue())
                .uses(cap, months)
                .amount(
                        Math.min(within, left(cap, "JKK_HOME_CARE", c)),
                        "min(" + format(within) + "; " + capLeft(cap, "JKK_HOME_CARE", c) + ")"));
        if (d.invoices().stream().anyMatch(i -> !i.date().isBefore(end))) {
            lines.add(Line.of("JKK_HOME_CARE_AFTER_PERIOD", months.intValue())
                    .uses(months)
                    .amount(0, format(after) + " × 0"));
        }
        return lines;
    }

    private List<BenefitLine> transport(LocalDate on, ClaimDetails.Transport d, AccidentCase accident) {
        Map<TransportMode, Long> byMode = new EnumMap<>(TransportMode.class);
        for (TransportCost c : d.costs()) {
            byMode.merge(c.mode(), c.amount(), Math::addExact);
        }
        List<BenefitLine> lines = new ArrayList<>();
        byMode.forEach((mode, claimed) -> {
            BenefitRule cap = rules.rule(mode.cap(), on);
            String code = "JKK_TRANSPORT_" + mode.name();
            lines.add(Line.of(code)
                    .uses(cap)
                    .amount(
                            Math.min(claimed, left(cap, code, accident)),
                            "min(" + format(claimed) + "; " + capLeft(cap, code, accident) + ")"));
        });
        return lines;
    }

    /** What is left of a cap after the earlier claims of the case (never below 0). */
    private static long left(BenefitRule cap, String code, AccidentCase c) {
        return Math.max(0, cap.longValue() - c.paid(code));
    }

    /** The cap as the formula shows it: {@code Rp5.000.000}, or {@code Rp5.000.000 − Rp1.000.000} after the case. */
    private static String capLeft(BenefitRule cap, String code, AccidentCase c) {
        long paid = c.paid(code);
        return paid == 0 ? format(cap.longValue()) : format(cap.longValue()) + " − " + format(paid);
    }

    // ------------------------------------------------------------------------------------------------ STMB

    /**
     * STMB months {@code before + 1} to {@code before + months} of the case: months already claimed on the accident
     * move the new ones into the later tiers.
     */
    private List<BenefitLine> stmb(LocalDate on, int before, int months, long wage) {
        BenefitRule m1 = rules.rule(RuleKey.JKK_STMB_TIER1_MONTHS, on);
        BenefitRule p1 = rules.rule(RuleKey.JKK_STMB_TIER1_PCT, on);
        BenefitRule m2 = rules.rule(RuleKey.JKK_STMB_TIER2_MONTHS, on);
        BenefitRule p2 = rules.rule(RuleKey.JKK_STMB_TIER2_PCT, on);
        BenefitRule pAfter = rules.rule(RuleKey.JKK_STMB_AFTER_PCT, on);
        int end1 = m1.intValue();
        int end2 = end1 + m2.intValue();
        int last = before + months;
        int first = Math.max(0, Math.min(last, end1) - before);
        int second = Math.max(0, Math.min(last, end2) - Math.max(before, end1));
        int rest = months - first - second;
        List<StmbTier> tiers = new ArrayList<>();
        addTier(tiers, before + 1, first, p1.value(), m1, p1);
        addTier(tiers, Math.max(before, end1) + 1, second, p2.value(), m1, m2, p2);
        addTier(tiers, Math.max(before, end2) + 1, rest, pAfter.value(), m1, m2, pAfter);
        List<BenefitLine> lines = new ArrayList<>();
        for (StmbTier t : tiers) {
            BigDecimal exact = Rupiah.percentOf(t.pct, BigDecimal.valueOf(wage)).multiply(BigDecimal.valueOf(t.months));
            lines.add(Line.of("JKK_STMB", t.from, t.from + t.months - 1)
                    .uses(t.rules.toArray(BenefitRule[]::new))
                    .amount(Rupiah.round(exact), t.months + " × " + percent(t.pct) + " × " + format(wage)));
        }
        return lines;
    }

    private static final class StmbTier {
        final int from;
        int months;
        final BigDecimal pct;
        final List<BenefitRule> rules = new ArrayList<>();

        StmbTier(int from, int months, BigDecimal pct) {
            this.from = from;
            this.months = months;
            this.pct = pct;
        }
    }

    /** Adds a tier, or lengthens the previous one when it has the same percentage. */
    private static void addTier(List<StmbTier> tiers, int from, int months, BigDecimal pct, BenefitRule... used) {
        if (months <= 0) {
            return;
        }
        StmbTier last = tiers.isEmpty() ? null : tiers.get(tiers.size() - 1);
        StmbTier tier = last != null && last.pct.compareTo(pct) == 0 ? last : null;
        if (tier == null) {
            tier = new StmbTier(from, 0, pct);
            tiers.add(tier);
        }
        tier.months += months;
        for (BenefitRule r : used) {
            if (!tier.rules.contains(r)) {
                tier.rules.add(r);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ disability

    private List<BenefitLine> anatomical(LocalDate on, ClaimDetails.AnatomicalDisability d, long wage) {
        List<Partial> items = new ArrayList<>();
        for (String code : d.codes()) {
            DisabilityRow row = rules.disability(code, on);
            items.add(new Partial(
                    row,
                    row.percent(),
                    Line.of("JKK_DISABILITY_ANATOMICAL", code, row.bodyPartId(), row.bodyPartEn()),
                    percent(row.percent())));
        }
        return partial(on, items, wage);
    }

    private List<BenefitLine> functional(LocalDate on, ClaimDetails.FunctionalDisability d, long wage) {
        List<Partial> items = new ArrayList<>();
        for (FunctionLoss loss : d.losses()) {
            DisabilityRow row = rules.disability(loss.code(), on);
            items.add(new Partial(
                    row,
                    Rupiah.percentOf(loss.percentLost(), row.percent()),
                    Line.of(
                            "JKK_DISABILITY_FUNCTIONAL",
                            loss.code(),
                            row.bodyPartId(),
                            row.bodyPartEn(),
                            Rupiah.percent(loss.percentLost())),
                    percent(loss.percentLost()) + " × " + percent(row.percent())));
        }
        return partial(on, items, wage);
    }

    /** A partial disability's item: its table row, its percentage, its line, and its share as a formula. */
    private record Partial(DisabilityRow row, BigDecimal pct, Line line, String share) {}

    /**
     * The lines of a partial disability's items, in their order, under the cap on their sum: each item takes at most
     * what the items before it left of the cap, and its formula then says so.
     */
    private List<BenefitLine> partial(LocalDate on, List<Partial> items, long wage) {
        BenefitRule multiplier = rules.rule(RuleKey.JKK_WAGE_MULTIPLIER, on);
        BenefitRule cap = rules.rule(RuleKey.JKK_DISABILITY_PARTIAL_MAX_PCT, on);
        List<BenefitLine> lines = new ArrayList<>();
        BigDecimal used = BigDecimal.ZERO;
        for (Partial item : items) {
            BigDecimal left = cap.value().subtract(used).max(BigDecimal.ZERO);
            BigDecimal effective = item.pct().min(left);
            used = used.add(effective);
            Line line = item.line().uses(item.row()).uses(multiplier);
            String share = item.share();
            if (effective.compareTo(item.pct()) < 0) {
                line.uses(cap);
                share = "min(" + share + "; " + percent(cap.value()) + " − "
                        + percent(cap.value().subtract(left)) + ")";
            }
            lines.add(line.amount(
                    disabilityAmount(effective, multiplier, wage),
                    share + " × " + Rupiah.number(multiplier.value()) + " × " + format(wage)));
        }
        return lines;
    }

    private static long disabilityAmount(BigDecimal pct, BenefitRule multiplier, long wage) {
        return Rupiah.round(Rupiah.percentOf(pct, multiplier.value().multiply(BigDecimal.valueOf(wage))));
    }

    private List<BenefitLine> totalDisability(LocalDate on, long wage) {
        BenefitRule pct = rules.rule(RuleKey.JKK_DISABILITY_TOTAL_PCT, on);
        BenefitRule multiplier = rules.rule(RuleKey.JKK_WAGE_MULTIPLIER, on);
        BenefitRule periodic = rules.rule(RuleKey.JKK_PERIODIC_BENEFIT, on);
        return List.of(
                Line.of("JKK_DISABILITY_TOTAL")
                        .uses(pct, multiplier)
                        .amount(
                                disabilityAmount(pct.value(), multiplier, wage),
                                percent(pct.value()) + " × " + Rupiah.number(multiplier.value()) + " × "
                                        + format(wage)),
                fixed("JKK_PERIODIC_BENEFIT", periodic));
    }

    // ------------------------------------------------------------------------------------------------ death

    private List<BenefitLine> jkkDeath(LocalDate on, long wage) {
        BenefitRule pct = rules.rule(RuleKey.JKK_DEATH_PCT, on);
        BenefitRule multiplier = rules.rule(RuleKey.JKK_WAGE_MULTIPLIER, on);
        BenefitRule minimum = rules.rule(RuleKey.JKM_LUMP_SUM, on);
        BenefitRule periodic = rules.rule(RuleKey.JKK_PERIODIC_BENEFIT, on);
        BenefitRule funeral = rules.rule(RuleKey.JKK_FUNERAL, on);
        long byWage = disabilityAmount(pct.value(), multiplier, wage);
        String formula = percent(pct.value()) + " × " + Rupiah.number(multiplier.value()) + " × " + format(wage);
        Line lump = Line.of("JKK_DEATH_LUMP_SUM").uses(pct, multiplier);
        BenefitLine lumpLine;
        if (byWage >= minimum.longValue()) {
            lumpLine = lump.amount(byWage, formula);
        } else {
            lumpLine = lump.uses(minimum)
                    .amount(minimum.longValue(), "max(" + formula + "; " + format(minimum.longValue()) + ")");
        }
        return List.of(lumpLine, fixed("JKK_PERIODIC_BENEFIT", periodic), fixed("JKK_FUNERAL", funeral));
    }

    private List<BenefitLine> jkmDeath(LocalDate on) {
        return List.of(
                fixed("JKM_LUMP_SUM", rules.rule(RuleKey.JKM_LUMP_SUM, on)),
                fixed("JKM_PERIODIC_BENEFIT", rules.rule(RuleKey.JKM_PERIODIC_BENEFIT, on)),
                fixed("JKM_FUNERAL", rules.rule(RuleKey.JKM_FUNERAL, on)));
    }

    private static BenefitLine fixed(String code, BenefitRule amount) {
        return Line.of(code).uses(amount).amount(amount.longValue(), format(amount.longValue()));
    }

    // ------------------------------------------------------------------------------------------------ input

    private void validate(ClaimFacts f) {
        List<FieldIssue> issues = new ArrayList<>();
        if (f.kind().wageBased() && f.member().wage() <= 0) {
            issues.add(FieldIssue.error("member.wage", "claim.input.wageRequired"));
        }
        if (f.member().contributionMonths() < 0) {
            issues.add(FieldIssue.error("member.contributionMonths", "claim.input.negative"));
        }
        ClaimDetails d = f.details();
        if (d instanceof ClaimDetails.MedicalCare m) {
            invoices(issues, "details.invoices", m.invoices(), f.eventDate());
        } else if (d instanceof ClaimDetails.HomeCare h) {
            if (h.start().isBefore(f.eventDate())) {
                issues.add(FieldIssue.error("details.start", "claim.input.dateTooEarly", f.eventDate()));
            }
            invoices(issues, "details.invoices", h.invoices(), h.start());
        } else if (d instanceof ClaimDetails.Transport t) {
            if (t.costs().isEmpty()) {
                issues.add(FieldIssue.error("details.costs", "claim.input.noItems"));
            }
            for (int i = 0; i < t.costs().size(); i++) {
                amountAndDate(
                        issues,
                        "details.costs[" + i + "]",
                        t.costs().get(i).amount(),
                        t.costs().get(i).date(),
                        f.eventDate());
            }
        } else if (d instanceof ClaimDetails.TemporaryIncapacity s) {
            if (s.months() < 1 || s.months() > 1200) {
                issues.add(FieldIssue.error("details.months", "claim.input.monthsRange", 1, 1200));
            }
        } else if (d instanceof ClaimDetails.AnatomicalDisability a) {
            codes(issues, "details.codes", a.codes());
        } else if (d instanceof ClaimDetails.FunctionalDisability fd) {
            codes(
                    issues,
                    "details.losses",
                    fd.losses().stream().map(FunctionLoss::code).toList());
            for (int i = 0; i < fd.losses().size(); i++) {
                BigDecimal lost = fd.losses().get(i).percentLost();
                if (lost.signum() <= 0 || lost.compareTo(BigDecimal.valueOf(100)) > 0) {
                    issues.add(
                            FieldIssue.error("details.losses[" + i + "].percentLost", "claim.input.percentLostRange"));
                }
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidInputException(issues);
        }
    }

    private static void invoices(List<FieldIssue> issues, String field, List<Invoice> invoices, LocalDate earliest) {
        if (invoices.isEmpty()) {
            issues.add(FieldIssue.error(field, "claim.input.noItems"));
        }
        for (int i = 0; i < invoices.size(); i++) {
            amountAndDate(
                    issues,
                    field + "[" + i + "]",
                    invoices.get(i).amount(),
                    invoices.get(i).date(),
                    earliest);
        }
    }

    private static void amountAndDate(
            List<FieldIssue> issues, String field, long amount, LocalDate date, LocalDate earliest) {
        if (amount < 0) {
            issues.add(FieldIssue.error(field + ".amount", "claim.input.negative"));
        }
        if (date.isBefore(earliest)) {
            issues.add(FieldIssue.error(field + ".date", "claim.input.dateTooEarly", earliest));
        }
    }

    private void codes(List<FieldIssue> issues, String field, List<String> codes) {
        if (codes.isEmpty()) {
            issues.add(FieldIssue.error(field, "claim.input.noItems"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!rules.knowsDisability(code)) {
                issues.add(FieldIssue.error(field + "[" + i + "]", "claim.input.unknownDisabilityCode", code));
            } else if (!seen.add(code)) {
                issues.add(FieldIssue.error(field + "[" + i + "]", "claim.input.duplicateDisabilityCode", code));
            }
        }
    }
}
