package id.lindung.enrolment;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What decides a membership's contributions, as enrolment and a contribution quote both take it: the segment, the
 * programmes asked for (mandatory ones are added), the base (declared income for BPU, wage for PU, chosen JHT amount
 * for PMI), the JKK risk class (PU: the employer's), the sector, whether the government pays, and for one-off
 * segments the construction contract value or the PMI contract length. See {@link MembershipRules}.
 */
public record MembershipTerms(
        @Nullable Segment segment,
        @Nullable Set<Programme> programmes,
        @Nullable Long base,
        @Nullable Integer riskClass,
        @Nullable Sector sector,
        boolean governmentPaid,
        @Nullable Long contractValue,
        @Nullable Integer contractMonths) {}
