package id.lindung.support;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A throw-away database on the test's PostgreSQL server for migration tests: migrated to a chosen version, written
 * to as an older Lindung would have, then migrated further with the application's migrations (SQL and the Java
 * ones, which are beans). Dropped on {@link #close}.
 */
public final class MigratedDatabase implements AutoCloseable {

    private final JdbcClient server;
    private final String name;
    private final DataSource dataSource;
    private final JavaMigration[] javaMigrations;

    private MigratedDatabase(JdbcClient server, String name, DataSource dataSource, JavaMigration[] javaMigrations) {
        this.server = server;
        this.name = name;
        this.dataSource = dataSource;
        this.javaMigrations = javaMigrations;
    }

    /** A new empty database beside the application's, named after {@code prefix}. */
    public static MigratedDatabase create(DataSource appDataSource, List<JavaMigration> javaMigrations, String prefix) {
        HikariDataSource app = (HikariDataSource) appDataSource;
        String name = prefix + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 100_000;
        JdbcClient server = JdbcClient.create(app);
        server.sql("CREATE DATABASE " + name).update();
        String url = app.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new MigratedDatabase(
                server,
                name,
                new DriverManagerDataSource(url, app.getUsername(), app.getPassword()),
                javaMigrations.toArray(JavaMigration[]::new));
    }

    /** Migrates to {@code target}: a version number, or {@code latest}. */
    public MigratedDatabase migrateTo(String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(javaMigrations)
                .target(target)
                .load()
                .migrate();
        return this;
    }

    public JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        server.sql("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)").update();
    }
}
