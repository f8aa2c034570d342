package id.lindung.claim.letter;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The content of a claim decision letter ("surat keputusan klaim"), every field already a display value in the
 * letter's language (labels resolved, NIK masked); {@link DecisionLetters} lays it out and formats only the rupiah
 * amounts and dates.
 *
 * <p>An approval lists its {@code lines} and their {@code total} (which must be their sum); {@code dueDate} is the
 * last day to pay (JKK service level: 7 working days after complete documents), null when unknown or not applicable.
 * A rejection has no lines, a total of 0 and a {@code rejectionReason}, optionally with
 * {@code legalBasisOfRefusal}. {@code children}: every child recorded on a death or total-disability claim, who gets
 * the scholarship and why (at most two do). {@code employerPays}: on an approval the employer owes, who pays and why
 * (with {@code employerPaysBasis}, its legal basis); null when BPJS pays.
 *
 * <p>{@code officeName}: the branch office of the participant's kab/kota. {@code decidedBy} and
 * {@code secondApprover}: the officers' full names, with their positions (jabatan: the one on record, else the
 * role's label). {@code heirs}: the heirs recorded at intake, NIK masked, the bank account as the reader may see it;
 * on an approval that BPJS pays, the heir marked {@code payee} is the one whose account the benefit is paid to.
 */
public record DecisionLetter(
        String claimNumber,
        String participantName,
        String nikMasked,
        String regionName,
        String kindLabel,
        String causeLabel,
        LocalDate eventDate,
        boolean approved,
        List<Line> lines,
        long total,
        @Nullable String rejectionReason,
        @Nullable String legalBasisOfRefusal,
        String decidedBy,
        @Nullable String secondApprover,
        LocalDate decidedOn,
        @Nullable LocalDate dueDate,
        boolean unconfirmedRulesUsed,
        String officeName,
        List<ChildLine> children,
        @Nullable String employerPays,
        @Nullable String employerPaysBasis,
        @Nullable String decidedByPosition,
        @Nullable String secondApproverPosition,
        List<Heir> heirs) {

    /** A heir: name, relation (its label), NIK masked, bank account ("" when none), and whether the benefit's payee. */
    public record Heir(String name, String relation, String nikMasked, String bankAccount, boolean payee) {

        public Heir {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(relation, "relation");
            Objects.requireNonNull(nikMasked, "nikMasked");
            Objects.requireNonNull(bankAccount, "bankAccount");
        }
    }

    /** The heir the benefit is paid to, on an approval that BPJS pays; null otherwise. */
    public @Nullable Heir payee() {
        return heirs.stream().filter(Heir::payee).findFirst().orElse(null);
    }

    /**
     * A child recorded on the claim: whether it gets the scholarship plan, and why ({@code why}: the choice — at
     * intake or the default rule — or the rule that leaves it out), with the plan's projected total.
     */
    public record ChildLine(String name, boolean scholarship, String why, long plannedTotal) {

        public ChildLine {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(why, "why");
        }
    }

    /** One benefit amount: what it is, how it was computed (e.g. {@code 48 × Rp1.000.000}), its legal basis. */
    public record Line(String label, String formula, String legalBasis, long amount) {

        public Line {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(formula, "formula");
            Objects.requireNonNull(legalBasis, "legalBasis");
        }
    }

    public DecisionLetter {
        Objects.requireNonNull(claimNumber, "claimNumber");
        Objects.requireNonNull(participantName, "participantName");
        Objects.requireNonNull(nikMasked, "nikMasked");
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(kindLabel, "kindLabel");
        Objects.requireNonNull(causeLabel, "causeLabel");
        Objects.requireNonNull(eventDate, "eventDate");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedOn, "decidedOn");
        Objects.requireNonNull(officeName, "officeName");
        lines = List.copyOf(lines);
        children = List.copyOf(children);
        heirs = List.copyOf(heirs);
        if (heirs.stream().filter(Heir::payee).count() > 1) {
            throw new IllegalArgumentException(claimNumber + ": the benefit is paid to one account");
        }
        if (approved) {
            long sum = 0;
            for (Line line : lines) {
                sum = Math.addExact(sum, line.amount());
            }
            if (sum != total) {
                throw new IllegalArgumentException(
                        claimNumber + ": total " + total + " is not the sum of the lines (" + sum + ")");
            }
        } else {
            if (employerPays != null || heirs.stream().anyMatch(Heir::payee)) {
                throw new IllegalArgumentException(claimNumber + ": a rejection is nobody's to pay");
            }
            if (!lines.isEmpty() || total != 0) {
                throw new IllegalArgumentException(claimNumber + ": a rejection has no lines and no total");
            }
            if (rejectionReason == null || rejectionReason.isBlank()) {
                throw new IllegalArgumentException(claimNumber + ": a rejection needs its reason");
            }
        }
    }
}
