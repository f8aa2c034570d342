package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Every package of the main sources is {@code @NullMarked}: NullAway checks only those (OnlyNullMarked in the pom),
 * so a new package without the annotation in its package-info would go unchecked. docs/decisions.md, "Null checks".
 */
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class NullMarkedPackagesTest {

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void everyMainPackageIsNullMarked() {
        // not ImportOption.DO_NOT_INCLUDE_TESTS: it only knows target/test-classes, and builds may use another dir
        JavaClasses main = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/"))
                .importPackages("id.lindung");
        List<String> packages = main.stream()
                .map(JavaClass::getPackage)
                .distinct()
                .map(JavaPackage::getName)
                .sorted()
                .toList();
        assertThat(packages).contains("id.lindung", "id.lindung.claim.benefit").hasSizeGreaterThan(40);
        List<String> unmarked = packages.stream()
                .filter(p -> !main.getPackage(p).isAnnotatedWith(NullMarked.class))
                .toList();
        assertThat(unmarked)
                .as("packages without @NullMarked in their package-info")
                .isEmpty();
    }
}
