package id.lindung.enrolment;

import id.lindung.shared.Bounds;
import id.lindung.shared.FieldIssue;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The segment rules of a membership, in one place: what enrolment refuses, a contribution quote refuses too, with
 * the same message codes ({@code EnrolmentManagement} and {@code contribution.Quotes} both call {@link #check}).
 * Each caller names the fields as its own input calls them ({@link Fields}).
 */
@Component
public class MembershipRules {

    /** The programmes began in July 2015: no membership starts earlier ({@link Bounds#EARLIEST_MONTH}). */
    public static final YearMonth EARLIEST_START = Bounds.EARLIEST_MONTH;
    /** How far ahead a start may be planned ({@link Bounds#START_MONTHS_AHEAD}). */
    static final int MAX_MONTHS_AHEAD = Bounds.START_MONTHS_AHEAD;
    /** The JKK risk classes of PP 44/2015 Lampiran I. */
    static final int MIN_RISK_CLASS = 1;

    static final int MAX_RISK_CLASS = 5;
    /** The longest PMI placement contract accepted, in months. */
    static final int MAX_CONTRACT_MONTHS = 120;

    /**
     * How a caller's input names the fields whose names differ between enrolment and a quote.
     *
     * @param base the base amount ({@code baseAmount} on enrolment, {@code base} on a quote)
     * @param riskClass the JKK risk class a PU membership needs; {@code null} when the caller takes it from something
     *        it checks itself (enrolment: the employer's, whose absence is refused as {@code employerId})
     */
    public record Fields(String base, @Nullable String riskClass) {}

    private final Clock clock;
    private final Bounds bounds;
    private final long bpuMinIncome;
    private final Set<Long> pmiJhtAmounts;

    MembershipRules(Clock clock, Bounds bounds, EnrolmentProperties properties) {
        this.clock = clock;
        this.bounds = bounds;
        this.bpuMinIncome = properties.bpuMinIncome();
        this.pmiJhtAmounts = Set.copyOf(properties.pmiJhtAmounts());
    }

    /** The lowest declared income a BPU member may have. */
    public long bpuMinIncome() {
        return bpuMinIncome;
    }

    /** The segment's mandatory programmes and those asked for (whether allowed or not: {@link #check} says). */
    public static Set<Programme> programmes(Segment segment, @Nullable Set<Programme> asked) {
        Set<Programme> programmes = segment.mandatory();
        if (asked != null) {
            programmes.addAll(asked);
        }
        return programmes;
    }

    /** Every broken segment rule of {@code terms}, each naming its field; empty when they are acceptable. */
    public List<FieldIssue> check(MembershipTerms terms, Fields fields) {
        List<FieldIssue> issues = new ArrayList<>();
        Segment segment = terms.segment();
        if (segment == null) {
            issues.add(FieldIssue.error("segment", "field.required"));
            return issues;
        }
        if (terms.programmes() != null) {
            for (Programme p : terms.programmes()) {
                if (!segment.allows(p)) {
                    issues.add(FieldIssue.error(
                            "programmes", "enrolment.programme.unavailable", p.name(), segment.name()));
                }
            }
        }
        checkBase(segment, terms.base(), programmes(segment, terms.programmes()), fields.base(), issues);
        switch (segment) {
            case PU -> {
                if (fields.riskClass() != null) {
                    checkRiskClass(fields.riskClass(), terms.riskClass(), issues);
                }
            }
            case JAKON -> {
                if (terms.contractValue() == null) {
                    issues.add(FieldIssue.error("contractValue", "field.required"));
                } else if (terms.contractValue() <= 0) {
                    issues.add(FieldIssue.error("contractValue", "amount.positive"));
                } else {
                    bounds.check(Bounds.Money.CONTRACT_VALUE, "contractValue", terms.contractValue(), issues);
                }
            }
            case PMI -> {
                if (terms.contractMonths() == null) {
                    issues.add(FieldIssue.error("contractMonths", "field.required"));
                } else if (terms.contractMonths() < 1 || terms.contractMonths() > MAX_CONTRACT_MONTHS) {
                    issues.add(FieldIssue.error("contractMonths", "enrolment.contract-months.range"));
                }
            }
            case BPU -> {}
        }
        if (terms.sector() == Sector.TRANSPORT && segment != Segment.BPU) {
            issues.add(FieldIssue.error("sector", "enrolment.sector.bpu-only"));
        }
        if (terms.governmentPaid() && segment != Segment.BPU) {
            issues.add(FieldIssue.error("governmentPaid", "enrolment.government-paid.bpu-only"));
        }
        return issues;
    }

    /** The base of a segment: BPU income at least the floor, a positive PU wage, a PMI JHT amount from the list. */
    public void checkBase(
            Segment segment, @Nullable Long amount, Set<Programme> programmes, String field, List<FieldIssue> issues) {
        switch (segment) {
            case BPU -> {
                if (amount == null) {
                    issues.add(FieldIssue.error(field, "field.required"));
                } else if (amount < bpuMinIncome) {
                    issues.add(FieldIssue.error(field, "enrolment.income.below-floor", bpuMinIncome));
                } else {
                    bounds.check(Bounds.Money.DECLARED_INCOME, field, amount, issues);
                }
            }
            case PU -> {
                if (amount == null) {
                    issues.add(FieldIssue.error(field, "field.required"));
                } else if (amount <= 0) {
                    issues.add(FieldIssue.error(field, "amount.positive"));
                } else {
                    bounds.check(Bounds.Money.WAGE, field, amount, issues);
                }
            }
            case PMI -> {
                if (programmes.contains(Programme.JHT)) {
                    if (amount == null) {
                        issues.add(FieldIssue.error(field, "field.required"));
                    } else if (!pmiJhtAmounts.contains(amount)) {
                        issues.add(FieldIssue.error(
                                field,
                                "enrolment.pmi-jht.amount",
                                pmiJhtAmounts.stream()
                                        .sorted()
                                        .map(String::valueOf)
                                        .collect(Collectors.joining(", "))));
                    }
                } else if (amount != null && amount != 0) {
                    issues.add(FieldIssue.error(field, "enrolment.pmi.no-jht"));
                }
            }
            case JAKON -> {}
        }
    }

    /** A JKK risk class (PP 44/2015 Lampiran I): given, 1 to 5. */
    public void checkRiskClass(String field, @Nullable Integer riskClass, List<FieldIssue> issues) {
        if (riskClass == null) {
            issues.add(FieldIssue.error(field, "field.required"));
        } else if (riskClass < MIN_RISK_CLASS || riskClass > MAX_RISK_CLASS) {
            issues.add(FieldIssue.error(field, "employer.risk-class.range"));
        }
    }

    /** A month a membership can be in at all: given, and not before the programmes began. */
    public void checkMonth(String field, @Nullable YearMonth month, List<FieldIssue> issues) {
        if (month == null) {
            issues.add(FieldIssue.error(field, "field.required"));
        } else if (month.isBefore(EARLIEST_START)) {
            issues.add(FieldIssue.error(field, "enrolment.start.too-early", EARLIEST_START.toString()));
        } else if (month.getYear() > Bounds.LAST_YEAR) {
            issues.add(FieldIssue.error(field, "bounds.month", EARLIEST_START.toString(), Bounds.LAST_YEAR + "-12"));
        }
    }

    /** A month planned ahead (an end, a base change): whether within {@link Bounds#checkPlannedMonth}. */
    public boolean checkPlanned(String field, @Nullable YearMonth month, List<FieldIssue> issues) {
        return bounds.checkPlannedMonth(field, month, issues);
    }

    /** A start month: {@link #checkMonth} and at most {@value #MAX_MONTHS_AHEAD} months ahead. */
    public void checkStart(String field, @Nullable YearMonth start, List<FieldIssue> issues) {
        checkMonth(field, start, issues);
        if (start != null
                && !start.isBefore(EARLIEST_START)
                && start.isAfter(YearMonth.now(clock).plusMonths(MAX_MONTHS_AHEAD))) {
            issues.add(FieldIssue.error(field, "enrolment.start.too-late", MAX_MONTHS_AHEAD));
        }
    }
}
