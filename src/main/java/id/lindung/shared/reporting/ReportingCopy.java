package id.lindung.shared.reporting;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sets up and keeps the reporting copy: the reporting server (a second embedded one, or an external one by URL), its
 * schema (the same Flyway migrations as the primary), the publication on the primary, the subscription on the copy,
 * and the read-only role the application reads it as. Runs once at start, after the primary's migrations.
 *
 * <p>A copy that is new, or whose schema is behind the primary's, is built again from scratch: subscription dropped,
 * migrations run, its tables emptied, subscription created with the initial copy of every table. Until that copy is
 * complete, {@link ReportingJdbc} reads the primary. docs/decisions.md, "Reads off the primary".
 */
final class ReportingCopy implements AutoCloseable {

    static final String PUBLICATION = "lindung_reporting";
    static final String SUBSCRIPTION = "lindung_reporting";
    static final String READER = "lindung_reader";
    /** Never replicated: each database keeps its own migration history. */
    private static final String FLYWAY_HISTORY = "flyway_schema_history";

    private static final Logger log = LoggerFactory.getLogger(ReportingCopy.class);

    private final @Nullable EmbeddedPostgres server;
    private final HikariDataSource admin;
    private final String readerUrl;
    private final String readerPassword;
    private final boolean throwAway;

    private ReportingCopy(
            @Nullable EmbeddedPostgres server,
            HikariDataSource admin,
            String readerUrl,
            String readerPassword,
            boolean throwAway) {
        this.server = server;
        this.admin = admin;
        this.readerUrl = readerUrl;
        this.readerPassword = readerPassword;
        this.throwAway = throwAway;
    }

    /** Starts (embedded) or connects to (external) the reporting server; nothing is set up yet. */
    static ReportingCopy open(ReportingProperties properties, String primaryDataDir) throws IOException {
        if (!properties.url().isBlank()) {
            HikariDataSource admin = pool(properties.url(), properties.user(), properties.password(), "admin", 2);
            return new ReportingCopy(
                    null,
                    admin,
                    properties.url(),
                    readerPassword(properties.url() + properties.user() + properties.password()),
                    false);
        }
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "60");
        boolean throwAway = primaryDataDir.isBlank();
        if (throwAway) {
            builder.setCleanDataDirectory(true)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        } else {
            Path dir = Path.of(primaryDataDir + "-reporting").toAbsolutePath();
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        EmbeddedPostgres server = builder.start();
        log.info(
                "Embedded reporting PostgreSQL started on port {} ({} ms)",
                server.getPort(),
                (System.nanoTime() - started) / 1_000_000);
        // no user in the URL: the reader pool logs in as its own role
        String url = "jdbc:postgresql://localhost:" + server.getPort() + "/postgres";
        return new ReportingCopy(server, pool(url, "postgres", "", "admin", 2), url, "", throwAway);
    }

    /**
     * Brings the copy up to the primary: schema, publication, subscription, reader role. {@code primaryFlyway} is the
     * primary's Flyway, already migrated; its configuration (SQL and Java migrations) migrates the copy.
     */
    void setUp(JdbcClient primary, HikariDataSource primaryPool, Flyway primaryFlyway, String publisherOverride) {
        String walLevel = primary.sql("SHOW wal_level").query(String.class).single();
        if (!"logical".equals(walLevel)) {
            throw new IllegalStateException("The reporting copy needs wal_level=logical on the primary (it is "
                    + walLevel + "): set it in postgresql.conf and restart the primary, or turn lindung.reporting off");
        }
        String database =
                primary.sql("SELECT current_database()").query(String.class).single();
        String slot = ("lindung_reporting_" + database).replaceAll("[^a-z0-9_]", "_");
        List<String> tables = publishedTables(primary);
        if (primary.sql("SELECT count(*) FROM pg_publication WHERE pubname = :p")
                        .param("p", PUBLICATION)
                        .query(Long.class)
                        .single()
                == 0) {
            primary.sql("CREATE PUBLICATION " + PUBLICATION).update();
        }
        primary.sql("ALTER PUBLICATION " + PUBLICATION + " SET TABLE " + String.join(", ", tables))
                .update();

        JdbcClient copy = JdbcClient.create(admin);
        Flyway copyFlyway = Flyway.configure(primaryFlyway.getConfiguration().getClassLoader())
                .configuration(primaryFlyway.getConfiguration())
                .dataSource(admin)
                .load();
        boolean behind = copyFlyway.info().pending().length > 0;
        boolean subscribed = copy.sql("SELECT count(*) FROM pg_subscription WHERE subname = :s"
                                + " AND subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())")
                        .param("s", SUBSCRIPTION)
                        .query(Long.class)
                        .single()
                > 0;
        boolean slotKept = primary.sql("SELECT count(*) FROM pg_replication_slots WHERE slot_name = :s")
                        .param("s", slot)
                        .query(Long.class)
                        .single()
                > 0;
        String publisher = publisherOverride.isBlank() ? publisher(primaryPool) : publisherOverride;
        if (behind || !subscribed || !slotKept) {
            long started = System.nanoTime();
            if (subscribed) {
                if (slotKept) {
                    // dropping drops the slot on the primary too: through where the primary is now
                    copy.sql("ALTER SUBSCRIPTION " + SUBSCRIPTION + " CONNECTION " + literal(publisher))
                            .update();
                } else {
                    // the primary lost the slot (restored, or a new throw-away primary): drop without it
                    copy.sql("ALTER SUBSCRIPTION " + SUBSCRIPTION + " DISABLE").update();
                    copy.sql("ALTER SUBSCRIPTION " + SUBSCRIPTION + " SET (slot_name = NONE)")
                            .update();
                }
                copy.sql("DROP SUBSCRIPTION " + SUBSCRIPTION).update();
            } else if (slotKept) {
                primary.sql("SELECT pg_drop_replication_slot(:s)")
                        .param("s", slot)
                        .query()
                        .listOfRows();
            }
            copyFlyway.migrate();
            // what the copy's own migrations inserted (reference data, rule rows) comes again from the primary
            emptyTables(tables);
            copy.sql("CREATE SUBSCRIPTION " + SUBSCRIPTION + " CONNECTION " + literal(publisher) + " PUBLICATION "
                            + PUBLICATION + " WITH (slot_name = " + literal(slot) + ")")
                    .update();
            log.info(
                    "Reporting copy subscribed to {} tables of the primary; initial copy under way ({} ms)",
                    tables.size(),
                    (System.nanoTime() - started) / 1_000_000);
        } else {
            // the embedded primary gets a new port at each start
            copy.sql("ALTER SUBSCRIPTION " + SUBSCRIPTION + " CONNECTION " + literal(publisher))
                    .update();
            copy.sql("ALTER SUBSCRIPTION " + SUBSCRIPTION + " ENABLE").update();
            log.info("Reporting copy up to date in schema; replication resumed");
        }
        reader(copy);
    }

    /**
     * Empties the copy's tables in one session in replica mode: the append-only tables' triggers refuse TRUNCATE
     * otherwise. CASCADE: tables left off the copy may refer to them.
     */
    private void emptyTables(List<String> tables) {
        try (Connection connection = admin.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SET session_replication_role = replica");
            statement.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
            statement.execute("RESET session_replication_role");
        } catch (SQLException e) {
            throw new IllegalStateException("The reporting copy's tables were not emptied: " + e.getMessage(), e);
        }
    }

    /**
     * The primary's tables that go to the copy: every permanent table of the schema except Flyway's history, and only
     * those with a replica identity (a primary key): in a publication, a table without one would refuse its UPDATEs
     * and DELETEs on the primary. Those are logged and stay off the copy.
     */
    private static List<String> publishedTables(JdbcClient primary) {
        List<String> missing = primary.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relpersistence = 'p'
                   AND NOT c.relispartition AND c.relname <> :history AND c.relreplident = 'd'
                   AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)
                 ORDER BY 1""")
                .param("history", FLYWAY_HISTORY)
                .query(String.class)
                .list();
        if (!missing.isEmpty()) {
            log.warn("Tables without a primary key stay off the reporting copy: {}", missing);
        }
        return primary.sql("""
                SELECT quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relpersistence = 'p'
                   AND NOT c.relispartition AND c.relname <> :history
                   AND (c.relreplident IN ('f', 'i')
                        OR EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary))
                 ORDER BY 1""")
                .param("history", FLYWAY_HISTORY)
                .query(String.class)
                .list();
    }

    /** The role the application reads the copy as: SELECT on the schema's tables and nothing else. */
    private void reader(JdbcClient copy) {
        if (copy.sql("SELECT count(*) FROM pg_roles WHERE rolname = :r")
                        .param("r", READER)
                        .query(Long.class)
                        .single()
                == 0) {
            copy.sql("CREATE ROLE " + READER + " LOGIN").update();
        }
        copy.sql("ALTER ROLE " + READER + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION LOGIN PASSWORD "
                        + literal(readerPassword))
                .update();
        copy.sql("ALTER ROLE " + READER + " SET default_transaction_read_only = on")
                .update();
        copy.sql("GRANT USAGE ON SCHEMA public TO " + READER).update();
        copy.sql("GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + READER).update();
    }

    /** A pool on the copy as the read-only role, every transaction read-only too. */
    HikariDataSource readerPool(int size) {
        HikariDataSource pool = pool(readerUrl, READER, readerPassword, "reader", size);
        pool.setReadOnly(true);
        pool.addDataSourceProperty("options", "-c default_transaction_read_only=on");
        return pool;
    }

    /** The primary as the copy's server reaches it, from the primary pool's JDBC URL and credentials. */
    static String publisher(HikariDataSource primaryPool) {
        URI uri = URI.create(primaryPool.getJdbcUrl().substring("jdbc:".length()));
        String password = primaryPool.getPassword();
        return "host=" + quoted(uri.getHost()) + " port=" + (uri.getPort() > 0 ? uri.getPort() : 5432) + " dbname="
                + quoted(uri.getPath().substring(1)) + " user=" + quoted(primaryPool.getUsername())
                + (password == null || password.isEmpty() ? "" : " password=" + quoted(password));
    }

    /** A libpq connection-string value: single quotes, backslash and quote escaped. */
    private static String quoted(@Nullable String value) {
        return "'" + (value == null ? "" : value.replace("\\", "\\\\").replace("'", "\\'")) + "'";
    }

    /** An SQL string literal (standard_conforming_strings on). */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** Derived from the setup account, so every instance of the application computes the same one. */
    private static String readerPassword(String secret) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("lindung-reader:" + secret).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, String name, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setPoolName("lindung-reporting-" + name);
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(Math.min(2, size));
        return pool;
    }

    /** The copy's admin connection, for tests and the lag benchmark. */
    DataSource admin() {
        return admin;
    }

    @Override
    public void close() throws IOException {
        if (throwAway) {
            // a throw-away copy drops its subscription, and with it the slot that would keep the primary's WAL
            try {
                JdbcClient.create(admin)
                        .sql("DROP SUBSCRIPTION IF EXISTS " + SUBSCRIPTION)
                        .update();
            } catch (RuntimeException e) {
                log.warn("The reporting copy's subscription was not dropped: {}", e.getMessage());
            }
        }
        admin.close();
        if (server != null) {
            server.close();
        }
    }
}
