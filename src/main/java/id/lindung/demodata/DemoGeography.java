package id.lindung.demodata;

import id.lindung.region.Population;
import id.lindung.region.Region;
import id.lindung.region.RegionDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where demo participants live: the kabupaten/kota of a province with their Dukcapil population, and the real
 * kecamatan and desa codes of each.
 */
public record DemoGeography(List<KabKota> kabKota) {

    public DemoGeography {
        kabKota = List.copyOf(kabKota);
        if (kabKota.isEmpty()) {
            throw new IllegalArgumentException("no kab/kota with population and desa");
        }
    }

    /** A kab/kota ({@code 61.04}) with its population and its kecamatan that have at least one desa. */
    public record KabKota(String code, long male, long female, List<Kecamatan> kecamatan) {

        public KabKota {
            Objects.requireNonNull(code);
            kecamatan = List.copyOf(kecamatan);
        }

        public long population() {
            return male + female;
        }
    }

    /** A kecamatan ({@code 61.04.01}) and the codes of its desa/kelurahan ({@code 61.04.01.2001}). */
    public record Kecamatan(String code, List<String> desa) {

        public Kecamatan {
            Objects.requireNonNull(code);
            desa = List.copyOf(desa);
        }
    }

    /**
     * Reads a province from the region directory: every kab/kota with a known population and every kecamatan with
     * desa (one query per kab/kota and per kecamatan; about 190 for Kalimantan Barat).
     */
    public static DemoGeography of(RegionDirectory regions, String provinceCode) {
        List<KabKota> result = new ArrayList<>();
        for (Region kabKota : regions.children(provinceCode)) {
            Population population = regions.population(kabKota.code()).orElse(null);
            if (population == null || population.total() <= 0) {
                continue;
            }
            List<Kecamatan> kecamatan = new ArrayList<>();
            for (Region kec : regions.children(kabKota.code())) {
                List<String> desa =
                        regions.children(kec.code()).stream().map(Region::code).toList();
                if (!desa.isEmpty()) {
                    kecamatan.add(new Kecamatan(kec.code(), desa));
                }
            }
            if (!kecamatan.isEmpty()) {
                result.add(new KabKota(kabKota.code(), population.male(), population.female(), kecamatan));
            }
        }
        return new DemoGeography(result);
    }
}
