package id.lindung.claim.benefit;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The engine's answer to one claim: eligible with its {@code lines} (the benefit is their sum), or refused with the
 * {@code refusal} naming the rule (and no lines). For the kinds that open the children's scholarship (deaths, total
 * permanent disability) an eligible claim may still withhold it: {@code scholarshipRefusal} names why (e.g. a JKM
 * death before 36 months of contributions). {@code employerLiability}: an eligible claim the employer pays, not BPJS
 * (the worker was unprotected because of the employer; {@link EmployerLiability}). The scholarship itself is planned and paid by {@link ScholarshipPlanner}.
 */
public record BenefitAssessment(
        ClaimKind kind,
        LocalDate eventDate,
        @Nullable Refusal refusal,
        List<BenefitLine> lines,
        @Nullable Refusal scholarshipRefusal,
        @Nullable EmployerLiability employerLiability) {

    /** An assessment the programme pays (or refuses). */
    public BenefitAssessment(
            ClaimKind kind,
            LocalDate eventDate,
            @Nullable Refusal refusal,
            List<BenefitLine> lines,
            @Nullable Refusal scholarshipRefusal) {
        this(kind, eventDate, refusal, lines, scholarshipRefusal, null);
    }

    public BenefitAssessment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventDate, "eventDate");
        lines = List.copyOf(lines);
        if (refusal != null && !lines.isEmpty()) {
            throw new IllegalArgumentException("a refused claim has no lines");
        }
        if (refusal != null && employerLiability != null) {
            throw new IllegalArgumentException("a refused claim is nobody's to pay");
        }
    }

    static BenefitAssessment refused(ClaimFacts facts, Refusal refusal) {
        return new BenefitAssessment(facts.kind(), facts.eventDate(), refusal, List.of(), null);
    }

    public boolean eligible() {
        return refusal == null;
    }

    /** Whether the employer, not BPJS, pays the benefit ({@link #employerLiability()}). */
    public boolean employerPays() {
        return employerLiability != null;
    }

    /** The benefit: the sum of the lines (each already rounded), 0 when refused. */
    public long total() {
        long sum = 0;
        for (BenefitLine line : lines) {
            sum = Math.addExact(sum, line.amount());
        }
        return sum;
    }

    /** Whether the children's scholarship comes with this claim (its kind opens it and no rule withholds it). */
    public boolean scholarshipEntitled() {
        return eligible() && kind.grantsScholarship() && scholarshipRefusal == null;
    }

    /** Whether any line rests on an unconfirmed rule row. */
    public boolean unconfirmed() {
        return lines.stream().anyMatch(BenefitLine::unconfirmed);
    }
}
