package id.lindung.region.internal;

import id.lindung.region.Population;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import id.lindung.region.RegionLevel;
import id.lindung.region.RegionProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Region look-ups. Codes and names of all 91,599 regions are held in memory (a few MB), read once when the bean
 * starts: they change only with a new Kepmendagri, that is with a new migration and a restart. Reading them up
 * front rather than on first use matters: a first use inside a bulk {@code COPY} would need a second statement on
 * the connection that is busy copying.
 */
@Service
class JdbcRegionDirectory implements RegionDirectory, org.springframework.beans.factory.InitializingBean {

    private static final String COUNTRY = "Indonesia";

    private final JdbcClient jdbc;
    private final RegionProperties properties;
    private volatile @Nullable Map<String, String> names;

    JdbcRegionDirectory(JdbcClient jdbc, RegionProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Reads the codes, and stops the start when the configured home province is none of them (empty: national). */
    @Override
    public void afterPropertiesSet() {
        if (!properties.national() && !names().containsKey(properties.homeProvince())) {
            throw new IllegalStateException("lindung.region.home-province=" + properties.homeProvince()
                    + " is no province of the region reference data");
        }
    }

    private Map<String, String> names() {
        Map<String, String> local = names;
        if (local == null) {
            synchronized (this) {
                local = names;
                if (local == null) {
                    Map<String, String> loaded = new HashMap<>(131_072);
                    jdbc.sql("SELECT code, name FROM region").query(rs -> {
                        loaded.put(rs.getString(1), rs.getString(2));
                    });
                    names = local = Map.copyOf(loaded);
                }
            }
        }
        return local;
    }

    @Override
    public List<Region> provinces() {
        return jdbc.sql("SELECT code, name, parent_code FROM region WHERE level = 1 ORDER BY code")
                .query((rs, i) -> region(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    public List<Region> children(String code) {
        if (code.isEmpty()) {
            return provinces();
        }
        return jdbc.sql("SELECT code, name, parent_code FROM region WHERE parent_code = ? ORDER BY code")
                .param(code)
                .query((rs, i) -> region(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    public List<Region> kabKotaWithin(String scope) {
        if (scope.length() == 2) {
            return children(scope);
        }
        if (!scope.isEmpty()) {
            return find(Region.kabKotaOf(scope)).stream().toList();
        }
        return jdbc.sql("SELECT code, name, parent_code FROM region WHERE level = 2 ORDER BY code")
                .query((rs, i) -> region(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Override
    public Optional<Region> find(String code) {
        String name = names().get(code);
        if (name == null) {
            return Optional.empty();
        }
        RegionLevel level = RegionLevel.ofCode(code);
        String parent = level == RegionLevel.PROVINCE ? null : code.substring(0, code.lastIndexOf('.'));
        return Optional.of(new Region(code, name, level, parent));
    }

    @Override
    public boolean exists(String code) {
        return names().containsKey(code);
    }

    @Override
    public String nameOf(String code) {
        return code.isEmpty() ? COUNTRY : names().getOrDefault(code, code);
    }

    @Override
    public Optional<Population> population(String code) {
        return jdbc.sql("SELECT code, male, female, total FROM region_population WHERE code = ?")
                .param(code)
                .query((rs, i) -> new Population(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .optional();
    }

    @Override
    public Optional<String> kabKotaBoundaries(String provinceCode) {
        String json = jdbc.sql("""
                SELECT jsonb_build_object('type', 'FeatureCollection', 'features', jsonb_agg(feature ORDER BY code))::text
                  FROM region_boundary WHERE province_code = ? HAVING count(*) > 0""").param(provinceCode).query(String.class).list().stream()
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
        return Optional.ofNullable(json);
    }

    @Override
    public boolean hasKabKotaBoundaries(String provinceCode) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM region_boundary WHERE province_code = ?)")
                .param(provinceCode)
                .query(Boolean.class)
                .single();
    }

    private static Region region(String code, String name, String parent) {
        return new Region(code, name, RegionLevel.ofCode(code), parent);
    }
}
