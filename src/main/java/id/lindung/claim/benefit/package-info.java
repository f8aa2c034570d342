/**
 * The pure benefit engine of the claim module: given the facts of a claim (what happened, when, the member's
 * protection, contribution months, segment and wage or declared income in force) it returns every amount as a
 * {@link id.lindung.claim.benefit.BenefitLine} with its formula and legal basis, or a
 * {@link id.lindung.claim.benefit.Refusal} naming the rule that refuses it.
 *
 * <p>Every figure is a dated row of {@link id.lindung.claim.benefit.BenefitRules} (shipped as
 * {@code claim/benefit-rules.csv} and {@code claim/disability-table.csv}); the row valid at the event date applies.
 * Money is whole rupiah as {@code long}; percentages are {@link java.math.BigDecimal}; the one rounding rule is in
 * {@link id.lindung.claim.benefit.Rupiah#round(java.math.BigDecimal)}.
 *
 * <p>No Spring, no Jakarta, no I/O beyond reading the two CSV files: {@code BenefitEngineArchitectureTest} keeps it so.
 */
@org.jspecify.annotations.NullMarked
package id.lindung.claim.benefit;
