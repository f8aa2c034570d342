package id.lindung.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Plausible maxima of money in whole rupiah ({@link Bounds}; {@link Bounds.Money} says why each default is what it
 * is). Above them a write is refused with 422 naming the field; raise one when a real case lies above it, up to
 * {@link Bounds#LARGEST_MAXIMUM}.
 *
 * @param payment one payment for one membership
 * @param wage a PU member's monthly wage
 * @param declaredIncome a BPU member's declared monthly income
 * @param contractValue a construction project's contract value
 * @param invoice one medical invoice of a JKK claim
 * @param transportCost one transport cost of a JKK claim
 */
@ConfigurationProperties("lindung.bounds")
@Validated
record BoundsProperties(
        @DefaultValue("10000000000") @Min(1) @Max(Bounds.LARGEST_MAXIMUM)
        long payment,

        @DefaultValue("1000000000") @Min(1) @Max(Bounds.LARGEST_MAXIMUM)
        long wage,

        @DefaultValue("100000000") @Min(1) @Max(Bounds.LARGEST_MAXIMUM)
        long declaredIncome,

        @DefaultValue("100000000000000") @Min(1) @Max(Bounds.LARGEST_MAXIMUM)
        long contractValue,

        @DefaultValue("10000000000") @Min(1) @Max(Bounds.LARGEST_MAXIMUM)
        long invoice,

        @DefaultValue("100000000") @Min(1) @Max(Bounds.LARGEST_MAXIMUM)
        long transportCost) {}
