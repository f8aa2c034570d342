package id.lindung.claim.benefit;

import java.math.BigDecimal;
import java.util.Objects;

/** Partial loss of function of a body part of the disability table: {@code percentLost} in (0, 100]. */
public record FunctionLoss(String code, BigDecimal percentLost) {

    public FunctionLoss {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(percentLost, "percentLost");
    }
}
