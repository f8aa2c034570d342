package id.lindung.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application context of the home page tests (web.HomePageTest, browser.HomeInBrowserTest), on a random port,
 * with a database of its own: the task lists show the first few items of a whole region, so only {@link HomeFixtures}
 * may be in it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "lindung.test.context=home")
@ActiveProfiles("test")
public @interface HomeContext {}
