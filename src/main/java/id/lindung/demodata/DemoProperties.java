package id.lindung.demodata;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Demo data: the demo users ({@link DemoUsers}) and, on an empty registry, the synthetic Kalimantan Barat registry
 * ({@link DemoDataLoader}). Set off in production.
 *
 * @param enabled demo users and data ({@code LINDUNG_DEMO}); on in demo mode ({@code demo} profile, {@code mvn
 *        spring-boot:run}), off otherwise
 * @param participants size of the demo registry ({@code LINDUNG_DEMO_PARTICIPANTS}); the generator goes to millions
 * @param seed the generator's seed: the same seed, the same registry
 * @param memberships with the registry, its memberships and their contribution history; off, the registry only (a
 *        test or benchmark that builds memberships of its own)
 */
@ConfigurationProperties("lindung.demo")
@Validated
record DemoProperties(
        @NotNull Boolean enabled,
        @NotNull @Min(0) Long participants,
        @DefaultValue("61") long seed,
        @DefaultValue("true") boolean memberships) {}
