/**
 * Demo data for a first run: a deterministic, plausible registry of Kalimantan Barat workers — spread over the 14
 * kabupaten/kota in proportion to Dukcapil population, living in real desa, with NIKs that pass every NIK rule,
 * names, occupations and phone numbers typical of the province, some family members, some UMKM businesses and a
 * small share of possible duplicates to review. {@link id.lindung.demodata.DemoRegistryGenerator} produces any
 * number of rows lazily (also for benchmarks); the loader bulk-loads them into an empty registry at start-up when
 * {@code lindung.demo.enabled} is on.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data",
        allowedDependencies = {"region", "participant", "access", "shared"})
package id.lindung.demodata;
