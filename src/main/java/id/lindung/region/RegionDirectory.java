package id.lindung.region;

import java.util.List;
import java.util.Optional;

/** Read access to the region reference data. */
public interface RegionDirectory {

    List<Region> provinces();

    /**
     * Direct children of a region, ordered by code; empty for a desa or an unknown code. The country (the empty
     * code, a national scope) has the provinces as children.
     */
    List<Region> children(String code);

    /**
     * The kab/kota within a scope: the kab/kota itself, a province's kab/kota, or for the empty code (the country)
     * every kab/kota of Indonesia; ordered by code.
     */
    List<Region> kabKotaWithin(String scope);

    Optional<Region> find(String code);

    /** Fast membership test (all codes are held in memory). */
    boolean exists(String code);

    /** Name of a code, or the code itself when unknown; the empty code (the country) is "Indonesia". */
    String nameOf(String code);

    Optional<Population> population(String code);

    /** GeoJSON FeatureCollection of the kab/kota boundaries of a province, or empty if none are known. */
    Optional<String> kabKotaBoundaries(String provinceCode);

    /** Whether the reference data has kab/kota boundaries for a province (not every province has them). */
    boolean hasKabKotaBoundaries(String provinceCode);
}
