/**
 * Kemendagri region codes (province, kab/kota, kecamatan, desa), Dukcapil population and kab/kota boundaries,
 * loaded from the project's own reference files by a Flyway migration, for all of Indonesia (kab/kota boundaries
 * for 501 of the 514 kab/kota: none for Kalimantan Selatan). Read-only at run time. The installation's home scope is
 * {@link id.lindung.region.RegionProperties}: one province, or the country.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Region reference data")
@org.jspecify.annotations.NullMarked
package id.lindung.region;
