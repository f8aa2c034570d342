package id.lindung.claim.benefit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One JKK case: the earlier claims on the same accident, as the engine needs them to continue the case. Lindung's
 * definition of "the same accident": the same participant and the same accident (event) date under a work-related
 * cause; the case is named by its first claim's number ({@code caseNumber}). A later claim on the case adds new
 * medical invoices, further STMB months (counted on from the months already claimed, so the tiers go on), transport
 * and home care within what is left of their caps, and never a second lump sum (partial or total disability, JKK
 * death): {@link RefusalCode#LUMP_SUM_ALREADY_IN_CASE}.
 *
 * <p>{@code earlier}: the other claims of the case that hold money — not rejected and not refused by a rule (the caller
 * leaves the others out), in the order they were taken in.
 */
public record AccidentCase(String caseNumber, List<EarlierClaim> earlier) {

    public AccidentCase {
        Objects.requireNonNull(caseNumber, "caseNumber");
        earlier = List.copyOf(earlier);
    }

    /** A claim that opens its own case (nothing earlier). */
    public static AccidentCase first(String caseNumber) {
        return new AccidentCase(caseNumber, List.of());
    }

    /** An earlier claim of the case: its number, kind, STMB months (0 for other kinds) and its lines. */
    public record EarlierClaim(String claimNumber, ClaimKind kind, int stmbMonths, List<PaidLine> lines) {

        public EarlierClaim {
            Objects.requireNonNull(claimNumber, "claimNumber");
            Objects.requireNonNull(kind, "kind");
            lines = List.copyOf(lines);
        }

        public long total() {
            return lines.stream().mapToLong(PaidLine::amount).sum();
        }
    }

    /** One line of an earlier claim: its code (e.g. {@code JKK_TRANSPORT_SEA}) and amount. */
    public record PaidLine(String code, long amount) {}

    /** The earlier claim that holds the case's lump sum, if any. */
    public Optional<EarlierClaim> lumpSum() {
        return earlier.stream().filter(c -> c.kind().lumpSum()).findFirst();
    }

    /** STMB months already claimed on the case. */
    public int stmbMonths() {
        return earlier.stream()
                .filter(c -> c.kind() == ClaimKind.JKK_STMB)
                .mapToInt(EarlierClaim::stmbMonths)
                .sum();
    }

    /** What the earlier claims hold on lines with {@code code}. */
    public long paid(String code) {
        return earlier.stream()
                .flatMap(c -> c.lines().stream())
                .filter(l -> l.code().equals(code))
                .mapToLong(PaidLine::amount)
                .sum();
    }

    /** What the earlier claims hold in all. */
    public long total() {
        return earlier.stream().mapToLong(EarlierClaim::total).sum();
    }
}
