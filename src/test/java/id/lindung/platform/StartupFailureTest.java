package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.LindungApplication;
import id.lindung.platform.MissingDatabaseConfiguration.MissingDatabaseException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What an operator sees when the start cannot go on: the whole application, started in-process as {@code java -jar}
 * would, stops before any database work with Spring Boot's failure report naming what to set or fix.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

    /**
     * Where an embedded server would keep its data: it stays empty when no server started. (The captured output
     * cannot say so: test classes that start servers of their own run beside this one.)
     */
    @TempDir
    Path dataDir;

    /** The test profile (keyring, clock) without its embedded server, with the given arguments. */
    private void start(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=0";
        all[1] = "--lindung.embedded-db.data-dir=" + dataDir.toAbsolutePath();
        System.arraycopy(args, 0, all, 2, args.length);
        new SpringApplicationBuilder(LindungApplication.class)
                .profiles("test")
                .run(all)
                .close();
    }

    @Test
    void withoutADatabaseUrlAndWithoutTheEmbeddedServerTheStartStopsNamingTheVariables(CapturedOutput output) {
        assertThatThrownBy(() -> start("--spring.datasource.url=", "--lindung.embedded-db.enabled=false"))
                .hasRootCauseInstanceOf(MissingDatabaseException.class);
        assertThat(output)
                .contains(
                        "APPLICATION FAILED TO START",
                        MissingDatabaseFailureAnalyzer.DESCRIPTION,
                        "LINDUNG_DB_URL=jdbc:postgresql://",
                        "LINDUNG_DB_USER",
                        "LINDUNG_DB_PASSWORD",
                        "mvn spring-boot:run",
                        "--spring.profiles.active=demo",
                        "LINDUNG_EMBEDDED_DB=true");
        assertThat(dataDir).as("no embedded server started").isEmptyDirectory();
    }

    @Test
    void aValueOutsideItsConstraintsStopsTheStartNamingTheKey(CapturedOutput output) {
        assertThatThrownBy(() -> start("--lindung.embedded-db.pool-size=0"))
                .hasRootCauseInstanceOf(BindValidationException.class);
        assertThat(output)
                .contains(
                        "APPLICATION FAILED TO START",
                        "Property: lindung.embedded-db.poolSize",
                        "Value: \"0\"",
                        "Origin: \"lindung.embedded-db.pool-size\"",
                        "must be greater than or equal to 1");
        assertThat(dataDir).as("no embedded server started").isEmptyDirectory();
    }
}
