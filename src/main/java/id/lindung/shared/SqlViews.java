package id.lindung.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A module's SQL contract with the other modules, on its {@code package-info.java} next to
 * {@code @ApplicationModule}: the views it publishes for other modules' set-based reads, and the other modules'
 * views its own SQL reads. Tables are never shared: a module's SQL names only its own tables, other modules' data it
 * reads through their published views (or their Java API). {@code id.lindung.SqlDependenciesTest} parses every SQL
 * string of every module (Java text blocks and literals, Flyway migrations) and holds the modules to this: another
 * module's table, a view its owner does not publish, or a view read without being declared here fails the build,
 * naming module, file and object. A module that reads another's views also lists that module in its
 * {@code allowedDependencies}, so the declared module graph includes the SQL.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface SqlViews {

    /** Views this module's migrations create for other modules to read, e.g. {@code enrolment_membership_v}. */
    String[] publishes() default {};

    /** Other modules' published views this module's SQL reads. */
    String[] reads() default {};
}
