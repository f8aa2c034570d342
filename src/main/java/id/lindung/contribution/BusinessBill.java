package id.lindung.contribution;

import java.util.List;

/**
 * What an UMKM business's memberships owe now, together: {@code total} is the sum of the lines, each one
 * membership's {@link DueNow#amount()}; {@code virtualAccount} the business's own VA (docs/decisions.md, "UMKM
 * owners").
 */
public record BusinessBill(
        long businessId, String customerNumber, String virtualAccount, long total, List<Line> lines) {

    public BusinessBill {
        lines = List.copyOf(lines);
    }

    /** One membership on the bill and what it owes now. */
    public record Line(long membershipId, String membershipNumber, long amount) {}
}
