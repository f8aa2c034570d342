package id.lindung.platform;

import id.lindung.platform.MissingDatabaseConfiguration.MissingDatabaseException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says what to set when the start stopped for want of a database (registered in META-INF/spring.factories). */
class MissingDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<MissingDatabaseException> {

    static final String DESCRIPTION = "Lindung has no database: LINDUNG_DB_URL is not set, and the embedded"
            + " PostgreSQL server starts only in demo mode or when asked for.";

    static final String ACTION = """
            Either set the external PostgreSQL (14+):
                LINDUNG_DB_URL=jdbc:postgresql://<host>:5432/<database>
                LINDUNG_DB_USER=<user>
                LINDUNG_DB_PASSWORD=<password>
            or, to try Lindung on this machine, run in demo mode (embedded server, demo users and registry):
                mvn spring-boot:run
                java -jar lindung.jar --spring.profiles.active=demo
            or ask for the embedded server alone: LINDUNG_EMBEDDED_DB=true
                (data in LINDUNG_DATA_DIR, default ./data/postgres)""";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingDatabaseException cause) {
        return new FailureAnalysis(DESCRIPTION, ACTION, cause);
    }
}
