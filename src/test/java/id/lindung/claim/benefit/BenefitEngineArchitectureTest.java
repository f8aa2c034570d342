package id.lindung.claim.benefit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The benefit engine stays pure: nothing in it depends on Spring or Jakarta. */
class BenefitEngineArchitectureTest {

    private static final ArchRule PURE = noClasses()
            .that()
            .resideInAPackage("id.lindung.claim.benefit..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..");

    @Test
    void theEngineDependsOnNeitherSpringNorJakarta() {
        // not ImportOption.DO_NOT_INCLUDE_TESTS: it only knows target/test-classes, and builds may use another dir
        JavaClasses engine =
                new ClassFileImporter().withImportOption(mainClassesOnly()).importPackages("id.lindung.claim.benefit");
        assertThat(engine.contain(BenefitCalculator.class)).isTrue();
        assertThat(engine.size()).isGreaterThan(20);
        PURE.check(engine);
    }

    private static ImportOption mainClassesOnly() {
        return location -> !location.contains("/test-classes/");
    }

    /** A class of the package that uses Spring: the rule must catch it. */
    static class SpringUser {
        Object use() {
            return org.springframework.util.StringUtils.capitalize("x");
        }
    }

    @Test
    void theRuleCatchesASpringDependency() {
        JavaClasses violating = new ClassFileImporter().importClasses(SpringUser.class);
        assertThat(PURE.evaluate(violating).hasViolation()).isTrue();
    }
}
