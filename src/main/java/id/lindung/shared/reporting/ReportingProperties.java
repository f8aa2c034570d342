package id.lindung.shared.reporting;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The reporting copy: a second PostgreSQL kept current by logical replication, which read-only work (the coverage
 * dashboard, exports, look-ups) reads through {@link ReportingJdbc}. Off unless {@code embedded} or {@code url} is
 * set: then everything reads the primary, as before.
 *
 * @param embedded a second embedded server as the reporting copy (demo mode, tests), its data beside the primary's
 *        ({@code lindung.embedded-db.data-dir} plus {@code -reporting}; throw-away when that is empty)
 * @param url JDBC URL of an external reporting server (PostgreSQL 16+), e.g.
 *        {@code jdbc:postgresql://report-db:5432/lindung}; wins over {@code embedded}
 * @param user the account Lindung sets the reporting database up with (owner of the database, CREATEROLE, and
 *        pg_create_subscription or superuser)
 * @param password its password
 * @param publisher the libpq connection string the reporting server reaches the primary with; empty: built from the
 *        primary's URL and credentials (that account needs the REPLICATION attribute)
 * @param heartbeat how often the primary stamps the heartbeat whose replicated copy tells how fresh the figures are
 */
@ConfigurationProperties("lindung.reporting")
@Validated
public record ReportingProperties(
        @DefaultValue("false") boolean embedded,
        @DefaultValue("") @NotNull String url,
        @DefaultValue("") @NotNull String user,
        @DefaultValue("") @NotNull String password,
        @DefaultValue("") @NotNull String publisher,
        @DefaultValue("5s") @NotNull Duration heartbeat) {

    /** Whether a reporting copy is configured at all. */
    public boolean enabled() {
        return embedded || !url.isBlank();
    }
}
