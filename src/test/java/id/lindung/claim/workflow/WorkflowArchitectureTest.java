package id.lindung.claim.workflow;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import id.lindung.paritrana.workflow.ParitranaWorkflow;
import id.lindung.sponsorship.workflow.SponsorshipWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The workflow policies of claims, sponsorship and the Paritrana Award are pure functions of the facts they are given
 * (issue 17, point 6): nothing in their packages depends on Spring, Jakarta or JDBC, so they can neither read the
 * database nor be anything but the rules (as {@code BenefitEngineArchitectureTest} keeps the benefit engine).
 */
// runs beside the other test classes, its own methods one after another (junit-platform.properties)
@Execution(ExecutionMode.CONCURRENT)
class WorkflowArchitectureTest {

    static final String[] WORKFLOWS = {
        "id.lindung.claim.workflow", "id.lindung.sponsorship.workflow", "id.lindung.paritrana.workflow"
    };

    private static final ArchRule PURE = noClasses()
            .that()
            .resideInAnyPackage(
                    "id.lindung.claim.workflow..",
                    "id.lindung.sponsorship.workflow..",
                    "id.lindung.paritrana.workflow..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..", "javax.sql..");

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theWorkflowsDependOnNeitherSpringNorJakartaNorJdbc() {
        // not ImportOption.DO_NOT_INCLUDE_TESTS: it only knows target/test-classes, and builds may use another dir
        JavaClasses workflows =
                new ClassFileImporter().withImportOption(mainClassesOnly()).importPackages(WORKFLOWS);
        assertThat(workflows.contain(ClaimWorkflow.class)).isTrue();
        assertThat(workflows.contain(SponsorshipWorkflow.class)).isTrue();
        assertThat(workflows.contain(ParitranaWorkflow.class)).isTrue();
        PURE.check(workflows);
    }

    private static ImportOption mainClassesOnly() {
        return location -> !location.contains("/test-classes/");
    }

    /** A class of a workflow package that reads the database: the rule must catch it. */
    static class JdbcUser {
        Object use(java.sql.Connection connection) throws java.sql.SQLException {
            return connection.createStatement();
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    void theRuleCatchesAJdbcDependency() {
        JavaClasses violating = new ClassFileImporter().importClasses(JdbcUser.class);
        assertThat(PURE.evaluate(violating).hasViolation()).isTrue();
    }
}
