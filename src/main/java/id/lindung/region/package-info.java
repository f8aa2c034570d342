/**
 * Kemendagri region codes (province, kab/kota, kecamatan, desa), Dukcapil population and kab/kota boundaries,
 * loaded from the project's own reference files by a Flyway migration. Read-only at run time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Region reference data")
@org.jspecify.annotations.NullMarked
package id.lindung.region;
