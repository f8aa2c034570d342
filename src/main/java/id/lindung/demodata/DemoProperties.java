package id.lindung.demodata;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data: the demo users ({@link DemoUsers}) and, on an empty registry, a synthetic registry of one province
 * ({@link DemoDataLoader}; Kalimantan Barat unless {@code province} says otherwise). Set off in production.
 *
 * @param enabled demo users and data ({@code LINDUNG_DEMO}); on in demo mode ({@code demo} profile, {@code mvn
 *        spring-boot:run}), off otherwise
 * @param participants size of the demo registry ({@code LINDUNG_DEMO_PARTICIPANTS}); the generator goes to millions
 * @param seed the generator's seed: the same seed, the same registry
 * @param memberships with the registry, its memberships and their contribution history; off, the registry only (a
 *        test or benchmark that builds memberships of its own)
 * @param province the Kemendagri code of the province whose workers the registry holds (any of the 38); other than
 *        Kalimantan Barat, demo users of that province are added to Kalimantan Barat's
 */
@ConfigurationProperties("lindung.demo")
@Validated
record DemoProperties(
        @NotNull Boolean enabled,
        @NotNull @Min(0) Long participants,
        @DefaultValue("61") long seed,
        @DefaultValue("true") boolean memberships,

        @DefaultValue(DemoProperties.KALBAR) @Pattern(regexp = "\\d{2}")
        String province) {

    /** Kalimantan Barat, the province of the demo users listed in the README. */
    static final String KALBAR = "61";
}
