package id.lindung.region;

/** Dukcapil population of a province or kab/kota (Kepmendagri 300.2.2-2138 Tahun 2025). */
public record Population(String code, long male, long female, long total) {}
