package id.lindung.platform;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No database URL and no embedded server asked for: the start stops at the data source, with
 * {@link MissingDatabaseFailureAnalyzer}'s message naming what to set. Before, a forgotten {@code LINDUNG_DB_URL} in
 * production silently started a throw-away embedded server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and !${lindung.embedded-db.enabled}")
class MissingDatabaseConfiguration {

    @Bean
    DataSource dataSource() {
        throw new MissingDatabaseException();
    }

    /** Thrown when neither an external database nor the embedded server is configured. */
    static class MissingDatabaseException extends IllegalStateException {

        MissingDatabaseException() {
            super("No database: LINDUNG_DB_URL (spring.datasource.url) is empty and the embedded PostgreSQL server is"
                    + " off (lindung.embedded-db.enabled)");
        }
    }
}
