package id.lindung;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold (no cycles, no reaching into another module's internals), and their docs. */
class ModularityTests {

    // ArchUnit's DoNotIncludeTests only knows ".../target/test-classes/"; builds may use another directory
    // (-Dlindung.build.dir), so any "test-classes" directory is left out
    private static final ImportOption NO_TEST_CLASSES = location -> !location.contains("/test-classes/");

    private final ApplicationModules modules = ApplicationModules.of(LindungApplication.class, NO_TEST_CLASSES);

    @Test
    void moduleBoundariesAreRespected() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
    }
}
