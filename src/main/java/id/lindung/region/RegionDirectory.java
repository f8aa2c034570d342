package id.lindung.region;

import java.util.List;
import java.util.Optional;

/** Read access to the region reference data. */
public interface RegionDirectory {

    List<Region> provinces();

    /** Direct children of a region, ordered by code; empty for a desa or an unknown code. */
    List<Region> children(String code);

    Optional<Region> find(String code);

    /** Fast membership test (all codes are held in memory). */
    boolean exists(String code);

    /** Name of a code, or the code itself when unknown. */
    String nameOf(String code);

    Optional<Population> population(String code);

    /** GeoJSON FeatureCollection of the kab/kota boundaries of a province, or empty if none are known. */
    Optional<String> kabKotaBoundaries(String provinceCode);
}
