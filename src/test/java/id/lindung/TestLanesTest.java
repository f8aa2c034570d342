package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.annotation.Testable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.BootstrapUtils;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The rules of the second test lane (junit-platform.properties): a class marked to run beside the others runs its own
 * test methods one after another, and, if it is a Spring test, no other test class shares its context (the cache key
 * that Spring builds from the class), so no other class touches its database while it runs.
 */
class TestLanesTest {

    private static final Path TEST_CLASSES = Path.of(System.getProperty("lindung.build.dir", "target"), "test-classes");

    @Test
    void aClassBesideTheOthersRunsItsMethodsInOrderAndHasItsSpringContextToItself() {
        List<Class<?>> classes = testClasses();
        List<Class<?>> beside = classes.stream()
                .filter(c -> mode(c) == ExecutionMode.CONCURRENT)
                .toList();
        assertThat(beside).as("classes marked to run beside the others").hasSizeGreaterThanOrEqualTo(5);

        List<String> problems = new ArrayList<>();
        for (Class<?> c : beside) {
            for (Method m : c.getDeclaredMethods()) {
                // a method without @Execution of its own takes its class's mode
                Execution own = AnnotatedElementUtils.findMergedAnnotation(m, Execution.class);
                if (AnnotatedElementUtils.hasAnnotation(m, Testable.class)
                        && (own == null || own.value() != ExecutionMode.SAME_THREAD)) {
                    problems.add(c.getSimpleName() + "." + m.getName() + " is not @Execution(SAME_THREAD)");
                }
            }
        }
        Map<MergedContextConfiguration, List<String>> contexts = classes.stream()
                .filter(c -> AnnotatedElementUtils.hasAnnotation(c, SpringBootTest.class))
                .collect(Collectors.groupingBy(
                        c -> BootstrapUtils.resolveTestContextBootstrapper(c).buildMergedContextConfiguration(),
                        Collectors.mapping(Class::getSimpleName, Collectors.toList())));
        assertThat(contexts).as("Spring test contexts").hasSizeGreaterThan(5);
        for (Class<?> c : beside) {
            if (AnnotatedElementUtils.hasAnnotation(c, SpringBootTest.class)) {
                List<String> sharing = contexts.get(
                        BootstrapUtils.resolveTestContextBootstrapper(c).buildMergedContextConfiguration());
                if (sharing.size() > 1) {
                    problems.add(c.getSimpleName() + " shares its Spring context with " + sharing);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static ExecutionMode mode(java.lang.reflect.AnnotatedElement element) {
        Execution execution = AnnotatedElementUtils.findMergedAnnotation(element, Execution.class);
        return execution == null ? ExecutionMode.SAME_THREAD : execution.value();
    }

    /** The top-level classes of the test build whose name ends in Test or Tests. */
    private static List<Class<?>> testClasses() {
        try (Stream<Path> files = Files.walk(TEST_CLASSES)) {
            return files.map(TEST_CLASSES::relativize)
                    .map(Path::toString)
                    .filter(name -> name.endsWith("Test.class") || name.endsWith("Tests.class"))
                    .filter(name -> !name.contains("$"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .<Class<?>>map(TestLanesTest::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, TestLanesTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
