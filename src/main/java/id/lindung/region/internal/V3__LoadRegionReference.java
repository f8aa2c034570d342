package id.lindung.region.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads the reference files shipped in {@code classpath:reference/} into the region tables: the 91,599 codes and
 * the population through PostgreSQL {@code COPY} into a staging table, the boundaries by letting PostgreSQL split
 * the GeoJSON FeatureCollection into one row per kab/kota. Runs once, inside Flyway's transaction.
 */
@Component
class V3__LoadRegionReference extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V3__LoadRegionReference.class);

    @Override
    public void migrate(Context context) throws Exception {
        long started = System.nanoTime();
        Connection connection = context.getConnection();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TEMP TABLE region_stage (code VARCHAR(13), name VARCHAR(150)) ON COMMIT DROP");
            long codes =
                    copy("reference/wilayah.csv", copy, "COPY region_stage FROM STDIN WITH (FORMAT csv, HEADER true)");
            st.execute("""
                    INSERT INTO region (code, name, level, parent_code, province_code)
                    SELECT code, name,
                           CASE length(code) WHEN 2 THEN 1 WHEN 5 THEN 2 WHEN 8 THEN 3 ELSE 4 END,
                           CASE length(code) WHEN 2 THEN NULL WHEN 5 THEN substr(code, 1, 2)
                                             WHEN 8 THEN substr(code, 1, 5) ELSE substr(code, 1, 8) END,
                           substr(code, 1, 2)
                      FROM region_stage""");

            st.execute(
                    "CREATE TEMP TABLE population_stage (code VARCHAR(5), name TEXT, male INT, female INT, total INT)"
                            + " ON COMMIT DROP");
            copy("reference/population.csv", copy, "COPY population_stage FROM STDIN WITH (FORMAT csv, HEADER true)");
            st.execute("INSERT INTO region_population (code, male, female, total)"
                    + " SELECT code, male, female, total FROM population_stage");

            String geojson;
            try (InputStream in = resource("reference/regencies.geojson")) {
                geojson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            try (PreparedStatement ps = connection.prepareStatement("""
                    INSERT INTO region_boundary (code, province_code, feature)
                    SELECT f -> 'properties' ->> 'code', substr(f -> 'properties' ->> 'code', 1, 2), f
                      FROM jsonb_array_elements(?::jsonb -> 'features') AS f""")) {
                ps.setString(1, geojson);
                ps.executeUpdate();
            }
            log.info(
                    "Region reference data loaded: {} codes in {} ms",
                    codes,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private static long copy(String resource, CopyManager copy, String sql) throws Exception {
        try (Reader reader = new InputStreamReader(resource(resource), StandardCharsets.UTF_8)) {
            return copy.copyIn(sql, reader);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = V3__LoadRegionReference.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("reference file missing from the classpath: " + name);
        }
        return in;
    }
}
