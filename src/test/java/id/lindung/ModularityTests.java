package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries hold (no cycles, no reaching into another module's internals), and their docs: Spring
 * Modulith's Documenter writes them to the build directory, and the copy committed under {@code docs/modules} must be
 * the same. After a change of the modules, refresh it with
 * {@code ./run-tests -Dtest=ModularityTests -Dlindung.docs.write=true} (writes docs/modules, then checks it).
 */
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class ModularityTests {

    // ArchUnit's DoNotIncludeTests only knows ".../target/test-classes/"; builds may use another directory
    // (-Dlindung.build.dir), so any "test-classes" directory is left out
    private static final ImportOption NO_TEST_CLASSES = location -> !location.contains("/test-classes/");

    private final ApplicationModules modules = ApplicationModules.of(LindungApplication.class, NO_TEST_CLASSES);

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void moduleBoundariesAreRespected() {
        modules.verify();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theCommittedModuleDocsAreCurrent() throws IOException {
        Path committed = Path.of("docs/modules");
        Path generated = Path.of(System.getProperty("lindung.build.dir", "target"), "spring-modulith-docs");
        write(generated);
        if (Boolean.getBoolean("lindung.docs.write")) {
            write(committed);
        }
        List<Path> files = files(generated);
        assertThat(files).isNotEmpty();
        assertThat(files(committed))
                .as("docs/modules holds what the Documenter writes (refresh: see the class doc)")
                .containsExactlyInAnyOrderElementsOf(files);
        for (Path file : files) {
            assertThat(lines(committed.resolve(file)))
                    .as("docs/modules/%s is current (refresh: see the class doc)", file)
                    .isEqualTo(lines(generated.resolve(file)));
        }
    }

    /**
     * A file's lines in sorted order: the Documenter writes the same relations and event listeners in an order that
     * follows how the classes were found, which differs between build directories; what they say does not. A table
     * cell's first item carries the cell's bar, so the bar is dropped.
     */
    private static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(l -> l.startsWith("|* ") ? l.substring(1) : l)
                .sorted()
                .toList();
    }

    private void write(Path folder) {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    private static List<Path> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(folder::relativize)
                    .sorted()
                    .toList();
        }
    }
}
