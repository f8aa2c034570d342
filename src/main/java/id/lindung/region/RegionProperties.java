package id.lindung.region;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which part of Indonesia this installation serves; inject it wherever the home province is meant.
 *
 * @param homeProvince the Kemendagri code of the province Lindung serves (Kalimantan Barat: {@code 61}), or empty for
 *        a national installation (all of Indonesia): what a user without a region scope sees first (region pickers,
 *        the home page's map, the coverage dashboard), the province of the Paritrana province category and the
 *        scope of the first administrator (national when empty)
 */
@ConfigurationProperties("lindung.region")
@Validated
public record RegionProperties(
        @DefaultValue("61") @Pattern(regexp = "(\\d{2})?") String homeProvince) {

    /** Whether this installation serves all of Indonesia rather than one province. */
    public boolean national() {
        return homeProvince.isEmpty();
    }
}
