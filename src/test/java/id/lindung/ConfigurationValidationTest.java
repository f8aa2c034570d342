package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.region.RegionProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.validation.FieldError;

/**
 * Every module's configuration record is validated when it is bound: a value outside its constraints stops the
 * start, naming the key and the constraint. A context holding just the records (all of them, found as the
 * application finds them) over application.properties; StartupFailureTest shows the same through a real start.
 */
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class ConfigurationValidationTest {

    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan
    static class AllRecords {}

    private final ApplicationContextRunner records = new ApplicationContextRunner()
            .withUserConfiguration(AllRecords.class)
            .withInitializer(context -> {
                try {
                    context.getEnvironment()
                            .getPropertySources()
                            .addLast(new ResourcePropertySource("classpath:application.properties"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theDefaultsAreValid() {
        records.run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest(name = "{0}={1}")
    @Execution(ExecutionMode.SAME_THREAD)
    @CsvSource(
            delimiter = '|',
            value = {
                "lindung.embedded-db.enabled | '' | must not be null",
                "lindung.embedded-db.port | 70000 | must be less than or equal to 65535",
                "lindung.region.home-province | 6 | must match",
                "lindung.region.home-province | ID | must match",
                "lindung.demo.province | 6 | must match",
                "lindung.bounds.payment | 0 | must be greater than or equal to 1",
                "lindung.bounds.wage | 2000000000000000 | must be less than or equal to 1000000000000000",
                "lindung.upload.xlsx.max-entries | 0 | must be greater than or equal to 1",
                "lindung.crypto.keyring | '' | must not be null",
                "lindung.security.login.max-failures | 0 | must be greater than or equal to 1",
                "lindung.security.login.bcrypt-strength | 3 | must be greater than or equal to 4",
                "lindung.reads.rows-per-hour.agent | -1 | must be greater than or equal to 0",
                "lindung.demo.participants | -1 | must be greater than or equal to 0",
                "lindung.participant.bulk-batch-size | 0 | must be greater than or equal to 1",
                "lindung.enrolment.pmi-jht-amounts | '' | must not be empty",
                "lindung.enrolment.backdate-months.officer | -1 | must be greater than or equal to 0",
                "lindung.contribution.billing-batch-size | 0 | must be greater than or equal to 1",
                "lindung.claim.office-name | ' ' | must not be blank",
                "lindung.coverage.history-months | 63 | must be less than or equal to 62",
                "lindung.privacy.retention-cron | '' | must not be blank",
            })
    void aValueOutsideItsConstraintsFailsNamingTheKey(String key, String value, String reason) {
        records.withPropertyValues(key + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof BindValidationException)) {
                failure = failure.getCause();
            }
            assertThat(failure).as("a validation failure").isInstanceOf(BindValidationException.class);
            // the report names the field as the record does (lindung.reads.rowsPerHour.agent)
            List<String> errors = new ArrayList<>();
            for (var error :
                    ((BindValidationException) failure).getValidationErrors().getAllErrors()) {
                errors.add(uniform(((FieldError) error).getObjectName() + "." + ((FieldError) error).getField()) + ": "
                        + error.getDefaultMessage());
            }
            assertThat(errors)
                    .anySatisfy(
                            e -> assertThat(e).startsWith(uniform(key) + ": ").contains(reason));
        });
    }

    /** An empty home province is a national installation; the default stays Kalimantan Barat. */
    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void anEmptyHomeProvinceIsANationalInstallation() {
        records.run(context -> assertThat(context.getBean(RegionProperties.class))
                .extracting(RegionProperties::homeProvince, RegionProperties::national)
                .containsExactly("61", false));
        records.withPropertyValues("lindung.region.home-province=").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(RegionProperties.class))
                    .extracting(RegionProperties::homeProvince, RegionProperties::national)
                    .containsExactly("", true);
        });
        records.withPropertyValues("lindung.region.home-province=63")
                .run(context -> assertThat(
                                context.getBean(RegionProperties.class).national())
                        .isFalse());
    }

    private static String uniform(String name) {
        return name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }
}
