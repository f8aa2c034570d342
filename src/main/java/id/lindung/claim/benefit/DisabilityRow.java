package id.lindung.claim.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the partial-disability table ({@code claim/disability-table.csv}, PP 44/2015 jo. PP 82/2019 Lampiran
 * III): a body part and its percentage. {@code unconfirmed}: the percentage is not in the domain reference.
 */
public record DisabilityRow(
        String code,
        String bodyPartId,
        String bodyPartEn,
        BigDecimal percent,
        LocalDate validFrom,
        String legalBasis,
        String source,
        boolean unconfirmed) {

    public DisabilityRow {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(bodyPartId, "bodyPartId");
        Objects.requireNonNull(bodyPartEn, "bodyPartEn");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(legalBasis, "legalBasis");
        Objects.requireNonNull(source, "source");
        if (!code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("disability code must be A-Z, 0-9 and _: " + code);
        }
        if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException(code + ": percent must be in (0, 100]: " + percent);
        }
    }

    /** Short reference for a stored line, e.g. {@code disability:EYE_ONE@2019-12-02}. */
    public String ref() {
        return "disability:" + code + "@" + validFrom;
    }
}
